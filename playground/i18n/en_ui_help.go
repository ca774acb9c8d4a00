package i18n

// enUIHelp: the help overlay.
var enUIHelp = map[string]string{}
