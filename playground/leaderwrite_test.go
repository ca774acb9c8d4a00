package playground

import (
	"testing"

	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
	"github.com/stretchr/testify/require"
)

// TestLeaderWritesInParallel: the leader writes its log in parallel with
// replicating it (dissertation 10.2.1, as etcd does). With a slow leader
// disk, a write commits once three followers of five hold it durably,
// before the leader's own fsync of it finishes; the leader applies it
// only after that fsync.
func TestLeaderWritesInParallel(t *testing.T) {
	s := labSession(t, 5, 1, func(st *view.Settings) { st.LatencyMs = [2]int64{10, 10} })
	leader := labWaitLeader(t, s, 2000)
	s.RunUntil(s.Now() + 200)
	labDo(t, s, view.Action{Do: "disk", Node: view.ID(leader), FsyncMs: 200})
	start := s.World().TraceLen()
	call := labPut(t, s, leader, "k", "v")
	require.True(t, labWaitCalls(s, []int{call}, 2000))
	w := s.World()
	idx := labIndexOf(w.Node(leader), w.History()[call])
	require.NotZero(t, idx)

	var appendAt, commitAt, fsyncAt, applyAt int64 = -1, -1, -1, -1
	acked := map[raft.ID]bool{} // followers whose acknowledgement of idx arrived
	ackedAtCommit := 0
	for i := start; i < w.TraceLen(); i++ {
		e := w.EventAt(i)
		switch {
		case e.Type == view.EvAppend && e.Node == leader && e.Index <= idx && idx <= max(e.Index, e.Index2) && appendAt < 0:
			appendAt = e.AtMs
		case e.Type == view.EvDeliver && e.Node == leader && e.Flight != nil && e.Flight.Kind == view.FlightRaft &&
			e.Flight.Raft.Type == raft.MsgAppendEntriesResponse && !e.Flight.Raft.Reject && e.Flight.Raft.Index >= idx:
			acked[e.Peer] = true
		case e.Type == view.EvCommit && e.Node == leader && e.Index >= idx && commitAt < 0:
			commitAt, ackedAtCommit = e.AtMs, len(acked)
		case e.Type == view.EvFsync && e.Node == leader && appendAt >= 0 && fsyncAt < 0:
			fsyncAt = e.AtMs
		case e.Type == view.EvApply && e.Node == leader && e.Index == idx:
			applyAt = e.AtMs
		}
	}
	require.True(t, appendAt >= 0 && commitAt >= 0 && fsyncAt >= 0 && applyAt >= 0, "append %d, commit %d, fsync %d, apply %d", appendAt, commitAt, fsyncAt, applyAt)
	require.Equal(t, appendAt+200, fsyncAt, "the leader's own fsync takes 200 ms")
	require.Less(t, commitAt, fsyncAt, "the write commits before the leader's fsync ends")
	require.Equal(t, 3, ackedAtCommit, "it commits on the third follower's acknowledgement: three of five")
	require.GreaterOrEqual(t, applyAt, fsyncAt, "the leader applies it only once its own copy is durable")
	labNoViolations(t, w)
}
