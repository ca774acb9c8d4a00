package i18n

import (
	"fmt"
	"slices"
	"strings"
)

// Lang is a language of the app, as a BCP 47 tag.
type Lang string

const (
	English Lang = "en"
	Chinese Lang = "zh-CN"
	// Pseudo is English with every message between ⟦ and ⟧: what a test
	// draws to find words that do not come from the catalogue.
	Pseudo Lang = "x-pseudo"
)

// Langs are the languages a user can choose, English first.
var Langs = []Lang{English, Chinese}

// Name is the language's name in itself, for a language menu.
func (l Lang) Name() string {
	switch l {
	case Chinese:
		return "中文"
	case Pseudo:
		return "⟦English⟧"
	}
	return "English"
}

// Parse reads a language tag as a URL, a browser or a system locale gives
// it ("zh-CN", "zh", "zh-Hans-CN", "zh_CN.UTF-8", "en-US"). Any Chinese but
// the traditional scripts is Simplified Chinese; any English is English.
// Anything else is an error naming the languages there are.
func Parse(tag string) (Lang, error) {
	t := strings.ToLower(strings.TrimSpace(tag))
	t, _, _ = strings.Cut(t, ".") // zh_CN.UTF-8
	t = strings.ReplaceAll(t, "_", "-")
	base, region, _ := strings.Cut(t, "-")
	switch {
	case base == "en":
		return English, nil
	case base == "zh" && !slices.Contains([]string{"tw", "hk", "mo", "hant", "hant-tw", "hant-hk"}, region):
		return Chinese, nil
	case t == string(Pseudo):
		return Pseudo, nil
	}
	names := make([]string, len(Langs))
	for i, l := range Langs {
		names[i] = string(l)
	}
	return English, fmt.Errorf("language %q is not available (available: %s)", tag, strings.Join(names, ", "))
}

// T is the message of key in the language, formatted with args. A key
// missing from a translation falls back to English (the tests keep the
// catalogues complete); a key missing from English is shown as itself in
// brackets, so that it stands out on screen rather than failing.
func (l Lang) T(key string, args ...any) string {
	format, ok := lookup(l, key)
	if !ok {
		return "[" + key + "]"
	}
	if len(args) > 0 {
		format = fmt.Sprintf(format, args...)
	}
	if l == Pseudo {
		return "⟦" + format + "⟧"
	}
	return format
}

// lookup finds the format of key in a language, or in English.
func lookup(l Lang, key string) (string, bool) {
	if l != English && l != Pseudo {
		if s, ok := catalogue(l)[key]; ok {
			return s, true
		}
	}
	s, ok := catalogue(English)[key]
	return s, ok
}
