package playground

import (
	"testing"

	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
	"github.com/stretchr/testify/require"
)

// A crash loses the hard state a node had written but not synced, and the
// disk model must forget it too. It once kept that lost commit index as
// "written", made it "durable" at the next fsync (after a restart and a
// manual snapshot, which writes no hard state), and at the following
// restart the safety monitor cried "Commit Never Decreases" over a correct
// run: the node's durable commit really was the lower one.
func TestALostHardStateIsNotMadeDurableLater(t *testing.T) {
	s := labSession(t, 3, 7, func(st *view.Settings) { st.LatencyMs = [2]int64{10, 10} })
	leader := labWaitLeader(t, s, 3000)
	f := raft.ID(1)
	if f == leader {
		f = 2
	}
	call := labPut(t, s, leader, "a", "1")
	require.True(t, labWaitCalls(s, []int{call}, 2000))

	// f's disk is slow: its later commit indexes are written, not synced.
	labDo(t, s, view.Action{Do: "disk", Node: view.ID(f), FsyncMs: 5000})
	var calls []int
	for _, k := range []string{"b", "c", "d"} {
		calls = append(calls, labPut(t, s, leader, k, "1"))
	}
	require.True(t, labWaitCalls(s, calls, 2000))
	w := s.World()
	n := w.Node(f)
	require.True(t, labWaitFor(s, 20000, func(*World) bool { return n.Disk.written.Commit > n.Disk.durable.Commit }),
		"f writes a commit index it has not yet synced")

	labDo(t, s, view.Action{Do: "isolate", Node: view.ID(f)})
	labDo(t, s, view.Action{Do: "crash", Node: view.ID(f)})
	require.Equal(t, n.Disk.durable, n.Disk.written, "the crash lost what was not synced")
	labDo(t, s, view.Action{Do: "disk", Node: view.ID(f), FsyncMs: 2})
	labDo(t, s, view.Action{Do: "restart", Node: view.ID(f)})
	s.RunUntil(s.Now() + 5)
	labDo(t, s, view.Action{Do: "snapshot", Node: view.ID(f)})
	s.RunUntil(s.Now() + 20) // the snapshot's records are synced
	labDo(t, s, view.Action{Do: "crash", Node: view.ID(f)})
	labDo(t, s, view.Action{Do: "restart", Node: view.ID(f)})
	s.RunUntil(s.Now() + 50)
	labNoViolations(t, w)
}
