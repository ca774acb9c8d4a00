package ui

import (
	"fmt"
	"math"
	"slices"
	"testing"

	"github.com/raftlab/raftlab/lessons"
	"github.com/raftlab/raftlab/lessons/doc"
	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestHighlightPointers: each kind of highlight points at the thing it
// names, where the view draws it.
func TestHighlightPointers(t *testing.T) {
	g := testGame(t, "log-replication")
	g.SeekTo(3000)
	w := g.world()
	leader, ok := w.Leader()
	require.True(t, ok)
	require.GreaterOrEqual(t, w.Node(leader).Raft.LastIndex(), uint64(2))
	row := func(id raft.ID) int {
		for i, x := range w.Nodes() {
			if x == id {
				return i
			}
		}
		t.Fatalf("no S%d", id)
		return -1
	}
	one := func(h doc.Highlight) pointer {
		t.Helper()
		ps := g.pointersFor(nil, h)
		require.Len(t, ps, 1, "%v", h)
		return ps[0]
	}

	s2, _ := g.lay.Node(2)
	s1, _ := g.lay.Node(1)
	p := one(doc.Highlight{What: doc.HighlightLink, Node: 2, Peer: 1})
	assert.Equal(t, lineShape, p.shape)
	assert.Equal(t, [4]float64{s2.X, s2.Y, s1.X, s1.Y}, [4]float64{p.x, p.y, p.x2, p.y2})

	cell, ok := g.logs.cellAt(row(3), 2)
	require.True(t, ok)
	p = one(doc.Highlight{What: doc.HighlightLog, Node: 3, Index: 2})
	assert.True(t, p.onPanels)
	assert.True(t, p.box.Contains(cell.X, cell.Y) && p.box.Contains(cell.X+cell.W, cell.Y+cell.H), "the box %v holds S3's cell 2 %v", p.box, cell)
	other, _ := g.logs.cellAt(row(2), 2)
	assert.False(t, p.box.Contains(other.CenterX(), other.CenterY()), "and not S2's")
	column := g.pointersFor(nil, doc.Highlight{What: doc.HighlightLog, AllNodes: true, Index: 2})
	assert.Len(t, column, len(w.Nodes()))
	rowBox := one(doc.Highlight{What: doc.HighlightLog, Node: 3}).box
	last, _ := g.logs.cellAt(row(3), w.Node(leader).Raft.LastIndex())
	assert.True(t, rowBox.Contains(cell.CenterX(), cell.CenterY()) && rowBox.Contains(last.CenterX(), last.CenterY()))

	wb, _ := g.lay.Button("write")
	assert.Equal(t, wb.Rect.Inset(-2), one(doc.Highlight{What: doc.HighlightControl, Control: "write"}).box, "2 pixels around the button")
	logs := one(doc.Highlight{What: doc.HighlightControl, Control: "logs"}).box
	assert.InDelta(t, 0, math.Abs(logs.X-g.lay.Logs.X)+math.Abs(logs.Y-g.lay.Logs.Y)+math.Abs(logs.W-g.lay.Logs.W)+math.Abs(logs.H-g.lay.Logs.H), 1e-9, "a panel's box is the panel (drawn inside it)")
	assert.Empty(t, g.pointersFor(nil, doc.Highlight{What: doc.HighlightControl, Control: "menu-crash"}), "no menu open")
	g.openMenu("S1", nodeMenu(g.sess, 1), 100, 100)
	crash, _ := findButton(g.menu.items, "menu-crash")
	cb := one(doc.Highlight{What: doc.HighlightControl, Control: "menu-crash"}).box
	assert.True(t, inside(crash.Rect, cb) && inside(cb, g.menu.rect), "the item %v in its box %v, in the menu %v", crash.Rect, cb, g.menu.rect)
	g.menu = nil

	// The commit index: one mark per live server, on its commit cell.
	commits := g.pointersFor(nil, doc.Highlight{What: doc.HighlightLabel, Label: "commit index"})
	require.Len(t, commits, len(w.Nodes()))
	c3, _ := g.logs.cellAt(row(3), w.Node(3).Raft.CommitIndex())
	assert.True(t, commits[row(3)].box.Contains(c3.CenterX(), c3.CenterY()))
	// A role: the label of each server in it.
	leaders := g.pointersFor(nil, doc.Highlight{What: doc.HighlightLabel, Label: "leader"})
	require.Len(t, leaders, 1)
	ls, _ := g.lay.Node(view.ID(leader))
	assert.True(t, leaders[0].box.Contains(ls.LabelX, ls.LabelY))
	assert.Len(t, g.pointersFor(nil, doc.Highlight{What: doc.HighlightLabel, Label: "followers"}), len(w.Nodes())-1)
	assert.Empty(t, g.pointersFor(nil, doc.Highlight{What: doc.HighlightLabel, Label: "majority"}), "nothing on screen is the majority")

	// Messages: the heartbeats where they were drawn, and nothing else.
	hb := 0
	for at := int64(3001); (hb == 0 || hb == len(g.cluster.spots)) && at < 3200; at++ {
		g.SeekTo(at)
		g.cluster.spots, hb = g.cluster.spots[:0], 0
		for i, f := range g.world().InFlight() {
			g.cluster.spots = append(g.cluster.spots, msgSpot{f: f.View(), x: float64(i), y: 1})
			if f.Kind == view.FlightRaft && f.Raft.Type == raft.MsgAppendEntries && len(f.Raft.Entries) == 0 {
				hb++
			}
		}
	}
	require.NotZero(t, hb, "heartbeats in flight")
	require.Less(t, hb, len(g.cluster.spots), "and other messages, not pointed at")
	assert.Len(t, g.pointersFor(nil, doc.Highlight{What: doc.HighlightMessages, Message: "heartbeat"}), hb)
	assert.Len(t, g.pointersFor(nil, doc.Highlight{What: doc.HighlightLabel, Label: "heartbeats"}), hb)
}

// TestHoveredTermExplainsAndPoints: pointing at a key term in the
// narration finds its glossary entry and points at it on screen.
func TestHoveredTermExplainsAndPoints(t *testing.T) {
	g := openLesson3(t)
	before := len(g.lessonPointers())
	var spot termSpot
	for _, ts := range g.lessonLaidOut().terms {
		if e, ok := doc.Lookup(ts.term); ok && e.Term == "follower" {
			spot = ts
		}
	}
	require.NotEmpty(t, spot.term, "step 1 names followers")
	g.hover.x, g.hover.y = spot.r.CenterX(), spot.r.CenterY()
	e, ok := g.hoveredTerm()
	require.True(t, ok)
	assert.Equal(t, "follower", e.Term)
	assert.Len(t, g.lessonPointers(), before+len(g.view().IDs()), "every server is a follower at the start")
	g.hover.x = spot.r.X - 40
	_, ok = g.hoveredTerm()
	assert.False(t, ok)
}

// TestTermWithoutAPlaceGlowsInTheNarration: a key term with no place of
// its own on screen (majority) is pointed at where the narration says it.
func TestTermWithoutAPlaceGlowsInTheNarration(t *testing.T) {
	g := testGameWith(t, Options{Lesson: 3, Step: 6})
	ps := g.pointersFor(nil, doc.Highlight{What: doc.HighlightLabel, Label: "majority"})
	require.NotEmpty(t, ps, "step 6 speaks of a majority")
	for _, p := range ps {
		assert.True(t, p.onPanels)
		assert.True(t, g.lessonArea().Contains(p.box.CenterX(), p.box.CenterY()), "in the lesson panel: %v", p.box)
	}
}

// TestEveryLabelHighlightShows: a lesson's label highlight either has a
// place on screen, or its term is a key term of the step's text, where it
// glows; otherwise the highlight would show nothing.
func TestEveryLabelHighlightShows(t *testing.T) {
	all, err := lessons.All()
	require.NoError(t, err)
	for _, l := range all {
		for _, st := range l.Steps {
			for _, h := range st.Highlights {
				if h.What != doc.HighlightLabel {
					continue
				}
				e, ok := doc.Lookup(h.Label)
				require.True(t, ok, h.Label)
				if placed(e.Term) {
					continue
				}
				assert.True(t, stepSays(st, e.Term), "%s step %d %q: highlights `%s`, which has no place on screen: write it as a `key term` in the narration or the question", l.Name, st.Index+1, st.Title, e.Term)
			}
		}
	}
}

// stepSays reports whether a step's narration or question has a key term.
func stepSays(st *doc.Step, term string) bool {
	spans := append([]doc.Span(nil), st.Question...)
	for _, p := range st.Narration {
		spans = append(spans, p.Spans...)
	}
	for _, sp := range spans {
		if e, ok := doc.Lookup(sp.Text); ok && sp.Style == doc.Term && e.Term == term {
			return true
		}
	}
	return false
}

// TestGroupHighlightGeometry: a group highlight draws a convex hull that
// holds each of its servers whole and no other server's centre, each
// group of a step in its own tint, with its caption inside the ring, clear
// of the servers.
func TestGroupHighlightGeometry(t *testing.T) {
	g := testGame(t, "")
	var ps []pointer
	for _, h := range []doc.Highlight{
		{What: doc.HighlightGroup, Group: []view.ID{1, 2, 3}, Caption: "majority of old"},
		{What: doc.HighlightGroup, Group: []view.ID{3, 4, 5}},
	} {
		ps = g.pointersFor(ps, h)
	}
	require.Len(t, ps, 2)
	assert.Equal(t, [2]int{0, 1}, [2]int{ps[0].tint, ps[1].tint}, "each group its own tint")
	assert.Equal(t, "majority of old", ps[0].label)
	// inside reports whether (x, y) is inside the convex polygon.
	inside := func(hull [][2]float64, x, y float64) bool {
		sign := 0.0
		for i, a := range hull {
			b := hull[(i+1)%len(hull)]
			c := (b[0]-a[0])*(y-a[1]) - (b[1]-a[1])*(x-a[0])
			if c*sign < 0 {
				return false
			}
			if c != 0 {
				sign = c
			}
		}
		return true
	}
	for i, members := range [][]view.ID{{1, 2, 3}, {3, 4, 5}} {
		hull := ps[i].hull
		require.GreaterOrEqual(t, len(hull), 3)
		for _, spot := range g.lay.Nodes {
			if slices.Contains(members, spot.ID) {
				for a := 0.0; a < 2*math.Pi; a += math.Pi / 8 {
					x, y := spot.X+(spot.R+6)*math.Cos(a), spot.Y+(spot.R+6)*math.Sin(a)
					assert.True(t, inside(hull, x, y), "group %d holds S%d whole", i+1, spot.ID)
				}
				continue
			}
			assert.False(t, inside(hull, spot.X, spot.Y), "group %d leaves out S%d", i+1, spot.ID)
		}
		assert.True(t, g.lay.Cluster.Contains(ps[i].x, ps[i].y), "the caption is in the cluster area")
		for _, spot := range g.lay.Nodes {
			assert.Greater(t, math.Hypot(ps[i].x-spot.X, ps[i].y-spot.Y), spot.R+20, "group %d's caption is clear of S%d", i+1, spot.ID)
		}
	}
	assert.NotEqual(t, ps[0].x, ps[1].x, "the captions of two groups are apart")
}

// TestHighlightBoxesStayInTheirArea: at each size, in steps of lessons 1,
// 2, 4, 7 and 9 whose narration has key terms, every box a step can draw (a key term of the
// narration, a server's role label, each control and panel) stays in the
// area of the thing it points at: never over the top bar unless it points
// there, on the screen, and around a narration term it covers no other
// word. A role label's box is as tight as its words.
func TestHighlightBoxesStayInTheirArea(t *testing.T) {
	for _, size := range screenSizes {
		terms := 0
		for _, ls := range [][2]int{{1, 1}, {2, 1}, {4, 2}, {7, 3}, {9, 2}} {
			g := testGame(t, "")
			g.w, g.h = size[0], size[1]
			g.lay = computeLayout(g.w, g.h, 1, g.view().IDs(), false)
			require.NoError(t, g.openLesson(ls[0], ls[1]))
			g.SeekTo(3000)
			where := fmt.Sprintf("%dx%d, lesson %d step %d", size[0], size[1], ls[0], ls[1])
			screen := Rect{0, 0, float64(g.w), float64(g.h)}
			top := g.lay.TopBar
			check := func(what string, target Rect, p pointer) {
				t.Helper()
				b := pointerBounds(p)
				assert.True(t, inside(b, screen), "%s: %s's box %v is on the screen", where, what, b)
				if !top.Contains(target.CenterX(), target.CenterY()) {
					assert.False(t, b.overlaps(top), "%s: %s's box %v is off the top bar", where, what, b)
				}
			}

			// Key terms in the narration.
			words := lessonWords(g)
			for _, ts := range g.lessonLaidOut().terms {
				for _, p := range g.labelPointers(nil, ts.term) {
					b := pointerBounds(p)
					if !p.onPanels || !b.overlaps(ts.r) {
						continue
					}
					terms++
					check("the term "+ts.term, ts.r, p)
					assert.True(t, inside(b, g.lessonArea()), "%s: the term %s's box %v is in the lesson panel", where, ts.term, b)
					for _, w := range words {
						if !w.overlaps(ts.r) {
							assert.False(t, b.overlaps(w), "%s: the term %s's box %v covers no other word (%v)", where, ts.term, b, w)
						}
					}
				}
			}

			// Role labels: the box is around the words.
			for _, role := range []string{"follower", "leader"} {
				for _, p := range g.labelPointers(nil, role) {
					b := pointerBounds(p)
					check("a "+role+" label", b, p)
					assert.True(t, inside(b, g.lay.Cluster), "%s: a %s label's box %v is in the cluster area", where, role, b)
					assert.LessOrEqual(t, b.W, textWidth(role, face(11.5, false))+textWidth("S1", face(13, true))+4, "%s: a %s label's box %v is tight", where, role, b)
				}
			}

			// Every control and panel.
			var names []string
			for _, bs := range [][]Button{g.lay.Buttons, g.client.clientButtons(), g.partitionButtons(), g.feed.feedButtons(), g.lessonButtons()} {
				for _, b := range bs {
					names = append(names, b.Name)
				}
			}
			names = append(names, "timeline", "logs", "feed", "safety")
			for _, name := range names {
				r, ok := g.controlRect(name)
				require.True(t, ok, name)
				for _, p := range g.pointersFor(nil, doc.Highlight{What: doc.HighlightControl, Control: name}) {
					check(name, r, p)
				}
			}
		}
		assert.Positive(t, terms, "%dx%d: key terms of the narration are pointed at", size[0], size[1])
	}
}

// lessonWords are the boxes of the words of the lesson panel's text, each
// word a run of characters between spaces (across styled runs: "leader,"
// is one word), shrunk by half a pixel.
func lessonWords(g *Game) []Rect {
	var out []Rect
	for _, tx := range g.lessonLaidOut().texts {
		if tx.align != alignStart {
			continue
		}
		m := tx.f.Metrics()
		h := m.HAscent + m.HDescent
		start := -1
		for i, r := range tx.s + " " {
			if r == ' ' && start >= 0 {
				x := tx.x + textWidth(tx.s[:start], tx.f)
				w := Rect{x, tx.y - h/2, textWidth(tx.s[start:i], tx.f), h}
				if n := len(out); n > 0 && math.Abs(out[n-1].Y-w.Y) < 0.5 && math.Abs(out[n-1].X+out[n-1].W-w.X) < 0.5 {
					w = Rect{out[n-1].X, w.Y, w.X + w.W - out[n-1].X, w.H}
					out = out[:n-1]
				}
				out = append(out, w)
				start = -1
			} else if r != ' ' && start < 0 {
				start = i
			}
		}
	}
	for i := range out {
		out[i] = out[i].Inset(0.5)
	}
	return out
}

// TestHighlightOfAControlInTheMoreMenu: at 800x600 in the browser the
// top bar's More menu holds Settings, among others; a highlight of such
// a control points at More, and at its row once the menu is open.
func TestHighlightOfAControlInTheMoreMenu(t *testing.T) {
	g := testGame(t, "")
	g.w, g.h = 800, 600
	g.lay = computeLayout(g.w, g.h, 1, g.view().IDs(), true) // the browser's bar, with Open
	more, ok := g.lay.Button("more")
	require.True(t, ok, "800 wide has a More control")
	_, ok = findButton(g.lay.More, "settings")
	require.True(t, ok, "Settings is in the More menu")
	for _, row := range g.lay.More {
		name := row.Name
		g.top.moreOpen = false
		r, ok := g.controlRect(name)
		require.True(t, ok, name)
		assert.Equal(t, more.Rect, r, "%s: the highlight points at More", name)
		g.top.moreOpen = true
		r, ok = g.controlRect(name)
		require.True(t, ok, name)
		assert.Equal(t, row.Rect, r, "%s: the highlight points at its row", name)
	}
}

// TestMessagePointersClearTheGlyph: the ring around a highlighted message
// stands clear of its glyph, whatever the glyph's size.
func TestMessagePointersClearTheGlyph(t *testing.T) {
	g := &Game{scale: 2}
	snap := vf(&playground.Flight{Kind: view.FlightRaft, Raft: raft.Message{Type: raft.MsgInstallSnapshot}})
	g.cluster.spots = []msgSpot{{f: *snap, x: 50, y: 50}}
	ps := g.messagePointers(nil, raftKind{typ: view.MsgType(raft.MsgInstallSnapshot)})
	require.Len(t, ps, 1)
	assert.GreaterOrEqual(t, ps[0].r, g.glyphRadius(lookOf(snap))+4*g.scale)
}

// TestRoleHighlightHoldsTheDrawnWords: in Chinese, a highlight of a role
// is a box around the server's name and its role as drawn (跟随者, not
// the English term the lesson names it by), as tight as those words.
func TestRoleHighlightHoldsTheDrawnWords(t *testing.T) {
	withCJKFont(t)
	g := testGameWith(t, Options{Lang: i18n.Chinese})
	g.SeekTo(3000)
	for _, c := range [][2]string{{"follower", "跟随者"}, {"leader", "领导者"}} {
		ps := g.labelPointers(nil, c[0])
		require.NotEmpty(t, ps, c[0])
		want := math.Max(textWidth(c[1], face(11.5, false)), textWidth("S1", face(13, true))) + 4
		for _, p := range ps {
			assert.InDelta(t, want, pointerBounds(p).W, 0.5, "%s: the box holds %q", c[0], c[1])
		}
	}
}

// placed reports whether a key term has a place of its own on screen.
func placed(term string) bool {
	_, ok := termPlaces[term]
	return ok
}
