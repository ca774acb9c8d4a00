package playground

import (
	"encoding/json"
	"testing"

	"github.com/raftlab/raftlab/playground/view"
	"github.com/stretchr/testify/require"
)

// TestHistoryCopyOnWrite: a clone and its original share the history until
// one changes a call; then neither sees the other's change.
func TestHistoryCopyOnWrite(t *testing.T) {
	h := newHistoryLog()
	for i := range 800 {
		h.add(view.Call{Client: i})
	}
	c := h.clone()
	done := h.get(5)
	done.Done = true
	h.set(5, done)
	retried := c.get(300)
	retried.Attempts = 7
	c.set(300, retried)
	c.add(view.Call{Client: 999})
	require.True(t, h.get(5).Done)
	require.False(t, c.get(5).Done, "the clone does not see the original's change")
	require.Equal(t, 7, c.get(300).Attempts)
	require.Zero(t, h.get(300).Attempts, "the original does not see the clone's change")
	require.Equal(t, 800, h.n)
	require.Equal(t, 801, c.n)
	idle := 600 / callChunkSize // no change touches call 600's chunk
	require.Same(t, h.chunks[idle], c.chunks[idle], "an unchanged chunk stays shared")
	require.NotSame(t, h.chunks[300/callChunkSize], c.chunks[300/callChunkSize], "a changed one was copied")
}

// TestHistoryKeepsEveryField: a call comes back from the compact history
// as it went in, every field of it, and again after a change.
func TestHistoryKeepsEveryField(t *testing.T) {
	h := newHistoryLog()
	call := view.Call{
		Client: 3, Cmd: view.Command{Client: 4, Seq: 5, Op: view.OpCAS, Key: "k", Value: "new", From: "old"},
		Read: view.LeaseRead, Node: 2, CallMs: 7, ReturnMs: 11, Done: true,
		Result: view.Result{OK: true, Found: true, Value: "seen", Revision: 13}, Attempts: 17,
		Applied: true, Effect: view.Result{OK: true, Found: true, Value: "had", Revision: 19},
	}
	h.add(view.Call{ReturnMs: -1})
	i := h.add(call)
	require.Equal(t, call, h.get(i))
	require.Equal(t, view.Call{ReturnMs: -1}, h.get(0))
	call.Result.Value, call.Effect = "", view.Result{}
	h.set(i, call)
	require.Equal(t, call, h.get(i))
	require.Equal(t, []view.Call{{ReturnMs: -1}, call}, h.all())

	// The first server to apply a write says what it did; later ones not.
	first := view.Result{OK: true, Found: true, Value: "was", Revision: 23}
	h.applied(0, first)
	h.applied(0, view.Result{Value: "other", Revision: 29})
	want := view.Call{ReturnMs: -1, Applied: true, Effect: first}
	require.Equal(t, want, h.get(0))
}

// TestTraceWindowBoundsAndSeeks: with a window the trace keeps only the
// newest events, checkpoints keep none, and a seek still gives the same
// world, with the events that led up to the moment sought.
func TestTraceWindowBoundsAndSeeks(t *testing.T) {
	sc := busyScenario(t)
	w, err := NewWorld(sc)
	require.NoError(t, err)
	s := NewSession(w, sc.Actions)
	s.SetTraceWindow(1500)
	s.RunUntil(3900)
	require.Greater(t, s.World().TraceStart(), 0, "old events were dropped")
	require.LessOrEqual(t, s.World().TraceLen()-s.World().TraceStart(), 1500+traceChunk)
	for _, cp := range s.checkpoints {
		require.Empty(t, cp.world.trace.chunks, "checkpoints keep no trace")
	}
	state := func() string {
		b, err := json.Marshal(s.World().State("x"))
		require.NoError(t, err)
		return string(b)
	}
	want := state()
	last := s.World().EventAt(s.World().TraceLen() - 1)
	s.SeekTo(1200)
	s.SeekTo(3900)
	require.Equal(t, want, state())
	require.Equal(t, last, s.World().EventAt(s.World().TraceLen()-1), "the replay writes the same events")
	s.SeekTo(2500)
	first := s.World().EventAt(s.World().TraceStart())
	require.LessOrEqual(t, first.AtMs, int64(2500-traceContextMs+firstCheckpointInterval), "the feed has the events leading up to the moment")
}
