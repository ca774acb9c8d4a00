package i18n

// enUILesson: the lesson panel's own buttons and labels and the lesson list.
var enUILesson = map[string]string{}
