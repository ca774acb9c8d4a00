package i18n

// enApp: the app as a whole: its name, the window, the language menu.
var enApp = map[string]string{
	"app.title":           "RaftLab",
	"app.language":        "Language",
	"app.language.notice": "Language %q is not available; showing English.",
}
