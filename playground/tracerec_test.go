package playground

import (
	"encoding/json"
	"reflect"
	"testing"
	"unsafe"

	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
	"github.com/stretchr/testify/require"
)

// TestTraceKeepsEveryField: whatever an event holds, the trace gives it
// back as it was emitted, the fields a record keeps aside (and node IDs too
// wide for it) included.
func TestTraceKeepsEveryField(t *testing.T) {
	w, err := New(view.DefaultSettings())
	require.NoError(t, err)
	// The trace names flights in the world's store.
	f := &Flight{Client: 3, From: 2, To: 4, SendAt: 1, DeliverAt: 12, Raft: raft.Message{Type: raft.MsgAppendEntries, From: 2, To: 4, Term: 3, Index: 4, LogTerm: 2, Commit: 1, Seq: 9}}
	for w.flights.n < 6 {
		w.flights.add(&Flight{})
	}
	f.ID = w.flights.add(f)
	for _, e := range []Event{
		{Type: view.EvSend, Node: 2, Peer: 4, Msg: 7, Client: 3, Flight: f},
		{Type: view.EvDeliver, Node: 4, Peer: 2, Msg: 7, Client: 3, Flight: f},
		{Type: view.EvDrop, Node: 2, Peer: 4, Msg: 9, Client: 1, Flight: f},
		{Type: view.EvSend, Node: 2, Peer: 4, Msg: 7, Client: 3, Flight: f, Term: 5},
		{Type: view.EvNote, Node: 2, Msg: 7, Client: 3, Flight: f, Term: 6, Index: 2, Note: "about a flight"},
		{Type: view.EvAppend, Node: 1, Index: 5, Index2: 5, Term: 2, Entry: []byte("x"), Kind: raft.EntryConfig},
		{Type: view.EvRole, Node: 3, Peer: 1, Role: raft.Leader, Term: 9, Note: " (why)"},
		{Type: view.EvNote, Node: 70_000, Peer: 1 << 40, Note: "wide"},
		{Type: view.EvCommit, Node: 2, Index: 8, Term: 2},
		{Type: view.EvRead, Read: ReadAnswered, Node: 1, Term: 2, Index: 4, Index2: 5},
		{Type: view.EvRead, Read: ReadConfirmed, Node: 1, Term: 2},
	} {
		w.now++
		e.AtMs = w.now
		w.emit(e)
		require.Equal(t, e, w.EventAt(w.TraceLen()-1))
		require.Equal(t, e.Type, w.EventTypeAt(w.TraceLen()-1))
	}
	w.now++
	w.emitFlight(view.EvDeliver, f)
	require.Equal(t, Event{AtMs: w.now, Type: view.EvDeliver, Node: 4, Peer: 2, Msg: 7, Client: 3, Flight: f}, w.EventAt(w.TraceLen()-1))
	w.emitNode(view.EvFsync, 5, raft.Follower, 0, 123)
	require.Equal(t, Event{AtMs: w.now, Type: view.EvFsync, Node: 5, Index: 123}, w.EventAt(w.TraceLen()-1))

	// A flight lost after it was sent (its receiver went down): the drop
	// shows it lost and why, the send as it was sent. The world then reuses
	// the Flight itself; the trace does not mind.
	sent := w.TraceLen()
	w.emitFlight(view.EvSend, f)
	f.Lost, f.lostWhy = true, lostReceiverDown
	w.emitFlight(view.EvDrop, f)
	lost := *f
	w.freeFlight(f)
	require.Equal(t, &lost, w.EventAt(w.TraceLen()-1).Flight)
	require.Equal(t, "S4 is down", w.EventAt(w.TraceLen()-1).Flight.LostWhy())
	require.False(t, w.EventAt(sent).Flight.Lost)
	require.Equal(t, uint64(3), w.EventAt(sent).Flight.Raft.Term)
}

// ledWorld is a default world run until it has elected its leader.
func ledWorld(t *testing.T) (*World, raft.ID) {
	t.Helper()
	w, err := New(view.DefaultSettings())
	require.NoError(t, err)
	w.RunUntil(1000)
	leader, ok := w.Leader()
	require.True(t, ok)
	return w, leader
}

// TestClientNotesAreWrittenWhenRead: a client event's note is written from
// its call when the event is read, and says what it said when the call was
// made and answered.
func TestClientNotesAreWrittenWhenRead(t *testing.T) {
	w, leader := ledWorld(t)
	i := w.Submit(view.Command{Op: view.OpPut, Key: "k", Value: "v"}, leader, view.ReadIndexRead)
	w.RunUntil(1500)
	require.True(t, w.History()[i].Done)
	var notes []string
	for _, e := range w.Trace() {
		if e.Type == view.EvClientCall || e.Type == view.EvClientReturn {
			require.Equal(t, 1, e.Client)
			require.Zero(t, e.Index)
			notes = append(notes, e.Note)
		}
	}
	require.Equal(t, []string{
		"client 1 asked " + S(leader) + " to put k=v",
		"client 1 got “ok” for put k=v",
	}, notes)
}

// TestTraceRecordsArePointerFree: trace and flight records stay small and
// hold no pointers, so that the garbage collector never scans them.
func TestTraceRecordsArePointerFree(t *testing.T) {
	require.EqualValues(t, 32, unsafe.Sizeof(traceRec{}))
	require.EqualValues(t, 72, unsafe.Sizeof(flightRec{}))
	for _, typ := range []reflect.Type{reflect.TypeFor[traceRec](), reflect.TypeFor[flightRec]()} {
		for i := range typ.NumField() {
			f := typ.Field(i)
			require.LessOrEqual(t, f.Type.Kind(), reflect.Uint64, "%s field %s is a %s", typ, f.Name, f.Type)
		}
	}
}

// TestDiscardedTraceChangesNothingElse: a run that discards its trace
// counts the same events and ends with the same result (nodes, history,
// expectations, violations, stats) as one that keeps it, for every bundled
// scenario and through a session's seeks; it keeps no events and no
// flight records.
func TestDiscardedTraceChangesNothingElse(t *testing.T) {
	run := func(sc *view.Scenario, discard bool) (*World, []byte) {
		w, err := NewWorld(sc)
		require.NoError(t, err)
		s := NewSession(w, sc.Actions)
		if discard {
			s.DiscardTrace()
		}
		s.RunUntil(sc.Until / 2)
		s.SeekTo(sc.Until / 3)
		s.RunUntil(sc.Until)
		res, err := json.Marshal(s.World().Result(sc.Name))
		require.NoError(t, err)
		return s.World(), res
	}
	for _, name := range append(BundledScenarios(), "busy") {
		sc, err := LoadBundled(name)
		if name == "busy" {
			sc = busyScenario(t)
		} else {
			require.NoError(t, err)
		}
		kept, want := run(sc, false)
		gone, got := run(sc, true)
		require.JSONEq(t, string(want), string(got), name)
		require.Equal(t, kept.TraceLen(), gone.TraceLen(), name)
		require.Equal(t, gone.TraceLen(), gone.TraceStart(), "%s: events were kept", name)
		require.Empty(t, gone.trace.chunks, name)
		require.Empty(t, gone.flights.blocks, name)
		require.Equal(t, kept.flights.n, gone.flights.n, name)
	}
}
