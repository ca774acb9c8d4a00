package ui

import (
	"math"

	"github.com/raftlab/raftlab/raft"
)

// Rect is an axis-aligned rectangle in physical pixels.
type Rect struct{ X, Y, W, H float64 }

// Contains reports whether (x, y) is inside r.
func (r Rect) Contains(x, y float64) bool {
	return x >= r.X && x < r.X+r.W && y >= r.Y && y < r.Y+r.H
}

// overlaps reports whether r and o share any area.
func (r Rect) overlaps(o Rect) bool {
	return r.X < o.X+o.W && o.X < r.X+r.W && r.Y < o.Y+o.H && o.Y < r.Y+r.H
}

// Inset shrinks r by d on every side.
func (r Rect) Inset(d float64) Rect { return Rect{r.X + d, r.Y + d, r.W - 2*d, r.H - 2*d} }

// CenterX and CenterY are r's centre.
func (r Rect) CenterX() float64 { return r.X + r.W/2 }
func (r Rect) CenterY() float64 { return r.Y + r.H/2 }

// NodeSpot is where a node is drawn.
type NodeSpot struct {
	ID   raft.ID
	X, Y float64
	R    float64
	// LabelX and LabelY centre the node's name and role, in a block of
	// LabelW by LabelH.
	LabelX, LabelY float64
	LabelW, LabelH float64
	// Compact is set when the ring is too crowded for more than the name.
	Compact bool
}

// Contains reports whether (x, y) is on the node.
func (n NodeSpot) Contains(x, y float64) bool {
	return math.Hypot(x-n.X, y-n.Y) <= n.R
}

// Button is a clickable control.
type Button struct {
	Name  string // stable name, for tests and automation
	Label string
	Hint  string // tooltip
	Rect  Rect
}

// Layout places every part of the screen. It is a pure function of the
// screen size, the scale and the nodes, so it is tested without a display.
type Layout struct {
	Scale    float64
	Screen   Rect
	TopBar   Rect
	Cluster  Rect
	Logs     Rect
	Side     Rect
	Safety   Rect
	Feed     Rect
	Timeline Rect
	// Track is the timeline's scrubbing track.
	Track   Rect
	Nodes   []NodeSpot
	Buttons []Button
}

// Node returns the spot of a node, and false if it is not on screen.
func (l *Layout) Node(id raft.ID) (NodeSpot, bool) {
	for _, n := range l.Nodes {
		if n.ID == id {
			return n, true
		}
	}
	return NodeSpot{}, false
}

// Button returns a control of the top bar by name.
func (l *Layout) Button(name string) (Button, bool) { return findButton(l.Buttons, name) }

// findButton returns the control named name among bs.
func findButton(bs []Button, name string) (Button, bool) {
	for _, b := range bs {
		if b.Name == name {
			return b, true
		}
	}
	return Button{}, false
}

// topButtons are the controls of the top bar, left to right.
var topButtons = []struct{ name, label, hint string }{
	{"play", "Pause", "Play or pause the simulation (space)"},
	{"step", "Step", "Run to the next event (right arrow)"},
	{"slower", "-", "Slow down (-)"},
	{"faster", "+", "Speed up (+)"},
	{"write", "Write x", "A client writes the next value of x, sent where the client panel says (c)"},
	{"read", "Read x", "A client reads x, sent where the client panel says, in the settings' read mode"},
	{"add", "+ Server", "Start a new server and add it to the cluster: a learner first, a voter once caught up"},
	{"heal", "Heal", "Remove every partition and cut link"},
	{"settings", "Settings", "Timing, network, features and the teaching switches"},
	{"open", "Open", "Open a scenario file"},
	{"save", "Save", "Save this session as a scenario file that replays it (s)"},
	{"help", "?", "Every shortcut (?)"},
}

// computeLayout lays out a screen of w x h physical pixels at a scale
// (physical pixels per logical pixel) for the given nodes; open adds the
// Open control (for front ends that can show a file picker).
func computeLayout(w, h int, scale float64, ids []raft.ID, open bool) Layout {
	s := scale
	W, H := float64(w), float64(h)
	l := Layout{Scale: s, Screen: Rect{0, 0, W, H}}
	top, timeline := 44*s, 64*s
	side := math.Min(math.Max(0.3*W, 300*s), 440*s)
	if side > 0.45*W {
		side = 0.45 * W
	}
	l.TopBar = Rect{0, 0, W, top}
	l.Timeline = Rect{0, H - timeline, W, timeline}
	mainH := H - top - timeline
	mainW := W - side
	rows := float64(max(len(ids), 3))
	logsH := math.Min((rows+1.6)*26*s, 0.42*mainH)
	l.Cluster = Rect{0, top, mainW, mainH - logsH}
	l.Logs = Rect{0, top + mainH - logsH, mainW, logsH}
	l.Side = Rect{mainW, top, side, mainH}
	l.Safety = Rect{mainW, top, side, math.Min(float64(len(safetyRows))*22*s+40*s, 0.5*mainH)}
	l.Feed = Rect{mainW, l.Safety.Y + l.Safety.H, side, mainH - l.Safety.H}
	l.Track = Rect{l.Timeline.X + 16*s, l.Timeline.Y + 30*s, l.Timeline.W - 32*s, 16 * s}

	x := 12 * s
	for _, b := range topButtons {
		if b.name == "open" && !open {
			continue
		}
		bw := 16*s + float64(len(b.label))*8.2*s
		bw = math.Max(bw, 34*s)
		l.Buttons = append(l.Buttons, Button{Name: b.name, Label: b.label, Hint: b.hint, Rect: Rect{x, 7 * s, bw, top - 14*s}})
		x += bw + 8*s
	}

	l.Nodes = ringSpots(l.Cluster, s, ids)
	return l
}

// inspectorFeedLines is how many events the feed keeps showing below an
// open inspector: the story ("S4 became leader") is what a learner
// selects a node to understand.
const inspectorFeedLines = 5

// splitFeed shares the feed's column between the inspector, above, and a
// feed of inspectorFeedLines events, below (a feed's header and filters
// take 62 logical pixels, each event 19).
func splitFeed(feed Rect, s float64) (inspector, events Rect) {
	h := math.Min((62+inspectorFeedLines*19+10)*s, feed.H/2)
	return Rect{feed.X, feed.Y, feed.W, feed.H - h}, Rect{feed.X, feed.Y + feed.H - h, feed.W, h}
}

// A node's name and role are drawn outside the ring, along the line from
// the ring's centre through the node, so they never sit between two
// neighbours. labelW and labelH are the room that block takes.
const (
	labelW = 76.0
	labelH = 34.0
	// compactLabelW and compactLabelH are the name alone.
	compactLabelW = 30.0
	compactLabelH = 18.0
	// nodeGap keeps neighbours' timer arcs apart.
	nodeGap = 22.0
)

// clientStrip is the height kept free at the bottom of the cluster area for
// the client panel.
const clientStrip = 64.0

// ringSpots places nodes evenly on a ring, the first at the top, going
// clockwise, sized so that nodes, their timer arcs and their labels stay
// inside the area and clear of each other. On a crowded ring the labels
// shrink to the name alone (the role still shows as the node's colour).
func ringSpots(area Rect, s float64, ids []raft.ID) []NodeSpot {
	if len(ids) == 0 {
		return nil
	}
	area.H -= clientStrip * s
	full := ringFit(area, s, ids, labelW, labelH)
	if labelsClear(full) {
		return full
	}
	return ringFit(area, s, ids, compactLabelW, compactLabelH)
}

// ringFit lays out the ring with labels of a size, shrinking the ring until
// every label block is inside the area.
func ringFit(area Rect, s float64, ids []raft.ID, lw, lh float64) []NodeSpot {
	reach := math.Min(area.W/2-(lw+8)*s, area.H/2-(lh+12)*s)
	for range 60 {
		spots := ringAt(area, s, ids, reach, lw, lh)
		inside := true
		for _, sp := range spots {
			b := sp.labelBox(s)
			inside = inside && area.Contains(b.X, b.Y) && area.Contains(b.X+b.W, b.Y+b.H)
		}
		if inside {
			return spots
		}
		reach -= 4 * s
	}
	return ringAt(area, s, ids, reach, lw, lh)
}

// ringAt places the nodes so that ring radius plus node radius is reach.
func ringAt(area Rect, s float64, ids []raft.ID, reach, lw, lh float64) []NodeSpot {
	n := len(ids)
	cx, cy := area.CenterX(), area.CenterY()
	r := math.Min(46*s, reach)
	if n > 1 {
		// Neighbours on a ring of radius reach-r sit 2(reach-r)sin(pi/n)
		// apart; they need 2r plus the gap.
		sin := math.Sin(math.Pi / float64(n))
		r = math.Min(r, (reach*sin-nodeGap/2*s)/(1+sin))
	}
	r = math.Max(r, 12*s)
	ring := math.Max(reach-r, 0)
	spots := make([]NodeSpot, n)
	for i, id := range ids {
		a := -math.Pi/2 + 2*math.Pi*float64(i)/float64(n)
		if n == 1 {
			a, ring = math.Pi/2, 0
		}
		x, y := cx+ring*math.Cos(a), cy+ring*math.Sin(a)
		// The label block's centre: just outside the node and its arc, on
		// the same line from the centre, pushed out by the half-extent of
		// the block in that direction.
		out := r + 12*s + math.Abs(math.Cos(a))*lw/2*s + math.Abs(math.Sin(a))*lh/2*s
		spots[i] = NodeSpot{ID: id, X: x, Y: y, R: r, LabelX: x + out*math.Cos(a), LabelY: y + out*math.Sin(a), LabelW: lw * s, LabelH: lh * s, Compact: lw == compactLabelW}
	}
	return spots
}

// labelsClear reports whether no two label blocks overlap.
func labelsClear(spots []NodeSpot) bool {
	for i, a := range spots {
		for _, b := range spots[i+1:] {
			if a.labelBox(1).overlaps(b.labelBox(1)) {
				return false
			}
		}
	}
	return true
}

// labelBox is the block a node's labels are drawn in (s is unused: the
// spot's label size is already in physical pixels).
func (n NodeSpot) labelBox(float64) Rect {
	return Rect{n.LabelX - n.LabelW/2, n.LabelY - n.LabelH/2, n.LabelW, n.LabelH}
}

// hitNode returns the node under (x, y).
func (l *Layout) hitNode(x, y float64) (raft.ID, bool) {
	for _, n := range l.Nodes {
		if n.Contains(x, y) {
			return n.ID, true
		}
	}
	return raft.None, false
}

// hitButton returns the control under (x, y).
func (l *Layout) hitButton(x, y float64) (Button, bool) { return hitAny(l.Buttons, x, y) }

// hitLink returns the link (a pair of nodes, a < b) under (x, y): within a
// few pixels of the segment between them, away from the nodes themselves.
func (l *Layout) hitLink(x, y float64) (a, b raft.ID, ok bool) {
	best := 6 * l.Scale
	for i, p := range l.Nodes {
		for _, q := range l.Nodes[i+1:] {
			d, t := segmentDistance(x, y, p.X, p.Y, q.X, q.Y)
			length := math.Hypot(q.X-p.X, q.Y-p.Y)
			if length == 0 || t*length < p.R || (1-t)*length < q.R {
				continue
			}
			if d < best {
				best, a, b, ok = d, min(p.ID, q.ID), max(p.ID, q.ID), true
			}
		}
	}
	return a, b, ok
}

// segmentDistance is the distance from (x, y) to the segment (x1,y1)-(x2,y2)
// and the position t in [0,1] of the nearest point along it.
func segmentDistance(x, y, x1, y1, x2, y2 float64) (float64, float64) {
	dx, dy := x2-x1, y2-y1
	l2 := dx*dx + dy*dy
	if l2 == 0 {
		return math.Hypot(x-x1, y-y1), 0
	}
	t := math.Max(0, math.Min(1, ((x-x1)*dx+(y-y1)*dy)/l2))
	return math.Hypot(x-(x1+t*dx), y-(y1+t*dy)), t
}
