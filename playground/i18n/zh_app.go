package i18n

// zhApp: see enApp.
var zhApp = map[string]string{
	"app.title":           "RaftLab",
	"app.language":        "语言",
	"app.language.notice": "没有语言 %q，改用英文显示。",
}
