package i18n

import (
	"slices"
	"sync"
)

// The catalogues are kept in one file per language and area of the app
// (en_feed.go, zh_feed.go, ...), so that each area's messages and their
// translations sit side by side; parts lists them. A key is defined in
// exactly one part of each language (the tests check).
var parts = map[Lang][]messages{
	English: {enApp, enLessons, enRaftsim, enHost, enFeed, enSafety, enUISettings, enUIFeed, enUISafety, enUIWelcome,
		enUIBar, enUILesson, enUIHelp, enUIWorld, enUIClient, enScenario, enUIShare, enChallenge, enPicture, enOffline, enPresent, enLin, enManual, enSearch, enDiagram, enCompare, enEngine},
	Chinese: {zhApp, zhLessons, zhRaftsim, zhHost, zhFeed, zhSafety, zhUISettings, zhUIFeed, zhUISafety, zhUIWelcome,
		zhUIBar, zhUILesson, zhUIHelp, zhUIWorld, zhUIClient, zhScenario, zhUIShare, zhChallenge, zhPicture, zhOffline, zhPresent, zhLin, zhManual, zhSearch, zhDiagram, zhCompare, zhEngine},
}

// messages is one part of a language's catalogue: keys and their texts.
// It is a list rather than a map because a list of constant strings is
// data in the binary, where a map literal of 1,200 entries compiles to
// code that builds it: 124 KB of main.wasm (TestEveryKeyIsDefinedOnce
// checks what a map literal would have: no key twice).
type messages []struct{ key, text string }

var merged struct {
	once sync.Once
	m    map[Lang]map[string]string
}

// catalogue is a language's messages, all parts merged.
func catalogue(l Lang) map[string]string {
	merged.once.Do(func() {
		merged.m = map[Lang]map[string]string{}
		for lang, ps := range parts {
			m := map[string]string{}
			for _, p := range ps {
				for _, e := range p {
					m[e.key] = e.text
				}
			}
			merged.m[lang] = m
		}
	})
	return merged.m[l]
}

// Keys lists every message key, sorted.
func Keys() []string {
	en := catalogue(English)
	keys := make([]string, 0, len(en))
	for k := range en {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
