package i18n

// zhUISettings: see enUISettings.
var zhUISettings = map[string]string{
	"settings.language.explain": "应用和课程的语言。立即生效。",
}
