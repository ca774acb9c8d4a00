package ui

import (
	"math"

	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
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
	ID   view.ID
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
	// top is which of the top bar's controls it is (topNone for any
	// other button).
	top topControl
	// lesson is which of the lesson panel's controls it is (lessonNone
	// for any other button).
	lesson lessonControl
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
	// Title is the box of the app's name, at the top bar's left.
	Title Rect
	// More are the top-bar controls that did not fit, as the rows of the
	// menu the "more" control opens (none when every control fits).
	More []Button
}

// Node returns the spot of a node, and false if it is not on screen.
func (l *Layout) Node(id view.ID) (NodeSpot, bool) {
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

// topControl is one of the top bar's controls.
type topControl uint8

const (
	// topNone: a button that is not the top bar's.
	topNone topControl = iota
	topLessons
	topPlay
	topStep
	topSlower
	topFaster
	topWrite
	topRead
	topAdd
	topHeal
	topSettings
	topOpen
	topSave
	topShare
	topHelp
	// topMore opens the menu of the controls that did not fit.
	topMore
)

// topSpec is a control of the top bar: its name (by which the tests and
// the browser's automation find it), the catalogue keys of its label and
// tooltip, and its spare rank: a control with one moves, on a narrow
// window, to the menu of the "more" control, rank 1 first.
type topSpec struct {
	name, label, hint string
	spare             int
}

// topButtons are the controls of the top bar, left to right (the "more"
// control, when it shows, goes before help). Lessons, play, the speed,
// writes and help always show.
var topButtons = []topControl{topLessons, topPlay, topStep, topSlower, topFaster, topWrite, topRead, topAdd, topHeal, topSettings, topOpen, topSave, topShare, topHelp}

// topSpecs are the top bar's controls, each written once.
var topSpecs = [...]topSpec{
	topLessons:  {"lessons", "bar.lessons", "bar.lessons.hint", 0},
	topPlay:     {"play", "bar.pause", "bar.play.hint", 0},
	topStep:     {"step", "bar.step", "bar.step.hint", 0},
	topSlower:   {"slower", "bar.slower", "bar.slower.hint", 0},
	topFaster:   {"faster", "bar.faster", "bar.faster.hint", 0},
	topWrite:    {"write", "bar.write", "bar.write.hint", 0},
	topRead:     {"read", "bar.read", "bar.read.hint", 6},
	topAdd:      {"add", "bar.add", "bar.add.hint", 4},
	topHeal:     {"heal", "bar.heal", "bar.heal.hint", 5},
	topSettings: {"settings", "bar.settings", "bar.settings.hint", 3},
	topOpen:     {"open", "bar.open", "bar.open.hint", 1},
	topSave:     {"save", "bar.save", "bar.save.hint", 2},
	topShare:    {"share", "bar.share", "bar.share.hint", 2},
	topHelp:     {"help", "bar.help", "bar.help.hint", 0},
	topMore:     {"more", "bar.more", "bar.more.hint", 0},
}

// button is the control as a button in a language, not yet placed.
func (c topControl) button(lang i18n.Lang) Button {
	sp := topSpecs[c]
	return Button{Name: sp.name, Label: lang.T(sp.label), Hint: lang.T(sp.hint), top: c}
}

// appTitle is the name at the top bar's left (a name: the same in every
// language); titleRoom is the least room kept right of the controls for
// the scenario's name or the status line (in a lesson, room for "Lesson 9"
// at least).
const (
	appTitle  = "RaftLab"
	titleRoom = 64.0
)

// controlFace is the font of the top bar's controls.
func controlFace(s float64) text.Face { return face(13*s, false) }

// titleFace is the font of the app's name.
func titleFace(s float64) text.Face { return face(15*s, true) }

// controlWidthIn is the width of a control of the top bar in a language:
// its label (the play control's longer one, Play or Pause) with padding.
func controlWidthIn(lang i18n.Lang, b Button, s float64) float64 {
	w := textWidth(b.Label, controlFace(s))
	if b.top == topPlay {
		w = max(w, textWidth(lang.T("bar.play"), controlFace(s)))
	}
	return max(34*s, w+20*s)
}

// computeLayoutIn lays out a screen of w x h physical pixels at a scale
// (physical pixels per logical pixel) for the given nodes, with the top
// bar's labels in a language (their widths differ); open adds the Open
// control (for front ends that can show a file picker).
func computeLayoutIn(lang i18n.Lang, w, h int, scale float64, ids []view.ID, open bool) Layout {
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
	l.layoutTopBar(lang, open)
	l.Nodes = ringSpots(l.Cluster, s, ids)
	return l
}

// layoutTopBar places the app's name, then the controls, moving the spare
// ones to the "more" menu, rank by rank, until the rest leave titleRoom
// free at the right.
func (l *Layout) layoutTopBar(lang i18n.Lang, open bool) {
	s, bar := l.Scale, l.TopBar
	tw := textWidth(appTitle, titleFace(s))
	l.Title = Rect{12 * s, 7 * s, tw, bar.H - 14*s}
	start := l.Title.X + tw + 14*s
	ranks := 0
	for _, c := range topButtons {
		ranks = max(ranks, topSpecs[c].spare)
	}
	for hide := 0; hide <= ranks; hide++ {
		l.Buttons, l.More = nil, nil
		x := start
		place := func(b Button) {
			b.Rect = Rect{x, 7 * s, controlWidthIn(lang, b, s), bar.H - 14*s}
			l.Buttons = append(l.Buttons, b)
			x += b.Rect.W + 8*s
		}
		for _, c := range topButtons {
			if c == topOpen && !open {
				continue
			}
			btn := c.button(lang)
			if sp := topSpecs[c].spare; sp != 0 && sp <= hide {
				l.More = append(l.More, btn)
				continue
			}
			if c == topHelp && len(l.More) > 0 {
				place(topMore.button(lang))
			}
			place(btn)
		}
		if x-8*s <= bar.W-(12+titleRoom)*s {
			break
		}
	}
	l.layoutMoreMenu()
}

// layoutMoreMenu places the rows of the "more" menu below its control,
// their right edges on the control's.
func (l *Layout) layoutMoreMenu() {
	more, ok := l.Button(topSpecs[topMore].name)
	if !ok {
		return
	}
	s := l.Scale
	w := more.Rect.W
	for _, b := range l.More {
		w = max(w, textWidth(b.Label, controlFace(s))+32*s)
	}
	x := min(more.Rect.X+more.Rect.W, l.Screen.W-4*s) - w
	for i := range l.More {
		l.More[i].Rect = Rect{x, l.TopBar.H + float64(i)*30*s, w, 30 * s}
	}
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
// In a wide, low area (800x600) the ring is stretched sideways into an
// oval when that gives the nodes more room.
func ringSpots(area Rect, s float64, ids []view.ID) []NodeSpot {
	if len(ids) == 0 {
		return nil
	}
	area.H -= clientStrip * s
	for _, size := range [][2]float64{{labelW, labelH}, {compactLabelW, compactLabelH}} {
		var best []NodeSpot
		for _, k := range ringStretches {
			spots := ringFit(area, s, ids, size[0], size[1], k)
			if labelsClear(spots) && (best == nil || spots[0].R > best[0].R+1*s) {
				best = spots
			}
		}
		if best != nil {
			return best
		}
	}
	return ringFit(area, s, ids, compactLabelW, compactLabelH, 1)
}

// ringStretches are the ring's widths tried, relative to its height.
var ringStretches = []float64{1, 1.5, 2, 2.5}

// ringFit lays out the ring with labels of a size, shrinking the ring until
// every label block is inside the area, labelMargin below its top edge (a
// highlight's box around the top label then stays clear of the top bar).
// The ring and its labels are centred as a block: the top node's label
// stands out further than the bottom nodes', so centring the ring itself
// would waste room below.
func ringFit(area Rect, s float64, ids []view.ID, lw, lh, stretch float64) []NodeSpot {
	fit := Rect{area.X, area.Y + labelMargin*s, area.W, area.H - labelMargin*s}
	reach := math.Min(fit.W/2-(lw+8)*s, fit.H/2-lh/2*s)
	var spots []NodeSpot
	for range 80 {
		spots = centreBlock(ringAt(fit, s, ids, reach, lw, lh, stretch), fit, s)
		inside := true
		for _, sp := range spots {
			b := sp.labelBox(s)
			inside = inside && fit.Contains(b.X, b.Y) && fit.Contains(b.X+b.W, b.Y+b.H)
		}
		if inside {
			return spots
		}
		reach -= 4 * s
	}
	return spots
}

// labelMargin is the room, in logical pixels, kept between the cluster
// area's edges and the nodes' label blocks.
const labelMargin = 4.0

// centreBlock moves the spots up or down so that the block of the nodes,
// their timer arcs and their labels is centred in the area's height.
func centreBlock(spots []NodeSpot, area Rect, s float64) []NodeSpot {
	top, bottom := math.Inf(1), math.Inf(-1)
	for _, sp := range spots {
		b := sp.labelBox(s)
		top = math.Min(top, math.Min(b.Y, sp.Y-sp.R-8*s))
		bottom = math.Max(bottom, math.Max(b.Y+b.H, sp.Y+sp.R+8*s))
	}
	dy := area.CenterY() - (top+bottom)/2
	for i := range spots {
		spots[i].Y += dy
		spots[i].LabelY += dy
	}
	return spots
}

// ringAt places the nodes so that ring radius plus node radius is reach
// upwards and downwards; sideways the ring is stretch times as wide.
func ringAt(area Rect, s float64, ids []view.ID, reach, lw, lh, stretch float64) []NodeSpot {
	n := len(ids)
	cx, cy := area.CenterX(), area.CenterY()
	angle := func(i int) float64 { return -math.Pi/2 + 2*math.Pi*float64(i)/float64(n) }
	// The largest node radius (up to 46, at least 12) whose neighbours
	// stay 2r plus the gap apart: a bigger node leaves a smaller ring, so
	// the test is monotonic and a bisection finds it.
	clear := func(r float64) bool {
		ring := math.Max(reach-r, 0)
		for i := range n {
			for j := i + 1; j < n; j++ {
				dx := stretch * ring * (math.Cos(angle(i)) - math.Cos(angle(j)))
				dy := ring * (math.Sin(angle(i)) - math.Sin(angle(j)))
				if math.Hypot(dx, dy) < 2*r+nodeGap*s {
					return false
				}
			}
		}
		return true
	}
	lo, hi := 12*s, math.Max(math.Min(46*s, reach), 12*s)
	if n > 1 && !clear(hi) {
		for range 30 {
			if mid := (lo + hi) / 2; clear(mid) {
				lo = mid
			} else {
				hi = mid
			}
		}
		hi = lo
	}
	r := hi
	ring := math.Max(reach-r, 0)
	spots := make([]NodeSpot, n)
	for i, id := range ids {
		a := angle(i)
		if n == 1 {
			a, ring = math.Pi/2, 0
		}
		x, y := cx+stretch*ring*math.Cos(a), cy+ring*math.Sin(a)
		// The label block's centre: just outside the node and its arc, on
		// the line from the centre at the node's angle, pushed out by the
		// half-extent of the block in that direction.
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
func (l *Layout) hitNode(x, y float64) (view.ID, bool) {
	for _, n := range l.Nodes {
		if n.Contains(x, y) {
			return n.ID, true
		}
	}
	return view.None, false
}

// hitButton returns the control under (x, y).
func (l *Layout) hitButton(x, y float64) (Button, bool) { return hitAny(l.Buttons, x, y) }

// hitLink returns the link (a pair of nodes, a < b) under (x, y): within a
// few pixels of the segment between them, away from the nodes themselves.
func (l *Layout) hitLink(x, y float64) (a, b view.ID, ok bool) {
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
