package ui

import (
	"fmt"
	"testing"

	"github.com/raftlab/raftlab/playground"
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
