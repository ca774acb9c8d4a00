package i18n

// zhUILesson: the lesson panel's own buttons and labels and the lesson list, in Chinese.
var zhUILesson = map[string]string{}
