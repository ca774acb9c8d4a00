package playground

import (
	"testing"

	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
	"github.com/stretchr/testify/require"
)

// TestRemovedIDIsNeverReused: a removed server's ID cannot come back with
// an empty disk (a long-down member would still count it as a voter, and
// the newcomer would vote again in terms the old one voted in); FreeID
// offers a fresh one.
func TestRemovedIDIsNeverReused(t *testing.T) {
	w, err := New(view.Settings{Nodes: 3, Seed: 1, ElectionTimeoutMs: [2]int64{150, 300}, HeartbeatMs: 50, LatencyMs: [2]int64{10, 20}, FsyncMs: 1, PreVote: true, CheckQuorum: true, LeaderNoop: true, FastBacktrack: true})
	require.NoError(t, err)
	require.NoError(t, w.Campaign(1))
	w.RunUntil(300)
	require.NoError(t, w.RemoveNode(3))
	w.RunUntil(1500)
	require.Nil(t, w.Node(3), "S3 left the cluster")
	require.True(t, w.nodes[3].Removed)
	require.ErrorIs(t, w.AddNode(3), ErrIDReused)
	id, ok := w.FreeID()
	require.True(t, ok)
	require.Equal(t, raft.ID(4), id)
	require.NoError(t, w.AddNode(id))
	w.RunUntil(4000)
	leader, ok := w.Leader()
	require.True(t, ok)
	require.True(t, w.Node(leader).Raft.Membership().IsVoter(4), "S4 was promoted once caught up")
	require.Empty(t, w.Violations())
}

// TestLeavingNodeWaitsForItsRemoval: a node whose removal was asked for is
// not retired when an older configuration without it is applied (one from
// before it joined, replayed at a restart), only once its removal commits.
func TestLeavingNodeWaitsForItsRemoval(t *testing.T) {
	w, err := New(view.DefaultSettings())
	require.NoError(t, err)
	require.NoError(t, w.Campaign(1))
	w.RunUntil(300)
	require.NoError(t, w.RemoveNode(5)) // a configuration without S6 (or S5)...
	w.RunUntil(800)
	require.Nil(t, w.Node(5))
	require.NoError(t, w.AddNode(6)) // ...precedes S6's joining in the log
	w.RunUntil(2000)
	leader, _ := w.Leader()
	require.True(t, w.Node(leader).Raft.Membership().IsVoter(6))
	require.Equal(t, raft.ID(1), leader)
	// The leader is cut off with S2, so its removal of S6 cannot commit.
	require.NoError(t, w.Partition([][]raft.ID{{1, 2}, {3, 4, 6}}))
	w.RunUntil(2010)
	require.NoError(t, w.RemoveNode(6))
	w.RunUntil(2050)
	require.False(t, w.Node(1).Raft.Membership().Contains(6), "S1 proposed the removal")
	// S4 restarts and replays the old configurations: S6 must stay.
	require.NoError(t, w.Crash(4))
	require.NoError(t, w.Restart(4))
	w.RunUntil(2150)
	require.NotNil(t, w.Node(6), "S6 is retired only by the configuration that removes it")
	w.Heal()
	w.RunUntil(8000)
	require.Nil(t, w.Node(6), "once the removal commits, S6 leaves")
	require.Empty(t, w.Violations())
}
