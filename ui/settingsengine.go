package ui

import (
	"slices"

	"github.com/raftlab/raftlab/lessons/doc"
	"github.com/raftlab/raftlab/playground/view"
)

// The settings dialog's engine choice: which Raft the servers of the next
// run run, RaftLab's or etcd's. It is a control in the dialog's title
// line, left of the presenter mode switch, rather than a row: at 800x600
// the rows have no height to spare. Unlike that switch it is part of the
// draft, applied with the rest by Apply.

// engineControlName is the engine control's name, the tests' and
// automation's.
const engineControlName = "set-engine"

// engineSwitch is the engine control's row.
const engineSwitch = -3

// engineControl is the engine control, ending 10 pixels left of the
// presenter mode switch at present: it names the drafted engine, and
// steps to the next.
func (g *Game) engineControl(present Rect) settingsControl {
	s := g.scale
	label := g.tr("settings.engine", g.tr(engineKey(g.settings.draft.Engine)))
	w := controlWidthIn(g.lang, Button{Label: label}, s)
	r := Rect{present.X - 10*s - w, present.Y, w, present.H}
	return settingsControl{Button{Name: engineControlName, Label: label, Hint: g.tr("settings.engine.explain"), Rect: r}, engineSwitch, 1}
}

// chooseEngine drafts the engine step places after the drafted one. etcd's
// raft has no teaching switches: choosing it turns any that is on off
// (and the foot says so) rather than have Apply refuse the settings.
func (p *settingsPanel) chooseEngine(step int) {
	d := &p.draft
	n := len(view.Engines)
	i := max(0, slices.Index(view.Engines, d.Engine))
	d.Engine = view.Engines[((i+step)%n+n)%n]
	p.switchedOff = false
	if d.Engine == view.EngineEtcd && (d.Rules != view.Rules{} || !d.LeaderNoop) {
		d.Rules, d.LeaderNoop = view.Rules{}, true
		p.switchedOff = true
	}
	p.err = nil
}

// settingsRowHint is what a row of the run's settings explains: what it
// does, or, while it is disabled, why.
func (g *Game) settingsRowHint(r setting) string {
	if g.settings != nil && r.disabled(&g.settings.draft) {
		return g.tr("settings.engine.no-switches")
	}
	return g.tr(r.explainKey())
}

// settingsNoteLines is the note the dialog's foot shows while etcd's
// engine is drafted: that its teaching switches are disabled, or that
// choosing it turned them off.
func (g *Game) settingsNoteLines() []string {
	if g.settings == nil || g.settings.draft.Engine != view.EngineEtcd {
		return nil
	}
	key := "settings.engine.no-switches"
	if g.settings.switchedOff {
		key = "settings.engine.switches-off"
	}
	return g.settingsFootLines(g.tr(key))
}

// loadEngine starts the new run sc, whose engine this build lacks, in a
// build that has it, at its first moment, in the app's language and speed,
// playing if this run was.
// Without a host that can, the dialog says this build has no such engine.
func (g *Game) loadEngine(sc *view.Scenario) {
	if err := g.reloadWith(sc.Settings.Engine, view.Link{Scenario: sc, Speed: doc.Speeds[g.speed], Lang: g.lang, Play: !g.paused}); err != nil {
		g.settings.err = err
		return
	}
	g.settings = nil
}
