package ui

import (
	"image/color"
	"math"
	"slices"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/raftlab/raftlab/lessons/doc"
	"github.com/raftlab/raftlab/playground/view"
)

// A group highlight ("group 1 2 3", as the joint-consensus lesson draws
// two majorities) is a soft hull around the group's servers, in a tint of
// its own, with an optional caption inside the ring.

// groupTints are the tints of a step's groups, in order: apart from the
// partition colours, so a group is not taken for a partition. Each has a
// darker variant for the light theme.
var groupTints = [][2]color.RGBA{
	{rgb(0x4d, 0xd0, 0xc4), rgb(0x00, 0x79, 0x6b)},
	{rgb(0xce, 0x93, 0xd8), rgb(0x7b, 0x1f, 0xa2)},
	{rgb(0xff, 0xf1, 0x76), rgb(0x9e, 0x7b, 0x00)},
	{rgb(0xa1, 0x88, 0x7f), rgb(0x5d, 0x40, 0x37)},
}

// groupTint is the tint of a step's group i in the theme in use.
func groupTint(i int) color.RGBA { return themed(groupTints[i%len(groupTints)]) }

// partitionColors are the colours of partition groups, in order (group A,
// B, ...): strong and far apart (blue, orange, green, pink), with a darker
// variant for the light theme, so that each reads on either background
// and next to the other.
var partitionColors = [][2]color.RGBA{
	{rgb(0x42, 0xa5, 0xf5), rgb(0x15, 0x65, 0xc0)},
	{rgb(0xff, 0x98, 0x00), rgb(0xd8, 0x43, 0x15)},
	{rgb(0x66, 0xbb, 0x6a), rgb(0x2e, 0x7d, 0x32)},
	{rgb(0xf0, 0x62, 0x92), rgb(0xad, 0x14, 0x57)},
}

// partitionColor is the colour of partition group i in the theme in use.
func partitionColor(i int) color.RGBA { return themed(partitionColors[i%len(partitionColors)]) }

// themed picks a colour's dark-theme or light-theme variant.
func themed(c [2]color.RGBA) color.RGBA {
	if lightTheme() {
		return c[1]
	}
	return c[0]
}

// groupPointer is the pointer of a group highlight: its hull around the
// servers on screen, and where its caption goes. tint is the group's place
// among the step's groups.
func (g *Game) groupPointer(h doc.Highlight, tint int) (pointer, bool) {
	s := g.scale
	var centres [][2]float64
	r := 0.0
	for _, id := range h.Group {
		if spot, ok := g.lay.Node(view.ID(id)); ok {
			centres = append(centres, [2]float64{spot.X, spot.Y})
			r = spot.R
		}
	}
	if len(centres) == 0 {
		return pointer{}, false
	}
	p := pointer{shape: groupShape, hull: groupHull(centres, r+14*s), tint: tint, label: h.Caption}
	// The caption goes inside the ring: halfway from the group's centre
	// to the ring's, clear of the servers, and apart for two groups.
	var cx, cy, gx, gy float64
	for _, spot := range g.lay.Nodes {
		cx, cy = cx+spot.X/float64(len(g.lay.Nodes)), cy+spot.Y/float64(len(g.lay.Nodes))
	}
	for _, c := range centres {
		gx, gy = gx+c[0]/float64(len(centres)), gy+c[1]/float64(len(centres))
	}
	p.x, p.y = (cx+gx)/2, (cy+gy)/2
	return p, true
}

// groupHull is the convex hull of circles of radius r around centres, as
// a polygon (clockwise on screen): each circle sampled at 32 points, then
// Andrew's monotone chain.
func groupHull(centres [][2]float64, r float64) [][2]float64 {
	var pts [][2]float64
	for _, c := range centres {
		for i := range 32 {
			a := 2 * math.Pi * float64(i) / 32
			pts = append(pts, [2]float64{c[0] + r*math.Cos(a), c[1] + r*math.Sin(a)})
		}
	}
	slices.SortFunc(pts, func(a, b [2]float64) int {
		if a[0] != b[0] {
			return cmpFloat(a[0], b[0])
		}
		return cmpFloat(a[1], b[1])
	})
	cross := func(o, a, b [2]float64) float64 {
		return (a[0]-o[0])*(b[1]-o[1]) - (a[1]-o[1])*(b[0]-o[0])
	}
	var hull [][2]float64
	for pass := range 2 {
		start := len(hull)
		for i := range pts {
			p := pts[i]
			if pass == 1 {
				p = pts[len(pts)-1-i]
			}
			for len(hull) >= start+2 && cross(hull[len(hull)-2], hull[len(hull)-1], p) <= 0 {
				hull = hull[:len(hull)-1]
			}
			hull = append(hull, p)
		}
		hull = hull[:len(hull)-1] // the last point starts the other half
	}
	return hull
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// drawGroup draws a group's hull, filled faintly and outlined, and its
// caption.
func (g *Game) drawGroup(dst *ebiten.Image, p pointer) {
	s := g.scale
	c := groupTint(p.tint)
	n := len(p.hull)
	if n < 3 {
		return
	}
	vs := make([]ebiten.Vertex, 0, n)
	is := make([]uint16, 0, 3*(n-2))
	for i, q := range p.hull {
		vs = append(vs, ebiten.Vertex{DstX: float32(q[0]), DstY: float32(q[1]), SrcX: 0.5, SrcY: 0.5,
			ColorR: float32(c.R) / 255, ColorG: float32(c.G) / 255, ColorB: float32(c.B) / 255, ColorA: 0.12})
		if i >= 2 {
			is = append(is, 0, uint16(i-1), uint16(i))
		}
	}
	dst.DrawTriangles(vs, is, g.spr.pixel, &ebiten.DrawTrianglesOptions{})
	for i, q := range p.hull {
		e := p.hull[(i+1)%n]
		g.spr.line(dst, q[0], q[1], e[0], e[1], 2*s, withAlpha(c, 0.8))
	}
	if p.label != "" {
		g.drawLabel(dst, p.label, face(12*s, true), p.x, p.y, c, alignCenter)
	}
}
