package ui

import (
	"math"

	"github.com/hajimehoshi/ebiten/v2"
)

// Under software rendering (the browser's SwiftShader, llvmpipe) a frame
// costs about what its pixels cost: every pixel filled or copied is work,
// and most of the screen is panels that paint every pixel of their box
// opaque. So the background is filled only where no such panel is drawn
// (the ground), not over the whole screen and again under the panels;
// and, since the ground and those panels together cover every pixel,
// Ebiten's own clearing of the screen before each frame is switched off
// (New). Pixels under a panel's edge, where its box falls between pixels
// and the panel may paint them only in part, stay on the ground: the
// screen looks exactly as when all of it was filled.

// fillGround fills the screen's ground with the background.
func (g *Game) fillGround(dst *ebiten.Image) {
	b := dst.Bounds()
	screen := Rect{float64(b.Min.X), float64(b.Min.Y), float64(b.Dx()), float64(b.Dy())}
	g.ground = groundRects(g.ground, screen, g.opaquePanels())
	for _, r := range g.ground {
		g.spr.fillRect(dst, r, colBackground)
	}
}

// opaquePanels are the boxes of the panels that this frame's draw paints
// opaque at every pixel of (see fillRect in each panel's drawing): the top
// bar, the logs, the timeline, and in free play without the inspector
// the safety monitor and the event feed (a lesson or the inspector lays
// the side column out otherwise, and leaves it on the ground).
func (g *Game) opaquePanels() []Rect {
	ps := append(g.opaque[:0], g.lay.TopBar, g.lay.Logs, g.lay.Timeline)
	if g.lesson == nil && !g.inspector.inspecting() {
		// The feed's image is its box cut to whole pixels wide and high,
		// drawn at the box's corner (feedPanel.draw).
		f := g.feed.feedArea()
		ps = append(ps, g.lay.Safety, Rect{f.X, f.Y, math.Trunc(f.W), math.Trunc(f.H)})
	}
	g.opaque = ps
	return ps
}

// groundRects is the part of screen (whole pixels) outside the whole
// pixels inside every box of covered, as disjoint rectangles, in out's
// storage.
func groundRects(out []Rect, screen Rect, covered []Rect) []Rect {
	out = append(out[:0], screen)
	for _, c := range covered {
		in := innerPixels(c)
		if in.W <= 0 || in.H <= 0 {
			continue
		}
		// Each rectangle so far is replaced by its pieces outside in.
		n := len(out)
		for i := range n {
			if out[i].overlaps(in) {
				out = outside(out, out[i], in)
			} else {
				out = append(out, out[i])
			}
		}
		out = append(out[:0], out[n:]...)
	}
	return out
}

// innerPixels is the box of the whole pixels inside r.
func innerPixels(r Rect) Rect {
	x0, y0 := math.Ceil(r.X), math.Ceil(r.Y)
	x1, y1 := math.Floor(r.X+r.W), math.Floor(r.Y+r.H)
	return Rect{x0, y0, x1 - x0, y1 - y0}
}

// outside appends to out the pieces of r outside cut, which overlaps it:
// the bands above and below cut, then left and right of it between them.
func outside(out []Rect, r, cut Rect) []Rect {
	top, bottom := max(r.Y, cut.Y), min(r.Y+r.H, cut.Y+cut.H)
	if cut.Y > r.Y {
		out = append(out, Rect{r.X, r.Y, r.W, cut.Y - r.Y})
	}
	if r.Y+r.H > bottom {
		out = append(out, Rect{r.X, bottom, r.W, r.Y + r.H - bottom})
	}
	if cut.X > r.X {
		out = append(out, Rect{r.X, top, cut.X - r.X, bottom - top})
	}
	if r.X+r.W > cut.X+cut.W {
		out = append(out, Rect{cut.X + cut.W, top, r.X + r.W - (cut.X + cut.W), bottom - top})
	}
	return out
}
