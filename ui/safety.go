package ui

import (
	"image/color"
	"math"
	"slices"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/raftlab/raftlab/lessons/doc"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
)

// safetyRows are the monitor's lights: one per safety property, then the
// check of reads, which none of the properties judges.
var safetyRows = append(slices.Clip(view.Properties), view.NoStaleReads)

// readsExplained is what the light of reads says under the pointer, and
// on a click while it is green, in a language.
func readsExplained(lang i18n.Lang) string {
	return view.PropertyExplanation(view.NoStaleReads, lang)
}

// light is the state of one of the monitor's lights.
type light struct {
	// name is the property (view.Properties, NoStaleReads); lang
	// the language the light speaks.
	name string
	lang i18n.Lang
	// first is the first violation (a stale read for the light of
	// reads); n how many there are, 0 while the light is green.
	first view.Violation
	n     int
}

// label is the light's line: its name, and once red when it broke. The
// row has no room for what broke (a sentence of some 90 characters): the
// pointer on the row shows it (whole), a click jumps to it, and the feed
// lists it.
func (l light) label() string {
	name := view.PropertyName(l.name, l.lang)
	switch {
	case l.n == 0 && l.name == view.NoStaleReads:
		return l.lang.T("monitor.reads", name)
	case l.n == 0:
		return name
	case l.name == view.NoStaleReads:
		return l.lang.T("monitor.stale", name, l.n, float64(l.first.AtMs)/1000)
	}
	return l.lang.T("monitor.broken", name, float64(l.first.AtMs)/1000)
}

// whole is what a red light found, in a sentence ("" while it is green).
func (l light) whole() string {
	switch {
	case l.n == 0:
		return ""
	case l.name == view.NoStaleReads:
		return l.lang.T("monitor.stale.whole", view.PropertyName(l.name, l.lang), l.n, l.first.Message.In(l.lang))
	}
	return l.lang.T("monitor.broken.whole", view.PropertyName(l.name, l.lang), l.first.Message.In(l.lang))
}

// light returns the state of the light of property prop.
func (p *safetyPanel) light(prop string) light {
	g := p.g
	w := g.sess
	if prop == view.NoStaleReads {
		rs := w.StaleReads()
		if len(rs) == 0 {
			return light{name: prop, lang: g.lang}
		}
		return light{name: prop, lang: g.lang, first: rs[0].Violation, n: len(rs)}
	}
	if v, bad := firstViolation(w.Violations(), prop); bad {
		return light{name: prop, lang: g.lang, first: v, n: 1}
	}
	return light{name: prop, lang: g.lang}
}

// safetyRowRect is the row of property i in the monitor.
func (p *safetyPanel) safetyRowRect(i int) Rect {
	g := p.g
	s := g.scale
	a := g.lay.Safety
	rowH := math.Min(22*s, (a.H-36*s)/float64(len(safetyRows)))
	return Rect{a.X + 8*s, a.Y + 32*s + float64(i)*rowH, a.W - 16*s, rowH - 2*s}
}

// firstViolation returns the first violation of a property, if any.
func firstViolation(vs []view.Violation, property string) (view.Violation, bool) {
	for _, v := range vs {
		if v.Property == property {
			return v, true
		}
	}
	return view.Violation{}, false
}

// drawSafety draws a light per safety property and one for reads: green
// while it holds, red once violated, with the violation in a sentence.
// The panel is cached (see panelCache) and redrawn when a violation
// appears or goes (after travelling back in time).
func (p *safetyPanel) drawSafety(dst *ebiten.Image) {
	g := p.g
	g.keyScratch = p.safetyKey(g.keyScratch[:0])
	p.cache.draw(dst, g.lay.Safety, g.keyScratch, p.renderSafety)
}

// safetyKey appends to k what the monitor shows: its place, its language
// and, for each light, how many violations it counts and the first one's
// message.
func (p *safetyPanel) safetyKey(k keyBuf) keyBuf {
	g := p.g
	k = k.rect(g.lay.Safety).float(g.scale).str(string(g.lang)).uint(uint64(len(g.sess.Violations())))
	for _, prop := range safetyRows {
		l := p.light(prop)
		k = k.uint(uint64(l.n))
		if l.n > 0 {
			k = k.str(l.first.Message.In(g.lang))
		}
	}
	return k
}

// renderSafety draws the monitor with every position shifted by (-dx,
// -dy).
func (p *safetyPanel) renderSafety(dst *ebiten.Image, dx, dy float64) {
	g := p.g
	s := g.scale
	a := g.lay.Safety.moved(dx, dy)
	g.spr.fillRect(dst, a, colPanel)
	drawText(dst, g.tr("monitor.title"), face(13*s, true), a.X+12*s, a.Y+16*s, colText, alignStart)
	f := face(11.5*s, false)
	for i, prop := range safetyRows {
		r := p.safetyRowRect(i).moved(dx, dy)
		l := p.light(prop)
		if prop == view.NoStaleReads {
			// A line sets the check of reads apart from Raft's properties.
			g.spr.fillRect(dst, Rect{r.X, r.Y - 1*s, r.W, 1 * s}, colPanelEdge)
		}
		c := colOK
		if l.n > 0 {
			c = colBad
			g.spr.fillRect(dst, r, withAlpha(colBad, 0.15))
		}
		drawCentered(dst, g.spr.disc(int(6*s)), r.X+10*s, r.CenterY(), c)
		drawText(dst, ellipsize(l.label(), f, r.W-28*s), f, r.X+24*s, r.CenterY(), colText, alignStart)
	}
}

// clickSafety jumps to the moment a clicked violation happened and
// highlights the nodes involved (a green light of reads explains itself);
// it reports whether the click was on the monitor (the full one, or the
// strip under a lesson).
func (p *safetyPanel) clickSafety(x, y float64) bool {
	g := p.g
	if g.lesson != nil {
		return p.clickSafetyStrip(x, y)
	}
	if !g.lay.Safety.Contains(x, y) {
		return false
	}
	for i, prop := range safetyRows {
		if !p.safetyRowRect(i).Contains(x, y) {
			continue
		}
		switch l := p.light(prop); {
		case l.n > 0:
			p.jumpToViolation(l.first)
			if prop == view.NoStaleReads {
				g.lin.openLin() // why the history fails, from that moment
			}
		case prop == view.NoStaleReads:
			g.say(readsExplained(g.lang))
		}
		return true
	}
	return true
}

// safetyHint is the tooltip of the monitor's light under the pointer at
// (x, y), in the full monitor or as a red row of the strip under a
// lesson: what a red light found, and what the check of reads judges (""
// elsewhere, and over a green Raft property).
func (p *safetyPanel) safetyHint(x, y float64) string {
	g := p.g
	hint := func(l light) string {
		switch {
		case l.name == view.NoStaleReads && l.n > 0:
			return g.tr("monitor.stale.hint", l.whole(), readsExplained(g.lang))
		case l.name == view.NoStaleReads:
			return readsExplained(g.lang)
		}
		return l.whole()
	}
	if g.lesson != nil {
		strip := p.safetyStrip()
		for i, l := range p.redLights() {
			if p.stripRowRect(strip, i).Contains(x, y) {
				return hint(l)
			}
		}
		return ""
	}
	for i, prop := range safetyRows {
		if p.safetyRowRect(i).Contains(x, y) {
			l := p.light(prop)
			if l.name == view.NoStaleReads && l.n > 0 {
				// In free play a click on it opens the linearizability panel.
				return g.tr("monitor.stale.hint-click", hint(l))
			}
			return hint(l)
		}
	}
	return ""
}

// jumpToViolation pauses at the moment of a violation, with the nodes
// involved highlighted.
func (p *safetyPanel) jumpToViolation(v view.Violation) {
	g := p.g
	g.paused = true
	g.seek(float64(v.AtMs))
	g.cluster.highlight = g.cluster.highlight[:0]
	g.cluster.highlight = append(g.cluster.highlight, v.Nodes...)
	g.say(v.Text(g.lang))
}

// redLights are the monitor's red lights, in its order.
func (p *safetyPanel) redLights() []light {
	g := p.g
	w := g.sess
	if len(w.Violations()) == 0 && len(w.StaleReads()) == 0 {
		return nil
	}
	var out []light
	for _, prop := range safetyRows {
		if l := p.light(prop); l.n > 0 {
			out = append(out, l)
		}
	}
	return out
}

// The safety strip is the monitor while a lesson takes the right-hand
// column: at the column's foot, one line while every light is green, and a
// row per red light, so lessons that break safety (or read stale values) on
// purpose show the monitor catching it.
const (
	stripHeadH = 30.0
	stripRowH  = 20.0
)

// stripHeadLineH is the height of each line of the strip's head after
// its first.
const stripHeadLineH = 15.0

// safetyStrip is the strip's area; the lesson panel has the column above.
func (p *safetyPanel) safetyStrip() Rect {
	g := p.g
	s := g.scale
	a := g.lay.Side
	head, _ := p.stripHead()
	h := (stripHeadH + float64(len(head)-1)*stripHeadLineH + float64(len(p.redLights()))*stripRowH + 4) * s
	return Rect{a.X, a.Y + a.H - h, a.W, h}
}

// stripHead is the strip's head, what the monitor found, wrapped to the
// strip (never cut short: at narrow widths it takes two lines), and the
// colour of its light.
func (p *safetyPanel) stripHead() ([]string, color.RGBA) {
	g := p.g
	s := g.scale
	red := p.redLights()
	props := len(view.Properties)
	broken := 0
	for _, l := range red {
		if l.name != view.NoStaleReads {
			broken++
		}
	}
	head := g.tr("monitor.strip.ok", props)
	c := colOK
	switch {
	case broken > 0:
		head = g.tr("monitor.strip.broken", broken, props)
		c = colBad
	case len(red) > 0:
		head = g.tr("monitor.strip.stale", props)
		c = colBad
	}
	m := &p.headMemo
	if w := g.lay.Side.W - 40*s; m.text != head || m.width != w || m.scale != s || m.lines == nil {
		m.text, m.width, m.scale, m.lines = head, w, s, nil
		for _, ln := range wrapSpans([]doc.Span{{Text: head}}, w, 12*s, true) {
			var b strings.Builder
			for _, r := range ln {
				b.WriteString(r.text)
			}
			m.lines = append(m.lines, strings.TrimRight(b.String(), " "))
		}
	}
	return m.lines, c
}

// stripRowRect is the row of the i-th red light in the strip.
func (p *safetyPanel) stripRowRect(strip Rect, i int) Rect {
	g := p.g
	s := g.scale
	head, _ := p.stripHead()
	y := strip.Y + (stripHeadH+float64(len(head)-1)*stripHeadLineH)*s
	return Rect{strip.X + 8*s, y + float64(i)*stripRowH*s, strip.W - 16*s, (stripRowH - 2) * s}
}

// drawSafetyStrip draws the strip (cached like the full monitor).
func (p *safetyPanel) drawSafetyStrip(dst *ebiten.Image) {
	g := p.g
	strip := p.safetyStrip()
	g.keyScratch = p.safetyKey(g.keyScratch[:0]).rect(strip)
	p.cache.draw(dst, strip, g.keyScratch, func(img *ebiten.Image, dx, dy float64) {
		p.renderSafetyStrip(img, dx, dy, strip)
	})
}

func (p *safetyPanel) renderSafetyStrip(dst *ebiten.Image, dx, dy float64, strip Rect) {
	g := p.g
	s := g.scale
	a := strip.moved(dx, dy)
	g.spr.fillRect(dst, a, colPanel)
	g.spr.fillRect(dst, Rect{a.X, a.Y, 1 * s, a.H}, colPanelEdge)
	g.spr.fillRect(dst, Rect{a.X, a.Y, a.W, 1 * s}, colPanelEdge)
	head, c := p.stripHead()
	f := face(11.5*s, false)
	y := a.Y + stripHeadH*s/2 + 1*s
	drawCentered(dst, g.spr.disc(int(6*s)), a.X+18*s, y, c)
	for i, ln := range head {
		drawText(dst, ln, face(12*s, true), a.X+32*s, y+float64(i)*stripHeadLineH*s, colText, alignStart)
	}
	for i, l := range p.redLights() {
		r := p.stripRowRect(strip, i).moved(dx, dy)
		g.spr.fillRect(dst, r, withAlpha(colBad, 0.15))
		drawCentered(dst, g.spr.disc(int(5*s)), r.X+10*s, r.CenterY(), colBad)
		drawText(dst, ellipsize(l.label(), f, r.W-28*s), f, r.X+24*s, r.CenterY(), colText, alignStart)
	}
}

// clickSafetyStrip jumps to a red light's violation clicked in the strip.
func (p *safetyPanel) clickSafetyStrip(x, y float64) bool {
	strip := p.safetyStrip()
	if !strip.Contains(x, y) {
		return false
	}
	for i, l := range p.redLights() {
		if p.stripRowRect(strip, i).Contains(x, y) {
			p.jumpToViolation(l.first)
		}
	}
	return true
}

// safetyPanel is the safety monitor: a light per property (drawSafety),
// or, under a lesson, the strip of red lights below the lesson panel
// (drawSafetyStrip).
type safetyPanel struct {
	g     *Game
	cache panelCache
	// headMemo is the strip's head as last wrapped: the strip's place is
	// asked for many times a frame.
	headMemo struct {
		text         string
		width, scale float64
		lines        []string
	}
}

func (p *safetyPanel) draw(dst *ebiten.Image) {
	if p.g.lesson != nil {
		p.drawSafetyStrip(dst)
		return
	}
	p.drawSafety(dst)
}

func (p *safetyPanel) press(x, y float64, long bool) bool { return p.clickSafety(x, y) }

func (p *safetyPanel) tip(x, y float64) (tooltip, bool) {
	if h := p.safetyHint(x, y); h != "" {
		return tooltip{text: h}, true
	}
	return tooltip{}, false
}
