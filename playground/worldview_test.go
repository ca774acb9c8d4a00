package playground

import (
	"fmt"
	"testing"

	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestViewEnumsMatchRaft: the view's enums are raft's, value for value,
// so that a view built by converting them says what raft says.
func TestViewEnumsMatchRaft(t *testing.T) {
	require.Len(t, view.MsgTypes, len(raft.MessageTypes))
	for i, rt := range raft.MessageTypes {
		require.Equal(t, rt.String(), view.MsgType(rt).String())
		require.Equal(t, view.MsgTypes[i], view.MsgType(rt))
	}
	for r, v := range map[raft.Role]view.Role{raft.Follower: view.Follower, raft.PreCandidate: view.PreCandidate, raft.Candidate: view.Candidate, raft.Leader: view.Leader} {
		require.Equal(t, v, view.Role(r), r.String())
	}
	for k, v := range map[raft.EntryKind]view.EntryKind{raft.EntryNormal: view.EntryNormal, raft.EntryNoop: view.EntryNoop, raft.EntryConfig: view.EntryConfig} {
		require.Equal(t, v, view.EntryKind(k), k.String())
	}
	for s, v := range map[raft.ProgressState]view.ProgressState{raft.StateProbe: view.StateProbe, raft.StateReplicate: view.StateReplicate, raft.StateSnapshot: view.StateSnapshot} {
		require.Equal(t, v, view.ProgressState(s), s.String())
	}
	for r, v := range map[raft.RecordType]view.RecordType{raft.RecordHardState: view.RecordHardState, raft.RecordEntry: view.RecordEntry, raft.RecordTruncate: view.RecordTruncate, raft.RecordSnapshot: view.RecordSnapshot} {
		require.Equal(t, v, view.RecordType(r), r.String())
	}
}

// TestViewIsBuiltOncePerChange: readers share one view until the world
// changes, and the view says what the servers' state says.
func TestViewIsBuiltOncePerChange(t *testing.T) {
	s := labSession(t, 3, 1, func(st *view.Settings) { st.SnapshotEvery = 5 })
	leader := labWaitLeader(t, s, 2000)
	var calls []int
	for i := range 8 {
		calls = append(calls, labPut(t, s, leader, "k", fmt.Sprint(i)))
	}
	require.True(t, labWaitCalls(s, calls, 3000))
	w := s.World()
	v := w.View()
	require.Same(t, v, w.View(), "no change, same view")

	lv, r := v.Node(view.ID(leader)), w.Node(leader).Raft
	id, ok := v.Leader()
	require.True(t, ok)
	require.Equal(t, view.ID(leader), id)
	require.Equal(t, view.Leader, lv.Role)
	require.Equal(t, r.Term(), lv.Term)
	require.Equal(t, r.CommitIndex(), lv.Log.Commit)
	require.Equal(t, r.LastIndex(), lv.Log.Last)
	require.Greater(t, r.FirstIndex(), uint64(1), "the leader has snapshotted")
	for i := r.FirstIndex() - 1; i <= r.LastIndex(); i++ {
		want, _ := r.TermAt(i)
		got, ok := lv.Log.TermAt(i)
		require.True(t, ok, "index %d", i)
		require.Equal(t, want, got, "index %d", i)
	}
	_, ok = lv.Log.TermAt(r.LastIndex() + 1)
	require.False(t, ok)
	require.Len(t, lv.Progress, 2, "the leader's progress for both followers")
	kv, _ := w.Node(leader).KV.Get("k")
	require.Equal(t, []view.KeyValue{{Key: "k", Value: kv.Value, ModRevision: 8, Version: 8}}, lv.KV)

	s.RunUntil(s.Now() + 1)
	require.NotSame(t, v, w.View(), "time passed: the timers moved")

	// A crashed follower's row is its disk's log: all it had written.
	var follower raft.ID
	for _, id := range w.Nodes() {
		if id != leader {
			follower = id
			break
		}
	}
	last := w.Node(follower).Raft.LastIndex()
	labDo(t, s, view.Action{Do: "crash", Node: view.ID(follower)})
	fv := s.World().View().Node(view.ID(follower))
	require.False(t, fv.Up)
	require.Equal(t, last, fv.Log.Last)
	require.Zero(t, fv.Log.Applied)
}

// TestViewWhenOnlyTimePasses: when nothing happens but time, the view's
// election timers move on and the rest of it is the last view's; the
// timers read what the servers' own timers say.
func TestViewWhenOnlyTimePasses(t *testing.T) {
	s := labSession(t, 3, 1, nil)
	labWaitLeader(t, s, 2000)
	w := s.World()
	next, ok := w.NextEventAt()
	for ok && next <= w.Now()+1 { // a quiet millisecond: no event in it
		s.RunUntil(next)
		next, ok = w.NextEventAt()
	}
	before := w.View()
	changes := w.changes
	s.RunUntil(w.Now() + 1)
	require.Equal(t, changes, w.changes, "no event in that millisecond")
	after := w.View()
	require.NotSame(t, before, after)
	require.Equal(t, before.Now+1, after.Now)
	for i, n := range after.Nodes {
		r := w.Node(raft.ID(n.ID))
		if r.Up && r.Raft.ElectionTimeout() > 0 {
			assert.Equal(t, r.Raft.ElectionElapsed()+int(w.TicksBehind(r)), n.ElectionElapsed, "S%d", n.ID)
			assert.Equal(t, before.Nodes[i].ElectionElapsed+1, n.ElectionElapsed, "S%d", n.ID)
		}
		assert.Equal(t, before.Nodes[i].Log, n.Log, "the log is the last view's")
	}
}
