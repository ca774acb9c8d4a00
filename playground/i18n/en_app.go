package i18n

// enApp: the app as a whole: its name, the window, the language menu.
var enApp = messages{
	{"app.title", "RaftLab"},
	{"app.language", "Language"},
	{"app.language.notice", "Language %q is not available; showing English."},
}
