package i18n

// zhScenario is the Chinese of scenario file errors and expectations.
var zhScenario = map[string]string{}
