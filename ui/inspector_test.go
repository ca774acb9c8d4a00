package ui

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/raft"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestInspectorListsEtcdFiles: the inspector shows a node's disk as etcd
// lays out a member's files: the WAL segment with its records and bytes,
// synced and not, and the snapshot file once there is one; the same for a
// crashed node. The lines fit the panel at 1280x800 and 1024x768.
func TestInspectorListsEtcdFiles(t *testing.T) {
	sc, err := playground.ParseScenario([]byte(`{"name": "t", "nodes": 3, "features": {"snapshotEvery": 4}, "steps": [
		{"at": 600, "do": "put", "key": "a", "value": "1"},
		{"at": 650, "do": "put", "key": "b", "value": "2"},
		{"at": 700, "do": "put", "key": "c", "value": "3"},
		{"at": 750, "do": "put", "key": "d", "value": "4"},
		{"at": 800, "do": "put", "key": "e", "value": "5"}]}`))
	require.NoError(t, err)
	g := testGameWith(t, Options{Scenario: sc})
	g.SeekTo(3000)
	w := g.world()
	id := w.Nodes()[0]
	n := w.Node(id)
	require.NotNil(t, n.Disk.Snapshot, "the node took a snapshot")
	files := n.Disk.Files()
	meta := n.Disk.Snapshot.Meta
	lines := inspectorLines(w, n)
	want := []string{
		"  member/wal/",
		"    0000000000000000-0000000000000000.wal",
		fmt.Sprintf("      written: %d records, %d bytes", files[0].Records, files[0].Bytes),
		fmt.Sprintf("      synced: %d records, %d bytes", files[0].SyncedRecords, files[0].SyncedBytes),
		"  member/snap/",
		fmt.Sprintf("    %016x-%016x.snap", meta.Term, meta.Index),
		fmt.Sprintf("      snapshot up to index %d (term %d)", meta.Index, meta.Term),
		fmt.Sprintf("      %d bytes", len(n.Disk.Snapshot.Data)),
	}
	assert.Subset(t, lines, want)

	for _, size := range [][2]int{{1280, 800}, {1024, 768}} {
		lay := computeLayout(size[0], size[1], 1, w.Nodes(), false)
		f := face(11.5, false)
		for _, l := range want {
			assert.LessOrEqual(t, textWidth(l, f), lay.Feed.W-24, "%q fits at %dx%d", l, size[0], size[1])
		}
	}

	require.NoError(t, g.sess.Do(playground.Step{Do: "crash", Node: id}))
	w = g.world()
	assert.Subset(t, inspectorLines(w, w.Node(id)), want[:4], "a crashed node's files")
}

// TestInspectorScrollsAndWraps: at 1024x768 the inspector of a leader with
// a few entries is longer than its panel: a scroll bar shows, the wheel
// over it scrolls, and scrolling reaches every line, each whole (wrapped,
// never cut short with "…") and inside the panel. Another node starts at
// the top.
func TestInspectorScrollsAndWraps(t *testing.T) {
	sc, err := playground.ParseScenario([]byte(`{"name": "t", "nodes": 3, "steps": [
		{"at": 600, "do": "put", "key": "a", "value": "a value long enough to wrap in the inspector's panel at 1024 wide"},
		{"at": 650, "do": "put", "key": "b", "value": "2"},
		{"at": 700, "do": "put", "key": "c", "value": "3"}]}`))
	require.NoError(t, err)
	g := testGameWith(t, Options{Scenario: sc})
	sizeGame(g, 1024, 768)
	g.SeekTo(2000)
	w := g.world()
	leader := raft.None
	for _, id := range w.Nodes() {
		if w.Node(id).Raft.Role() == raft.Leader {
			leader = id
		}
	}
	require.NotEqual(t, raft.None, leader)
	g.selected = leader
	require.True(t, g.inspecting())
	area := g.inspectorArea()
	v := g.inspectorLaidOut()
	require.True(t, v.bar.shown(), "the lines run past the panel: a scroll bar says so")

	type spot struct {
		s string
		y float64
	}
	seen := map[spot]bool{}
	f := face(inspectorTextSize, false)
	for {
		v = g.inspectorLaidOut()
		for _, l := range v.lines {
			assert.False(t, strings.HasSuffix(l.s, "…"), "%q is cut short", l.s)
			assert.LessOrEqual(t, area.X+12+textWidth(l.s, f), v.bar.track.X, "%q stays left of the scroll bar", l.s)
			assert.True(t, l.y > area.Y+20 && l.y < area.Y+area.H, "%q is in the panel", l.s)
			seen[spot{l.s, math.Round(l.y + v.scroll)}] = true
		}
		before := v.scroll
		g.scrollLesson(area.CenterX(), area.CenterY(), -1) // a notch of the wheel, down
		if g.inspectorLaidOut().scroll == before {
			break
		}
	}
	spots := make([]spot, 0, len(seen))
	for sp := range seen {
		spots = append(spots, sp)
	}
	slices.SortFunc(spots, func(p, q spot) int { return cmp.Compare(p.y, q.y) })
	var all []string
	for _, sp := range spots {
		all = append(all, strings.Fields(sp.s)...)
	}
	text := strings.Join(all, " ")
	for _, l := range inspectorLines(w, w.Node(leader)) {
		assert.Contains(t, text, strings.Join(strings.Fields(l), " "), "the line is reachable")
	}
	assert.Contains(t, text, `"a value long enough to wrap in the inspector's panel at 1024 wide"`)

	// A touchpad's small steps add up to a line.
	g.setInspectorScroll(0)
	for range 5 {
		g.scrollLesson(area.CenterX(), area.CenterY(), -0.1)
	}
	assert.Equal(t, inspectorLineH, g.inspectorLaidOut().scroll, "five steps of 4 pixels scroll a line")

	other := w.Nodes()[0]
	if other == leader {
		other = w.Nodes()[1]
	}
	g.selected = other
	assert.Zero(t, g.inspectorLaidOut().scroll, "another node's inspector starts at the top")
}
