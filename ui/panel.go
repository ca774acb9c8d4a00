package ui

import (
	"slices"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/raftlab/raftlab/lessons/doc"
)

// A panel is one layer of the screen: it draws itself, takes the presses
// aimed at it and explains what is under the pointer. The game keeps its
// panels in one list, bottom to top (Game.panels): Draw draws them in that
// order, and a press, or the pointer's tooltip, goes to the topmost panel
// that takes it. Each panel keeps its own state.
type panel interface {
	// draw draws the panel as it is now.
	draw(dst *ebiten.Image)
	// press takes a press at (x, y) (long: a long-press) and reports
	// whether the panel used it; a panel in front of everything (a dialog)
	// uses every press.
	press(x, y float64, long bool) bool
	// tip is what the panel says of the point (x, y), and whether it has
	// the say there: a panel that has the say with an empty tooltip hides
	// those of the panels below.
	tip(x, y float64) (tooltip, bool)
}

// tooltip is what the pointer's tooltip shows: a sentence, or a key term
// of the glossary with its meaning.
type tooltip struct {
	text string
	term *doc.Entry
}

// panels are the screen's panels as they stand, bottom to top. The column
// at the right holds, under a lesson, the lesson panel above a short feed
// and the safety strip; with a server selected, the inspector above the
// feed; else the safety monitor and the feed.
func (g *Game) panels() []panel {
	if g.opts.Embed {
		return g.embedPanels()
	}
	ps := append(g.panelList[:0], &g.cluster, pointersPanel{g, false}, &g.logs)
	if g.diagram.open { // the diagram covers the logs
		ps = ps[:2]
	}
	switch {
	case g.lesson != nil:
		ps = append(ps, &g.feed, &g.safety)
	case g.inspector.inspecting():
		ps = append(ps, &g.safety, &g.inspector, &g.feed)
	default:
		ps = append(ps, &g.safety, &g.feed)
	}
	if g.present.hidesPanels() { // presenter mode hides the feed
		ps = slices.DeleteFunc(ps, func(p panel) bool { return p == &g.feed })
	}
	ps = append(ps, &g.diagram, lessonLayer{g}, &g.lin, &g.card, &g.welcome, &g.timeline, &g.top, menuLayer{g}, pointersPanel{g, true})
	if g.help.open {
		ps = append(ps, &g.help)
	}
	if g.settings != nil {
		ps = append(ps, settingsLayer{g})
	}
	if g.present.on {
		ps = append(ps, presentLayer{g})
	}
	g.panelList = ps
	return ps
}

// pressPanels hands a press (or a long-press) at (x, y) to the panels,
// topmost first, until one uses it.
func (g *Game) pressPanels(x, y float64, long bool) {
	ps := g.panels()
	for i := len(ps) - 1; i >= 0; i-- {
		if ps[i].press(x, y, long) {
			return
		}
	}
}

// tipAt is the tooltip for the pointer at (x, y): the topmost panel's that
// has the say there.
func (g *Game) tipAt(x, y float64) tooltip {
	ps := g.panels()
	for i := len(ps) - 1; i >= 0; i-- {
		if t, ok := ps[i].tip(x, y); ok {
			return t
		}
	}
	return tooltip{}
}

// pointersPanel draws the lesson's pointers: those at the cluster's
// servers, links and messages below the panels, those at the panels'
// contents above them.
type pointersPanel struct {
	g        *Game
	onPanels bool
}

func (p pointersPanel) draw(dst *ebiten.Image)             { p.g.drawPointers(dst, p.onPanels) }
func (p pointersPanel) press(x, y float64, long bool) bool { return false }
func (p pointersPanel) tip(x, y float64) (tooltip, bool)   { return tooltip{}, false }
