package ui

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func idList(n int) []view.ID {
	out := make([]view.ID, n)
	for i := range out {
		out[i] = view.ID(i + 1)
	}
	return out
}

var screens = []struct{ w, h int }{{1280, 800}, {1024, 640}, {1920, 1080}, {800, 600}}

// TestLayoutNodesFit: for 1..9 nodes and every window size, and at high
// DPI, each node lies inside the cluster area, none overlap (with room for
// the timer arc), and all are the same size.
func TestLayoutNodesFit(t *testing.T) {
	for _, scr := range screens {
		for _, scale := range []float64{1, 2} {
			for n := 1; n <= 9; n++ {
				name := fmt.Sprintf("%dx%d@%gx/%d", scr.w, scr.h, scale, n)
				l := computeLayout(int(float64(scr.w)*scale), int(float64(scr.h)*scale), scale, idList(n), false)
				require.Len(t, l.Nodes, n, name)
				for i, a := range l.Nodes {
					assert.True(t, l.Cluster.Contains(a.X-a.R, a.Y-a.R) && l.Cluster.Contains(a.X+a.R, a.Y+a.R), "%s: S%d leaves the cluster area", name, a.ID)
					assert.GreaterOrEqual(t, a.R, 12*scale, "%s: node too small", name)
					lb := a.labelBox(scale)
					assert.True(t, l.Cluster.Contains(lb.X, lb.Y) && l.Cluster.Contains(lb.X+lb.W, lb.Y+lb.H), "%s: S%d's labels leave the cluster area", name, a.ID)
					for j, b := range l.Nodes {
						if i == j {
							continue
						}
						d := math.Hypot(a.X-b.X, a.Y-b.Y)
						assert.Greater(t, d, a.R+b.R+8*scale, "%s: S%d and S%d overlap", name, a.ID, b.ID)
						// a's labels stay clear of b and its timer arc.
						nearX := math.Max(lb.X, math.Min(b.X, lb.X+lb.W))
						nearY := math.Max(lb.Y, math.Min(b.Y, lb.Y+lb.H))
						assert.Greater(t, math.Hypot(b.X-nearX, b.Y-nearY), b.R+6*scale, "%s: S%d's labels run into S%d", name, a.ID, b.ID)
						assert.False(t, overlaps(lb, b.labelBox(scale)), "%s: the labels of S%d and S%d overlap", name, a.ID, b.ID)
					}
					// The client panel's strip stays clear of every node.
					assert.Less(t, math.Max(a.Y+a.R, lb.Y+lb.H), l.Cluster.Y+l.Cluster.H-(clientStrip-6)*scale+1, "%s: S%d reaches the client panel", name, a.ID)
				}
			}
		}
	}
}

// TestLayoutRegionsDoNotOverlap: the panels tile the screen, and the
// top-bar controls sit inside the top bar without overlapping.
func TestLayoutRegionsDoNotOverlap(t *testing.T) {
	for _, scr := range screens {
		l := computeLayout(scr.w, scr.h, 1, idList(5), false)
		regions := map[string]Rect{"top": l.TopBar, "cluster": l.Cluster, "logs": l.Logs, "safety": l.Safety, "feed": l.Feed, "timeline": l.Timeline}
		area := 0.0
		for an, a := range regions {
			assert.Greater(t, a.W, 0.0, an)
			assert.Greater(t, a.H, 0.0, an)
			area += a.W * a.H
			for bn, b := range regions {
				if an < bn {
					assert.False(t, overlaps(a, b), "%dx%d: %s overlaps %s", scr.w, scr.h, an, bn)
				}
			}
		}
		assert.InDelta(t, float64(scr.w*scr.h), area, 1, "the regions tile the screen")
		last := l.Buttons[len(l.Buttons)-1].Rect
		assert.LessOrEqual(t, last.X+last.W, float64(scr.w)-60, "%dx%d: the controls leave room for the title", scr.w, scr.h)
		for i, b := range l.Buttons {
			assert.True(t, l.TopBar.Contains(b.Rect.X, b.Rect.Y) && l.TopBar.Contains(b.Rect.X+b.Rect.W-1, b.Rect.Y+b.Rect.H-1), "%s is in the top bar", b.Name)
			for _, c := range l.Buttons[i+1:] {
				assert.False(t, overlaps(b.Rect, c.Rect), "%s overlaps %s", b.Name, c.Name)
			}
		}
	}
}

func overlaps(a, b Rect) bool {
	return a.X < b.X+b.W && b.X < a.X+a.W && a.Y < b.Y+b.H && b.Y < a.Y+a.H
}

// TestHitTesting: a click at a node's centre or near its rim selects that
// node; a click on a link's middle finds that link; between things finds
// nothing.
func TestHitTesting(t *testing.T) {
	l := computeLayout(1280, 800, 1, idList(5), false)
	for _, n := range l.Nodes {
		id, ok := l.hitNode(n.X, n.Y)
		require.True(t, ok)
		assert.Equal(t, n.ID, id)
		id, ok = l.hitNode(n.X+n.R*0.9, n.Y)
		require.True(t, ok)
		assert.Equal(t, n.ID, id)
	}
	p, q := l.Nodes[0], l.Nodes[2]
	a, b, ok := l.hitLink((p.X+q.X)/2+2, (p.Y+q.Y)/2)
	require.True(t, ok)
	assert.Equal(t, [2]raft.ID{raft.ID(p.ID), raft.ID(q.ID)}, [2]raft.ID{raft.ID(a), raft.ID(b)})
	_, ok = l.hitNode(l.Cluster.X+3, l.Cluster.Y+3)
	assert.False(t, ok)
	_, _, ok = l.hitLink(l.Cluster.X+3, l.Cluster.Y+3)
	assert.False(t, ok)
	btn, ok := l.hitButton(l.Buttons[0].Rect.CenterX(), l.Buttons[0].Rect.CenterY())
	require.True(t, ok)
	assert.Equal(t, "lessons", btn.Name)
}

func TestMessageInterpolation(t *testing.T) {
	tests := []struct {
		send, deliver int64
		now, want     float64
	}{
		{100, 120, 100, 0}, {100, 120, 110, 0.5}, {100, 120, 115, 0.75}, {100, 120, 120, 1},
		{100, 120, 90, 0}, {100, 120, 200, 1}, {100, 100, 100, 1},
	}
	for _, tt := range tests {
		f := &flightFixture{tt.send, tt.deliver}
		assert.InDelta(t, tt.want, flightProgress(vf(f.flight()), tt.now), 1e-9, "%+v", tt)
	}
	// Halfway along a horizontal link, in a lane below or above it
	// depending on the direction, so a request and its response do not
	// overlap.
	x, y := flightPos(0, 0, 100, 0, 0.5, 5)
	assert.InDelta(t, 50, x, 1e-9)
	assert.InDelta(t, 5, y, 1e-9)
	x, y = flightPos(100, 0, 0, 0, 0.5, 5)
	assert.InDelta(t, 50, x, 1e-9)
	assert.InDelta(t, -5, y, 1e-9)
}

func TestTermColorsStable(t *testing.T) {
	for term := uint64(1); term < 40; term++ {
		assert.Equal(t, TermColor(term), TermColor(term), "the same term is always the same colour")
		assert.NotEqual(t, TermColor(term), TermColor(term+1), "neighbouring terms differ (%d)", term)
	}
	assert.NotEqual(t, TermColor(1), TermColor(2))
}

func TestLogWindowFollowsTheEnd(t *testing.T) {
	first, last := logWindow(5, 30)
	assert.Equal(t, [2]uint64{1, 30}, [2]uint64{first, last}, "a short log starts at 1")
	first, last = logWindow(100, 30)
	assert.Equal(t, [2]uint64{71, 100}, [2]uint64{first, last}, "a long log shows its end")
}

// TestOpenControlOnlyWithAPicker: the Open control is laid out only for
// front ends that can show a file picker, and then still fits.
func TestOpenControlOnlyWithAPicker(t *testing.T) {
	l := computeLayout(1280, 800, 1, idList(5), false)
	_, ok := l.Button("open")
	assert.False(t, ok)
	l = computeLayout(1024, 640, 1, idList(5), true)
	b, ok := l.Button("open")
	require.True(t, ok)
	last := l.Buttons[len(l.Buttons)-1].Rect
	assert.Less(t, last.X+last.W, 1024.0-60, "the controls leave room for the title")
	assert.True(t, l.TopBar.Contains(b.Rect.X, b.Rect.Y))
}

// TestInspectorKeepsTheFeed: with a node selected, the inspector and the
// feed share the right-hand column at 1280x800 and 1024x768: the feed
// keeps its filters and at least inspectorFeedLines events, the inspector
// ten lines, and neither covers the other.
func TestInspectorKeepsTheFeed(t *testing.T) {
	for _, size := range [][2]int{{1280, 800}, {1024, 768}} {
		name := fmt.Sprintf("%dx%d", size[0], size[1])
		g := testGame(t, "")
		g.w, g.h = size[0], size[1]
		g.lay = computeLayout(g.w, g.h, 1, g.view().IDs(), false)
		g.SeekTo(3000)
		n := g.lay.Nodes[0]
		g.click(n.X, n.Y, false)
		g.menu = nil
		require.True(t, g.inspector.inspecting(), name)

		ins, feed := g.inspector.inspectorArea(), g.feed.feedArea()
		assert.False(t, overlaps(ins, feed), "%s: the inspector covers the feed", name)
		for _, r := range []Rect{ins, feed} {
			assert.True(t, g.lay.Feed.Contains(r.X, r.Y) && r.X+r.W <= g.lay.Feed.X+g.lay.Feed.W && r.Y+r.H <= g.lay.Feed.Y+g.lay.Feed.H+0.01, "%s: %+v leaves the column", name, r)
		}
		assert.GreaterOrEqual(t, (ins.H-40)/18, 10.0, "%s: the inspector shows ten lines", name)
		lines := int((feed.H - 8 - 62) / 19)
		assert.GreaterOrEqual(t, lines, inspectorFeedLines, "%s: the feed shows its lines", name)
		assert.Len(t, g.feed.feedShown(lines), lines, "%s: the story is there to read", name)
		for _, b := range g.feed.feedButtons() {
			assert.True(t, feed.Contains(b.Rect.X, b.Rect.Y), "%s: the filter %s is on the feed", name, b.Name)
		}
	}
}

// TestTopBarFits: at 800x600, 1024x768 and 1280x800, in English and in
// Chinese, with and without the Open control, the app's name and every
// control are whole inside the top bar and apart, with their labels in the
// language; the controls that do not fit are in the "more" menu, on
// screen, and none is lost.
func TestTopBarFits(t *testing.T) {
	withCJKFont(t)
	for _, lang := range []i18n.Lang{i18n.English, i18n.Chinese} {
		for _, size := range [][2]int{{800, 600}, {1024, 768}, {1280, 800}} {
			for _, open := range []bool{false, true} {
				name := fmt.Sprintf("%s %dx%d open=%v", lang, size[0], size[1], open)
				l := computeLayoutIn(lang, size[0], size[1], 1, idList(5), open)
				inside := func(r, in Rect) bool {
					return r.X >= in.X && r.Y >= in.Y && r.X+r.W <= in.X+in.W && r.Y+r.H <= in.Y+in.H
				}
				assert.True(t, inside(l.Title, l.TopBar), "%s: the title is whole", name)
				assert.GreaterOrEqual(t, l.Title.W, textWidth(appTitle, titleFace(1)), "%s: the title's box holds it", name)
				shown := map[string]bool{}
				for i, b := range l.Buttons {
					shown[b.Name] = true
					assert.True(t, inside(b.Rect, l.TopBar), "%s: %s is inside the top bar", name, b.Name)
					assert.GreaterOrEqual(t, b.Rect.W, textWidth(b.Label, controlFace(1)), "%s: %s's label fits", name, b.Name)
					if b.Name == "play" {
						assert.GreaterOrEqual(t, b.Rect.W, textWidth(lang.T("bar.play"), controlFace(1)), "%s: Play fits too", name)
					}
					assert.False(t, overlaps(b.Rect, l.Title), "%s: %s covers the title", name, b.Name)
					for _, c := range l.Buttons[i+1:] {
						assert.False(t, overlaps(b.Rect, c.Rect), "%s: %s overlaps %s", name, b.Name, c.Name)
					}
				}
				for i, b := range l.More {
					shown[b.Name] = true
					assert.True(t, inside(b.Rect, l.Screen), "%s: the more menu's %s is on screen", name, b.Name)
					assert.GreaterOrEqual(t, b.Rect.W, textWidth(b.Label, controlFace(1))+16, "%s: the more menu's %s fits", name, b.Name)
					for _, c := range l.More[i+1:] {
						assert.False(t, overlaps(b.Rect, c.Rect), "%s: %s overlaps %s in the more menu", name, b.Name, c.Name)
					}
				}
				assert.Equal(t, len(l.More) > 0, shown["more"], "%s: the more control shows when, and only when, a control needs it", name)
				for _, c := range topButtons {
					assert.True(t, shown[topSpecs[c].name] || (c == topOpen && !open), "%s: %s is reachable", name, topSpecs[c].name)
				}
				for _, b := range append(l.Buttons, l.More...) {
					assert.False(t, strings.HasPrefix(b.Label, "[") || strings.HasPrefix(b.Hint, "["), "%s: %s's label and hint are in the catalogue", name, b.Name)
				}
				assert.Equal(t, "lessons", l.Buttons[0].Name, "%s: Lessons comes first", name)
			}
		}
		// A wide window needs no "more" menu.
		assert.Empty(t, computeLayoutIn(lang, 1280, 800, 1, idList(5), true).More, lang)
	}
	l := computeLayoutIn(i18n.Chinese, 1280, 800, 1, idList(5), true)
	b, _ := l.Button("settings")
	assert.Equal(t, [2]string{"设置", "时间、网络、功能和教学开关"}, [2]string{b.Label, b.Hint}, "the labels are in the language")
}

// TestTopLabelClearsTheTopBar: at every size the top node's label block
// starts labelMargin below the cluster area's top (the top bar's bottom),
// so a highlight's box around it is not cut by the top bar.
func TestTopLabelClearsTheTopBar(t *testing.T) {
	for _, scr := range screens {
		for n := 1; n <= 9; n++ {
			l := computeLayout(scr.w, scr.h, 1, idList(n), false)
			for _, sp := range l.Nodes {
				assert.GreaterOrEqual(t, sp.labelBox(1).Y, l.Cluster.Y+labelMargin-1e-9, "%dx%d/%d: S%d's label", scr.w, scr.h, n, sp.ID)
			}
		}
	}
}

// TestRingUsesAWideLowArea: at 800x600 the cluster area is wide and low;
// the ring stretches into an oval so that five servers are drawn larger
// than a round ring allows there (radius 23), while at 1024x768 it stays
// round. On a round ring of five, S2 is 0.951 ring radii right of S1 and
// S3 is 1.809 below it.
func TestRingUsesAWideLowArea(t *testing.T) {
	round := math.Cos(math.Pi/10) / (1 + math.Sin(3*math.Pi/10))
	width := func(l Layout) float64 {
		return (l.Nodes[1].X - l.Nodes[0].X) / (l.Nodes[2].Y - l.Nodes[0].Y)
	}
	l := computeLayout(800, 600, 1, idList(5), false)
	assert.GreaterOrEqual(t, l.Nodes[0].R, 26.0, "800x600: five servers' radius")
	assert.Greater(t, width(l), 1.4*round, "800x600: the ring is an oval")
	assert.InDelta(t, round, width(computeLayout(1024, 768, 1, idList(5), false)), 1e-6, "1024x768: the ring is round")
}

// computeLayout is computeLayoutIn in English.
func computeLayout(w, h int, scale float64, ids []view.ID, open bool) Layout {
	return computeLayoutIn(i18n.English, w, h, scale, ids, open)
}
