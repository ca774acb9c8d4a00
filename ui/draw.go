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
	screen.Fill(colBackground)
	g.drawn++
	if g.opts.Empty || len(g.lay.Buttons) == 0 {
		return // nothing to draw, or not yet laid out
	}
	if g.spr == nil {
		g.spr = newSprites()
	}
	if g.drawn%60 == 0 {
		g.texts.sweep(g.drawn)
	}
	for _, p := range g.panels() {
		p.draw(screen)
	}
	// Over everything: the settings explain their rows too.
	g.drawTooltip(screen)
}

// drawTopBar draws the controls and, on the right, the scenario's name or
// the status line. It is cached (see panelCache): it changes with the
// pointer's button, play/pause and the status line.
func (g *Game) drawTopBar(dst *ebiten.Image) {
	g.keyScratch = g.topBarKey(g.keyScratch[:0])
	g.top.cache.draw(dst, g.lay.TopBar, g.keyScratch, g.renderTopBar)
}

// statusShown is the status line while it shows, or "" (Update takes a
// message away once it has shown for statusFor).
func (g *Game) statusShown() string { return g.status }

// topBarKey appends to k what the top bar shows.
func (g *Game) topBarKey(k keyBuf) keyBuf {
	k = k.rect(g.lay.TopBar).float(g.scale).bool(g.paused).str(g.statusShown()).str(g.barName())
	for _, b := range g.lay.Buttons {
		k = k.str(b.Label).rect(b.Rect).bool(b.Rect.Contains(g.hover.x, g.hover.y))
	}
	return k
}

// renderTopBar draws the top bar with every position shifted by (-dx,
// -dy): the app's name, the controls (Lessons stands out: it is the way
// into the course), and in the room left at the right the scenario's name
// or the status line.
func (g *Game) renderTopBar(dst *ebiten.Image, dx, dy float64) {
	s := g.scale
	bar := g.lay.TopBar.moved(dx, dy)
	g.spr.fillRect(dst, bar, colPanel)
	t := g.lay.Title.moved(dx, dy)
	drawText(dst, appTitle, titleFace(s), t.X, t.CenterY(), colText, alignStart)
	f := controlFace(s)
	for _, b := range g.lay.Buttons {
		r := b.Rect.moved(dx, dy)
		bg, fg := g.buttonColor(b), colText
		if b.top == topLessons {
			bg, fg = colAccent, colBackground
		}
		g.spr.fillRect(dst, r, bg)
		label := b.Label
		if b.top == topPlay && g.paused {
			label = g.tr("bar.play")
		}
		drawText(dst, label, f, r.CenterX(), r.CenterY(), fg, alignCenter)
	}
	right := g.lay.TopBar.W - 12*s - dx
	if status := g.statusShown(); status != "" {
		drawText(dst, ellipsize(status, f, g.barRoom()), f, right, bar.CenterY(), colHighlight, alignEnd)
		return
	}
	drawText(dst, g.barName(), f, right, bar.CenterY(), colTextDim, alignEnd)
}

// barRoom is the width left at the top bar's right, after the controls,
// for the status line or the name.
func (g *Game) barRoom() float64 {
	s := g.scale
	last := g.lay.Buttons[len(g.lay.Buttons)-1].Rect
	return g.lay.TopBar.W - 12*s - (last.X + last.W) - 10*s
}

// barName is the name the top bar shows at its right, in the room there.
// In a lesson it is the lesson's number and title, else the number alone
// ("Lesson 3"), else nothing: a cut title says less than none (the lesson
// panel shows it whole). Otherwise it is the scenario's name (the
// sandbox's in the app's language), cut only when enough of it still
// shows.
func (g *Game) barName() string {
	f, room := controlFace(g.scale), g.barRoom()
	if g.lesson != nil && g.lesson.run != nil {
		l := g.lesson.run.Lesson()
		for _, name := range []string{g.tr("bar.lesson.title", l.Number, l.Title), g.tr("bar.lesson", l.Number)} {
			if textWidth(name, f) <= room {
				return name
			}
		}
		return ""
	}
	name := g.scenario.Name
	if name == sandboxName {
		name = g.tr("bar.sandbox")
	}
	if textWidth(name, f) <= room || room >= 100*g.scale {
		return ellipsize(name, f, room)
	}
	return ""
}

// drawMoreMenu draws the menu of the controls that did not fit the top
// bar, while it is open.
func (g *Game) drawMoreMenu(dst *ebiten.Image) {
	if !g.top.moreOpen || len(g.lay.More) == 0 {
		return
	}
	s := g.scale
	first, last := g.lay.More[0].Rect, g.lay.More[len(g.lay.More)-1].Rect
	box := Rect{first.X, first.Y, first.W, last.Y + last.H - first.Y}
	g.spr.fillRect(dst, box.Inset(-1*s), colPanelEdge)
	for _, b := range g.lay.More {
		g.spr.fillRect(dst, b.Rect, g.buttonColor(b))
		drawText(dst, b.Label, controlFace(s), b.Rect.X+16*s, b.Rect.CenterY(), colText, alignStart)
	}
}

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
