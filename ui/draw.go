package ui

import (
	"image/color"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/raftlab/raftlab/lessons/doc"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
)

// Draw implements ebiten.Game: it draws the state as Update (or a hook)
// left it and changes none of it: the layout, the messages' places and
// every timing are Update's. What it writes are caches of what it draws,
// each a pure function of the state it draws (the panels' images, the
// sprites of shapes and lines of text, the memos of laid-out text), and
// the count of frames drawn, which only the browser tests read.
func (g *Game) Draw(screen *ebiten.Image) {
	g.drawn++
	if g.opts.Empty || len(g.lay.Buttons) == 0 {
		screen.Fill(colBackground)
		return // nothing to draw, or not yet laid out
	}
	if g.spr == nil {
		g.spr = newSprites()
	}
	g.fillGround(screen)
	if g.drawn%60 == 0 {
		g.texts.sweep(g.drawn)
	}
	for _, p := range g.panels() {
		p.draw(screen)
	}
	g.takeShot(screen) // (the tooltip is no part of the view)
	// Over everything: the settings explain their rows too.
	g.drawTooltip(screen)
}

// statusShown is the status line while it shows, or "" (Update takes a
// message away once it has shown for statusFor).
func (g *Game) statusShown() string { return g.status.text }

// drawTooltip explains what is under the pointer, as the topmost panel
// there says (see panel.tip).
func (g *Game) drawTooltip(dst *ebiten.Image) {
	t := g.tipAt(g.hover.x, g.hover.y)
	if t.term != nil {
		g.drawTermTip(dst, *t.term)
		return
	}
	tip := t.text
	if tip == "" {
		return
	}
	s := g.scale
	box, lines := g.tooltipLaidOut(tip)
	g.spr.fillRect(dst, box, colPanelEdge)
	for i, ln := range lines {
		drawText(dst, ln, face(12*s, false), box.X+8*s, box.Y+3*s+(float64(i)+0.5)*tooltipLineH*s, colText, alignStart)
	}
}

// tooltipLineH is the height of a line of a tooltip, in logical pixels.
const tooltipLineH = 16.0

// tooltipLaidOut is the box of a tooltip beside the pointer and its lines:
// a long tip wraps, so that it stays on screen.
func (g *Game) tooltipLaidOut(tip string) (Rect, []string) {
	s := g.scale
	f := face(12*s, false)
	var lines []string
	w := 0.0
	for _, ln := range wrapSpans([]doc.Span{{Text: tip}}, 360*s, 12*s, false) {
		lines = append(lines, strings.TrimRight(ln[0].text, " "))
		w = max(w, textWidth(lines[len(lines)-1], f)+16*s)
	}
	h := float64(len(lines))*tooltipLineH*s + 6*s
	x := max(4*s, min(g.hover.x+14*s, float64(g.w)-w-4*s))
	y := min(g.hover.y+20*s, float64(g.h)-h-4*s)
	return Rect{x, y, w, h}, lines
}

// drawTermTip explains a key term of a lesson's narration beside the
// pointer: the term in bold, then its meaning, wrapped.
func (g *Game) drawTermTip(dst *ebiten.Image, e doc.Entry) {
	s := g.scale
	width := 320 * s
	size := 12 * s
	lh := 16 * s
	term, meaning := e.In(g.lang)
	lines := wrapSpans([]doc.Span{{Text: g.tr("tip.term", term), Style: doc.Bold}, {Text: meaning}}, width, size, false)
	box := Rect{0, 0, width + 16*s, float64(len(lines))*lh + 10*s}
	// Left of the pointer: the panel is at the screen's right edge.
	box.X = max(4*s, g.hover.x-box.W-10*s)
	box.Y = min(g.hover.y+18*s, float64(g.h)-box.H-4*s)
	g.spr.fillRect(dst, box, colPanelEdge)
	g.spr.strokeRect(dst, box, 1*s, colAccent)
	for i, ln := range lines {
		for _, r := range ln {
			drawText(dst, r.text, spanFace(r.style, size, false), box.X+8*s+r.x, box.Y+5*s+float64(i)*lh+lh/2, colText, alignStart)
		}
	}
}

// hitAny returns the control of bs under (x, y).
func hitAny(bs []Button, x, y float64) (Button, bool) {
	for _, b := range bs {
		if b.Rect.Contains(x, y) {
			return b, true
		}
	}
	return Button{}, false
}

// buttonColor is a control's fill: lighter under the pointer.
func (g *Game) buttonColor(b Button) color.RGBA {
	if b.Rect.Contains(g.hover.x, g.hover.y) {
		return colButtonHot
	}
	return colButton
}

// describeMessage names a message and its fields in one line, in a
// language.
func describeMessage(lang i18n.Lang, f *view.Flight) string {
	if f.Lost {
		return lang.T("tip.message.lost", f.Text.In(lang), f.LostWhy.In(lang))
	}
	return lang.T("tip.message", f.Text.In(lang))
}
