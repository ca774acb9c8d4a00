package ui

import (
	"math"
	"slices"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
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

// feedFilters are the filter buttons: each one's name and the catalogue
// key of its label.
var feedFilters = []struct {
	name, label string
}{
	{"feed-story", "feedpanel.filter.story"}, {"feed-elections", "feedpanel.filter.elections"}, {"feed-log", "feedpanel.filter.log"},
	{"feed-network", "feedpanel.filter.faults"}, {"feed-clients", "feedpanel.filter.clients"}, {"feed-all", "feedpanel.filter.all"},
}

// shows reports whether the filter lets an event through. The story leaves
// out the steady traffic (sends, deliveries, fsyncs, and the losses of
// messages to crashed or cut-off nodes) that would drown it.
func (f feedFilter) shows(t view.EventType) bool {
	switch f {
	case feedStory:
		switch t {
		case view.EvSend, view.EvDeliver, view.EvFsync, view.EvApply, view.EvExpect,
			view.EvDrop, view.EvDuplicate:
			return false
		}
		return true
	case feedElections:
		switch t {
		case view.EvTimeout, view.EvRole, view.EvTerm, view.EvVote, view.EvTransfer:
			return true
		}
	case feedLog:
		switch t {
		case view.EvAppend, view.EvTruncate, view.EvCommit, view.EvApply, view.EvSnapshot, view.EvMembership:
			return true
		}
	case feedNetwork:
		switch t {
		case view.EvDrop, view.EvDuplicate, view.EvPartition, view.EvHeal, view.EvCut,
			view.EvLink, view.EvNetwork, view.EvCrash, view.EvRestart, view.EvDisk, view.EvViolation:
			return true
		}
	case feedClients:
		return t == view.EvClientCall || t == view.EvClientReturn || t == view.EvRead
	case feedAll:
		return true
	}
	return false
}

// showsAt reports whether the filter lets event i of w's trace through.
// Most events are judged by their type alone; the few that need reading
// whole (see showsEvent) are read.
func (f feedFilter) showsAt(w view.Session, i int) bool {
	t := w.EventType(i)
	if f.readsWhole(t) {
		return f.showsEvent(w.Event(i))
	}
	return f.shows(t)
}

// readsWhole reports whether the filter judges events of a type by more
// than their type.
func (f feedFilter) readsWhole(t view.EventType) bool {
	return (f == feedClients && (t == view.EvNote || t == view.EvViolation)) ||
		(f == feedStory && (t == view.EvAppend || t == view.EvCommit))
}

// showsEvent reports whether the filter lets an event through. Under
// Clients, a note or a violation about a client's request shows too (a
// retried write applied again or skipped, a stale read). The story tells
// what a leader appends and commits, not each follower's echo of it (the
// Log filter has those): four lines of "S2 appended entry 1" would push
// the election off a short panel.
func (f feedFilter) showsEvent(e view.Event) bool {
	switch {
	case f == feedClients && (e.Type == view.EvNote || e.Type == view.EvViolation):
		return e.Client != 0
	case f == feedStory && (e.Type == view.EvAppend || e.Type == view.EvCommit):
		return !e.Echo
	}
	return f.shows(e.Type)
}

// feedCache holds the feed panel as last drawn. Text is most of a frame's
// cost under software rendering, and the feed changes only when an event
// it shows arrives, so it is redrawn only then.
type feedCache struct {
	img *ebiten.Image
	key feedKey
	mem feedMemory
	// rows are the events laid out for rowsKey (see feedRows).
	rows    []feedRow
	rowsKey feedKey
	// wrapped holds each sentence's lines at wrapWidth in a face of
	// wrapSize, so that a sentence is broken into lines once, not again
	// on each redraw; it keeps the sentences last laid out only.
	wrapped             map[string][]string
	wrapWidth, wrapSize float64
}

// feedRow is one event as the feed lists it: its number and its sentence
// broken into the lines the panel's width holds.
type feedRow struct {
	idx   int
	lines []string
	// y is where its first line's middle is, in logical pixels from the
	// panel's top.
	y float64
}

// feedMemory keeps the feed's events after they leave the trace. A seek
// back restores a checkpoint that keeps no trace and replays only the last
// two seconds or so (view.Session.SeekTo): without it, the feed would
// then show only those seconds, in which the story filter often finds
// nothing (heartbeats only), and the election the learner went back to
// read would be gone. Event numbers are the same on every replay of a
// history, so the events remembered before the present are those the run
// showed when it was here. The steady traffic (sends, deliveries, fsyncs)
// is not kept: it is most of the trace, and only the All filter shows it.
type feedMemory struct {
	sess view.Session
	// rewinds is the session's count of rewinds when last looked at: a
	// seek replaces its world, and history may have been forked since,
	// anywhere in its trace.
	rewinds uint64
	// evs are the events kept, by number (idx), oldest first; they are
	// of this history up to end.
	evs []view.Event
	idx []int
	end int
	// cursor is where the next look at the trace starts.
	cursor int
}

// remembered reports whether the memory keeps events of type t.
func remembered(t view.EventType) bool {
	return t != view.EvSend && t != view.EvDeliver && t != view.EvFsync
}

// sameEvent reports whether two events of the same number tell the same
// thing: when they differ, history was forked there.
func sameEvent(a, b view.Event) bool {
	return a.AtMs == b.AtMs && a.Type == b.Type && a.Node == b.Node && a.Peer == b.Peer && a.Term == b.Term &&
		a.Index == b.Index && a.Index2 == b.Index2 && a.Client == b.Client && a.Note == b.Note && a.Key == b.Key
}

// sync brings the memory up to the session's present: it keeps the new
// events, and forgets those after a point where history was forked.
func (m *feedMemory) sync(sess view.Session) {
	w := sess
	if m.sess != sess {
		*m = feedMemory{sess: sess, rewinds: sess.Rewinds(), end: w.TraceStart()}
	}
	if m.rewinds != sess.Rewinds() {
		m.rewinds, m.cursor = sess.Rewinds(), w.TraceStart()
	}
	if m.end < w.TraceStart() {
		// The trace ran on past events never seen (a long jump ahead):
		// what is kept is older than the trace window would hold.
		m.evs, m.idx, m.end = nil, nil, w.TraceStart()
	}
	// Events that left the trace window unseen cannot be read.
	m.cursor = max(m.cursor, w.TraceStart())
	for i := m.cursor; i < w.TraceLen(); i++ {
		keep := remembered(w.EventType(i))
		if i < m.end {
			k, found := slices.BinarySearch(m.idx, i)
			if found == keep && (!keep || sameEvent(m.evs[k], w.Event(i))) {
				continue
			}
			m.evs, m.idx, m.end = m.evs[:k], m.idx[:k], i // history forked at i
		}
		if keep {
			m.evs = append(m.evs, w.Event(i))
			m.idx = append(m.idx, i)
		}
		m.end = i + 1
	}
	m.cursor = w.TraceLen()
	// Keep no more than the trace window holds.
	if k, _ := slices.BinarySearch(m.idx, w.TraceLen()-traceWindow); k > len(m.idx)/2 {
		m.evs = append([]view.Event(nil), m.evs[k:]...)
		m.idx = append([]int(nil), m.idx[k:]...)
	}
}

// event returns event i of the feed: from the trace while it still holds
// it, else from the memory.
func (p *feedPanel) feedEvent(i int) (view.Event, bool) {
	g := p.g
	w := g.sess
	if i >= w.TraceStart() {
		return w.Event(i), true
	}
	m := &p.mem
	if k, ok := slices.BinarySearch(m.idx, i); ok {
		return m.evs[k], true
	}
	return view.Event{}, false
}

// feedKey is what the feed shows: the events from oldest to newest (the
// newest the filter shows) of a session's trace. Each lesson step has a
// session of its own, whose trace may be as long as the last one's.
type feedKey struct {
	sess           view.Session
	newest, oldest int
	filter         feedFilter
	area           Rect
	// light is the theme: the image holds its colours.
	light bool
	// lang is the language the sentences are in.
	lang i18n.Lang
}

// feedOldest is the number of the oldest event the feed may show: as many
// as the trace window holds (kept by the feed's memory once the trace has
// dropped them). Under a lesson that is the story of the earlier steps
// too, however the learner got here (played through, or opened at a later
// step, whose earlier steps the runner replays): the feed shows the events
// up to the current moment, such as the election the step before ended on.
func (p *feedPanel) feedOldest() int {
	g := p.g
	return max(g.sess.TraceLen()-traceWindow, 0)
}

// feedShows reports whether the filter lets event i through, and false for
// an event neither the trace nor the memory holds.
func (p *feedPanel) feedShows(i int) bool {
	g := p.g
	w := g.sess
	if i >= w.TraceStart() {
		return p.filter.showsAt(w, i)
	}
	e, ok := p.feedEvent(i)
	return ok && p.filter.showsEvent(e)
}

// feedShown is the numbers of the events the feed lists, newest first, at
// most n of them: the events up to the present, as the run showed them
// when it was here. It only reads the feed's memory (Update keeps it, see
// settle); a memory of another session is not this feed's.
func (p *feedPanel) feedShown(n int) []int {
	g := p.g
	w := g.sess
	oldest := p.feedOldest()
	var out []int
	for i := w.TraceLen() - 1; i >= max(oldest, w.TraceStart()) && len(out) < n; i-- {
		if p.filter.showsAt(w, i) {
			out = append(out, i)
		}
	}
	m := &p.mem
	if m.sess != g.sess {
		return out
	}
	k, _ := slices.BinarySearch(m.idx, min(w.TraceStart(), w.TraceLen()))
	for k--; k >= 0 && m.idx[k] >= oldest && len(out) < n; k-- {
		if p.feedShows(m.idx[k]) {
			out = append(out, m.idx[k])
		}
	}
	return out
}

// feedKeyNow is the key of what the feed shows now.
func (p *feedPanel) feedKeyNow() feedKey {
	g := p.g
	newest := p.feedOldest() - 1
	if shown := p.feedShown(1); len(shown) > 0 {
		newest = shown[0]
	}
	return feedKey{sess: g.sess, newest: newest, oldest: p.feedOldest(), filter: p.filter, area: p.feedArea(), light: lightTheme(), lang: g.lang}
}

// draw lists the trace as sentences, newest first.
func (p *feedPanel) draw(dst *ebiten.Image) {
	g := p.g
	area := p.feedArea()
	key := p.feedKeyNow()
	c := &g.feed
	if c.img == nil || c.key != key {
		if c.img == nil || c.img.Bounds().Dx() != int(area.W) || c.img.Bounds().Dy() != int(area.H) {
			if c.img != nil {
				c.img.Deallocate()
			}
			c.img = ebiten.NewImage(max(1, int(area.W)), max(1, int(area.H)))
		}
		p.renderFeed(c.img)
		c.key = key
	}
	op := newImageOp()
	op.GeoM.Translate(area.X, area.Y)
	dst.DrawImage(c.img, op)
}

// renderFeed draws the feed panel into img, at the image's origin.
func (p *feedPanel) renderFeed(img *ebiten.Image) {
	g := p.g
	s := g.scale
	area := p.feedArea()
	local := Rect{0, 0, area.W, area.H}
	img.Clear()
	g.spr.fillRect(img, local, colPanel)
	g.spr.fillRect(img, Rect{0, 0, area.W, 1 * s}, colPanelEdge)
	drawText(img, g.tr("feedpanel.title"), face(13*s, true), 12*s, 16*s, colText, alignStart)
	for i, b := range p.feedButtons() {
		bg := colButton
		if feedFilter(i) == p.filter {
			bg = colButtonHot
		}
		r := Rect{b.Rect.X - area.X, b.Rect.Y - area.Y, b.Rect.W, b.Rect.H}
		g.spr.fillRect(img, r, bg)
		drawText(img, b.Label, face(10*s, false), r.CenterX(), r.CenterY(), colText, alignCenter)
	}
	f, small := face(feedTextSize*s, false), face(10*s, false)
	x := p.feedTextX()
	for _, r := range p.feedRows() {
		e, _ := p.feedEvent(r.idx)
		c := colText
		if e.Type == view.EvViolation {
			c = colBad
		}
		y := r.y * s
		drawText(img, g.tr("feedpanel.time", float64(e.AtMs)/1000), small, 10*s, y, colTextDim, alignStart)
		for _, line := range r.lines {
			drawText(img, line, f, x, y, c, alignStart)
			y += feedWrapH * s
		}
	}
}

// feedTextX is where the feed's sentences start, from the panel's left:
// 60 logical pixels, or further right when the language's time column
// ("999.999 秒") needs more room, so that a time never touches its
// sentence.
func (p *feedPanel) feedTextX() float64 {
	g := p.g
	s := g.scale
	return max(60*s, 18*s+textWidth(g.tr("feedpanel.time", 999.999), face(10*s, false)))
}

// The feed's text: its size, and where its lines go (in logical pixels).
// An event's first line is feedLineH below the last line of the event
// before it; the lines an event's sentence wraps onto are feedWrapH apart,
// a little closer, so that each event reads as one block.
const (
	feedTextSize = 11.5
	feedTop      = 62
	feedLineH    = 19
	feedWrapH    = 15
	feedFoot     = 8
)

// feedRows lays out the events the feed lists, newest first: each
// sentence whole, wrapped onto as many lines as it needs, as many events
// as fit above the panel's foot (the newest one always, cut short at the
// foot if the panel is too short for it). The layout is kept while what
// the feed shows stays the same.
func (p *feedPanel) feedRows() []feedRow {
	g := p.g
	key := p.feedKeyNow()
	c := &g.feed
	if c.rows != nil && c.rowsKey == key {
		return c.rows
	}
	s := g.scale
	area := p.feedArea()
	width, size := area.W-p.feedTextX()-10*s, feedTextSize*s
	old := c.wrapped
	if c.wrapWidth != width || c.wrapSize != size {
		old = nil
	}
	c.wrapped, c.wrapWidth, c.wrapSize = map[string][]string{}, width, size
	rows := []feedRow{}
	y := float64(feedTop)
	for _, i := range p.feedShown(int(math.Ceil((area.H/s - feedFoot - feedTop) / feedLineH))) {
		e, _ := p.feedEvent(i)
		t := e.Text.In(g.lang)
		lines, ok := old[t]
		if !ok {
			lines = wrapPlain(t, face(size, false), width)
		}
		c.wrapped[t] = lines
		last := y + float64(len(lines)-1)*feedWrapH
		if len(rows) > 0 && last >= area.H/s-feedFoot {
			break
		}
		rows = append(rows, feedRow{idx: i, lines: lines, y: y})
		y = last + feedLineH
	}
	c.rows, c.rowsKey = rows, key
	return rows
}

// feedVisible is the numbers of the events the feed panel lists, newest
// first.
func (p *feedPanel) feedVisible() []int {
	var out []int
	for _, r := range p.feedRows() {
		out = append(out, r.idx)
	}
	return out
}

// feedTip is the whole sentence of the event at (x, y) when the panel
// cuts it short at its foot ("" otherwise): only a panel too short for
// the newest event's lines does.
func (p *feedPanel) feedTip(x, y float64) string {
	g := p.g
	s := g.scale
	area := p.feedArea()
	if !area.Contains(x, y) {
		return ""
	}
	for _, r := range p.feedRows() {
		top := area.Y + (r.y-feedLineH/2)*s
		bottom := area.Y + (r.y+float64(len(r.lines)-1)*feedWrapH+feedLineH/2)*s
		if y < top || y >= bottom {
			continue
		}
		if bottom > area.Y+area.H {
			e, _ := p.feedEvent(r.idx)
			return e.Text.In(g.lang)
		}
		return ""
	}
	return ""
}

// lessonFeedLines is how many one-line events the feed has room for under
// a lesson.
const lessonFeedLines = 4

// feedArea is where the feed is: below the safety monitor (below the
// inspector while a node is selected), or, while a lesson takes the
// right-hand column, a few lines above the safety strip (lessons point at
// what the feed says); none while presenter mode hides it.
func (p *feedPanel) feedArea() Rect {
	g := p.g
	if g.present.hidesPanels() { // none: presenter mode hides the feed
		y := g.lay.Side.Y + g.lay.Side.H
		if g.lesson != nil {
			y = g.safety.safetyStrip().Y
		}
		return Rect{g.lay.Side.X, y, g.lay.Side.W, 0}
	}
	if g.lesson == nil {
		if g.inspector.inspecting() {
			_, events := splitFeed(g.lay.Feed, g.scale)
			return events
		}
		return g.lay.Feed
	}
	s := g.scale
	h := (62 + lessonFeedLines*19 + 2) * s
	return Rect{g.lay.Side.X, g.safety.safetyStrip().Y - h, g.lay.Side.W, h}
}

// feedButtons are the filter buttons above the feed.
func (p *feedPanel) feedButtons() []Button {
	g := p.g
	s := g.scale
	area := p.feedArea()
	bw := (area.W - 24*s) / float64(len(feedFilters))
	out := make([]Button, len(feedFilters))
	for i, ff := range feedFilters {
		out[i] = Button{Name: ff.name, Label: g.tr(ff.label), Rect: Rect{area.X + 12*s + float64(i)*bw, area.Y + 30*s, bw - 4*s, 20 * s}}
	}
	return out
}

// feedRowDocs are the feed's lines of text as drawn, with their boxes, for
// layout().
func (p *feedPanel) feedRowDocs(cb func(string, Rect) box) []textBox {
	g := p.g
	s := g.scale
	area := p.feedArea()
	f := face(feedTextSize*s, false)
	h := feedWrapH * s
	out := []textBox{}
	for _, r := range p.feedRows() {
		for k, line := range r.lines {
			y := area.Y + (r.y+float64(k)*feedWrapH)*s
			out = append(out, textBox{line, cb("", Rect{area.X + p.feedTextX(), y - h/2, textWidth(line, f), h})})
		}
	}
	return out
}

// feedPanel is the event feed: the run's story in sentences,
// newest first, through a filter.
type feedPanel struct {
	g      *Game
	filter feedFilter
	feedCache
}

// press picks a filter (which leaves the selected server's inspector for
// the feed).
func (p *feedPanel) press(x, y float64, long bool) bool {
	for i, b := range p.feedButtons() {
		if b.Rect.Contains(x, y) {
			p.filter = feedFilter(i)
			p.g.selected = 0
			return true
		}
	}
	return false
}

// tip names a filter, or says the whole sentence of an event the panel
// cuts short at its foot.
func (p *feedPanel) tip(x, y float64) (tooltip, bool) {
	if b, ok := hitAny(p.feedButtons(), x, y); ok {
		return tooltip{text: p.g.tr("tip.feed-filter", b.Label)}, true
	}
	if t := p.feedTip(x, y); t != "" {
		return tooltip{text: t}, true
	}
	return tooltip{}, false
}
