package i18n

// zhUIHelp: the help overlay, in Chinese.
var zhUIHelp = map[string]string{}
