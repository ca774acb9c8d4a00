package ui

import (
	"fmt"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/raftlab/raftlab/playground"
)

// safetyRows are the properties the monitor shows, one light each.
var safetyRows = playground.Properties

// safetyRowRect is the row of property i in the monitor.
func (g *Game) safetyRowRect(i int) Rect {
	s := g.scale
	a := g.lay.Safety
	rowH := math.Min(22*s, (a.H-36*s)/float64(len(safetyRows)))
	return Rect{a.X + 8*s, a.Y + 32*s + float64(i)*rowH, a.W - 16*s, rowH - 2*s}
}

// firstViolation returns the first violation of a property, if any.
func firstViolation(vs []playground.Violation, property string) (playground.Violation, bool) {
	for _, v := range vs {
		if v.Property == property {
			return v, true
		}
	}
	return playground.Violation{}, false
}

// drawSafety draws a light per safety property: green while it holds, red
// once violated, with the violation in a sentence.
// The panel is cached (see panelCache) and redrawn when a violation
// appears or goes (after travelling back in time).
func (g *Game) drawSafety(dst *ebiten.Image) {
	g.keyScratch = g.safetyKey(g.keyScratch[:0])
	g.safetyCache.draw(dst, g.lay.Safety, g.keyScratch, g.renderSafety)
}

// safetyKey appends to k what the monitor shows: its place and, for each
// property, the first violation's message if there is one.
func (g *Game) safetyKey(k keyBuf) keyBuf {
	vs := g.world().Violations()
	k = k.rect(g.lay.Safety).float(g.scale).uint(uint64(len(vs)))
	for _, p := range safetyRows {
		v, bad := firstViolation(vs, p)
		k = k.bool(bad)
		if bad {
			k = k.str(v.Message)
		}
	}
	return k
}

// renderSafety draws the monitor with every position shifted by (-dx,
// -dy).
func (g *Game) renderSafety(dst *ebiten.Image, dx, dy float64) {
	s := g.scale
	a := g.lay.Safety.moved(dx, dy)
	g.spr.fillRect(dst, a, colPanel)
	drawText(dst, "Safety monitor", face(13*s, true), a.X+12*s, a.Y+16*s, colText, alignStart)
	vs := g.world().Violations()
	f := face(11.5*s, false)
	for i, p := range safetyRows {
		r := g.safetyRowRect(i).moved(dx, dy)
		v, bad := firstViolation(vs, p)
		c := colOK
		label := p
		if bad {
			c = colBad
			g.spr.fillRect(dst, r, withAlpha(colBad, 0.15))
			label = p + ": " + v.Message
		}
		drawCentered(dst, g.spr.disc(int(6*s)), r.X+10*s, r.CenterY(), c)
		drawText(dst, ellipsize(label, f, r.W-28*s), f, r.X+24*s, r.CenterY(), colText, alignStart)
	}
}

// clickSafety jumps to the moment a clicked violation happened and
// highlights the nodes involved; it reports whether the click was on the
// monitor (the full one, or the strip under a lesson).
func (g *Game) clickSafety(x, y float64) bool {
	if g.lesson != nil {
		return g.clickSafetyStrip(x, y)
	}
	if !g.lay.Safety.Contains(x, y) {
		return false
	}
	vs := g.world().Violations()
	for i, p := range safetyRows {
		if !g.safetyRowRect(i).Contains(x, y) {
			continue
		}
		if v, bad := firstViolation(vs, p); bad {
			g.jumpToViolation(v)
		}
		return true
	}
	return true
}

// jumpToViolation pauses at the moment of a violation, with the nodes
// involved highlighted.
func (g *Game) jumpToViolation(v playground.Violation) {
	g.paused = true
	g.seek(float64(v.AtMs))
	g.highlight = append(g.highlight[:0], v.Nodes...)
	g.say(v.Property + ": " + v.Message)
}

// brokenProperties are the violated properties' first violations, in the
// monitor's order.
func (g *Game) brokenProperties() []playground.Violation {
	vs := g.world().Violations()
	if len(vs) == 0 {
		return nil
	}
	var out []playground.Violation
	for _, p := range safetyRows {
		if v, bad := firstViolation(vs, p); bad {
			out = append(out, v)
		}
	}
	return out
}

// The safety strip is the monitor while a lesson takes the right-hand
// column: at the column's foot, one line while every property holds, and a
// row per broken property, so lessons that break safety on purpose show the
// monitor catching it.
const (
	stripHeadH = 30.0
	stripRowH  = 20.0
)

// safetyStrip is the strip's area; the lesson panel has the column above.
func (g *Game) safetyStrip() Rect {
	s := g.scale
	a := g.lay.Side
	h := (stripHeadH + float64(len(g.brokenProperties()))*stripRowH + 4) * s
	return Rect{a.X, a.Y + a.H - h, a.W, h}
}

// stripRowRect is the row of the i-th broken property in the strip.
func (g *Game) stripRowRect(strip Rect, i int) Rect {
	s := g.scale
	return Rect{strip.X + 8*s, strip.Y + stripHeadH*s + float64(i)*stripRowH*s, strip.W - 16*s, (stripRowH - 2) * s}
}

// drawSafetyStrip draws the strip (cached like the full monitor).
func (g *Game) drawSafetyStrip(dst *ebiten.Image) {
	strip := g.safetyStrip()
	g.keyScratch = g.safetyKey(g.keyScratch[:0]).rect(strip)
	g.safetyCache.draw(dst, strip, g.keyScratch, func(img *ebiten.Image, dx, dy float64) {
		g.renderSafetyStrip(img, dx, dy, strip)
	})
}

func (g *Game) renderSafetyStrip(dst *ebiten.Image, dx, dy float64, strip Rect) {
	s := g.scale
	a := strip.moved(dx, dy)
	g.spr.fillRect(dst, a, colPanel)
	g.spr.fillRect(dst, Rect{a.X, a.Y, 1 * s, a.H}, colPanelEdge)
	g.spr.fillRect(dst, Rect{a.X, a.Y, a.W, 1 * s}, colPanelEdge)
	broken := g.brokenProperties()
	head := fmt.Sprintf("Safety monitor: all %d properties hold", len(safetyRows))
	c := colOK
	if len(broken) > 0 {
		head = fmt.Sprintf("Safety monitor: %d of %d broken (click one: when)", len(broken), len(safetyRows))
		c = colBad
	}
	f := face(11.5*s, false)
	y := a.Y + stripHeadH*s/2 + 1*s
	drawCentered(dst, g.spr.disc(int(6*s)), a.X+18*s, y, c)
	drawText(dst, ellipsize(head, face(12*s, true), a.W-40*s), face(12*s, true), a.X+32*s, y, colText, alignStart)
	for i, v := range broken {
		r := g.stripRowRect(strip, i).moved(dx, dy)
		g.spr.fillRect(dst, r, withAlpha(colBad, 0.15))
		drawCentered(dst, g.spr.disc(int(5*s)), r.X+10*s, r.CenterY(), colBad)
		label := v.Property + ": " + v.Message
		drawText(dst, ellipsize(label, f, r.W-28*s), f, r.X+24*s, r.CenterY(), colText, alignStart)
	}
}

// clickSafetyStrip jumps to a broken property clicked in the strip.
func (g *Game) clickSafetyStrip(x, y float64) bool {
	strip := g.safetyStrip()
	if !strip.Contains(x, y) {
		return false
	}
	for i, v := range g.brokenProperties() {
		if g.stripRowRect(strip, i).Contains(x, y) {
			g.jumpToViolation(v)
		}
	}
	return true
}
