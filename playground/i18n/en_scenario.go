package i18n

// enScenario is the English of scenario file errors and expectations.
var enScenario = map[string]string{}
