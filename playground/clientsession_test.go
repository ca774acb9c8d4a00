package playground

import (
	"fmt"
	"strings"
	"testing"

	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// lostReplyWorld has the leader commit put y=2 and the reply to its client
// dropped: the client times out and retries, and the retry commits too.
func lostReplyWorld(t *testing.T, sessions bool) (*World, raft.ID) {
	t.Helper()
	s := view.DefaultSettings()
	s.ClientSessions = sessions
	w, err := New(s)
	require.NoError(t, err)
	w.RunUntil(1000)
	leader, ok := w.Leader()
	require.True(t, ok)
	call := w.Submit(view.Command{Op: view.OpPut, Key: "y", Value: "2"}, leader, view.ReadIndexRead)
	dropped := false
	for !dropped && w.Now() < 2000 {
		w.RunUntil(w.Now() + 1)
		for _, f := range w.InFlight() {
			if f.Kind == view.FlightReply && !f.Reply.Redirect {
				require.NoError(t, w.DropMessage(f.ID))
				dropped = true
			}
		}
	}
	require.True(t, dropped, "no reply went out")
	w.RunUntil(w.Now() + 3000)
	c := w.History()[call]
	require.True(t, c.Done && c.Result.OK, "the retry was answered: %+v", c)
	// (The first retry goes to the next server, which redirects it.)
	require.Equal(t, 3, c.Attempts)
	return w, leader
}

// traceSays lists the trace's sentences that contain want.
func traceSays(w *World, want string) []string {
	var out []string
	for _, e := range w.Trace() {
		if strings.Contains(e.Text(), want) {
			out = append(out, e.Text())
		}
	}
	return out
}

// TestClientSessionsApplyARetryOnce: a write whose reply was lost is
// retried; with client sessions every store applies it once (version 1),
// without them, as in etcd, twice (version 2). The trace tells the retry,
// and the duplicate or its skipping, once.
func TestClientSessionsApplyARetryOnce(t *testing.T) {
	for _, sessions := range []bool{true, false} {
		t.Run(fmt.Sprint("sessions=", sessions), func(t *testing.T) {
			w, leader := lostReplyWorld(t, sessions)
			want := int64(1)
			if !sessions {
				want = 2
			}
			for _, id := range w.Nodes() {
				kv, ok := w.Node(id).KV.Get("y")
				require.True(t, ok)
				assert.Equal(t, want, kv.Version, "S%d's version of y", id)
				assert.Equal(t, "2", kv.Value)
			}
			assert.Equal(t, []string{
				fmt.Sprintf("client 1 retried put y=2 (attempt 2) at %s: %s did not answer in time", S(leader%5+1), S(leader)),
				fmt.Sprintf("%s is not the leader: it redirected client 1 to %s. Client 1 retried put y=2 at %s (attempt 3)", S(leader%5+1), S(leader), S(leader)),
			}, traceSays(w, "retried"))
			dup, skip := traceSays(w, "from client 1 again: a duplicate"), traceSays(w, "from client 1: its client session shows it was applied before")
			st := w.ClientStats()
			assert.Equal(t, ClientStats{Retries: 2, Timeouts: 1, Redirects: 1, Duplicates: st.Duplicates}, st)
			if sessions {
				assert.Empty(t, dup)
				assert.Len(t, skip, 1)
				assert.Zero(t, st.Duplicates)
			} else {
				assert.Len(t, dup, 1)
				assert.Empty(t, skip)
				assert.Equal(t, 1, st.Duplicates)
			}
		})
	}
}

// TestRetrySaysWhy: a write sent to a follower is redirected, and the
// client's second attempt says so.
func TestRetrySaysWhy(t *testing.T) {
	w, leader := ledWorld(t)
	follower := leader%3 + 1
	w.Submit(view.Command{Op: view.OpPut, Key: "k", Value: "v"}, follower, view.ReadIndexRead)
	w.RunUntil(w.Now() + 500)
	want := fmt.Sprintf("%s is not the leader: it redirected client 1 to %s. Client 1 retried put k=v at %s (attempt 2)", S(follower), S(leader), S(leader))
	assert.Equal(t, []string{want}, traceSays(w, "retried"))
	assert.Equal(t, ClientStats{Retries: 1, Redirects: 1}, w.ClientStats())
}

// TestClientCallSaysWhyThatServer: a request sent to "the leader" says
// whether the client knew none (and asked a server in turn) or asked the
// one it believed led; a request sent to a chosen server just names it.
func TestClientCallSaysWhyThatServer(t *testing.T) {
	w, leader := ledWorld(t)
	first := raft.ID(1)
	require.NotEqual(t, first, leader, "the default run elects another server than S1")
	w.Submit(view.Command{Op: view.OpPut, Key: "x", Value: "1"}, raft.None, view.ReadIndexRead)
	w.RunUntil(w.Now() + 500)
	w.Submit(view.Command{Op: view.OpPut, Key: "x", Value: "2"}, raft.None, view.ReadIndexRead)
	w.RunUntil(w.Now() + 500)
	w.Submit(view.Command{Op: view.OpPut, Key: "x", Value: "3"}, first, view.ReadIndexRead)
	w.RunUntil(w.Now() + 500)
	assert.Equal(t, []string{
		"client 1 did not know the leader and asked S1 to put x=1",
		fmt.Sprintf("client 1 thought %s was the leader and asked it to put x=2", S(leader)),
		"client 1 asked S1 to put x=3",
	}, clientNotes(w, "asked"))
	assert.Equal(t, []string{
		fmt.Sprintf("S1 is not the leader: it redirected client 1 to %s. Client 1 retried put x=1 at %s (attempt 2)", S(leader), S(leader)),
		fmt.Sprintf("S1 is not the leader: it redirected client 1 to %s. Client 1 retried put x=3 at %s (attempt 2)", S(leader), S(leader)),
	}, clientNotes(w, "redirected"))
}

// clientNotes lists the notes of the client events that contain want.
func clientNotes(w *World, want string) []string {
	var out []string
	for _, e := range w.Trace() {
		if (e.Type == view.EvClientCall || e.Type == view.EvClientReturn) && strings.Contains(e.Note, want) {
			out = append(out, e.Note)
		}
	}
	return out
}

// TestScenarioClientSessions: features.clientSessions is read, written
// and checked.
func TestScenarioClientSessions(t *testing.T) {
	sc, err := ParseScenario([]byte(`{"name": "s", "nodes": 3}`))
	require.NoError(t, err)
	assert.True(t, sc.Settings.ClientSessions, "on by default")
	sc, err = ParseScenario([]byte(`{"name": "s", "nodes": 3, "features": {"clientSessions": false}}`))
	require.NoError(t, err)
	assert.False(t, sc.Settings.ClientSessions)
	data, err := MarshalScenario(sc)
	require.NoError(t, err)
	back, err := ParseScenario(data)
	require.NoError(t, err)
	assert.False(t, back.Settings.ClientSessions)
	_, err = ParseScenario([]byte(`{"name": "s", "nodes": 3, "features": {"clientSessions": "no"}}`))
	require.EqualError(t, err, `field "features.clientSessions": expected true or false, got string`)
}
