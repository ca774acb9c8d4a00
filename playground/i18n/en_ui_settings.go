package i18n

// enUISettings: the settings dialog.
var enUISettings = map[string]string{
	// The explanation beside the Language row of the settings dialog.
	"settings.language.explain": "The language of the app and its lessons. It changes at once.",
}
