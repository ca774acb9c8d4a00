package ui

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"time"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/raftlab/raftlab/playground/view"
)

// The space-time diagram panel: one lane per server, time left to right
// as on the timeline, every Raft message an arrow from its sending to its
// arrival or loss (view.SpaceTime, read from the trace). It covers the
// logs and follows the present: the present stands
// at diagramNowAt of its width, so the messages on the wire show ahead of
// it. A click on an arrow selects the message and moves the present to
// the middle of its flight; the wheel, or [ and ], zooms.
//
// Drawing 200 arrows and their labels every frame is too slow under
// software rendering, so the diagram is drawn into a strip (an image twice
// as wide as the panel) that slides under the panel as the present
// moves, and is redrawn when what it shows changes (a zoom, a selection, a
// seek back), when the present would leave it, and otherwise, as the run
// goes on, at most every diagramRepaintFrames frames and
// diagramRepaintEvery: the newest messages show in batches. The panel
// takes the logs' place, whose drawing it saves.
type diagramPanel struct {
	g    *Game
	open bool
	// spanMs is the time the panel's width shows (zoom).
	spanMs int64
	// selected is the flight selected by a click, 0 for none.
	selected uint64
	strip    diagramStrip
}

// diagramStrip is the diagram as last drawn: its model, the stretch of
// time it covers, and what it was drawn for.
type diagramStrip struct {
	img    *ebiten.Image
	st     view.SpaceTime
	key    diagramKey
	traced int
	drawn  time.Duration // the app's uptime at the last redraw
	// frames counts the frames drawn since the last redraw.
	frames int
	// dirty is set when st was read again and the image not yet redrawn.
	dirty bool
}

// diagramKey is what a strip shows, but for the trace's growth.
type diagramKey struct {
	from, to int64
	w, h     int
	lanes    int
	selected uint64
	rewinds  uint64
	light    bool
}

const (
	diagramNowAt         = 0.8
	diagramRepaintFrames = 10
	diagramRepaintEvery  = 150 * time.Millisecond
	diagramDefaultSpanMs = 2000
	diagramMinSpanMs     = 20
	diagramMaxSpanMs     = 20_000
	diagramLabelW        = 36.0 // room for a lane's name, unscaled
)

// toggleDiagram opens or closes the panel (the D key, its control).
func (g *Game) toggleDiagram() {
	d := &g.diagram
	d.open = !d.open
	if d.spanMs == 0 {
		d.spanMs = diagramDefaultSpanMs
	}
}

// zoomDiagram shows less (in) or more of the run across the panel.
func (g *Game) zoomDiagram(in bool) {
	d := &g.diagram
	if !d.open {
		return
	}
	if in {
		d.spanMs = max(diagramMinSpanMs, d.spanMs*2/3)
	} else {
		d.spanMs = min(diagramMaxSpanMs, d.spanMs*3/2)
	}
}

// diagramWheel zooms with the wheel over the panel.
func (g *Game) diagramWheel(x, y, dy float64) {
	if dy != 0 && g.diagram.open && g.diagram.area().Contains(x, y) {
		g.zoomDiagram(dy > 0)
	}
}

// area is where the panel is: over the logs (the diagram tells their
// history), and higher when its lanes need more room than they have.
func (d *diagramPanel) area() Rect {
	s, l := d.g.scale, d.g.lay.Logs
	need := 44*s + 20*s*float64(max(len(d.g.lay.Nodes), 3))
	top := math.Max(d.g.lay.Cluster.Y+d.g.lay.Cluster.H*0.5, math.Min(l.Y, l.Y+l.H-need))
	return Rect{l.X + 4*s, top, l.W - 8*s, l.Y + l.H - top - 2*s}
}

// button is the panel's control, at the top right of the panel's place.
func (d *diagramPanel) button() Rect {
	s, a := d.g.scale, d.area()
	w := textWidth(d.g.tr("diagram.button"), face(12*s, true)) + 16*s
	return Rect{a.X + a.W - w - 4*s, a.Y + 3*s, w, 20 * s}
}

// plot is the part of the panel the lanes take, and the lanes' pitch.
func (d *diagramPanel) plot() (Rect, float64) {
	s, a := d.g.scale, d.area()
	r := Rect{a.X + diagramLabelW*s, a.Y + 26*s, a.W - diagramLabelW*s - 8*s, a.H - 44*s}
	n := max(1, len(d.strip.st.Lanes))
	return r, r.H / float64(n)
}

// window is the stretch of time the panel shows now.
func (d *diagramPanel) window() (from, to int64) {
	span := d.spanMs
	if span == 0 { // never opened
		span = diagramDefaultSpanMs
	}
	now := int64(d.g.clock)
	from = now - int64(float64(span)*diagramNowAt)
	return from, from + span
}

// stripWindow is the stretch a strip drawn now covers: the window now,
// and a span more.
func (d *diagramPanel) stripWindow() (from, to int64) {
	from, to = d.window()
	return from, to + d.spanMs
}

// refresh reads the diagram's model again if the strip is stale, for the
// next draw to repaint (and the hit boxes to match what it will show).
func (d *diagramPanel) refresh() {
	g, st := d.g, &d.strip
	plot, _ := d.plot()
	from, to := d.stripWindow()
	px := plot.W / float64(d.spanMs)
	k := diagramKey{from, to, int(math.Ceil(px * float64(to-from))), int(math.Ceil(plot.H)), len(g.lay.Nodes), d.selected, g.sess.Rewinds(), themeLight}
	wfrom, wto := d.window()
	fits := wfrom >= st.key.from && wto <= st.key.to
	same := k.w == st.key.w && k.h == st.key.h && k.lanes == st.key.lanes && k.selected == st.key.selected && k.rewinds == st.key.rewinds && k.light == st.key.light
	moved := k.from != st.key.from || g.sess.TraceLen() != st.traced
	due := st.frames >= diagramRepaintFrames && g.uptime.now()-st.drawn >= diagramRepaintEvery
	if st.traced != 0 && same && fits && (!moved || !due) {
		return
	}
	st.st = g.sess.SpaceTime(from, to)
	st.key, st.traced, st.drawn, st.frames, st.dirty = k, g.sess.TraceLen(), g.uptime.now(), 0, true
}

// paint draws the strip afresh if its model was read again.
func (d *diagramPanel) paint() {
	k := d.strip.key
	if !d.strip.dirty {
		return
	}
	d.strip.dirty = false
	if d.strip.img == nil || d.strip.img.Bounds().Dx() < k.w || d.strip.img.Bounds().Dy() < k.h {
		if d.strip.img != nil {
			d.strip.img.Deallocate()
		}
		d.strip.img = ebiten.NewImage(k.w+64, k.h)
	} else {
		d.strip.img.Clear()
	}
	plot, pitch := d.plot()
	d.drawStrip(d.strip.img, plot.W/float64(d.spanMs), pitch)
}

// stripX is where moment t is on the strip.
func (d *diagramPanel) stripX(t int64, px float64) float64 {
	return float64(t-d.strip.key.from) * px
}

// laneY is where a server's lane is, in the plot (0: its top); false for
// a server with no lane.
func (d *diagramPanel) laneY(id view.ID, pitch float64) (float64, bool) {
	for i, l := range d.strip.st.Lanes {
		if l == id {
			return (float64(i) + 0.5) * pitch, true
		}
	}
	return 0, false
}

// arrowEnds is where an arrow starts and ends in the plot's coordinates
// (x along the strip); a message lost on the way ends halfway between the
// lanes, where it was lost.
func (d *diagramPanel) arrowEnds(a *view.Arrow, px, pitch float64) (x1, y1, x2, y2 float64, ok bool) {
	y1, ok1 := d.laneY(a.From, pitch)
	y2, ok2 := d.laneY(a.To, pitch)
	if a.Lost && a.OnWire {
		y2 = (y1 + y2) / 2
	}
	return d.stripX(a.SendAt, px), y1, d.stripX(a.EndAt, px), y2, ok1 && ok2
}

// drawStrip draws the lanes, the arrows and the marks onto the strip.
func (d *diagramPanel) drawStrip(dst *ebiten.Image, px, pitch float64) {
	g, s := d.g, d.g.scale
	spr := g.spr
	st := &d.strip.st
	w := float64(dst.Bounds().Dx())
	dst.Fill(colPanel)
	if st.Known > st.From {
		spr.fillRect(dst, Rect{0, 0, d.stripX(st.Known, px), float64(dst.Bounds().Dy())}, withAlpha(colBackground, 0.5))
	}
	small := face(10*s, false)
	step := tickStepMs(d.spanMs)
	for t := (st.From/step + 1) * step; t < st.To; t += step {
		x := d.stripX(t, px)
		spr.line(dst, x, 0, x, float64(dst.Bounds().Dy()), 1*s, colPanelEdge)
		drawText(dst, g.tr("diagram.seconds", view.Seconds(t)), small, x+3*s, 6*s, colTextDim, alignStart)
	}
	for i := range st.Lanes {
		y := (float64(i) + 0.5) * pitch
		spr.line(dst, 0, y, w, y, 1*s, colLink)
	}
	labels := pitch >= 16*s
	for i := range st.Arrows {
		a := &st.Arrows[i]
		x1, y1, x2, y2, ok := d.arrowEnds(a, px, pitch)
		if !ok {
			continue
		}
		c := messageColor(a.Msg.Type)
		alpha, width := 1.0, 1.4*s
		if a.Msg.Heartbeat() {
			alpha = 0.5
		}
		if a.Flight == d.selected {
			c, width = colText, 3*s
		}
		col := withAlpha(c, alpha)
		if a.Duplicate {
			spr.dashed(dst, x1, y1, x2, y2, width, 3*s, col)
		} else {
			spr.line(dst, x1, y1, x2, y2, width, col)
		}
		switch {
		case a.Lost && !a.Open:
			cross(spr, dst, x2, y2, 4*s, 2*s, colCut)
		case !a.Lost:
			arrowHead(spr, dst, x1, y1, x2, y2, 6*s, width, col)
		}
		if lbl := a.Label(); labels && x2-x1 >= textWidth(lbl, small)+10*s {
			drawText(dst, lbl, small, (x1+x2)/2, (y1+y2)/2-6*s, col, alignCenter)
		}
	}
	// A mark's label (a term, a commit index) is left out where it would
	// run into the last one drawn on its lane.
	var lastLabel [view.MaxNodes + 1]float64
	for i := range lastLabel {
		lastLabel[i] = math.Inf(-1)
	}
	for _, m := range st.Marks {
		y, ok := d.laneY(m.Node, pitch)
		if !ok || m.Node > view.MaxNodes {
			continue
		}
		x := d.stripX(m.At, px)
		room := labels && x-lastLabel[m.Node] >= 24*s
		if room && !(m.Kind == view.MarkCommit && m.Echo) {
			lastLabel[m.Node] = x
		}
		d.drawMark(dst, m, x, y, room)
	}
}

// tickStepMs is the time between two ticks of a span: 1, 2 or 5 times a
// power of ten, about four to a span.
func tickStepMs(span int64) int64 {
	step := int64(1)
	for {
		for _, m := range []int64{1, 2, 5} {
			if span/(step*m) <= 4 {
				return step * m
			}
		}
		step *= 10
	}
}

// drawMark draws a mark on its lane (the
// shapes, which the SVG shares: internal/picture/diagram.go).
func (d *diagramPanel) drawMark(dst *ebiten.Image, m view.Mark, x, y float64, labels bool) {
	g, s := d.g, d.g.scale
	spr := g.spr
	term := func(c color.RGBA) {
		if labels {
			drawText(dst, fmt.Sprintf("T%d", m.Term), face(10*s, true), x, y-11*s, c, alignCenter)
		}
	}
	switch m.Kind {
	case view.MarkCandidate:
		spr.line(dst, x-5*s, y, x, y-5*s, 2*s, colCandidate)
		spr.line(dst, x, y-5*s, x+5*s, y, 2*s, colCandidate)
		spr.line(dst, x+5*s, y, x, y+5*s, 2*s, colCandidate)
		spr.line(dst, x, y+5*s, x-5*s, y, 2*s, colCandidate)
		term(colCandidate)
	case view.MarkLeader:
		drawCentered(dst, spr.disc(int(6*s)), x, y, colLeader)
		term(colLeader)
	case view.MarkCommit:
		c := colOK
		if m.Echo {
			c = withAlpha(colOK, 0.5)
		}
		spr.line(dst, x, y-6*s, x, y+6*s, 2.5*s, c)
		if labels && !m.Echo {
			drawText(dst, fmt.Sprint(m.Index), face(9*s, false), x, y+12*s, colOK, alignCenter)
		}
	case view.MarkCrash:
		cross(spr, dst, x, y, 5*s, 2.5*s, colBad)
	case view.MarkRestart:
		spr.line(dst, x-5*s, y+4*s, x+5*s, y+4*s, 2.5*s, colOK)
		spr.line(dst, x-5*s, y+4*s, x, y-5*s, 2.5*s, colOK)
		spr.line(dst, x+5*s, y+4*s, x, y-5*s, 2.5*s, colOK)
	case view.MarkMembership:
		spr.fillRect(dst, Rect{x - 4*s, y - 4*s, 8 * s, 8 * s}, colAccent)
	}
}

// cross draws an ✕ of half-size r at (x, y).
func cross(spr *sprites, dst *ebiten.Image, x, y, r, width float64, c color.RGBA) {
	spr.line(dst, x-r, y-r, x+r, y+r, width, c)
	spr.line(dst, x-r, y+r, x+r, y-r, width, c)
}

// arrowHead draws the head of the arrow from (x1, y1) to (x2, y2).
func arrowHead(spr *sprites, dst *ebiten.Image, x1, y1, x2, y2, size, width float64, c color.RGBA) {
	a := math.Atan2(y2-y1, x2-x1)
	for _, da := range []float64{0.45, -0.45} {
		spr.line(dst, x2, y2, x2-size*math.Cos(a+da), y2-size*math.Sin(a+da), width, c)
	}
}

// drawDiagram draws the panel: its frame and header, the strip slid to
// the present, the present's line, the selection, and its control.
func (d *diagramPanel) draw(dst *ebiten.Image) {
	g, s := d.g, d.g.scale
	if g.lay.Cluster.W <= 0 || g.present.on {
		return
	}
	b := d.button()
	g.spr.fillRect(dst, b, g.buttonColor(Button{Rect: b}))
	if !d.open {
		g.drawLabel(dst, g.tr("diagram.button"), face(12*s, true), b.CenterX(), b.CenterY(), colText, alignCenter)
		return
	}
	d.refresh()
	d.paint()
	d.strip.frames++
	a := d.area()
	plot, pitch := d.plot()
	// The strip is opaque: the panel's ground is filled around it.
	right, bottom := plot.X+plot.W, plot.Y+plot.H
	for _, r := range []Rect{{a.X, a.Y, a.W, plot.Y - a.Y}, {a.X, plot.Y, plot.X - a.X, plot.H}, {right, plot.Y, a.X + a.W - right, plot.H}, {a.X, bottom, a.W, a.Y + a.H - bottom}} {
		g.spr.fillRect(dst, r, colPanel)
	}
	g.spr.strokeRect(dst, a, 1*s, colPanelEdge)
	g.spr.fillRect(dst, b, g.buttonColor(Button{Rect: b}))
	g.spr.strokeRect(dst, b, 1.5*s, colAccent)
	g.drawLabel(dst, g.tr("diagram.button"), face(12*s, true), b.CenterX(), b.CenterY(), colText, alignCenter)
	px := plot.W / float64(d.spanMs)
	from, _ := d.window()
	off := d.stripX(from, px)
	sub := d.strip.img.SubImage(image.Rect(int(off), 0, int(off+plot.W), int(math.Ceil(plot.H)))).(*ebiten.Image)
	op := newImageOp()
	op.GeoM.Translate(math.Floor(plot.X), math.Floor(plot.Y))
	dst.DrawImage(sub, op)
	for i, id := range d.strip.st.Lanes {
		g.drawLabel(dst, id.Name(), face(12*s, true), a.X+8*s, plot.Y+(float64(i)+0.5)*pitch, colText, alignStart)
	}
	nowX := plot.X + plot.W*diagramNowAt
	g.spr.line(dst, nowX, plot.Y-4*s, nowX, plot.Y+plot.H+4*s, 1.5*s, colHighlight)
	title := g.tr("diagram.title") + "  ·  " + g.tr("diagram.span", d.spanMs)
	g.drawLabel(dst, title, face(12*s, true), a.X+8*s, a.Y+13*s, colText, alignStart)
	foot := ""
	if sel, ok := d.selectedArrow(); ok {
		foot = g.tr("diagram.selected", sel.Sentence(g.lang))
	} else if len(d.strip.st.Arrows) == 0 {
		foot = g.tr("diagram.none")
	}
	if foot != "" {
		f := face(11*s, false)
		g.drawLabel(dst, ellipsize(foot, f, a.W-16*s), f, a.X+8*s, a.Y+a.H-10*s, colTextDim, alignStart)
	}
	d.ringSelected(dst)
}

// ringSelected rings the selected message on the cluster while it flies.
func (d *diagramPanel) ringSelected(dst *ebiten.Image) {
	g := d.g
	for i := range g.cluster.spots {
		if m := &g.cluster.spots[i]; d.selected != 0 && m.f.ID == d.selected {
			drawCentered(dst, g.spr.ring(int(12*g.scale), int(2.5*g.scale)), m.x, m.y, colHighlight)
		}
	}
}

// selectedArrow is the selected message's arrow, if the strip has it.
func (d *diagramPanel) selectedArrow() (view.Arrow, bool) {
	for _, a := range d.strip.st.Arrows {
		if d.selected != 0 && a.Flight == d.selected {
			return a, true
		}
	}
	return view.Arrow{}, false
}

// diagramHit is an arrow as it is on the screen now.
type diagramHit struct {
	arrow          view.Arrow
	x1, y1, x2, y2 float64
}

// hits are the arrows on the screen now, clipped to the plot.
func (d *diagramPanel) hits() []diagramHit {
	if !d.open {
		return nil
	}
	d.refresh()
	plot, pitch := d.plot()
	px := plot.W / float64(d.spanMs)
	from, _ := d.window()
	off := d.stripX(from, px)
	var out []diagramHit
	for _, a := range d.strip.st.Arrows {
		x1, y1, x2, y2, ok := d.arrowEnds(&a, px, pitch)
		if !ok {
			continue
		}
		x1, x2 = x1-off+plot.X, x2-off+plot.X
		y1, y2 = y1+plot.Y, y2+plot.Y
		// Clip to the plot's width.
		if x2 < plot.X || x1 > plot.X+plot.W || x2 <= x1 {
			continue
		}
		if x1 < plot.X {
			y1 += (y2 - y1) * (plot.X - x1) / (x2 - x1)
			x1 = plot.X
		}
		if x2 > plot.X+plot.W {
			y2 = y1 + (y2-y1)*(plot.X+plot.W-x1)/(x2-x1)
			x2 = plot.X + plot.W
		}
		out = append(out, diagramHit{a, x1, y1, x2, y2})
	}
	return out
}

// hitArrow is the arrow nearest (x, y), within a few pixels.
func (d *diagramPanel) hitArrow(x, y float64) (view.Arrow, bool) {
	best, found := 6*d.g.scale, view.Arrow{}
	ok := false
	for _, h := range d.hits() {
		if dist, _ := segmentDistance(x, y, h.x1, h.y1, h.x2, h.y2); dist <= best {
			best, found, ok = dist, h.arrow, true
		}
	}
	return found, ok
}

// press opens or closes the panel from its control, and selects the
// arrow clicked: the present moves to the middle of its flight, paused,
// so that the message shows on the wire.
func (d *diagramPanel) press(x, y float64, long bool) bool {
	g := d.g
	if g.present.on {
		return false
	}
	if d.button().Contains(x, y) {
		g.toggleDiagram()
		return true
	}
	if !d.open || !d.area().Contains(x, y) {
		return false
	}
	if a, ok := d.hitArrow(x, y); ok {
		d.selected = a.Flight
		g.paused = true
		g.seek(float64(a.SendAt + (a.EndAt-a.SendAt)/2))
	}
	return true
}

// tip describes the arrow under the pointer, or the control.
func (d *diagramPanel) tip(x, y float64) (tooltip, bool) {
	if d.g.present.on {
		return tooltip{}, false
	}
	if d.button().Contains(x, y) {
		return tooltip{text: d.g.tr("diagram.tip")}, true
	}
	if !d.open || !d.area().Contains(x, y) {
		return tooltip{}, false
	}
	if a, ok := d.hitArrow(x, y); ok {
		return tooltip{text: a.Sentence(d.g.lang)}, true
	}
	return tooltip{}, true
}
