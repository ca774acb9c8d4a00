package ui

import "encoding/json"

// Prefs are the learner's choices that outlast a visit. They are kept
// apart from lesson progress: resetting the course keeps them.
type Prefs struct {
	// Theme is "light", or "" for the dark theme.
	Theme string `json:"theme,omitempty"`
	// Welcomed is set once the first-visit welcome card was answered.
	Welcomed bool `json:"welcomed,omitempty"`
	// Lang is the language last chosen (an i18n tag), or "" for none: the
	// browser's or the system's language then decides.
	Lang string `json:"lang,omitempty"`
}

// loadPrefs reads the preferences from a store and puts the saved theme
// in use, before New draws anything. Preferences that cannot be read are
// the defaults: nothing here is worth stopping for, and the next change
// writes a good copy.
func loadPrefs(st Store) Prefs {
	p := readPrefs(st)
	applyTheme(p.Theme == "light")
	return p
}

// readPrefs reads the preferences from a store.
func readPrefs(st Store) Prefs {
	var p Prefs
	if st == nil {
		return p
	}
	data, err := st.Load()
	if err != nil || len(data) == 0 || json.Unmarshal(data, &p) != nil {
		return Prefs{}
	}
	return p
}

// setPrefs changes the preferences and saves them. A store that refuses
// the write costs only the memory of the choice: it still holds for this
// visit.
func (g *Game) setPrefs(change func(p *Prefs)) {
	change(&g.prefs)
	if g.opts.Prefs == nil {
		return
	}
	data, err := json.Marshal(g.prefs)
	if err == nil {
		_ = g.opts.Prefs.Save(data)
	}
}
