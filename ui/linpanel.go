package ui

import (
	"math"
	"slices"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
)

// The linearizability panel shows why the client history cannot be put in
// order: the failing key's operations as bars on a time axis (invoke to
// return, a row per client), the ones that cannot be ordered in red, and
// the sentence that says why. A click on a bar moves the timeline to the
// moment that call returned (or was made, if it never did); the call to
// look at, most often the read that broke the history, is outlined.
//
// The check runs when the panel opens (from the safety monitor's light of
// reads, or OpenLinearizability) and not again while it stays open: the
// panel keeps what it found at that moment, so that the bars stay put
// while the learner travels in time to look at them.

// linPanel is the panel's state.
type linPanel struct {
	g    *Game
	open bool
	// expl is the explanation found when the panel opened, at atMs;
	// gen counts the openings (a part of the drawing's key).
	expl view.LinExplanation
	atMs int64
	gen  uint64
	// laid is the layout as last computed, for the key it was computed
	// for: the panel's place is asked for many times a frame.
	laid    linLaid
	laidKey linLaidKey
	cache   panelCache
}

// linLaidKey is what the layout depends on.
type linLaidKey struct {
	gen     uint64
	cluster Rect
	scale   float64
	lang    string
	// fonts is the font generation: the Chinese fonts' arrival changes
	// the text's widths.
	fonts int
}

// linLaid is the panel as laid out: its box, the sentence's lines, the
// rows' labels, the bars (one per operation of expl.Ops, in that order),
// the axis, and the close button.
type linLaid struct {
	box, axis, close Rect
	title            string
	why              []string
	rows             []linRow
	bars             []Rect
	// labels are the bars' labels, each above its bar.
	labels []linLabel
	// t0 and t1 are the times at the axis's ends.
	t0, t1 int64
	hintY  float64
}

// linLabel is a bar's label: its call and result, cut short to fit,
// and where it starts.
type linLabel struct {
	text string
	x    float64
}

// linLabels places the bars' labels (bars and ops in call order), each
// above its bar and clear of its row's other labels: from the bar's start
// when there is room before the next bar of the row, else ending at the
// bar's end when there is room after the previous label (the last, short
// call of a row), else from the start, cut short.
func (p *linPanel) linLabels(l *linLaid) []linLabel {
	g := p.g
	s := g.scale
	f := face(11*s, false)
	ops := p.expl.Ops
	out := make([]linLabel, len(ops))
	for i, o := range ops {
		text := o.Cmd.String() + " → " + o.ResultMsg().In(g.lang)
		b := l.bars[i]
		// The room in the row: after the previous label, before the
		// next bar.
		lo, hi := l.axis.X-linLabelW*s/2, l.axis.X+l.axis.W
		for j := range i {
			if ops[j].Client == o.Client {
				lo = math.Max(lo, out[j].x+textWidth(out[j].text, f)+6*s)
			}
		}
		for j := i + 1; j < len(ops); j++ {
			if ops[j].Client == o.Client {
				hi = math.Min(hi, l.bars[j].X-6*s)
				break
			}
		}
		w := textWidth(text, f)
		switch x := b.X + b.W - w; {
		case b.X+w <= hi || x < lo:
			x = math.Max(b.X, lo)
			out[i] = linLabel{ellipsize(text, f, math.Max(hi-x, 8*s)), x}
		default:
			out[i] = linLabel{text, x}
		}
	}
	return out
}

// timeX is where time ms is on the axis.
func (l *linLaid) timeX(ms int64) float64 {
	return l.axis.X + float64(ms-l.t0)/float64(l.t1-l.t0)*l.axis.W
}

// linRow is a client's row: its label and where its bars sit.
type linRow struct {
	client int
	label  string
	y      float64
}

// Sizes in pixels at scale 1.
const (
	linPanelW = 640.0
	linPad    = 16.0
	linRowH   = 34.0
	linBarH   = 10.0
	linLabelW = 78.0
	linLineH  = 16.0
)

// openLin checks the history now and opens the panel on what it found.
func (p *linPanel) openLin() {
	g := p.g
	p.expl, p.atMs = g.sess.Linearizability(), g.sess.Now()
	p.open = true
	p.gen++
}

// OpenLinearizability opens the linearizability panel, checking the
// history as it stands (for tests, and hosts that offer it).
func (g *Game) OpenLinearizability() { g.lin.openLin() }

// linOpEnd is where an operation's bar ends: its return, or the moment
// the panel checked the history for a call that never returned.
func (p *linPanel) linOpEnd(o view.LinOp) int64 {
	if o.Done {
		return o.ReturnMs
	}
	return p.atMs
}

// linLaidOut is the panel's layout, centred on the cluster's area.
func (p *linPanel) linLaidOut() *linLaid {
	g := p.g
	k := linLaidKey{p.gen, g.lay.Cluster, g.scale, string(g.lang), fontGeneration()}
	if k == p.laidKey && p.laid.box.W > 0 {
		return &p.laid
	}
	p.laidKey = k
	s := g.scale
	c := g.lay.Cluster
	e := &p.expl
	l := linLaid{}
	w := min(linPanelW*s, c.W-32*s)
	inner := w - 2*linPad*s
	y := linPad * s
	l.title = g.tr("lin.panel.none")
	var why string
	switch {
	case e.Illegal():
		l.title, why = g.tr("lin.panel.title", e.Key), e.Why.In(g.lang)
	case e.Verdict == "unknown":
		why = g.tr("lin.panel.unknown")
	default:
		why = g.tr("lin.panel.ok")
	}
	y += 24 * s
	l.why = wrapPlain(why, face(12*s, false), inner)
	y += float64(len(l.why)) * linLineH * s
	if e.Illegal() {
		var clients []int
		l.t0, l.t1 = e.Ops[0].CallMs, e.Ops[0].CallMs+1
		for _, o := range e.Ops {
			if !slices.Contains(clients, o.Client) {
				clients = append(clients, o.Client)
			}
			l.t0, l.t1 = min(l.t0, o.CallMs), max(l.t1, p.linOpEnd(o))
		}
		slices.Sort(clients)
		y += 8 * s
		for i, cl := range clients {
			l.rows = append(l.rows, linRow{client: cl, label: g.tr("lin.panel.client", cl), y: y + float64(i)*linRowH*s})
		}
		l.axis = Rect{linPad*s + linLabelW*s, y, inner - linLabelW*s, float64(len(clients)) * linRowH * s}
		for _, o := range e.Ops {
			row := slices.IndexFunc(l.rows, func(r linRow) bool { return r.client == o.Client })
			x0, x1 := l.timeX(o.CallMs), l.timeX(p.linOpEnd(o))
			l.bars = append(l.bars, Rect{x0, l.rows[row].y + (linRowH-linBarH-4)*s, math.Max(x1-x0, 3*s), linBarH * s})
		}
		l.labels = p.linLabels(&l)
		y += l.axis.H + 20*s // the axis's times under the rows
	}
	l.hintY = y + 8*s
	h := l.hintY + 8*s + linPad*s
	box := Rect{c.X + (c.W-w)/2, c.Y + 12*s, w, math.Min(h, c.H-16*s)}
	l.box = box
	l.close = Rect{box.X + box.W - 30*s, box.Y + 6*s, 24 * s, 24 * s}
	l.axis.X += box.X
	l.axis.Y += box.Y
	for i := range l.rows {
		l.rows[i].y += box.Y
	}
	for i := range l.bars {
		l.bars[i].X += box.X
		l.bars[i].Y += box.Y
		l.labels[i].x += box.X
	}
	l.hintY += box.Y
	p.laid = l
	return &p.laid
}

// draw draws the panel, while it is open, over the cluster (cached: it
// changes only when it opens again, moves, or changes language or fonts).
func (p *linPanel) draw(dst *ebiten.Image) {
	if !p.open {
		return
	}
	g := p.g
	l := p.linLaidOut()
	g.keyScratch = g.keyScratch[:0].rect(l.box).float(g.scale).str(string(g.lang)).int(int64(fontGeneration())).uint(p.gen)
	p.cache.draw(dst, l.box, g.keyScratch, func(img *ebiten.Image, dx, dy float64) { p.renderLin(img, dx, dy, l) })
}

// renderLin draws the panel with every position shifted by (-dx, -dy).
func (p *linPanel) renderLin(dst *ebiten.Image, dx, dy float64, l *linLaid) {
	g := p.g
	s := g.scale
	box := l.box.moved(dx, dy)
	g.spr.fillRect(dst, box, colHighlight)
	g.spr.fillRect(dst, box.Inset(2*s), colPanel)
	x := box.X + linPad*s
	y := box.Y + linPad*s + 6*s
	drawText(dst, l.title, face(15*s, true), x, y, colText, alignStart)
	cl := l.close.moved(dx, dy)
	drawText(dst, "×", face(16*s, true), cl.CenterX(), cl.CenterY(), colTextDim, alignCenter)
	y += 24 * s
	for _, ln := range l.why {
		drawText(dst, ln, face(12*s, false), x, y, colText, alignStart)
		y += linLineH * s
	}
	f := face(11*s, false)
	axis := l.axis.moved(dx, dy)
	for _, r := range l.rows {
		ry := r.y - dy
		drawText(dst, r.label, f, x, ry+(linRowH-linBarH/2-4)*s, colTextDim, alignStart)
		g.spr.fillRect(dst, Rect{axis.X, ry + linRowH*s - 1*s, axis.W, 1 * s}, colPanelEdge)
	}
	if len(l.rows) > 0 {
		ty := axis.Y + axis.H + 10*s
		drawText(dst, g.tr("lin.panel.time", float64(l.t0)/1000), f, axis.X, ty, colTextDim, alignStart)
		drawText(dst, g.tr("lin.panel.time", float64(l.t1)/1000), f, axis.X+axis.W, ty, colTextDim, alignEnd)
	}
	e := &p.expl
	// A line down the rows where each marked write returned: what came
	// after it had to see it.
	for _, o := range e.Ops {
		if o.Core && o.Done && o.Cmd.Op.IsWrite() {
			lx := l.timeX(o.ReturnMs) - dx
			g.spr.fillRect(dst, Rect{lx - 0.5*s, axis.Y + 4*s, 1 * s, axis.H - 4*s}, withAlpha(colBad, 0.6))
		}
	}
	for i, b := range l.bars {
		o := e.Ops[i]
		r := b.moved(dx, dy)
		c := colAccent
		if o.Core {
			c = colBad
		}
		if !o.Done {
			c = withAlpha(c, 0.5)
		}
		g.spr.fillRect(dst, r, c)
		if i == e.Focus {
			g.spr.strokeRect(dst, Rect{r.X - 2*s, r.Y - 2*s, r.W + 4*s, r.H + 4*s}, 1.5*s, colHighlight)
		}
		lc := colTextDim
		if o.Core {
			lc = colText
		}
		lb := l.labels[i]
		drawText(dst, lb.text, f, lb.x-dx, r.Y-8*s, lc, alignStart)
	}
	drawText(dst, ellipsize(g.tr("lin.panel.hint"), f, box.W-2*linPad*s), f, x, l.hintY-dy, colTextDim, alignStart)
}

// linBarAt is the operation whose bar is at (x, y), if any.
func (p *linPanel) linBarAt(x, y float64) (int, bool) {
	l := p.linLaidOut()
	for i, b := range l.bars {
		// A bar is thin: it takes presses a few pixels around it.
		if (Rect{b.X - 3*p.g.scale, b.Y - 6*p.g.scale, b.W + 6*p.g.scale, b.H + 12*p.g.scale}).Contains(x, y) {
			return i, true
		}
	}
	return 0, false
}

// press: a bar moves the timeline to its call's return (its call, if it
// never returned), paused, and says the call; the × closes the panel.
// Every press on the panel is its own; the rest of the screen works as
// usual while it is open.
func (p *linPanel) press(x, y float64, long bool) bool {
	if !p.open {
		return false
	}
	g := p.g
	l := p.linLaidOut()
	if !l.box.Contains(x, y) {
		return false
	}
	if l.close.Contains(x, y) {
		p.open = false
		return true
	}
	if i, ok := p.linBarAt(x, y); ok {
		o := p.expl.Ops[i]
		at := o.CallMs
		if o.Done {
			at = o.ReturnMs
		}
		g.paused = true
		g.seek(float64(at))
		g.say(o.Line(g.lang))
	}
	return true
}

// tip: a bar's call in a line; nothing else under the panel.
func (p *linPanel) tip(x, y float64) (tooltip, bool) {
	if !p.open || !p.linLaidOut().box.Contains(x, y) {
		return tooltip{}, false
	}
	if i, ok := p.linBarAt(x, y); ok {
		return tooltip{text: p.expl.Ops[i].Line(p.g.lang)}, true
	}
	return tooltip{}, true
}

// linStateDoc is what the panel says: the verdict, the key, the sentence
// (in the app's language), the marked calls in lines (in English) and the
// moment it checked.
type linStateDoc struct {
	Verdict string   `json:"verdict"`
	Key     string   `json:"key,omitempty"`
	Why     string   `json:"why,omitempty"`
	Core    []string `json:"core"`
	AtMs    int64    `json:"atMs"`
}

// linState describes the panel, or is nil while it is closed.
func (p *linPanel) linState() *linStateDoc {
	if !p.open {
		return nil
	}
	e := &p.expl
	d := &linStateDoc{Verdict: e.Verdict, Key: e.Key, Core: []string{}, AtMs: p.atMs}
	if e.Illegal() {
		d.Why = e.Why.In(p.g.lang)
	}
	for _, o := range e.Ops {
		if o.Core {
			d.Core = append(d.Core, o.Line(i18n.English))
		}
	}
	return d
}

// linLayoutDoc is the panel's box, its close button and its bars, each
// named by its call's line (in English), with the marked ones and the
// one to look at (Focus, an index into Bars).
type linLayoutDoc struct {
	Panel box   `json:"panel"`
	Close box   `json:"close"`
	Bars  []box `json:"bars"`
	Core  []int `json:"core"`
	Focus int   `json:"focus"`
}

// linLayout is the panel as laid out, or nil while it is closed.
func (p *linPanel) linLayout(cb func(string, Rect) box) *linLayoutDoc {
	if !p.open {
		return nil
	}
	l := p.linLaidOut()
	d := &linLayoutDoc{Panel: cb("", l.box), Close: cb("", l.close), Bars: []box{}, Core: []int{}, Focus: p.expl.Focus}
	for i, b := range l.bars {
		o := p.expl.Ops[i]
		d.Bars = append(d.Bars, cb(o.Line(i18n.English), b))
		if o.Core {
			d.Core = append(d.Core, i)
		}
	}
	return d
}

// linOpener is the box a click on which opens the panel: the safety
// monitor's light of reads while it is red (nil otherwise, and under a
// lesson, where the monitor is a strip).
func (p *linPanel) linOpener(cb func(string, Rect) box) *box {
	g := p.g
	if g.lesson != nil || g.safety.light(view.NoStaleReads).n == 0 {
		return nil
	}
	b := cb("", g.safety.safetyRowRect(slices.Index(safetyRows, view.NoStaleReads)))
	return &b
}
