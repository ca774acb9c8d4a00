package ui

import (
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
// highlights the nodes involved; it reports whether the click was on a
// violated property.
func (g *Game) clickSafety(x, y float64) bool {
	if !g.lay.Safety.Contains(x, y) {
		return false
	}
	vs := g.world().Violations()
	for i, p := range safetyRows {
		if !g.safetyRowRect(i).Contains(x, y) {
			continue
		}
		v, bad := firstViolation(vs, p)
		if !bad {
			return true
		}
		g.paused = true
		g.seek(float64(v.AtMs))
		g.highlight = append(g.highlight[:0], v.Nodes...)
		g.say(p + ": " + v.Message)
		return true
	}
	return true
}
