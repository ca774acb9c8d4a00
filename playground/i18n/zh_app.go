package i18n

// zhApp: see enApp.
var zhApp = messages{
	{"app.title", "RaftLab"},
	{"app.language", "语言"},
	{"app.language.notice", "没有语言 %q，改用英文显示。"},
}
