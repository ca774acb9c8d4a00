package ui

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// inspectorLines is the inspector's text in English, as the tests read
// it: each line indented as drawn.
func inspectorLines(w *playground.World, n *playground.Node) []string {
	return rendered(inspectorText(i18n.English, w.View().Node(view.ID(n.ID))))
}

// rendered is the inspector's lines as drawn before wrapping: each text
// after its indent.
func rendered(lines []infoLine) []string {
	var out []string
	for _, l := range lines {
		out = append(out, l.indent()+l.text)
	}
	return out
}

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
		lay := computeLayout(size[0], size[1], 1, w.View().IDs(), false)
		f := face(11.5, false)
		for _, l := range want {
			assert.LessOrEqual(t, textWidth(l, f), lay.Feed.W-24, "%q fits at %dx%d", l, size[0], size[1])
		}
	}

	require.NoError(t, g.sess.Do(view.Action{Do: "crash", Node: view.ID(id)}))
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
	g.selected = view.ID(leader)
	require.True(t, g.inspector.inspecting())
	area := g.inspector.inspectorArea()
	v := g.inspector.inspectorLaidOut()
	require.True(t, v.bar.shown(), "the lines run past the panel: a scroll bar says so")

	type spot struct {
		s string
		y float64
	}
	seen := map[spot]bool{}
	f := face(inspectorTextSize, false)
	for {
		v = g.inspector.inspectorLaidOut()
		for _, l := range v.lines {
			assert.False(t, strings.HasSuffix(l.s, "…"), "%q is cut short", l.s)
			assert.LessOrEqual(t, area.X+12+textWidth(l.s, f), v.bar.track.X, "%q stays left of the scroll bar", l.s)
			assert.True(t, l.y > area.Y+20 && l.y < area.Y+area.H, "%q is in the panel", l.s)
			seen[spot{l.s, math.Round(l.y + v.scroll)}] = true
		}
		before := v.scroll
		g.scrollLesson(area.CenterX(), area.CenterY(), -1) // a notch of the wheel, down
		if g.inspector.inspectorLaidOut().scroll == before {
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
	g.inspector.setInspectorScroll(0)
	for range 5 {
		g.scrollLesson(area.CenterX(), area.CenterY(), -0.1)
	}
	assert.Equal(t, inspectorLineH, g.inspector.inspectorLaidOut().scroll, "five steps of 4 pixels scroll a line")

	other := w.Nodes()[0]
	if other == leader {
		other = w.Nodes()[1]
	}
	g.selected = view.ID(other)
	assert.Zero(t, g.inspector.inspectorLaidOut().scroll, "another node's inspector starts at the top")
}

// TestInspectorNamesRaftValuesAsRaftDoes: in English the inspector writes
// WAL records, configurations, replication states and entry kinds as raft
// names them (its String methods), which the lessons quote; in Chinese
// each has words of its own.
func TestInspectorNamesRaftValuesAsRaftDoes(t *testing.T) {
	m := raft.Membership{Voters: []raft.ID{1, 2, 3}, Learners: []raft.ID{4}}
	vm := view.Membership{Voters: []view.ID{1, 2, 3}, Learners: []view.ID{4}}
	records := []struct {
		raft raft.Record
		view view.Record
	}{
		{raft.Record{Type: raft.RecordHardState, HardState: raft.HardState{Term: 3, Vote: 2, Commit: 5}}, view.Record{Type: view.RecordHardState, Term: 3, Vote: 2, Commit: 5}},
		{raft.Record{Type: raft.RecordEntry, Entry: raft.Entry{Index: 4, Term: 2, Kind: raft.EntryNormal}}, view.Record{Type: view.RecordEntry, Index: 4, Term: 2, Kind: view.EntryNormal}},
		{raft.Record{Type: raft.RecordEntry, Entry: raft.Entry{Index: 5, Term: 3, Kind: raft.EntryNoop}}, view.Record{Type: view.RecordEntry, Index: 5, Term: 3, Kind: view.EntryNoop}},
		{raft.Record{Type: raft.RecordEntry, Entry: raft.Entry{Index: 6, Term: 3, Kind: raft.EntryConfig}}, view.Record{Type: view.RecordEntry, Index: 6, Term: 3, Kind: view.EntryConfig}},
		{raft.Record{Type: raft.RecordTruncate, Index: 4}, view.Record{Type: view.RecordTruncate, Index: 4}},
		{raft.Record{Type: raft.RecordSnapshot, Snapshot: raft.SnapshotMeta{Index: 9, Term: 3, Membership: m}}, view.Record{Type: view.RecordSnapshot, Index: 9, Term: 3, Members: vm}},
		{raft.Record{Type: raft.RecordSnapshot, Snapshot: raft.SnapshotMeta{Index: 9, Term: 3, Membership: raft.Membership{Voters: []raft.ID{1}}}}, view.Record{Type: view.RecordSnapshot, Index: 9, Term: 3, Members: view.Membership{Voters: []view.ID{1}}}},
	}
	for _, r := range records {
		assert.Equal(t, r.raft.String(), recordText(i18n.English, r.view))
		assert.NotEqual(t, r.raft.String(), recordText(i18n.Chinese, r.view))
	}
	for _, s := range []raft.ProgressState{raft.StateProbe, raft.StateReplicate, raft.StateSnapshot} {
		assert.Equal(t, s.String(), progressText(i18n.English, view.ProgressState(s)))
		assert.Contains(t, progressText(i18n.Chinese, view.ProgressState(s)), "（"+s.String()+"）", "Chinese keeps etcd's name beside its own")
	}
	assert.Equal(t, m.String(), membershipText(i18n.English, vm))
	assert.Equal(t, "投票成员 {1,2,3}，学习者 {4}", membershipText(i18n.Chinese, vm))
}

// TestInspectorSpeaksTheLanguage: every line of a leader's and of a
// crashed node's inspector comes from the catalogue, but for the data
// (etcd's directories and file names); in Chinese it reads as Chinese.
func TestInspectorSpeaksTheLanguage(t *testing.T) {
	g := testGame(t, "log-replication")
	g.SeekTo(3000)
	w := g.world()
	leader, ok := w.Leader()
	require.True(t, ok)
	check := func(lines []infoLine) {
		data := 0
		for _, l := range lines {
			if l.data {
				data++
				continue
			}
			assert.True(t, strings.HasPrefix(l.text, "⟦") && strings.HasSuffix(l.text, "⟧"), "%q bypasses the catalogue", l.text)
		}
		assert.NotZero(t, data, "etcd's directory and file names")
	}
	check(inspectorText(i18n.Pseudo, w.View().Node(view.ID(leader))))
	zh := strings.Join(rendered(inspectorText(i18n.Chinese, w.View().Node(view.ID(leader)))), "\n")
	for _, want := range []string{"领导者，任期", "复制进度（领导者的视角）：", "复制（replicate）"} {
		assert.Contains(t, zh, want)
	}
	require.NoError(t, g.sess.Do(view.Action{Do: "crash", Node: view.ID(leader)}))
	w = g.world()
	check(inspectorText(i18n.Pseudo, w.View().Node(view.ID(leader))))
	assert.Equal(t, "已崩溃。它的文件（按 etcd 的目录布局）：", inspectorText(i18n.Chinese, w.View().Node(view.ID(leader)))[0].text)
}

// TestInspectorFitsInEveryLanguage: at 1280x800, 1024x768 and 800x600, in
// English and in Chinese, scrolling through a leader's inspector shows
// every character of its text, on lines left of the scroll bar: a long
// value, Latin or Chinese, wraps.
func TestInspectorFitsInEveryLanguage(t *testing.T) {
	withCJKFont(t)
	sc, err := playground.ParseScenario([]byte(`{"name": "t", "nodes": 3, "features": {"snapshotEvery": 3}, "steps": [
		{"at": 600, "do": "put", "key": "a", "value": "a value long enough to wrap in the inspector's panel at 1280 wide, or nearly"},
		{"at": 650, "do": "put", "key": "键", "value": "一个足够长的值：它在检查器的面板里必须换行才能放下，无论屏幕有多宽都是如此"},
		{"at": 700, "do": "put", "key": "c", "value": "3"},
		{"at": 750, "do": "put", "key": "d", "value": "4"}]}`))
	require.NoError(t, err)
	for _, c := range langSizes() {
		g := testGameWith(t, Options{Scenario: sc})
		g.lang = c.lang
		sizeGame(g, c.size[0], c.size[1])
		g.SeekTo(3000)
		w := g.world()
		leader, ok := w.Leader()
		require.True(t, ok)
		g.selected = view.ID(leader)
		area := g.inspector.inspectorArea()
		f := face(inspectorTextSize, false)
		var shown strings.Builder
		for {
			v := g.inspector.inspectorLaidOut()
			for _, l := range v.lines {
				right := area.X + area.W
				if v.bar.shown() {
					right = v.bar.track.X
				}
				assert.LessOrEqual(t, area.X+12+textWidth(l.s, f), right, "%s: %q fits", c.name, l.s)
			}
			if v.scroll >= v.end {
				for _, l := range v.lines {
					shown.WriteString(l.s)
				}
				break
			}
			for _, l := range v.lines[:1] {
				shown.WriteString(l.s)
			}
			g.inspector.setInspectorScroll(v.scroll + inspectorLineH)
		}
		want := strings.Join(rendered(inspectorText(c.lang, w.View().Node(view.ID(leader)))), "")
		strip := func(s string) string { return strings.Join(strings.Fields(s), "") }
		assert.Equal(t, strip(want), strip(shown.String()), "%s: every character shows", c.name)
	}
}
