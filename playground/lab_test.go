package playground

// Tests in the spirit of the MIT 6.824 Raft labs (2A election, 2B
// agreement, 2C persistence, 2D snapshots), driven through the playground's
// actions and steps instead of RPC stubs. Every run is deterministic: the
// seeds are fixed, and the tests assert the conditions that make each scene
// meaningful as well as its outcome.

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
	"github.com/stretchr/testify/require"
)

// labSession starts a session on a fresh world of n nodes with the default
// settings, changed by tweak.
func labSession(t testing.TB, n int, seed int64, tweak func(*view.Settings)) *Session {
	t.Helper()
	s := view.DefaultSettings()
	s.Nodes, s.Seed = n, seed
	if tweak != nil {
		tweak(&s)
	}
	w, err := New(s)
	require.NoError(t, err)
	return NewSession(w, nil)
}

// labDo carries out a step now and fails the test if it cannot be.
func labDo(t testing.TB, s *Session, st view.Action) {
	t.Helper()
	require.NoError(t, s.Do(st), "step %s at %d ms", st.Do, s.Now())
}

// labWaitLeader runs the session until some node leads, for at most
// withinMs, and returns it.
func labWaitLeader(t testing.TB, s *Session, withinMs int64) raft.ID {
	t.Helper()
	end := s.Now() + withinMs
	for s.Now() < end {
		if id, ok := s.World().Leader(); ok {
			return id
		}
		s.RunUntil(s.Now() + 5)
	}
	id, ok := s.World().Leader()
	require.True(t, ok, "no leader within %d ms (at %d ms)", withinMs, s.Now())
	return id
}

// labPut has a client put key=value, sent to node (None: the client's
// guess), and returns the call's index in the history.
func labPut(t testing.TB, s *Session, node raft.ID, key, value string) int {
	t.Helper()
	labDo(t, s, view.Action{Do: "put", Node: view.ID(node), Key: key, Value: value})
	return len(s.World().History()) - 1
}

// labWaitCalls runs the session until every listed call has returned, for
// at most withinMs; it reports whether they all did.
func labWaitCalls(s *Session, calls []int, withinMs int64) bool {
	end := s.Now() + withinMs
	for {
		h := s.World().History()
		done := true
		for _, i := range calls {
			done = done && h[i].Done
		}
		if done {
			return true
		}
		if s.Now() >= end {
			return false
		}
		s.RunUntil(s.Now() + 5)
	}
}

// labIndexOf finds the log index at which node holds the command of a call,
// or 0 when its log does not hold it.
func labIndexOf(n *Node, c view.Call) uint64 {
	r := n.Raft
	for i := r.FirstIndex(); i <= r.LastIndex(); i++ {
		e, _ := r.EntryAt(i)
		if e.Kind != raft.EntryNormal {
			continue
		}
		if cmd, err := DecodeCommand(e.Data); err == nil && cmd.Client == c.Cmd.Client && cmd.Seq == c.Cmd.Seq {
			return i
		}
	}
	return 0
}

// labEntries returns a node's log entries (after its snapshot).
func labEntries(n *Node) []raft.Entry {
	var out []raft.Entry
	for i := n.Raft.FirstIndex(); i <= n.Raft.LastIndex(); i++ {
		e, _ := n.Raft.EntryAt(i)
		out = append(out, e)
	}
	return out
}

// labRequireSameLogs asserts that the listed (live) nodes hold the same log
// and the same commit index and state machine.
func labRequireSameLogs(t testing.TB, w *World, ids ...raft.ID) {
	t.Helper()
	ref := w.Node(ids[0])
	require.True(t, ref.Up, "%s is up", S(ids[0]))
	for _, id := range ids[1:] {
		n := w.Node(id)
		require.True(t, n.Up, "%s is up", S(id))
		require.Equal(t, ref.Raft.LastIndex(), n.Raft.LastIndex(), "%s and %s end at the same index", S(ids[0]), S(id))
		require.Equal(t, ref.Raft.CommitIndex(), n.Raft.CommitIndex(), "%s and %s commit the same", S(ids[0]), S(id))
		from := max(ref.Raft.FirstIndex(), n.Raft.FirstIndex())
		for i := from; i <= ref.Raft.LastIndex(); i++ {
			a, _ := ref.Raft.EntryAt(i)
			b, _ := n.Raft.EntryAt(i)
			require.Equal(t, a, b, "%s and %s hold the same entry %d", S(ids[0]), S(id), i)
		}
		require.Equal(t, ref.KV.Marshal(), n.KV.Marshal(), "%s and %s have the same state machine", S(ids[0]), S(id))
	}
}

// labAllIDs lists 1..n.
func labAllIDs(n int) []raft.ID {
	ids := make([]raft.ID, n)
	for i := range ids {
		ids[i] = raft.ID(i + 1)
	}
	return ids
}

// labNoViolations asserts a clean run: no safety violation, a linearizable
// history.
func labNoViolations(t testing.TB, w *World) {
	t.Helper()
	require.Empty(t, w.Violations())
	require.Equal(t, Linearizability("ok"), w.LinearizabilityVerdict())
}

// labRaftSends lists the Raft messages sent in the trace from index from.
func labRaftSends(w *World, from int) []raft.Message {
	var out []raft.Message
	for _, e := range w.Trace()[from:] {
		if e.Type == view.EvSend && e.Flight != nil && e.Flight.Kind == view.FlightRaft {
			out = append(out, e.Flight.Raft)
		}
	}
	return out
}

// TestLabInitialElection (2A): a leader is elected, only one, and it stays
// in place while nothing fails.
func TestLabInitialElection(t *testing.T) {
	s := labSession(t, 3, 1, nil)
	leader := labWaitLeader(t, s, 1000)
	term := s.World().Node(leader).Raft.Term()
	s.RunUntil(s.Now() + 2000)
	w := s.World()
	got, ok := w.Leader()
	require.True(t, ok)
	require.Equal(t, leader, got, "the leader stays in place with no failure")
	for _, id := range w.Nodes() {
		require.Equal(t, term, w.Node(id).Raft.Term(), "%s's term", S(id))
		require.Equal(t, leader, w.Node(id).Raft.Leader(), "%s knows the leader", S(id))
	}
	require.Empty(t, w.Violations())
}

// TestLabReElection (2A): when the leader is cut off a new one is elected;
// when it returns it rejoins as a follower; without a majority nobody leads.
func TestLabReElection(t *testing.T) {
	s := labSession(t, 3, 2, nil)
	l1 := labWaitLeader(t, s, 1000)
	labDo(t, s, view.Action{Do: "isolate", Node: view.ID(l1)})
	s.RunUntil(s.Now() + 1000)
	l2, ok := s.World().Leader()
	require.True(t, ok)
	require.NotEqual(t, l1, l2, "the majority elected a new leader")
	require.NotEqual(t, raft.Leader, s.World().Node(l1).Raft.Role(), "CheckQuorum: the cut-off leader stepped down")

	labDo(t, s, view.Action{Do: "heal"})
	s.RunUntil(s.Now() + 1000)
	l3, ok := s.World().Leader()
	require.True(t, ok)
	require.Equal(t, l3, s.World().Node(l1).Raft.Leader(), "the old leader follows the new one")

	// Two of three cut off: nobody can lead.
	var others []raft.ID
	for _, id := range s.World().Nodes() {
		if id != l3 {
			others = append(others, id)
		}
	}
	labDo(t, s, view.Action{Do: "partition", Groups: [][]view.ID{{view.ID(l3)}, {view.ID(others[0])}, {view.ID(others[1])}}})
	s.RunUntil(s.Now() + 2000)
	_, ok = s.World().Leader()
	require.False(t, ok, "no leader without a majority")

	labDo(t, s, view.Action{Do: "heal"})
	labWaitLeader(t, s, 2000)
	require.Empty(t, s.World().Violations())
}

// TestLabBasicAgreement (2B): writes are committed on every node, at
// consecutive indexes, and the logs end up identical.
func TestLabBasicAgreement(t *testing.T) {
	s := labSession(t, 5, 3, nil)
	leader := labWaitLeader(t, s, 1000)
	for i := range 5 {
		before := s.World().Node(leader).Raft.LastIndex()
		c := labPut(t, s, raft.None, "k", fmt.Sprint(i))
		require.True(t, labWaitCalls(s, []int{c}, 1000), "put %d returned", i)
		w := s.World()
		idx := labIndexOf(w.Node(leader), w.History()[c])
		require.Equal(t, before+1, idx, "put %d went to the next index", i)
		// Within two heartbeats every node has committed and applied it.
		s.RunUntil(s.Now() + 2*w.Settings().HeartbeatMs)
		for _, id := range w.Nodes() {
			n := s.World().Node(id)
			require.GreaterOrEqual(t, n.Raft.AppliedIndex(), idx, "%s applied put %d", S(id), i)
			kv, ok := n.KV.Get("k")
			require.True(t, ok)
			require.Equal(t, fmt.Sprint(i), kv.Value)
		}
	}
	labRequireSameLogs(t, s.World(), labAllIDs(5)...)
	labNoViolations(t, s.World())
}

// TestLabFailAgree (2B): with one follower cut off the others still commit;
// when it returns it catches up.
func TestLabFailAgree(t *testing.T) {
	s := labSession(t, 3, 4, nil)
	leader := labWaitLeader(t, s, 1000)
	c := labPut(t, s, raft.None, "a", "1")
	require.True(t, labWaitCalls(s, []int{c}, 1000))

	off := leader%3 + 1
	labDo(t, s, view.Action{Do: "isolate", Node: view.ID(off)})
	stale := s.World().Node(off).Raft.LastIndex()
	var calls []int
	for i := range 4 {
		calls = append(calls, labPut(t, s, raft.None, "b", fmt.Sprint(i)))
		require.True(t, labWaitCalls(s, calls, 2000), "put %d committed without %s", i, S(off))
	}
	w := s.World()
	require.Equal(t, stale, w.Node(off).Raft.LastIndex(), "the cut-off follower received nothing")
	got, _ := w.Leader()
	require.Equal(t, leader, got, "the leader kept its majority")
	require.Greater(t, w.Node(leader).Raft.CommitIndex(), stale+3)

	labDo(t, s, view.Action{Do: "heal"})
	s.RunUntil(s.Now() + 1000)
	w = s.World()
	kv, ok := w.Node(off).KV.Get("b")
	require.True(t, ok)
	require.Equal(t, "3", kv.Value, "the returning follower caught up")
	// And agreement goes on with it.
	calls = append(calls, labPut(t, s, raft.None, "c", "x"))
	require.True(t, labWaitCalls(s, calls, 1000))
	s.RunUntil(s.Now() + 200)
	labRequireSameLogs(t, s.World(), 1, 2, 3)
	labNoViolations(t, s.World())
}

// TestLabFailNoAgree (2B): with 3 of 5 nodes cut off, a write is not
// committed; once the network heals, it (and new writes) are.
func TestLabFailNoAgree(t *testing.T) {
	s := labSession(t, 5, 5, nil)
	leader := labWaitLeader(t, s, 1000)
	c0 := labPut(t, s, raft.None, "a", "0")
	require.True(t, labWaitCalls(s, []int{c0}, 1000))
	s.RunUntil(s.Now() + 100) // the followers learn the commit

	// The leader keeps one follower; the other three are alone.
	groups := [][]raft.ID{{leader, leader%5 + 1}}
	for _, id := range s.World().Nodes() {
		if !slices.Contains(groups[0], id) {
			groups = append(groups, []raft.ID{id})
		}
	}
	labDo(t, s, view.Action{Do: "partition", Groups: viewGroups(groups...)})
	commit := s.World().Node(leader).Raft.CommitIndex()
	c1 := labPut(t, s, leader, "a", "1")
	s.RunUntil(s.Now() + 100)
	idx := labIndexOf(s.World().Node(leader), s.World().History()[c1])
	require.Equal(t, commit+1, idx, "the leader appended the write")
	s.RunUntil(s.Now() + 2000)
	w := s.World()
	require.False(t, w.History()[c1].Done, "no answer without a majority")
	for _, id := range w.Nodes() {
		n := w.Node(id)
		require.Less(t, n.Raft.CommitIndex(), idx, "%s did not commit the write", S(id))
		kv, _ := n.KV.Get("a")
		require.Equal(t, "0", kv.Value, "%s did not apply the write", S(id))
	}
	_, ok := w.Leader()
	require.False(t, ok, "no leader without a majority (CheckQuorum deposed the old one)")

	labDo(t, s, view.Action{Do: "heal"})
	labWaitLeader(t, s, 2000)
	c2 := labPut(t, s, raft.None, "b", "2")
	require.True(t, labWaitCalls(s, []int{c1, c2}, 5000), "both writes return after the heal")
	s.RunUntil(s.Now() + 300)
	w = s.World()
	labRequireSameLogs(t, w, labAllIDs(5)...)
	kv, _ := w.Node(1).KV.Get("a")
	require.Equal(t, "1", kv.Value)
	labNoViolations(t, w)
}

// TestLabConcurrentStarts (2B): many writes submitted at the same moment
// all commit, each exactly once, at distinct indexes.
func TestLabConcurrentStarts(t *testing.T) {
	s := labSession(t, 3, 6, nil)
	leader := labWaitLeader(t, s, 1000)
	s.RunUntil(s.Now() + 100)
	var calls []int
	for i := range 20 {
		calls = append(calls, labPut(t, s, leader, fmt.Sprintf("k%d", i), fmt.Sprint(i)))
	}
	require.True(t, labWaitCalls(s, calls, 2000))
	s.RunUntil(s.Now() + 200)
	w := s.World()
	require.Len(t, w.History(), 20)
	seen := map[uint64]bool{}
	for i, c := range calls {
		call := w.History()[c]
		require.True(t, call.Result.OK)
		require.Equal(t, 1, call.Attempts, "put %d needed no retry", i)
		idx := labIndexOf(w.Node(leader), call)
		require.NotZero(t, idx, "put %d is in the log", i)
		require.False(t, seen[idx], "put %d has an index of its own", i)
		seen[idx] = true
	}
	labRequireSameLogs(t, w, 1, 2, 3)
	// Each write appears exactly once in the log.
	require.Len(t, labEntries(w.Node(leader)), 21, "the no-op and the 20 writes")
	labNoViolations(t, w)
}

// TestLabRejoin (2B): a leader cut off with uncommitted entries rejoins
// after a new leader committed others at the same indexes: its entries are
// replaced by the new leader's.
func TestLabRejoin(t *testing.T) {
	s := labSession(t, 3, 7, nil)
	l1 := labWaitLeader(t, s, 1000)
	c := labPut(t, s, raft.None, "a", "101")
	require.True(t, labWaitCalls(s, []int{c}, 1000))
	s.RunUntil(s.Now() + 100)

	labDo(t, s, view.Action{Do: "isolate", Node: view.ID(l1)})
	commit := s.World().Node(l1).Raft.CommitIndex()
	for i := range 3 {
		labPut(t, s, l1, "x", fmt.Sprint(102+i))
	}
	s.RunUntil(s.Now() + 100)
	old := labEntries(s.World().Node(l1))
	require.Equal(t, commit+3, s.World().Node(l1).Raft.LastIndex(), "the cut-off leader appended three writes")
	require.Equal(t, commit, s.World().Node(l1).Raft.CommitIndex(), "it could not commit them")

	// The others elect a new leader and commit other writes there.
	l2 := raft.None
	for s.Now() < 5000 && l2 == raft.None {
		s.RunUntil(s.Now() + 10)
		if id, ok := s.World().Leader(); ok && id != l1 {
			l2 = id
		}
	}
	require.NotEqual(t, raft.None, l2)
	var calls []int
	for i := range 4 {
		calls = append(calls, labPut(t, s, l2, "y", fmt.Sprint(103+i)))
	}
	require.True(t, labWaitCalls(s, calls, 1000))
	oldTerm := old[len(old)-1].Term
	newLeader := s.World().Node(l2).Raft
	for i := commit + 1; i <= commit+3; i++ {
		tm, _ := newLeader.TermAt(i)
		require.Greater(t, tm, oldTerm, "the new leader holds a newer entry at %d", i)
	}

	labDo(t, s, view.Action{Do: "heal"})
	s.RunUntil(s.Now() + 1000)
	w := s.World()
	n1 := w.Node(l1)
	require.NotEqual(t, raft.Leader, n1.Raft.Role())
	for _, e := range old[commit-old[0].Index+1:] {
		got, ok := n1.Raft.EntryAt(e.Index)
		require.True(t, ok)
		require.NotEqual(t, e.Term, got.Term, "the stale entry %d was replaced", e.Index)
	}
	truncated := false
	for _, e := range w.Trace() {
		truncated = truncated || (e.Type == view.EvTruncate && e.Node == l1 && e.Index == commit+1)
	}
	require.True(t, truncated, "the old leader deleted its conflicting entries")
	labRequireSameLogs(t, w, 1, 2, 3)
	labNoViolations(t, w)
}

// labBackupRun is lab 2B's "leader backs up quickly over incorrect follower
// logs": a leader cut off with one follower accumulates over 50 uncommitted
// entries while the majority commits 50 others; then the network heals and
// a new leader repairs the two stale logs. It returns the world and the
// number of rejected AppendEntries delivered after the heal.
//
// A heartbeat is anchored at the follower's match index, and a follower
// answers one below its commit index with that commit index: that alone
// takes the leader past a follower's uncommitted entries, so every heartbeat
// cuts a slow backtrack short (after a plain heal, the first message a stale
// node gets is such a heartbeat, and both modes need a handful of
// rejections). To measure backtracking itself, the run is on a LAN (1 ms
// links, a heartbeat every 400 ms, many round trips per heartbeat), and the
// majority's leader crashes as the network heals, so that the leader that
// repairs the stale logs is elected while they are reachable: its first
// probes reach them before its first heartbeat.
func labBackupRun(t *testing.T, fast bool) (*World, int) {
	t.Helper()
	s := labSession(t, 5, 8, func(st *view.Settings) {
		st.FastBacktrack = fast
		st.LatencyMs = [2]int64{1, 1}
		st.HeartbeatMs = 400
		st.ElectionTimeoutMs = [2]int64{1000, 1500}
	})
	l1 := labWaitLeader(t, s, 3000)
	c := labPut(t, s, raft.None, "a", "0")
	require.True(t, labWaitCalls(s, []int{c}, 1000))
	s.RunUntil(s.Now() + 20)

	minority := []raft.ID{l1, l1%5 + 1}
	var majority []raft.ID
	for _, id := range s.World().Nodes() {
		if !slices.Contains(minority, id) {
			majority = append(majority, id)
		}
	}
	labDo(t, s, view.Action{Do: "partition", Groups: viewGroups(minority, majority)})
	commit := s.World().Node(l1).Raft.CommitIndex()
	for i := range 50 {
		labPut(t, s, l1, fmt.Sprintf("old%d", i), "x")
	}
	s.RunUntil(s.Now() + 20)
	for _, id := range minority {
		r := s.World().Node(id).Raft
		require.GreaterOrEqual(t, r.LastIndex(), commit+50, "%s holds the 50 uncommitted entries", S(id))
		require.Equal(t, commit, r.CommitIndex(), "%s committed none of them", S(id))
	}

	l2 := labWaitLeader(t, s, 3000)
	for l2 == l1 {
		s.RunUntil(s.Now() + 10)
		l2 = labWaitLeader(t, s, 3000)
	}
	require.Contains(t, majority, l2)
	var calls []int
	for i := range 50 {
		calls = append(calls, labPut(t, s, l2, fmt.Sprintf("new%d", i), "y"))
	}
	require.True(t, labWaitCalls(s, calls, 2000), "the majority commits 50 writes")
	s.RunUntil(s.Now() + 20)
	r2 := s.World().Node(l2).Raft
	require.GreaterOrEqual(t, r2.CommitIndex(), commit+50)
	for i := commit + 1; i <= commit+50; i++ {
		a, _ := r2.TermAt(i)
		b, _ := s.World().Node(l1).Raft.TermAt(i)
		require.NotEqual(t, a, b, "the logs conflict at %d", i)
	}

	// CheckQuorum deposes the cut-off leader within two election timeouts.
	for s.Now() < 10000 && s.World().Node(l1).Raft.Role() == raft.Leader {
		s.RunUntil(s.Now() + 10)
	}
	require.NotEqual(t, raft.Leader, s.World().Node(l1).Raft.Role())

	mark := len(s.World().Trace())
	term2 := s.World().Node(l2).Raft.Term()
	labDo(t, s, view.Action{Do: "crash", Node: view.ID(l2)})
	labDo(t, s, view.Action{Do: "heal"})
	l3 := raft.None
	for s.Now() < 20000 && l3 == raft.None {
		s.RunUntil(s.Now() + 1)
		if id, ok := s.World().Leader(); ok && s.World().Node(id).Raft.Term() > term2 {
			l3 = id
		}
	}
	require.Contains(t, majority, l3, "a node with the committed entries leads")
	for _, id := range minority {
		require.Less(t, s.World().Node(id).Raft.CommitIndex(), commit+50, "%s is still stale when %s is elected", S(id), S(l3))
	}
	s.RunUntil(s.Now() + 2000)
	labDo(t, s, view.Action{Do: "restart", Node: view.ID(l2)})
	s.RunUntil(s.Now() + 2000)
	w := s.World()
	rejects := 0
	for _, e := range w.Trace()[mark:] {
		if e.Type == view.EvDeliver && e.Flight != nil && e.Flight.Kind == view.FlightRaft && e.Flight.To == l3 &&
			slices.Contains(minority, e.Flight.From) &&
			e.Flight.Raft.Type == raft.MsgAppendEntriesResponse && e.Flight.Raft.Reject {
			rejects++
		}
	}
	for _, id := range minority {
		truncated := false
		for _, e := range w.Trace()[mark:] {
			truncated = truncated || (e.Type == view.EvTruncate && e.Node == id && e.Index <= commit+1)
		}
		require.True(t, truncated, "%s deleted its conflicting entries", S(id))
	}
	labRequireSameLogs(t, w, labAllIDs(5)...)
	for i := range 50 {
		kv, ok := w.Node(l1).KV.Get(fmt.Sprintf("new%d", i))
		require.True(t, ok && kv.Value == "y", "the old leader applied new%d", i)
	}
	labNoViolations(t, w)
	return w, rejects
}

// TestLabBackup compares the repair of two stale logs of 50+ conflicting
// entries with the conflict-term hints and without them.
func TestLabBackup(t *testing.T) {
	_, fast := labBackupRun(t, true)
	_, slow := labBackupRun(t, false)
	t.Logf("rejected AppendEntries to repair two logs with 50+ conflicting entries: fast backtracking %d, one entry at a time %d", fast, slow)
	require.GreaterOrEqual(t, slow, 2*50, "without hints each conflicting entry costs a rejection, on each of the two stale nodes")
	require.LessOrEqual(t, fast, 2*3, "with hints a conflicting term costs one round trip")
	require.Greater(t, fast, 0, "the logs did conflict")
}

// TestLabIdleMessageCount (2B's RPC counts): an idle cluster sends only
// heartbeats and their answers, 2*(n-1) messages per heartbeat interval,
// and holds no further election.
func TestLabIdleMessageCount(t *testing.T) {
	const n = 3
	s := labSession(t, n, 9, nil)
	leader := labWaitLeader(t, s, 1000)
	s.RunUntil(s.Now() + 200) // the no-op is replicated and committed
	w := s.World()
	elections, changes := w.Stats().Elections, w.Stats().LeaderChanges
	require.Equal(t, 1, changes)
	mark, before := len(w.Trace()), w.Stats().MessagesSent
	const idleMs = 10_000
	s.RunUntil(s.Now() + idleMs)
	w = s.World()

	total := 0
	for _, m := range labRaftSends(w, mark) {
		total++
		switch m.Type {
		case raft.MsgAppendEntries:
			require.True(t, m.IsHeartbeat(), "an idle leader sends no entries: %+v", m)
			require.Equal(t, leader, m.From)
		case raft.MsgAppendEntriesResponse:
			require.False(t, m.Reject, "no heartbeat is refused: %+v", m)
			require.Equal(t, leader, m.To)
		default:
			t.Fatalf("an idle cluster sent a %s", m.Type)
		}
	}
	after := w.Stats().MessagesSent
	sent := 0
	for i := range after {
		sent += after[i] - before[i]
	}
	require.Equal(t, total, sent, "Stats counts every message the trace shows")
	hb := w.Settings().HeartbeatMs
	want := int(2 * (n - 1) * idleMs / hb)
	t.Logf("an idle %d-node cluster sent %d messages in %d ms (heartbeat every %d ms: %d expected)", n, total, idleMs, hb, want)
	require.InDelta(t, want, total, float64(2*(n-1)), "one round of heartbeats and answers per heartbeat interval")
	require.Equal(t, elections, w.Stats().Elections, "no election after the first")
	require.Equal(t, changes, w.Stats().LeaderChanges)
	require.Equal(t, after[raft.MsgAppendEntries]-before[raft.MsgAppendEntries], after[raft.MsgAppendEntriesResponse]-before[raft.MsgAppendEntriesResponse])
	require.Empty(t, w.Violations())
}

// TestLabPersistAll (2C): committed data survives a crash of every node at
// once; the logs come back identical and new writes work.
func TestLabPersistAll(t *testing.T) {
	s := labSession(t, 3, 10, nil)
	labWaitLeader(t, s, 1000)
	var calls []int
	for i := range 5 {
		calls = append(calls, labPut(t, s, raft.None, fmt.Sprintf("k%d", i), fmt.Sprint(i)))
		require.True(t, labWaitCalls(s, calls, 1000))
	}
	s.RunUntil(s.Now() + 100)
	w := s.World()
	logs := map[raft.ID][]raft.Entry{}
	commit := w.Node(1).Raft.CommitIndex()
	require.GreaterOrEqual(t, commit, uint64(6))
	for _, id := range w.Nodes() {
		logs[id] = labEntries(w.Node(id))
	}

	for round := range 3 {
		for _, id := range w.Nodes() {
			labDo(t, s, view.Action{Do: "crash", Node: view.ID(id)})
		}
		s.RunUntil(s.Now() + 500)
		for _, id := range s.World().Nodes() {
			labDo(t, s, view.Action{Do: "restart", Node: view.ID(id)})
			n := s.World().Node(id)
			require.Equal(t, logs[id], labEntries(n)[:len(logs[id])], "round %d: %s's log survived", round, S(id))
		}
		// Before any election, each node rebuilt its state machine from
		// its own disk, up to the commit index it had made durable.
		s.RunUntil(s.Now() + 5)
		_, ok := s.World().Leader()
		require.False(t, ok)
		for _, id := range s.World().Nodes() {
			n := s.World().Node(id)
			require.GreaterOrEqual(t, n.Raft.AppliedIndex(), commit, "round %d: %s", round, S(id))
			kv, ok := n.KV.Get("k4")
			require.True(t, ok && kv.Value == "4", "round %d: %s restored k4", round, S(id))
		}
		labWaitLeader(t, s, 2000)
		c := labPut(t, s, raft.None, "round", fmt.Sprint(round))
		calls = append(calls, c)
		require.True(t, labWaitCalls(s, calls, 2000), "round %d: a new write works", round)
		s.RunUntil(s.Now() + 200)
		w = s.World()
		for _, id := range w.Nodes() {
			n := w.Node(id)
			for i := range 5 {
				kv, ok := n.KV.Get(fmt.Sprintf("k%d", i))
				require.True(t, ok && kv.Value == fmt.Sprint(i), "round %d: %s still has k%d", round, S(id), i)
			}
			logs[id] = labEntries(n)
		}
		labRequireSameLogs(t, w, 1, 2, 3)
	}
	labNoViolations(t, w)
}

// labTestRng is a test's own source of random choices, from a fixed seed.
func labTestRng(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, 0x1ab)) }

// TestLabFigure8Unreliable (2C): five nodes on a lossy, reordering,
// duplicating network; the leader is crashed again and again while clients
// write. Nothing unsafe happens, the history is linearizable, and once the
// faults stop the cluster agrees.
func TestLabFigure8Unreliable(t *testing.T) {
	s := labSession(t, 5, 11, func(st *view.Settings) {
		st.DropRate, st.DuplicateRate = 0.1, 0.05
		st.LatencyMs = [2]int64{5, 60}
	})
	r := labTestRng(11)
	keys := []string{"a", "b", "c", "d", "e", "f"}
	leaderCrashes := 0
	for s.Now() < 20_000 {
		s.RunUntil(s.Now() + r.Int64N(150) + 10)
		w := s.World()
		if w.Outstanding() < 4 {
			k := keys[r.IntN(len(keys))]
			labPut(t, s, raft.None, k, fmt.Sprint(s.Now()))
		}
		if r.IntN(10) == 0 {
			if id, ok := w.Leader(); ok {
				labDo(t, s, view.Action{Do: "crash", Node: view.ID(id)})
				leaderCrashes++
			}
		}
		if up := countUp(s.World()); up < 3 || r.IntN(8) == 0 {
			var down []raft.ID
			for _, id := range s.World().Nodes() {
				if !s.World().Node(id).Up {
					down = append(down, id)
				}
			}
			if len(down) > 0 {
				labDo(t, s, view.Action{Do: "restart", Node: view.ID(down[r.IntN(len(down))])})
			}
		}
	}
	zero := 0.0
	labDo(t, s, view.Action{Do: "network", Network: view.NetworkChange{DropRate: &zero, DuplicateRate: &zero}})
	for _, id := range s.World().Nodes() {
		if !s.World().Node(id).Up {
			labDo(t, s, view.Action{Do: "restart", Node: view.ID(id)})
		}
	}
	labWaitLeader(t, s, 3000)
	c := labPut(t, s, raft.None, "final", "1")
	require.True(t, labWaitCalls(s, []int{c}, 12_000), "a write commits once the faults stop")
	s.RunUntil(s.Now() + 11_000) // every client gives up or returns
	w := s.World()
	done := 0
	for _, c := range w.History() {
		if c.Done {
			done++
		}
	}
	t.Logf("%d leader crashes, %d leader changes, %d calls (%d returned), %d messages dropped",
		leaderCrashes, w.Stats().LeaderChanges, len(w.History()), done, w.Stats().MessagesDropped)
	require.GreaterOrEqual(t, leaderCrashes, 10, "the leader was crashed many times")
	require.Greater(t, w.Stats().LeaderChanges, leaderCrashes, "each crash brought a new leader")
	require.Greater(t, done, 50, "clients made progress through the faults")
	require.Zero(t, w.Outstanding())
	labRequireSameLogs(t, w, labAllIDs(5)...)
	labNoViolations(t, w)
}

// labClientStep is a random client call on a few keys.
func labClientStep(r *rand.Rand, keys []string) view.Action {
	k := keys[r.IntN(len(keys))]
	v := fmt.Sprint(r.IntN(5))
	switch r.IntN(8) {
	case 0, 1, 2:
		return view.Action{Do: "put", Key: k, Value: v}
	case 3, 4, 5:
		return view.Action{Do: "get", Key: k}
	case 6:
		return view.Action{Do: "delete", Key: k}
	}
	return view.Action{Do: "cas", Key: k, Old: fmt.Sprint(r.IntN(5)), New: v}
}

// labSettle heals everything, restarts every node and lets clients finish.
func labSettle(t testing.TB, s *Session) {
	t.Helper()
	zero := 0.0
	labDo(t, s, view.Action{Do: "heal"})
	labDo(t, s, view.Action{Do: "network", Network: view.NetworkChange{DropRate: &zero, DuplicateRate: &zero}})
	for _, id := range s.World().Nodes() {
		if !s.World().Node(id).Up {
			labDo(t, s, view.Action{Do: "restart", Node: view.ID(id)})
		}
	}
	labWaitLeader(t, s, 3000)
	c := labPut(t, s, raft.None, "final", "1")
	require.True(t, labWaitCalls(s, []int{c}, 12_000), "a write commits once the faults stop")
	s.RunUntil(s.Now() + 11_000) // every client returns or gives up
	require.Zero(t, s.World().Outstanding())
}

// TestLabChurn (2C): random crashes, restarts and partitions under client
// load. No safety property breaks, the history is linearizable, and once
// the faults stop every node agrees.
func TestLabChurn(t *testing.T) {
	for _, seed := range []uint64{21, 22} {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			s := labSession(t, 5, int64(seed), func(st *view.Settings) { st.DropRate = 0.02 })
			r := labTestRng(seed)
			keys := []string{"a", "b", "c", "d", "e", "f", "g", "h"}
			faults := map[string]int{}
			nextFault := int64(500)
			for s.Now() < 15_000 {
				s.RunUntil(s.Now() + r.Int64N(60) + 10)
				w := s.World()
				if w.Outstanding() < 5 {
					labDo(t, s, labClientStep(r, keys))
				}
				if s.Now() < nextFault {
					continue
				}
				nextFault = s.Now() + r.Int64N(700) + 100
				var st view.Action
				switch roll := r.IntN(10); {
				case roll < 3 && countUp(w) > 3:
					st = view.Action{Do: "crash", Node: view.ID(pickNode(&rng{State: r.Uint64()}, w, true))}
				case roll < 6:
					st = view.Action{Do: "restart", Node: view.ID(pickNode(&rng{State: r.Uint64()}, w, false))}
				case roll < 8:
					st = view.Action{Do: "partition", Groups: randomGroups(&rng{State: r.Uint64()}, w)}
				default:
					st = view.Action{Do: "heal"}
				}
				if (st.Do == "crash" || st.Do == "restart") && st.Node == view.None || st.Do == "partition" && len(st.Groups[0])*len(st.Groups[1]) == 0 {
					continue
				}
				labDo(t, s, st)
				faults[st.Do]++
			}
			labSettle(t, s)
			w := s.World()
			done := 0
			for _, c := range w.History() {
				if c.Done {
					done++
				}
			}
			t.Logf("faults %v; %d leader changes; %d calls, %d returned", faults, w.Stats().LeaderChanges, len(w.History()), done)
			require.GreaterOrEqual(t, faults["crash"], 3)
			require.GreaterOrEqual(t, faults["partition"], 2)
			require.GreaterOrEqual(t, w.Stats().LeaderChanges, 2, "the faults moved leadership around")
			require.Greater(t, done, 50, "clients made progress through the faults")
			labRequireSameLogs(t, w, labAllIDs(5)...)
			labNoViolations(t, w)
		})
	}
}

// TestLabSnapshotCrashes (2D): with frequent snapshots, followers (and at
// times the leader) crash and restart around compaction, and one is cut
// off long enough to need an InstallSnapshot. The state machines converge.
func TestLabSnapshotCrashes(t *testing.T) {
	s := labSession(t, 3, 31, func(st *view.Settings) {
		st.SnapshotEvery = 5
		st.FsyncMs = 3
	})
	r := labTestRng(31)
	labWaitLeader(t, s, 1000)
	keys := []string{"a", "b", "c", "d"}
	crashes := 0
	for round := range 30 {
		w := s.World()
		leader, _ := w.Leader()
		victim := raft.ID(r.IntN(3) + 1)
		if victim == leader && round%4 != 0 {
			victim = victim%3 + 1 // mostly followers; every fourth round may hit the leader
		}
		cutOff := round%5 == 2
		if cutOff {
			labDo(t, s, view.Action{Do: "isolate", Node: view.ID(victim)})
		}
		for range r.IntN(8) + 6 {
			s.RunUntil(s.Now() + r.Int64N(25) + 1)
			if !cutOff && s.World().Node(victim).Up && r.IntN(6) == 0 {
				labDo(t, s, view.Action{Do: "crash", Node: view.ID(victim)})
				crashes++
			}
			labPut(t, s, raft.None, keys[r.IntN(len(keys))], fmt.Sprint(round))
		}
		s.RunUntil(s.Now() + r.Int64N(200))
		if cutOff {
			labDo(t, s, view.Action{Do: "heal"})
		}
		if !s.World().Node(victim).Up {
			labDo(t, s, view.Action{Do: "restart", Node: view.ID(victim)})
		}
		s.RunUntil(s.Now() + 300)
	}
	labSettle(t, s)
	w := s.World()
	installed := 0
	for _, e := range w.Trace() {
		if e.Type == view.EvSnapshot && e.Note == "installed" {
			installed++
		}
	}
	t.Logf("%d crashes, %d InstallSnapshot sent, %d installed; %d calls", crashes, w.Stats().MessagesSent[raft.MsgInstallSnapshot], installed, len(w.History()))
	require.GreaterOrEqual(t, crashes, 10)
	require.Positive(t, installed, "a follower needed a leader's snapshot")
	for _, id := range w.Nodes() {
		r := w.Node(id).Raft
		require.Greater(t, r.FirstIndex(), r.CommitIndex()-2*w.Settings().SnapshotEvery, "%s compacted its log", S(id))
		require.Equal(t, r.CommitIndex(), r.AppliedIndex())
	}
	labRequireSameLogs(t, w, 1, 2, 3)
	labNoViolations(t, w)
}

// TestLabResultSanity: the result document adds up: message counts by type
// name, elections and leader changes match what the trace shows.
func TestLabResultSanity(t *testing.T) {
	s := labSession(t, 5, 41, nil)
	l1 := labWaitLeader(t, s, 1000)
	labPut(t, s, raft.None, "a", "1")
	s.RunUntil(s.Now() + 500)
	labDo(t, s, view.Action{Do: "crash", Node: view.ID(l1)})
	s.RunUntil(s.Now() + 1500)
	labPut(t, s, raft.None, "a", "2")
	s.RunUntil(s.Now() + 1500)
	w := s.World()
	res := w.Result("sanity")

	require.Equal(t, "sanity", res.Name)
	require.Equal(t, int64(41), res.Seed)
	require.Equal(t, w.Now(), res.EndMs)
	require.Len(t, res.Nodes, 5)
	require.Equal(t, "down", res.Nodes[l1-1].Role)
	require.Len(t, res.History, 2)
	require.True(t, res.Linearizable)
	require.Equal(t, Linearizability("ok"), res.Verdict)
	require.Empty(t, res.Violations)
	require.True(t, res.OK())

	// Messages by type name, agreeing with the trace.
	require.Len(t, res.Stats.MessagesSent, len(raft.MessageTypes))
	byType := map[string]int{}
	delivered, dropped := 0, 0
	for _, e := range w.Trace() {
		if e.Flight == nil || e.Flight.Kind != view.FlightRaft {
			continue
		}
		switch e.Type {
		case view.EvSend:
			byType[e.Flight.Raft.Type.String()]++
		case view.EvDeliver:
			delivered++
		case view.EvDrop:
			dropped++
		}
	}
	for _, mt := range raft.MessageTypes {
		require.Equal(t, byType[mt.String()], res.Stats.MessagesSent[mt.String()], mt.String())
	}
	require.Positive(t, res.Stats.MessagesSent["PreVote"])
	require.Positive(t, res.Stats.MessagesSent["RequestVote"])
	require.Positive(t, res.Stats.MessagesSent["AppendEntries"])
	require.Zero(t, res.Stats.MessagesSent["InstallSnapshot"])
	require.Equal(t, delivered, res.Stats.MessagesDelivered)
	require.Equal(t, dropped, res.Stats.MessagesDropped)
	require.Positive(t, dropped, "messages to the crashed node were lost")

	// Two leaders (one per term), each after one election.
	leaders, candidacies := 0, 0
	for _, e := range w.Trace() {
		if e.Type == view.EvRole && e.Role == raft.Leader {
			leaders++
		}
		if e.Type == view.EvRole && e.Role == raft.Candidate {
			candidacies++
		}
	}
	require.Equal(t, 2, leaders)
	require.Equal(t, leaders, res.Stats.LeaderChanges)
	require.Equal(t, candidacies, res.Stats.Elections)
	require.GreaterOrEqual(t, res.Stats.Elections, res.Stats.LeaderChanges)
	require.LessOrEqual(t, res.Stats.Elections, 4, "no election storm")
	for _, n := range res.Nodes {
		if n.Up {
			require.Equal(t, map[string]string{"a": "2"}, n.KV, "S%d's state machine", n.ID)
			require.Equal(t, res.Nodes[l1%5].Log, n.Log, "S%d's log", n.ID)
		}
	}
}

// labWaitFor runs the session until cond holds, for at most withinMs, and
// reports whether it did.
func labWaitFor(s *Session, withinMs int64, cond func(w *World) bool) bool {
	end := s.Now() + withinMs
	for !cond(s.World()) {
		if s.Now() >= end {
			return false
		}
		s.RunUntil(s.Now() + 5)
	}
	return true
}

// TestLabRestartLeavingNode: a node whose removal has been asked for, but
// not yet committed (there is no leader), restarts and replays its log,
// which holds an older configuration without it (from before it joined).
// The restart must not bring the world down (it once dereferenced the
// node's Raft state after the replay had retired it), and the cluster goes
// on safely once it heals.
func TestLabRestartLeavingNode(t *testing.T) {
	s := labSession(t, 3, 51, nil)
	labWaitLeader(t, s, 1000)
	voter := func(id raft.ID) func(*World) bool {
		return func(w *World) bool {
			l, ok := w.Leader()
			return ok && w.Node(l).Raft.Membership().IsVoter(id)
		}
	}
	labDo(t, s, view.Action{Do: "addNode", Node: 5})
	require.True(t, labWaitFor(s, 3000, voter(5)), "S5 joined")
	labDo(t, s, view.Action{Do: "removeNode", Node: 5})
	require.True(t, labWaitFor(s, 3000, func(w *World) bool { return w.Node(5) == nil }), "S5 left")
	labDo(t, s, view.Action{Do: "addNode", Node: 4})
	require.True(t, labWaitFor(s, 3000, voter(4)), "S4 joined")
	s.RunUntil(s.Now() + 500)
	r4 := s.World().Node(4).Raft
	require.Equal(t, r4.CommitIndex(), r4.AppliedIndex())
	old := false
	for i := r4.FirstIndex(); i <= r4.LastIndex(); i++ {
		if e, _ := r4.EntryAt(i); e.Kind == raft.EntryConfig {
			m, err := raft.UnmarshalMembership(e.Data)
			require.NoError(t, err)
			old = old || !m.Contains(4)
		}
	}
	require.True(t, old, "S4's log holds a configuration without S4 (S5's removal)")

	labDo(t, s, view.Action{Do: "crash", Node: 4})
	labDo(t, s, view.Action{Do: "partition", Groups: [][]view.ID{{1}, {2}, {3}, {4}}})
	require.True(t, labWaitFor(s, 2000, func(w *World) bool { _, ok := w.Leader(); return !ok }), "no leader")
	labDo(t, s, view.Action{Do: "removeNode", Node: 4})
	labDo(t, s, view.Action{Do: "restart", Node: 4})

	labDo(t, s, view.Action{Do: "heal"})
	labWaitLeader(t, s, 3000)
	c := labPut(t, s, raft.None, "k", "v")
	require.True(t, labWaitCalls(s, []int{c}, 3000), "the cluster goes on")
	s.RunUntil(s.Now() + 500)
	labRequireSameLogs(t, s.World(), 1, 2, 3)
	labNoViolations(t, s.World())
}

// viewGroups are groups of servers as a partition action names them.
func viewGroups(groups ...[]raft.ID) [][]view.ID {
	out := make([][]view.ID, len(groups))
	for i, g := range groups {
		out[i] = idsView(g)
	}
	return out
}
