package ui

import "github.com/raftlab/raftlab/playground/i18n"

// ChooseLang is the language the app starts in: the one the link or the
// command line asks for, else the one the learner chose last time (kept in
// prefs), else the browser's or the system's, else English. A host that
// must know it before New (the browser starts fetching the Chinese fonts
// at once) calls it with the same arguments New gets.
func ChooseLang(asked i18n.Lang, prefs Store, system i18n.Lang) i18n.Lang {
	if asked != "" {
		return asked
	}
	if saved := readPrefs(prefs).Lang; saved != "" {
		if l, err := i18n.Parse(saved); err == nil {
			return l
		}
	}
	if system != "" {
		return system
	}
	return i18n.English
}

// Lang is the language the app speaks.
func (g *Game) Lang() i18n.Lang { return g.lang }

// tr is the message of a catalogue key in the app's language.
func (g *Game) tr(key string, args ...any) string { return g.lang.T(key, args...) }

// SetLang switches the app to a language at once, keeping the simulation
// where it is, and remembers the choice for the next visit. Chinese asks
// the host for the Chinese fonts. The lesson panel switches to the lessons'
// edition in that language, an open lesson at the same step
// (lessonToLang).
func (g *Game) SetLang(l i18n.Lang) {
	if l == g.lang {
		return
	}
	g.lang = l
	g.lessonToLang()
	g.setPrefs(func(p *Prefs) { p.Lang = string(l) })
	if l == i18n.Chinese {
		cjkWanted.Store(true)
		g.requestCJKFont()
	}
	g.redrawPanels()
}

// redrawPanels has every cached panel drawn afresh: their keys hold what
// they show, not the language nor the fonts the words are drawn in.
func (g *Game) redrawPanels() {
	for _, c := range []*panelCache{&g.logs.cache, &g.safety.cache, &g.top.cache, &g.timeline.cache, &g.inspector.cache, &g.client.cache, &g.card.cache} {
		c.valid = false
	}
	if g.lesson != nil {
		g.lesson.cache.valid = false
	}
	g.feed.key = feedKey{}
	g.safety.headMemo.text = ""
}
