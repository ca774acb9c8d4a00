package ui

import (
	"strings"
	"time"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
)

// "Find a way to break this": with a teaching switch on, a button in the
// cluster area's top-left corner searches random faults for a run that
// breaks safety or linearizability (the playground's search, as raftsim
// chaos --minimize does it), shrinks the run it finds, and opens the
// smallest in the app, paused at the violation, with its steps listed. The
// search runs a slice of each frame, its progress on a card; Stop or Esc
// ends it. A search that finds nothing in its budget says so.

// breaker is the search and what it found.
type breaker struct {
	search view.Search
	// result is what the last search found, shown until closed.
	result *view.SearchFound
}

// breakBudget is how long the search runs in a frame.
const breakBudget = 25 * time.Millisecond

// breakCard is the card's place, lines and button, in the language shown.
type breakCard struct {
	box    Rect
	lines  []string
	button Button
	// bad is set when the card tells of a violation found.
	bad bool
}

// canBreak reports whether the button is offered: a teaching switch is
// on, in free play, with nothing else in the corner.
func (g *Game) canBreak() bool {
	r := g.scenario.Settings.Rules
	on := r.CommitOldTermsByCounting || r.SkipElectionRestriction || r.AckBeforeFsync || r.FixedElectionTimeout
	return on && g.lesson == nil && g.scenario.Challenge == nil && g.part == nil
}

// breakCard lays the card (or the button alone) out, or reports that there
// is none.
func (g *Game) breakCard() (breakCard, bool) {
	b := &g.breaker
	if b.search == nil && b.result == nil && !g.canBreak() {
		return breakCard{}, false
	}
	s, c := g.scale, g.lay.Cluster
	f := face(12*s, false)
	w := min(420*s, c.W*0.5)
	var card breakCard
	name, label, hint := "break", g.tr("break.button"), g.tr("break.hint")
	switch {
	case b.search != nil:
		p := b.search.Progress()
		card.lines = append(card.lines, g.tr("break.searching"), g.tr("break.runs", p.Runs, p.Budget))
		if p.Minimizing {
			card.lines = append(card.lines, g.tr("break.shrinking", p.Steps, p.Tries))
		}
		name, label, hint = "break-stop", g.tr("break.stop"), g.tr("break.stop.hint")
	case b.result != nil:
		card.lines, card.bad = g.breakFound(*b.result, f, w-20*s)
		name, label, hint = "break-close", g.tr("break.close"), g.tr("break.close.hint")
	}
	row := 18 * s
	h := float64(len(card.lines))*row + 34*s
	if len(card.lines) > 0 {
		h += 8 * s
	} else {
		w = textWidth(label, f) + 24*s
	}
	card.box = Rect{c.X + 10*s, c.Y + 10*s, w, h}
	card.button = Button{Name: name, Label: label, Hint: hint,
		Rect: Rect{card.box.X + 5*s, card.box.Y + h - 29*s, textWidth(label, f) + 24*s, 24 * s}}
	return card, true
}

// breakFound is the card's lines for a search that ended, wrapped to
// width w, and whether they tell of a violation.
func (g *Game) breakFound(r view.SearchFound, f text.Face, w float64) ([]string, bool) {
	bold := face(12*g.scale, true) // the first line, the title, is drawn bold
	if !r.Found {
		if r.Stopped {
			return wrapPlain(g.tr("break.stopped", r.Runs), bold, w), false
		}
		return wrapPlain(g.tr("break.nothing", r.Runs), bold, w), false
	}
	what := g.tr("break.not-linearizable")
	if r.Property != "" {
		what = g.tr("break.breaks", view.PropertyName(r.Property, g.lang), float64(r.AtMs)/1000)
	}
	lines := wrapPlain(g.tr("break.found", len(r.Steps), r.Runs), bold, w)
	lines = append(lines[:1], wrapPlain(strings.Join(lines[1:], " ")+" "+what, f, w)...)
	for i, st := range r.Steps {
		lines = append(lines, wrapPlain(g.tr("break.step", i+1, st), f, w)...)
	}
	return lines, true
}

// breakButtons are the card's controls.
func (g *Game) breakButtons() []Button {
	if card, ok := g.breakCard(); ok {
		return []Button{card.button}
	}
	return nil
}

// clickBreak takes a press on the card or its button.
func (g *Game) clickBreak(x, y float64) bool {
	card, ok := g.breakCard()
	if !ok || !card.box.Contains(x, y) {
		return false
	}
	if card.button.Rect.Contains(x, y) {
		switch card.button.Name {
		case "break":
			g.startBreak()
		case "break-stop":
			g.breaker.search.Stop()
		case "break-close":
			g.breaker.result = nil
		}
	}
	return true
}

// startBreak starts a search on the settings of the run shown.
func (g *Game) startBreak() {
	s, err := g.opts.Lab.NewSearch(g.scenario.Settings)
	if err != nil {
		g.say(i18n.ErrorIn(err, g.lang))
		return
	}
	g.paused = true
	g.breaker = breaker{search: s}
}

// escapeBreak stops a search, or closes what it found; it reports whether
// there was either.
func (g *Game) escapeBreak() bool {
	b := &g.breaker
	switch {
	case b.search != nil:
		b.search.Stop()
	case b.result != nil:
		b.result = nil
	default:
		return false
	}
	return true
}

// breakTick runs the search for a frame's slice and, once it has ended,
// opens what it found at the violation.
func (g *Game) breakTick() {
	b := &g.breaker
	if b.search == nil {
		return
	}
	for start := time.Now(); !b.search.Done() && time.Since(start) < breakBudget; {
		b.search.Step()
	}
	if !b.search.Done() {
		return
	}
	r := b.search.Result()
	b.search = nil
	if r.Found {
		// (Opening a run clears the card: it is shown once the run is open.)
		if err := g.load(r.Scenario); err != nil {
			g.say(i18n.ErrorIn(err, g.lang)) // the run shown stays
			return
		}
	}
	b.result = &r
	if !r.Found {
		return
	}
	at := r.AtMs
	if r.Property == "" {
		at = r.Scenario.Until // a history is judged at its end
	}
	g.sess.RunUntil(at)
	g.clock, g.paused = float64(g.sess.Now()), true
	for _, v := range g.sess.Violations() {
		if v.Property == r.Property && v.AtMs == r.AtMs {
			g.cluster.highlight = append(g.cluster.highlight[:0], v.Nodes...)
			break
		}
	}
}

// drawBreak draws the card, or the button alone.
func (g *Game) drawBreak(dst *ebiten.Image) {
	card, ok := g.breakCard()
	if !ok {
		return
	}
	s := g.scale
	f, bold := face(12*s, false), face(12*s, true)
	if len(card.lines) > 0 {
		edge := colPanelEdge
		if card.bad {
			edge = colBad
		}
		g.spr.fillRect(dst, card.box, edge)
		g.spr.fillRect(dst, card.box.Inset(2*s), colPanel)
		for i, ln := range card.lines {
			font, col := f, colText
			if i == 0 {
				font, col = bold, colTextDim
			}
			g.drawLabel(dst, ln, font, card.box.X+10*s, card.box.Y+6*s+(float64(i)+0.5)*18*s, col, alignStart)
		}
	}
	b := card.button
	g.spr.fillRect(dst, b.Rect, g.buttonColor(b))
	g.drawLabel(dst, b.Label, f, b.Rect.CenterX(), b.Rect.CenterY(), colText, alignCenter)
}
