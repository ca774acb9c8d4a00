package ui

import (
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/raftlab/raftlab/lessons/doc"
	"github.com/raftlab/raftlab/playground/view"
)

// A lesson step points at things on screen: servers, links, messages in
// flight, log cells, controls, and the labels its key terms name. Each
// highlight becomes pointers, shapes in screen positions that pulse in the
// highlight colour, so that "S3's log from index 5" or "the Crash item"
// is found at a glance.

// pointerShape is how a pointer is drawn.
type pointerShape uint8

const (
	// ringShape circles a point (x, y) at radius r.
	ringShape pointerShape = iota
	// lineShape glows along a segment from (x, y) to (x2, y2).
	lineShape
	// boxShape outlines a rectangle.
	boxShape
	// groupShape is a hull around a group of servers (see groups.go).
	groupShape
)

// pointer is one highlighted shape. onPanels marks shapes on panels and
// menus, drawn over them; the others are on the cluster, drawn under the
// panels and menus.
type pointer struct {
	shape    pointerShape
	x, y, r  float64
	x2, y2   float64
	box      Rect
	onPanels bool
	// hull, tint and label draw a group: (x, y) is where its label goes.
	hull  [][2]float64
	tint  int
	label string
}

// lessonPointers are the pointers for the current step's highlights, where
// things are now (a message's pointer follows the message).
func (g *Game) lessonPointers() []pointer {
	p := g.lessonPlay()
	if p == nil {
		return nil
	}
	var out []pointer
	for _, h := range p.Highlights() {
		out = g.pointersFor(out, h)
	}
	// A key term under the pointer in the narration points at itself.
	if e, ok := g.hoveredTerm(); ok {
		out = g.labelPointers(out, e.Term)
	}
	return out
}

// pointersFor appends the pointers of one highlight.
func (g *Game) pointersFor(out []pointer, h doc.Highlight) []pointer {
	s := g.scale
	switch h.What {
	case doc.HighlightNode:
		if spot, ok := g.lay.Node(view.ID(h.Node)); ok {
			out = append(out, pointer{shape: ringShape, x: spot.X, y: spot.Y, r: spot.R + 10*s})
		}
	case doc.HighlightLink:
		a, okA := g.lay.Node(view.ID(h.Node))
		b, okB := g.lay.Node(view.ID(h.Peer))
		if okA && okB {
			out = append(out, pointer{shape: lineShape, x: a.X, y: a.Y, x2: b.X, y2: b.Y})
		}
	case doc.HighlightMessages:
		if k, ok := raftKindNamed(h.Message); ok {
			out = g.messagePointers(out, k)
		}
	case doc.HighlightLog:
		out = g.logPointers(out, h)
	case doc.HighlightControl:
		if r, ok := g.controlRect(h.Control); ok {
			out = append(out, g.boxPointer(r, 2*s, true))
		}
	case doc.HighlightLabel:
		out = g.labelPointers(out, h.Label)
	case doc.HighlightGroup:
		tint := 0
		for _, p := range out {
			if p.shape == groupShape {
				tint++
			}
		}
		if p, ok := g.groupPointer(h, tint); ok {
			out = append(out, p)
		}
	}
	return out
}

// messagePointers circles the messages in flight of a kind, where they
// are now.
func (g *Game) messagePointers(out []pointer, k raftKind) []pointer {
	for i := range g.cluster.spots {
		if m := &g.cluster.spots[i]; k.is(&m.f) {
			out = append(out, pointer{shape: ringShape, x: m.x, y: m.y, r: g.glyphRadius(lookOf(&m.f)) + 5*g.scale})
		}
	}
	return out
}

// logPointers outlines a log cell, a server's row, or a column of cells.
func (g *Game) logPointers(out []pointer, h doc.Highlight) []pointer {
	_, _, first, last := g.logs.geometry()
	for row, id := range g.view().IDs() {
		if !h.AllNodes && id != view.ID(h.Node) {
			continue
		}
		if h.Index != 0 {
			if r, ok := g.logs.cellAt(row, h.Index); ok {
				out = append(out, g.boxPointer(r, 2*g.scale, true))
			}
			continue
		}
		a, _ := g.logs.cellAt(row, first)
		b, _ := g.logs.cellAt(row, last)
		r := Rect{g.lay.Logs.X + 6*g.scale, a.Y, b.X + b.W - g.lay.Logs.X - 4*g.scale, a.H}
		out = append(out, g.boxPointer(r, 2*g.scale, true))
	}
	return out
}

// controlRect is where a control is now: a button, an item of the open
// menu, or a panel. A top-bar control that did not fit is reached through
// the "more" control: that control, or its row once the menu is open.
func (g *Game) controlRect(name string) (Rect, bool) {
	if g.menu != nil {
		if b, ok := findButton(g.menu.items, name); ok {
			return b.Rect, true
		}
	}
	if b, ok := findButton(g.lay.More, name); ok {
		if g.top.moreOpen {
			return b.Rect, true
		}
		return g.controlRect(topSpecs[topMore].name)
	}
	for _, bs := range [][]Button{g.lay.Buttons, g.client.clientButtons(), g.partitionButtons(), g.feed.feedButtons(), g.lessonButtons()} {
		if b, ok := findButton(bs, name); ok {
			return b.Rect, true
		}
	}
	switch name {
	case "timeline":
		return g.lay.Timeline, true
	case "logs":
		return g.lay.Logs, true
	case "feed":
		return g.feed.feedArea(), true
	case "safety":
		if g.lesson != nil {
			return g.safety.safetyStrip(), true
		}
		return g.lay.Safety, true
	}
	return Rect{}, false
}

// labelPointers point at where a key term shows on screen: roles at the
// servers' labels, term at the number inside each server, the election
// timeout at the timer arcs, the commit and applied indexes and the
// leader's nextIndex and matchIndex at their marks in the logs panel,
// message names at those messages in flight. A term with no place of its
// own on screen (majority, split vote...) is pointed at in the narration.
func (g *Game) labelPointers(out []pointer, label string) []pointer {
	e, ok := doc.Lookup(label)
	if !ok {
		return out
	}
	if point, ok := termPlaces[e.Term]; ok {
		return point(g, out)
	}
	if g.lesson != nil {
		// No place of its own on screen (majority, split vote,
		// CheckQuorum...): the term glows where the narration says it.
		s := g.scale
		for _, t := range g.lessonLaidOut().terms {
			if te, ok := doc.Lookup(t.term); ok && te.Term == e.Term {
				out = append(out, g.boxPointer(Rect{t.r.X - 1*s, t.r.Y, t.r.W + 2*s, t.r.H}, 0, true))
			}
		}
	}
	return out
}

// boxPointer is a box around target, pad pixels out, cut to the area
// target is in (see highlightArea): it is drawn inside that box, so it
// stays in its panel, off the top bar unless it points there.
func (g *Game) boxPointer(target Rect, pad float64, onPanels bool) pointer {
	return pointer{shape: boxShape, box: intersect(target.Inset(-pad), g.highlightArea(target)), onPanels: onPanels}
}

// highlightArea is the part of the screen that holds r's centre: an open
// menu, the top bar, the lesson panel, the feed, the safety monitor, the
// logs, the timeline, the right-hand column or the cluster; anywhere else,
// the screen below the top bar.
func (g *Game) highlightArea(r Rect) Rect {
	var areas []Rect
	if g.menu != nil {
		areas = append(areas, g.menu.rect)
	}
	areas = append(areas, g.lay.TopBar)
	if g.lesson != nil {
		areas = append(areas, g.lessonArea(), g.feed.feedArea(), g.safety.safetyStrip())
	} else {
		areas = append(areas, g.feed.feedArea(), g.lay.Safety)
	}
	areas = append(areas, g.lay.Logs, g.lay.Timeline, g.lay.Side, g.lay.Cluster)
	for _, a := range areas {
		if a.Contains(r.CenterX(), r.CenterY()) {
			return a
		}
	}
	top := g.lay.TopBar.Y + g.lay.TopBar.H
	return Rect{0, top, float64(g.w), float64(g.h) - top}
}

// intersect is the part of r inside o (empty, at r's corner, if none).
func intersect(r, o Rect) Rect {
	x0, y0 := math.Max(r.X, o.X), math.Max(r.Y, o.Y)
	x1, y1 := math.Min(r.X+r.W, o.X+o.W), math.Min(r.Y+r.H, o.Y+o.H)
	if x1 <= x0 || y1 <= y0 {
		return Rect{r.X, r.Y, 0, 0}
	}
	return Rect{x0, y0, x1 - x0, y1 - y0}
}

// labelTextBox is the block a node's name and role take, as wide as the
// longer of the two (the label block is wider, for any role).
func (g *Game) labelTextBox(spot NodeSpot, role string) Rect {
	s := g.scale
	name := spot.ID.Name()
	w := textWidth(name, face(12*s, true))
	if !spot.Compact {
		w = math.Max(textWidth(name, face(13*s, true)), textWidth(role, face(11.5*s, false)))
	}
	return Rect{spot.LabelX - w/2, spot.LabelY - spot.LabelH/2, w, spot.LabelH}
}

// pulseRate is how fast the pointers pulse, in radians a second: a beat
// about every second.
const pulseRate = 60.0 / 9

// pulse is the pointers' strength now, between 0.3 and 0.8: timed by the
// app's uptime, so that it beats as fast at any frame rate.
func (g *Game) pulse() float64 {
	return 0.55 + 0.25*math.Sin(g.uptime.now().Seconds()*pulseRate)
}

// drawPointers draws the step's pointers of one layer, pulsing.
func (g *Game) drawPointers(dst *ebiten.Image, onPanels bool) {
	if g.card.open {
		return // the card covers what they point at
	}
	s := g.scale
	pulse := g.pulse()
	for _, p := range g.lessonPointers() {
		if p.onPanels != onPanels {
			continue
		}
		switch p.shape {
		case ringShape:
			drawCentered(dst, g.spr.ring(int(p.r+6*s), int(8*s)), p.x, p.y, withAlpha(colHighlight, 0.25*pulse))
			drawCentered(dst, g.spr.ring(int(p.r), int(3*s)), p.x, p.y, withAlpha(colHighlight, pulse))
		case lineShape:
			g.spr.line(dst, p.x, p.y, p.x2, p.y2, 10*s, withAlpha(colHighlight, 0.22*pulse))
			g.spr.line(dst, p.x, p.y, p.x2, p.y2, 3*s, withAlpha(colHighlight, pulse))
		case boxShape:
			// Inside the box: a box never runs past its area or into
			// the words around a term.
			g.spr.fillRect(dst, p.box, withAlpha(colHighlight, 0.1*pulse))
			g.spr.strokeRect(dst, p.box, 2.5*s, withAlpha(colHighlight, pulse))
		case groupShape:
			g.drawGroup(dst, p) // steady: it marks a set, not a moment
		}
	}
}
