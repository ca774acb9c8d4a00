package ui

import (
	"fmt"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/raftlab/raftlab/playground"
)

// feedFilter chooses which events the feed shows.
type feedFilter int

const (
	feedStory feedFilter = iota
	feedElections
	feedLog
	feedNetwork
	feedClients
	feedAll
)

var feedFilters = []struct {
	name, label string
}{
	{"feed-story", "Story"}, {"feed-elections", "Elections"}, {"feed-log", "Log"},
	{"feed-network", "Faults"}, {"feed-clients", "Clients"}, {"feed-all", "All"},
}

// shows reports whether the filter lets an event through. The story leaves
// out the steady traffic (sends, deliveries, fsyncs, and the losses of
// messages to crashed or cut-off nodes) that would drown it.
func (f feedFilter) shows(t playground.EventType) bool {
	switch f {
	case feedStory:
		switch t {
		case playground.EvSend, playground.EvDeliver, playground.EvFsync, playground.EvApply, playground.EvExpect,
			playground.EvDrop, playground.EvDuplicate:
			return false
		}
		return true
	case feedElections:
		switch t {
		case playground.EvTimeout, playground.EvRole, playground.EvTerm, playground.EvVote, playground.EvTransfer:
			return true
		}
	case feedLog:
		switch t {
		case playground.EvAppend, playground.EvTruncate, playground.EvCommit, playground.EvApply, playground.EvSnapshot, playground.EvMembership:
			return true
		}
	case feedNetwork:
		switch t {
		case playground.EvDrop, playground.EvDuplicate, playground.EvPartition, playground.EvHeal, playground.EvCut,
			playground.EvLink, playground.EvNetwork, playground.EvCrash, playground.EvRestart, playground.EvDisk, playground.EvViolation:
			return true
		}
	case feedClients:
		return t == playground.EvClientCall || t == playground.EvClientReturn || t == playground.EvRead
	case feedAll:
		return true
	}
	return false
}

// showsAt reports whether the filter lets event i of w's trace through.
// Under Clients, a note or a violation about a client's request shows too
// (a retried write applied again or skipped, a stale read): only those
// events are read whole, the rest by their type.
func (f feedFilter) showsAt(w *playground.World, i int) bool {
	t := w.EventTypeAt(i)
	if f == feedClients && (t == playground.EvNote || t == playground.EvViolation) {
		return w.EventAt(i).Client != 0
	}
	return f.shows(t)
}

// feedCache holds the feed panel as last drawn. Text is most of a frame's
// cost under software rendering, and the feed changes only when an event
// it shows arrives, so it is redrawn only then.
type feedCache struct {
	img *ebiten.Image
	key feedKey
}

// feedKey is what the feed shows: the events from oldest to newest (the
// newest the filter shows) of a session's trace. Each lesson step has a
// session of its own, whose trace may be as long as the last one's.
type feedKey struct {
	sess           *playground.Session
	newest, oldest int
	filter         feedFilter
	area           Rect
}

// feedOldest is the index of the oldest event the feed may show: under a
// lesson, the first of the current step (what earlier steps did, however
// the learner got here, is not this step's story).
func (g *Game) feedOldest() int {
	oldest := g.world().TraceStart()
	if p := g.lessonPlay(); p != nil {
		oldest = max(oldest, p.TraceStart())
	}
	return oldest
}

// feedShown is the indexes of the events the feed lists, newest first, at
// most n of them.
func (g *Game) feedShown(n int) []int {
	w := g.world()
	var out []int
	for i := w.TraceLen() - 1; i >= g.feedOldest() && len(out) < n; i-- {
		if g.filter.showsAt(w, i) {
			out = append(out, i)
		}
	}
	return out
}

// feedKeyNow is the key of what the feed shows now.
func (g *Game) feedKeyNow() feedKey {
	w := g.world()
	oldest := g.feedOldest()
	newest := w.TraceLen() - 1
	for newest >= oldest && !g.filter.showsAt(w, newest) {
		newest--
	}
	return feedKey{sess: g.sess, newest: newest, oldest: oldest, filter: g.filter, area: g.feedArea()}
}

// drawFeed lists the trace as sentences, newest first.
func (g *Game) drawFeed(dst *ebiten.Image) {
	area := g.feedArea()
	key := g.feedKeyNow()
	c := &g.feed
	if c.img == nil || c.key != key {
		if c.img == nil || c.img.Bounds().Dx() != int(area.W) || c.img.Bounds().Dy() != int(area.H) {
			if c.img != nil {
				c.img.Deallocate()
			}
			c.img = ebiten.NewImage(max(1, int(area.W)), max(1, int(area.H)))
		}
		g.renderFeed(c.img)
		c.key = key
	}
	op := newImageOp()
	op.GeoM.Translate(area.X, area.Y)
	dst.DrawImage(c.img, op)
}

// renderFeed draws the feed panel into img, at the image's origin.
func (g *Game) renderFeed(img *ebiten.Image) {
	s := g.scale
	area := g.feedArea()
	local := Rect{0, 0, area.W, area.H}
	img.Clear()
	g.spr.fillRect(img, local, colPanel)
	g.spr.fillRect(img, Rect{0, 0, area.W, 1 * s}, colPanelEdge)
	drawText(img, "Events", face(13*s, true), 12*s, 16*s, colText, alignStart)
	for i, b := range g.feedButtons() {
		bg := colButton
		if feedFilter(i) == g.filter {
			bg = colButtonHot
		}
		r := Rect{b.Rect.X - area.X, b.Rect.Y - area.Y, b.Rect.W, b.Rect.H}
		g.spr.fillRect(img, r, bg)
		drawText(img, b.Label, face(10*s, false), r.CenterX(), r.CenterY(), colText, alignCenter)
	}
	f := face(11.5*s, false)
	lineH := 19 * s
	y := 62 * s
	w := g.world()
	// Lines from y while y < area.H-8*s.
	for _, i := range g.feedShown(int(math.Ceil((area.H - 8*s - y) / lineH))) {
		e := w.EventAt(i)
		c := colText
		if e.Type == playground.EvViolation {
			c = colBad
		}
		drawText(img, fmt.Sprintf("%6.3fs", float64(e.AtMs)/1000), face(10*s, false), 10*s, y, colTextDim, alignStart)
		drawText(img, ellipsize(e.Text(), f, area.W-70*s), f, 60*s, y, c, alignStart)
		y += lineH
	}
}

// lessonFeedLines is how many events the feed shows under a lesson.
const lessonFeedLines = 4

// feedArea is where the feed is: below the safety monitor, or, while a
// lesson takes the right-hand column, a few lines above the safety strip
// (lessons point at what the feed says).
func (g *Game) feedArea() Rect {
	if g.lesson == nil {
		return g.lay.Feed
	}
	s := g.scale
	h := (62 + lessonFeedLines*19 + 2) * s
	return Rect{g.lay.Side.X, g.safetyStrip().Y - h, g.lay.Side.W, h}
}

// feedButtons are the filter buttons above the feed.
func (g *Game) feedButtons() []Button {
	s := g.scale
	area := g.feedArea()
	bw := (area.W - 24*s) / float64(len(feedFilters))
	out := make([]Button, len(feedFilters))
	for i, ff := range feedFilters {
		out[i] = Button{Name: ff.name, Label: ff.label, Rect: Rect{area.X + 12*s + float64(i)*bw, area.Y + 30*s, bw - 4*s, 20 * s}}
	}
	return out
}
