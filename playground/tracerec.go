// The packed trace record: how the trace stores one Event (traceRec, 32
// bytes and no pointers) and rebuilds it, and the fast paths that record the
// commonest events without building an Event. The fields few events use are
// kept aside in an eventMore. A world allocates eventMores in blocks of
// moreBlockSize; each is kept as long as the trace chunk that points to it.

package playground

import (
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
)

// traceRec is how the trace stores an Event: a run writes a few thousand
// events per virtual second, most of them message sends and deliveries, so
// the record keeps only what most events use, in 32 bytes to Event's 136.
// It holds no pointers, so that the garbage collector does not scan the
// trace: a message event names its Flight by ID in the world's flightStore
// (its Msg and Client are the flight's), in the place of the term, which
// message events do not have; and the fields few events use are kept
// aside, in an eventMore its chunk points to. A client event keeps the
// history index of its call in index and writes its Note only when it is
// read (see clientNote), so that a run does not format a sentence per call
// that nobody may ever read.
type traceRec struct {
	at int64
	// term is the event's term, or a message event's flight (0: none).
	term  uint64
	index uint64
	// node and peer are the event's, unless they do not fit (then they
	// are in more): node IDs are at most MaxNodes, and a byte each keeps
	// the record at 32 bytes.
	node, peer uint8
	more       uint16 // 0: none; else 1 + its place in the chunk's more
	typ        view.EventType
	role       raft.Role
	client     clientNote
	// lost is why the flight named was lost, when it was: a flight can be
	// lost after it was sent and recorded (its receiver went down, a link
	// was cut, or somebody dropped it by hand).
	lost lossCause
}

// maxPackedID is the largest node ID a traceRec holds itself.
const maxPackedID = 0xff

// eventMore holds the fields of an Event that few events use.
type eventMore struct {
	// wide is set when Node and Peer did not fit the record.
	wide       bool
	node, peer raft.ID
	// term is a message event's term, flight the flight of an event of
	// another type (neither has happened yet: the record has one place
	// for both).
	term, flight uint64
	index2       uint64
	msg          uint64
	client       int
	note         string
	key          string
	args         []any
	entry        []byte
	kind         raft.EntryKind
	read         ReadStage
}

// clientNote says which sentence a client event's Note is.
type clientNote uint8

const (
	noClientNote clientNote = iota
	noteCall                // the client asked the node the learner chose
	// The client asked the node it believed led, or, knowing no leader,
	// the next node in turn.
	noteCallGuess
	noteCallNoLeader
	noteReturn // the client got its answer
	noteGaveUp // the client gave up
	// The client retried: its last attempt timed out, was redirected to
	// the leader, found no leader, or was refused.
	noteRetryTimeout
	noteRetryRedirect
	noteRetryNoLeader
	noteRetryRefused
)

// moreBlockSize is how many eventMores newMore allocates at a time.
const moreBlockSize = 64

// newMore returns a new zero eventMore. Every append on every node keeps
// one (for its entry) as long as the trace, so they are allocated in
// blocks, as flight records are; a world's clone starts a block of its own.
func (w *World) newMore() *eventMore {
	if len(w.moreBlock) == 0 {
		w.moreBlock = make([]eventMore, moreBlockSize)
	}
	m := &w.moreBlock[0]
	w.moreBlock = w.moreBlock[1:]
	return m
}

// isMessage reports whether events of type t are about a flight, which
// their record names in the place of the term.
func isMessage(t view.EventType) bool { return t >= view.EvSend && t <= view.EvDuplicate }

// flight returns the flight r names (0: none, or kept aside).
func (r *traceRec) flight() uint64 {
	if isMessage(r.typ) {
		return r.term
	}
	return 0
}

// pack stores e in the zero record r.
func (w *World) pack(r *traceRec, e *Event) {
	r.at, r.index, r.typ, r.role = e.AtMs, e.Index, e.Type, e.Role
	var msg, term, flight uint64
	var client int
	if f := e.Flight; f != nil {
		msg, client = f.ID, f.Client
		r.lost = f.lostWhy
		w.trace.names(f.ID)
	}
	switch {
	case isMessage(e.Type):
		r.term, term = msg, e.Term
	case e.Flight != nil:
		r.term, flight = e.Term, msg
	default:
		r.term = e.Term
	}
	wide := e.Node > maxPackedID || e.Peer > maxPackedID
	if !wide {
		r.node, r.peer = uint8(e.Node), uint8(e.Peer)
	}
	if wide || term != 0 || flight != 0 || e.Index2 != 0 || e.Msg != msg || e.Client != client || e.Note != "" || e.Key != "" || e.Entry != nil || e.Kind != 0 || e.Read != 0 {
		m := w.newMore()
		*m = eventMore{term: term, flight: flight, index2: e.Index2, msg: e.Msg, client: e.Client, note: e.Note, key: e.Key, args: e.Args, entry: e.Entry, kind: e.Kind, read: e.Read}
		if wide {
			m.wide, m.node, m.peer = true, e.Node, e.Peer
		}
		r.more = w.trace.addMore(m)
	}
}

// event rebuilds the Event r, a record of chunk c, stores.
func (w *World) event(c *tracePart, r *traceRec) Event {
	e := Event{AtMs: r.at, Type: r.typ, Node: raft.ID(r.node), Peer: raft.ID(r.peer), Index: r.index, Role: r.role}
	flight := r.flight()
	if flight == 0 {
		e.Term = r.term
	}
	var m *eventMore
	if r.more != 0 {
		m = c.more[r.more-1]
		if m.flight != 0 {
			flight = m.flight
		}
		if m.term != 0 {
			e.Term = m.term
		}
	}
	if flight != 0 {
		f := w.flights.flight(flight)
		if r.lost != notLost {
			f.Lost, f.lostWhy = true, r.lost
		}
		e.Flight, e.Msg, e.Client = f, f.ID, f.Client
	}
	if m != nil {
		e.Index2, e.Msg, e.Client, e.Note, e.Key, e.Args, e.Entry, e.Kind, e.Read = m.index2, m.msg, m.client, m.note, m.key, m.args, m.entry, m.kind, m.read
		if m.wide {
			e.Node, e.Peer = m.node, m.peer
		}
	}
	if r.client != noClientNote {
		call := w.history.get(int(r.index))
		e.Key, e.Args = r.client.sentence(&call, e.Node, e.Peer, e.Term)
		e.Retry = r.client.retry()
		e.Note = e.say(i18n.English)
		e.Index, e.Client, e.Term = 0, call.Client, 0
	}
	return e
}

// emitFlight appends a message event about f: its sender and receiver are
// the event's Node and Peer, the other way round for a delivery. (Message
// events are most of the trace: this skips packing an Event.)
func (w *World) emitFlight(t view.EventType, f *Flight) {
	if w.trace.discard() {
		return
	}
	node, peer := f.From, f.To
	if t == view.EvDeliver {
		node, peer = f.To, f.From
	}
	if node > maxPackedID || peer > maxPackedID {
		w.emit(Event{Type: t, Node: node, Peer: peer, Msg: f.ID, Flight: f, Client: f.Client})
		return
	}
	r := w.trace.add()
	r.at, r.typ, r.node, r.peer, r.term, r.lost = w.now, t, uint8(node), uint8(peer), f.ID, f.lostWhy
	w.trace.names(f.ID)
}

// emitNode appends an event that has only a node, its role, a term and an
// index, the commonest kind after message events (commit, apply, fsync).
func (w *World) emitNode(t view.EventType, node raft.ID, role raft.Role, term, index uint64) {
	if w.trace.discard() {
		return
	}
	if node > maxPackedID {
		w.emit(Event{Type: t, Node: node, Role: role, Term: term, Index: index})
		return
	}
	r := w.trace.add()
	r.at, r.typ, r.node, r.role, r.term, r.index = w.now, t, uint8(node), role, term, index
}

// emitClient appends a client event about call i (to or from node peer,
// an ID of at most MaxNodes), whose Note is written when the event is read.
func (w *World) emitClient(t view.EventType, note clientNote, i int, peer raft.ID) {
	if w.trace.discard() {
		return
	}
	r := w.trace.add()
	r.at, r.typ, r.index, r.peer, r.client = w.now, t, uint64(i), uint8(peer), note
}

// emitRetry appends the client event of attempt number attempt of call i,
// a retry at node to, after the last attempt failed at node from as why
// says. (The record keeps the attempt in the place of the term.)
func (w *World) emitRetry(why clientNote, i int, from, to raft.ID, attempt int) {
	if w.trace.discard() {
		return
	}
	r := w.trace.add()
	r.at, r.typ, r.index, r.node, r.peer, r.term, r.client = w.now, view.EvClientCall, uint64(i), uint8(from), uint8(to), uint64(attempt), why
}

// retry is why a client event's call was sent again, if it was.
func (n clientNote) retry() view.Retry {
	switch n {
	case noteRetryTimeout:
		return view.RetryTimeout
	case noteRetryRedirect:
		return view.RetryRedirect
	case noteRetryNoLeader:
		return view.RetryNoLeader
	case noteRetryRefused:
		return view.RetryRefused
	}
	return view.RetryNone
}

// sentence is the key and arguments of a client event about call, to or
// from node peer; a retry's attempt number, after the last attempt failed
// at node from.
func (n clientNote) sentence(call *view.Call, from, peer raft.ID, attempt uint64) (string, []any) {
	cmd := call.Cmd.String()
	switch n {
	case noteRetryTimeout:
		return "feed.client.retry.timeout", []any{call.Client, cmd, attempt, peer, from}
	case noteRetryRedirect:
		return "feed.client.retry.redirect", []any{from, call.Client, peer, cmd, attempt}
	case noteRetryNoLeader:
		return "feed.client.retry.no-leader", []any{call.Client, cmd, attempt, peer, from}
	case noteRetryRefused:
		return "feed.client.retry.refused", []any{call.Client, cmd, attempt, peer, from}
	case noteCall:
		return "feed.client.call", []any{call.Client, peer, cmd}
	case noteCallGuess:
		return "feed.client.call.guess", []any{call.Client, peer, cmd}
	case noteCallNoLeader:
		return "feed.client.call.no-leader", []any{call.Client, peer, cmd}
	case noteReturn:
		return "feed.client.return", []any{call.Client, callResult{call.Cmd.Op, call.Result}, cmd}
	case noteGaveUp:
		return "feed.client.gave-up", []any{call.Client, cmd, call.Attempts}
	}
	return "", nil
}
