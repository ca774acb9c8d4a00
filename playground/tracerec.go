package playground

import (
	"fmt"

	"github.com/raftlab/raftlab/raft"
)

// traceRec is how the trace stores an Event: a run writes a few thousand
// events per virtual second, most of them message sends and deliveries, so
// the record keeps only what most events use, in 48 bytes to Event's 136.
// A message event's Msg and Client are those of its Flight; the fields few
// events use are kept aside in more. A client event keeps the history index
// of its call in index and writes its Note only when it is read (see
// clientNote), so that a run does not format a sentence per call that
// nobody may ever read.
type traceRec struct {
	at     int64
	term   uint64
	index  uint64
	flight *Flight
	more   *eventMore
	// node and peer are the event's, unless they do not fit (then they
	// are in more).
	node, peer uint16
	typ        EventType
	role       raft.Role
	client     clientNote
}

// eventMore holds the fields of an Event that few events use.
type eventMore struct {
	// wide is set when Node and Peer did not fit the record.
	wide       bool
	node, peer raft.ID
	index2     uint64
	msg        uint64
	client     int
	note       string
	entry      []byte
	kind       raft.EntryKind
}

// clientNote says which sentence a client event's Note is.
type clientNote uint8

const (
	noClientNote clientNote = iota
	noteCall                // the client asked a node
	noteReturn              // the client got its answer
	noteGaveUp              // the client gave up
)

// moreBlockSize is how many eventMores newMore allocates at a time.
const moreBlockSize = 64

// newMore returns a new zero eventMore. Every append on every node keeps
// one (for its entry) as long as the trace, so they are allocated in
// blocks, as flights are; a world's clone starts a block of its own.
func (w *World) newMore() *eventMore {
	if len(w.moreBlock) == 0 {
		w.moreBlock = make([]eventMore, moreBlockSize)
	}
	m := &w.moreBlock[0]
	w.moreBlock = w.moreBlock[1:]
	return m
}

// pack stores e in the zero record r.
func (w *World) pack(r *traceRec, e *Event) {
	r.at, r.term, r.index, r.flight, r.typ, r.role = e.AtMs, e.Term, e.Index, e.Flight, e.Type, e.Role
	var msg uint64
	var client int
	if f := e.Flight; f != nil {
		msg, client = f.ID, f.Client
	}
	wide := e.Node > 0xffff || e.Peer > 0xffff
	if !wide {
		r.node, r.peer = uint16(e.Node), uint16(e.Peer)
	}
	if wide || e.Index2 != 0 || e.Msg != msg || e.Client != client || e.Note != "" || e.Entry != nil || e.Kind != 0 {
		r.more = w.newMore()
		*r.more = eventMore{index2: e.Index2, msg: e.Msg, client: e.Client, note: e.Note, entry: e.Entry, kind: e.Kind}
		if wide {
			r.more.wide, r.more.node, r.more.peer = true, e.Node, e.Peer
		}
	}
}

// event rebuilds the Event r stores.
func (w *World) event(r *traceRec) Event {
	e := Event{AtMs: r.at, Type: r.typ, Node: raft.ID(r.node), Peer: raft.ID(r.peer), Term: r.term, Index: r.index, Role: r.role, Flight: r.flight}
	if f := r.flight; f != nil {
		e.Msg, e.Client = f.ID, f.Client
	}
	if m := r.more; m != nil {
		e.Index2, e.Msg, e.Client, e.Note, e.Entry, e.Kind = m.index2, m.msg, m.client, m.note, m.entry, m.kind
		if m.wide {
			e.Node, e.Peer = m.node, m.peer
		}
	}
	if r.client != noClientNote {
		call := w.history.get(int(r.index))
		e.Index, e.Client = 0, call.Client
		e.Note = r.client.text(call, e.Peer)
	}
	return e
}

// emitFlight appends a message event about f: its sender and receiver are
// the event's Node and Peer, the other way round for a delivery. (Message
// events are most of the trace: this skips packing an Event.)
func (w *World) emitFlight(t EventType, f *Flight) {
	node, peer := f.From, f.To
	if t == EvDeliver {
		node, peer = f.To, f.From
	}
	if node > 0xffff || peer > 0xffff {
		w.emit(Event{Type: t, Node: node, Peer: peer, Msg: f.ID, Flight: f, Client: f.Client})
		return
	}
	r := w.trace.add()
	r.at, r.typ, r.node, r.peer, r.flight = w.now, t, uint16(node), uint16(peer), f
}

// emitNode appends an event that has only a node, a term and an index, the
// commonest kind after message events (commit, apply, fsync).
func (w *World) emitNode(t EventType, node raft.ID, term, index uint64) {
	if node > 0xffff {
		w.emit(Event{Type: t, Node: node, Term: term, Index: index})
		return
	}
	r := w.trace.add()
	r.at, r.typ, r.node, r.term, r.index = w.now, t, uint16(node), term, index
}

// emitClient appends a client event about call i (to or from node peer),
// whose Note is written when the event is read.
func (w *World) emitClient(t EventType, note clientNote, i int, peer raft.ID) {
	r := w.trace.add()
	r.at, r.typ, r.index, r.peer, r.client = w.now, t, uint64(i), uint16(peer), note
}

// text is the note of a client event about call, to or from node peer.
func (n clientNote) text(call *Call, peer raft.ID) string {
	switch n {
	case noteCall:
		return fmt.Sprintf("client %d asked %s to %s", call.Client, S(peer), call.Cmd.String())
	case noteReturn:
		return fmt.Sprintf("client %d got %s for %s", call.Client, describeResult(call.Cmd.Op, call.Result), call.Cmd.String())
	case noteGaveUp:
		return fmt.Sprintf("client %d gave up on %s after %d attempts; its outcome is unknown", call.Client, call.Cmd.String(), call.Attempts)
	}
	return ""
}
