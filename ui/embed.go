package ui

import (
	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
)

// The embedded mode (Options.Embed; the browser's ?embed=1) is RaftLab as
// a course page shows it in an iframe, beside its own text: the cluster
// alone, as large as the frame allows, under a slim strip with the play
// control, the status line (or the scenario's name) and a small RaftLab
// mark, so that a reader knows what runs there. A click on a server, a
// link or a message still opens its menu, and the client panel still
// sends requests; the rest of the app (the logs, the safety monitor, the
// feed, the timeline, the lessons) stays out of the frame.

// embedStripH is the strip's height, in logical pixels.
const embedStripH = 32.0

// embedLayoutIn lays out a screen of w x h physical pixels at scale s for
// the embedded mode: the strip along the top (as the top bar, so that a
// menu opens below it), the play control at its left, the mark at its
// right, and the cluster in the rest.
func embedLayoutIn(lang i18n.Lang, w, h int, s float64, ids []view.ID) Layout {
	W, H := float64(w), float64(h)
	strip := embedStripH * s
	l := Layout{Scale: s, Screen: Rect{0, 0, W, H}, TopBar: Rect{0, 0, W, strip}}
	play := topPlay.button(lang)
	play.Rect = Rect{6 * s, 5 * s, controlWidthIn(lang, play, s), strip - 10*s}
	l.Buttons = []Button{play}
	mark := textWidth(appTitle, embedMarkFace(s))
	l.Title = Rect{W - 10*s - mark, 5 * s, mark, strip - 10*s}
	l.Cluster = Rect{0, strip, W, H - strip}
	l.Nodes = ringSpots(l.Cluster, s, ids)
	return l
}

// embedMinW and embedMinH are the smallest frame, in CSS pixels, that
// the embedded mode lays out at its full size: below it, a ring of five
// servers with their labels, the client panel and the strip no longer fit.
const (
	embedMinW = 480.0
	embedMinH = 320.0
)

// embedShrink is how much smaller than usual the embedded mode draws in a
// window of w x h CSS pixels (a factor of the layout's scale): a frame
// smaller than embedMinW x embedMinH shows the layout of that size,
// scaled down to fit, at the screen's full resolution. The browser's test
// hooks (layout(), click()) then work in the layout's logical pixels, the
// frame's CSS pixels divided by this factor.
func embedShrink(w, h int) float64 {
	if w <= 0 || h <= 0 {
		return 1 // no window yet
	}
	return min(1, float64(w)/embedMinW, float64(h)/embedMinH)
}

// embedMarkFace is the mark's font: smaller than the app's name in the
// top bar, since the frame is the course page's.
func embedMarkFace(s float64) text.Face { return face(12*s, true) }

// embedPanels are the embedded mode's panels, bottom to top: the
// cluster, the strip, the open menu, and the help (its key still works).
func (g *Game) embedPanels() []panel {
	ps := append(g.panelList[:0], &g.cluster, pointersPanel{g, false}, embedStrip{g}, menuLayer{g}, pointersPanel{g, true})
	if g.help.open {
		ps = append(ps, &g.help)
	}
	g.panelList = ps
	return ps
}

// embedStrip is the embedded mode's strip along the top.
type embedStrip struct{ g *Game }

// draw draws the strip: the play control, the status line or else the
// scenario's name in the room up to the mark, and the mark.
func (p embedStrip) draw(dst *ebiten.Image) {
	g := p.g
	s := g.scale
	bar := g.lay.TopBar
	g.spr.fillRect(dst, bar, colPanel)
	f := controlFace(s)
	for _, b := range g.lay.Buttons {
		label := b.Label
		if b.top == topPlay && g.paused {
			label = g.tr("bar.play")
		}
		g.spr.fillRect(dst, b.Rect, g.buttonColor(b))
		drawText(dst, label, f, b.Rect.CenterX(), b.Rect.CenterY(), colText, alignCenter)
	}
	last := g.lay.Buttons[len(g.lay.Buttons)-1].Rect
	x := last.X + last.W + 10*s
	room := g.lay.Title.X - 12*s - x
	text, col := g.statusShown(), colHighlight
	if text == "" {
		text, col = g.scenario.Name, colTextDim
		if text == sandboxName {
			text = g.tr("bar.sandbox")
		}
	}
	if room > 0 {
		drawText(dst, ellipsize(text, f, room), f, x, bar.CenterY(), col, alignStart)
	}
	drawText(dst, appTitle, embedMarkFace(s), g.lay.Title.X, g.lay.Title.CenterY(), colTextDim, alignStart)
}

// press carries out the play control.
func (p embedStrip) press(x, y float64, long bool) bool {
	g := p.g
	if b, ok := g.lay.hitButton(x, y); ok {
		g.pressTop(b.top)
		return true
	}
	return g.lay.TopBar.Contains(x, y)
}

// tip explains the play control; the rest of the strip has nothing to
// explain, and hides what is under it.
func (p embedStrip) tip(x, y float64) (tooltip, bool) {
	g := p.g
	if b, ok := g.lay.hitButton(x, y); ok {
		return tooltip{text: b.Hint}, true
	}
	return tooltip{}, g.lay.TopBar.Contains(x, y)
}
