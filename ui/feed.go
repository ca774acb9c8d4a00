package ui

import (
	"fmt"
	"math"
	"slices"

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
	mem feedMemory
}

// feedMemory keeps the feed's events after they leave the trace. A seek
// back restores a checkpoint that keeps no trace and replays only the last
// two seconds or so (playground.Session.SeekTo): without it, the feed would
// then show only those seconds, in which the story filter often finds
// nothing (heartbeats only), and the election the learner went back to
// read would be gone. Event numbers are the same on every replay of a
// history, so the events remembered before the present are those the run
// showed when it was here. The steady traffic (sends, deliveries, fsyncs)
// is not kept: it is most of the trace, and only the All filter shows it.
type feedMemory struct {
	sess *playground.Session
	// world is the session's world when last looked at: a seek replaces
	// it, and history may have been forked since, anywhere in its trace.
	world *playground.World
	// evs are the events kept, by number (idx), oldest first; they are
	// of this history up to end.
	evs []playground.Event
	idx []int
	end int
	// cursor is where the next look at the trace starts.
	cursor int
}

// remembered reports whether the memory keeps events of type t.
func remembered(t playground.EventType) bool {
	return t != playground.EvSend && t != playground.EvDeliver && t != playground.EvFsync
}

// sameEvent reports whether two events of the same number tell the same
// thing: when they differ, history was forked there.
func sameEvent(a, b playground.Event) bool {
	return a.AtMs == b.AtMs && a.Type == b.Type && a.Node == b.Node && a.Peer == b.Peer && a.Term == b.Term &&
		a.Index == b.Index && a.Index2 == b.Index2 && a.Client == b.Client && a.Note == b.Note
}

// sync brings the memory up to the session's present: it keeps the new
// events, and forgets those after a point where history was forked.
func (m *feedMemory) sync(sess *playground.Session) {
	w := sess.World()
	if m.sess != sess {
		*m = feedMemory{sess: sess, end: w.TraceStart()}
	}
	if m.world != w {
		m.world, m.cursor = w, w.TraceStart()
	}
	if m.end < w.TraceStart() {
		// The trace ran on past events never seen (a long jump ahead):
		// what is kept is older than the trace window would hold.
		m.evs, m.idx, m.end = nil, nil, w.TraceStart()
	}
	for i := m.cursor; i < w.TraceLen(); i++ {
		keep := remembered(w.EventTypeAt(i))
		if i < m.end {
			k, found := slices.BinarySearch(m.idx, i)
			if found == keep && (!keep || sameEvent(m.evs[k], w.EventAt(i))) {
				continue
			}
			m.evs, m.idx, m.end = m.evs[:k], m.idx[:k], i // history forked at i
		}
		if keep {
			m.evs = append(m.evs, w.EventAt(i))
			m.idx = append(m.idx, i)
		}
		m.end = i + 1
	}
	m.cursor = w.TraceLen()
	// Keep no more than the trace window holds.
	if k, _ := slices.BinarySearch(m.idx, w.TraceLen()-traceWindow); k > len(m.idx)/2 {
		m.evs = append([]playground.Event(nil), m.evs[k:]...)
		m.idx = append([]int(nil), m.idx[k:]...)
	}
}

// event returns event i of the feed: from the trace while it still holds
// it, else from the memory.
func (g *Game) feedEvent(i int) (playground.Event, bool) {
	w := g.world()
	if i >= w.TraceStart() {
		return w.EventAt(i), true
	}
	m := &g.feed.mem
	if k, ok := slices.BinarySearch(m.idx, i); ok {
		return m.evs[k], true
	}
	return playground.Event{}, false
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

// feedOldest is the number of the oldest event the feed may show: as many
// as the trace window holds (kept by the feed's memory once the trace has
// dropped them), and under a lesson the first of the current step (what
// earlier steps did, however the learner got here, is not this step's
// story).
func (g *Game) feedOldest() int {
	oldest := max(g.world().TraceLen()-traceWindow, 0)
	if p := g.lessonPlay(); p != nil {
		oldest = max(oldest, p.TraceStart())
	}
	return oldest
}

// feedShows reports whether the filter lets event i through, and false for
// an event neither the trace nor the memory holds.
func (g *Game) feedShows(i int) bool {
	w := g.world()
	if i >= w.TraceStart() {
		return g.filter.showsAt(w, i)
	}
	e, ok := g.feedEvent(i)
	if !ok {
		return false
	}
	if g.filter == feedClients && (e.Type == playground.EvNote || e.Type == playground.EvViolation) {
		return e.Client != 0
	}
	return g.filter.shows(e.Type)
}

// feedShown is the numbers of the events the feed lists, newest first, at
// most n of them: the events up to the present, as the run showed them
// when it was here.
func (g *Game) feedShown(n int) []int {
	g.feed.mem.sync(g.sess)
	w := g.world()
	oldest := g.feedOldest()
	var out []int
	for i := w.TraceLen() - 1; i >= max(oldest, w.TraceStart()) && len(out) < n; i-- {
		if g.filter.showsAt(w, i) {
			out = append(out, i)
		}
	}
	m := &g.feed.mem
	k, _ := slices.BinarySearch(m.idx, min(w.TraceStart(), w.TraceLen()))
	for k--; k >= 0 && m.idx[k] >= oldest && len(out) < n; k-- {
		if g.feedShows(m.idx[k]) {
			out = append(out, m.idx[k])
		}
	}
	return out
}

// feedKeyNow is the key of what the feed shows now.
func (g *Game) feedKeyNow() feedKey {
	newest := g.feedOldest() - 1
	if shown := g.feedShown(1); len(shown) > 0 {
		newest = shown[0]
	}
	return feedKey{sess: g.sess, newest: newest, oldest: g.feedOldest(), filter: g.filter, area: g.feedArea()}
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
	for _, i := range g.feedVisible() {
		e, _ := g.feedEvent(i)
		c := colText
		if e.Type == playground.EvViolation {
			c = colBad
		}
		drawText(img, fmt.Sprintf("%6.3fs", float64(e.AtMs)/1000), face(10*s, false), 10*s, y, colTextDim, alignStart)
		drawText(img, ellipsize(e.Text(), f, area.W-70*s), f, 60*s, y, c, alignStart)
		y += lineH
	}
}

// feedVisible is the numbers of the events the feed panel lists, newest
// first: as many as fit, each line from 62 logical pixels down while it
// starts above the panel's foot (8 pixels of margin).
func (g *Game) feedVisible() []int {
	s := g.scale
	return g.feedShown(int(math.Ceil((g.feedArea().H - 8*s - 62*s) / (19 * s))))
}

// feedTip is the whole sentence of the feed line at (x, y) when the line
// is cut short with "…" ("" otherwise): the pointer shows what the panel
// has no room for, such as the reason at the end of "S1 became a follower
// (CheckQuorum: ...)".
func (g *Game) feedTip(x, y float64) string {
	s := g.scale
	area := g.feedArea()
	if !area.Contains(x, y) {
		return ""
	}
	f := face(11.5*s, false)
	for k, i := range g.feedVisible() {
		cy := area.Y + 62*s + float64(k)*19*s
		if math.Abs(y-cy) > 9.5*s {
			continue
		}
		e, _ := g.feedEvent(i)
		if t := e.Text(); textWidth(t, f) > area.W-70*s {
			return t
		}
		return ""
	}
	return ""
}

// lessonFeedLines is how many events the feed shows under a lesson.
const lessonFeedLines = 4

// feedArea is where the feed is: below the safety monitor (below the
// inspector while a node is selected), or, while a lesson takes the
// right-hand column, a few lines above the safety strip (lessons point at
// what the feed says).
func (g *Game) feedArea() Rect {
	if g.lesson == nil {
		if g.inspecting() {
			_, events := splitFeed(g.lay.Feed, g.scale)
			return events
		}
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
