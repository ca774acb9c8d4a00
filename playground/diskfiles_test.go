package playground

import (
	"fmt"
	"testing"

	"github.com/raftlab/raftlab/playground/view"
	"github.com/stretchr/testify/require"
)

// TestDiskFilesAsEtcdLaysThemOut: a node's disk lists its WAL segment and,
// once it has one, its snapshot, named as etcd names them.
func TestDiskFilesAsEtcdLaysThemOut(t *testing.T) {
	s := labSession(t, 3, 1, func(st *view.Settings) { st.SnapshotEvery = 5 })
	leader := labWaitLeader(t, s, 2000)
	files := s.World().Node(leader).Disk.Files()
	require.Len(t, files, 1, "no snapshot yet")
	wal := files[0]
	require.Equal(t, "member/wal/0000000000000000-0000000000000000.wal", wal.Path)
	require.Positive(t, wal.Records)
	require.Equal(t, s.World().Node(leader).Disk.WAL.Size(), wal.Bytes)

	var calls []int
	for i := range 8 {
		calls = append(calls, labPut(t, s, leader, "k", fmt.Sprint(i)))
	}
	require.True(t, labWaitCalls(s, calls, 3000))
	d := s.World().Node(leader).Disk
	files = d.Files()
	require.Len(t, files, 2)
	snap := d.Snapshot.Meta
	require.Equal(t, fmt.Sprintf("member/snap/%016x-%016x.snap", snap.Term, snap.Index), files[1].Path)
	require.Equal(t, snap.Index, files[1].Index)
	require.Equal(t, len(d.Snapshot.Data), files[1].Bytes)
	require.Equal(t, files[1].Bytes, files[1].SyncedBytes, "a snapshot is saved whole")

	// A slow disk: the records of a new write are written, not yet synced.
	labDo(t, s, view.Action{Do: "disk", Node: view.ID(leader), FsyncMs: 500})
	before := s.World().Node(leader).Disk.Files()[0]
	labPut(t, s, leader, "k", "late")
	s.RunUntil(s.Now() + 100)
	after := s.World().Node(leader).Disk.Files()[0]
	require.Greater(t, after.Records, after.SyncedRecords)
	require.Greater(t, after.Bytes, after.SyncedBytes)
	require.Equal(t, before.Bytes, after.SyncedBytes)
}
