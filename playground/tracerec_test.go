package playground

import (
	"reflect"
	"testing"
	"unsafe"

	"github.com/raftlab/raftlab/raft"
	"github.com/stretchr/testify/require"
)

// TestTraceKeepsEveryField: whatever an event holds, the trace gives it
// back as it was emitted, the fields a record keeps aside (and node IDs too
// wide for it) included.
func TestTraceKeepsEveryField(t *testing.T) {
	w, err := New(DefaultSettings())
	require.NoError(t, err)
	f := w.newFlight() // the trace names flights in the world's store
	f.ID, f.Client, f.From, f.To = 7, 3, 2, 4
	for _, e := range []Event{
		{Type: EvSend, Node: 2, Peer: 4, Msg: 7, Client: 3, Flight: f},
		{Type: EvDeliver, Node: 4, Peer: 2, Msg: 7, Client: 3, Flight: f},
		{Type: EvDrop, Node: 2, Peer: 4, Msg: 9, Client: 1, Flight: f},
		{Type: EvAppend, Node: 1, Index: 5, Index2: 5, Term: 2, Entry: []byte("x"), Kind: raft.EntryConfig},
		{Type: EvRole, Node: 3, Peer: 1, Role: raft.Leader, Term: 9, Note: " (why)"},
		{Type: EvNote, Node: 70_000, Peer: 1 << 40, Note: "wide"},
		{Type: EvCommit, Node: 2, Index: 8, Term: 2},
	} {
		w.now++
		e.AtMs = w.now
		w.emit(e)
		require.Equal(t, e, w.EventAt(w.TraceLen()-1))
	}
	w.now++
	w.emitFlight(EvDeliver, f)
	require.Equal(t, Event{AtMs: w.now, Type: EvDeliver, Node: 4, Peer: 2, Msg: 7, Client: 3, Flight: f}, w.EventAt(w.TraceLen()-1))
	w.emitNode(EvFsync, 5, 0, 123)
	require.Equal(t, Event{AtMs: w.now, Type: EvFsync, Node: 5, Index: 123}, w.EventAt(w.TraceLen()-1))
}

// TestClientNotesAreWrittenWhenRead: a client event's note is written from
// its call when the event is read, and says what it said when the call was
// made and answered.
func TestClientNotesAreWrittenWhenRead(t *testing.T) {
	w, err := New(DefaultSettings())
	require.NoError(t, err)
	w.RunUntil(1000)
	leader, ok := w.Leader()
	require.True(t, ok)
	i := w.Submit(Command{Op: OpPut, Key: "k", Value: "v"}, leader, ReadIndexRead)
	w.RunUntil(1500)
	require.True(t, w.History()[i].Done)
	var notes []string
	for _, e := range w.Trace() {
		if e.Type == EvClientCall || e.Type == EvClientReturn {
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

// TestTraceRecordsArePointerFree: a trace record stays small and holds no
// pointers, so that the garbage collector never scans the trace.
func TestTraceRecordsArePointerFree(t *testing.T) {
	require.EqualValues(t, 40, unsafe.Sizeof(traceRec{}))
	typ := reflect.TypeFor[traceRec]()
	for i := range typ.NumField() {
		f := typ.Field(i)
		require.LessOrEqual(t, f.Type.Kind(), reflect.Uint64, "field %s is a %s", f.Name, f.Type)
	}
}
