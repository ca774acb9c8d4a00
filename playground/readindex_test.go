package playground

import (
	"testing"

	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
	"github.com/stretchr/testify/require"
)

// TestReadIndexShowsEachPart: a read that reaches a new leader before its
// no-op commits shows the four parts of ReadIndex in the trace, in order:
// held until an entry of the leader's term commits, the read index noted,
// leadership confirmed by a heartbeat round, the answer once applied.
func TestReadIndexShowsEachPart(t *testing.T) {
	s := labSession(t, 3, 1, func(st *view.Settings) { st.LatencyMs = [2]int64{10, 10} })
	old := labWaitLeader(t, s, 2000)
	labRequireCommitted(t, s, labPut(t, s, old, "k", "v"))
	for _, id := range s.World().Nodes() {
		if id != old {
			labDo(t, s, view.Action{Do: "disk", Node: view.ID(id), FsyncMs: 100})
		}
	}
	labDo(t, s, view.Action{Do: "crash", Node: view.ID(old)})
	leader := raft.None
	require.True(t, labWaitFor(s, 3000, func(w *World) bool {
		id, ok := w.Leader()
		leader = id
		return ok && id != old
	}))
	start := s.World().TraceLen()
	labDo(t, s, view.Action{Do: "get", Node: view.ID(leader), Key: "k"})
	call := len(s.World().History()) - 1
	require.True(t, labWaitCalls(s, []int{call}, 3000))
	w := s.World()
	require.Equal(t, "v", w.History()[call].Result.Value)

	var reads []Event
	for i := start; i < w.TraceLen(); i++ {
		if e := w.EventAt(i); e.Type == view.EvRead {
			require.Equal(t, leader, e.Node)
			reads = append(reads, e)
		}
	}
	var stages []ReadStage
	for _, e := range reads {
		stages = append(stages, e.Read)
	}
	require.Equal(t, []ReadStage{ReadHeld, ReadIndexNoted, ReadConfirmed, ReadAnswered}, stages)
	noted, answered := reads[1], reads[3]
	require.Positive(t, noted.Index)
	require.Equal(t, noted.Index, answered.Index, "answered at the read index noted")
	require.GreaterOrEqual(t, answered.Index2, answered.Index, "once applied up to it")
	require.Equal(t, S(leader)+" is still leader: a majority answered its heartbeat round", reads[2].Text())
	require.Contains(t, answered.Text(), "answered the read at read index")
}

// labRequireCommitted waits for call to return.
func labRequireCommitted(t *testing.T, s *Session, call int) {
	t.Helper()
	require.True(t, labWaitCalls(s, []int{call}, 2000), "call %d returned", call)
}
