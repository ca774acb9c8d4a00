// Flight records: the store of the flights the kept trace can still name (a
// message event names its flight by ID, and reading the event rebuilds the
// Flight from its record). A record is written when its flight is sent and
// never changed.
//
// How long a record is kept: for the whole run without a trace window. With
// a window, a block of records is dropped once every flight in it is older
// than every flight the kept trace names and every flight on the wire
// (trimFlights: after the trace drops a chunk, and for a checkpoint). Once
// the trace is discarded no records are kept; IDs are still handed out.

package playground

import (
	"slices"

	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
)

// flightBlockSize is how many flight records a flightStore block holds.
const flightBlockSize = 128

// flightStore keeps a record of every flight a world has sent, by its ID
// (IDs are handed out from 1 in sending order), for the trace to name
// (unless the world discards its trace: then it only hands out IDs). A
// run sends thousands of flights per virtual second and keeps the trace of
// all of them, so the records are small and hold no pointers: the garbage
// collector never scans them, and a run writes half the memory it would
// keeping the Flights themselves (which the world reuses once they land;
// see newFlight). What few flights carry (entries, a snapshot, a client's
// request or reply, a rejection's hints) is kept aside, in the payloads of
// the record's block.
//
// A world's clone shares the blocks (records are never changed once
// written), and from then on each of the two puts its records in blocks of
// its own, numbered on from where they stood, so that a run and its replay
// number their flights alike.
type flightStore struct {
	// blocks[i] holds flights starts[i] onwards, up to starts[i+1], and
	// pays[i] the payloads its records point to.
	blocks []*[flightBlockSize]flightRec
	pays   [][]flightPayload
	starts []uint64
	// used is how many records of the last block are written (all of them
	// once the block is shared with a clone).
	used int
	// n is the number of flights sent so far, the last ID handed out.
	n uint64
	// off records nothing: IDs are handed out, for a world whose trace is
	// discarded (see World.DiscardTrace).
	off bool
}

// flightRec is a sent flight as the store keeps it (see Flight for the
// fields).
type flightRec struct {
	sendAt, deliverAt int64
	term, index       uint64
	logTerm, commit   uint64
	seq               uint64
	// pay is 1 + the place of the flight's payload in its block's pays,
	// or 0 when it has none.
	pay      uint32
	client   int32
	from, to uint8 // node IDs are at most MaxNodes
	kind     view.FlightKind
	msgType  raft.MessageType
	flags    flightFlags
	lostWhy  lossCause
}

type flightFlags uint8

const (
	flagLost flightFlags = 1 << iota
	flagDuplicate
	flagReject
	flagTransfer
)

// flightPayload holds what a flight carries by pointer: the entries of an
// AppendEntries (about half the records have some), and the rest, rarer,
// in extra.
type flightPayload struct {
	entries []raft.Entry
	extra   *flightExtra
}

// flightExtra holds a client flight's payload, an InstallSnapshot's
// snapshot, a rejected append's hints, and the name an engine with
// message types of its own gives the message (etcd's MsgHeartbeat).
type flightExtra struct {
	snapshot                    *raft.Snapshot
	request                     *Request
	reply                       *view.Reply
	conflictTerm, conflictIndex uint64
	native                      nativeName
}

// nativeName is what the store keeps of a message's Native: its name (the
// trace shows a message; it never delivers it again).
type nativeName string

func (n nativeName) Name() string { return string(n) }

// nameOf is the name of a message's Native, if it has one.
func nameOf(m *raft.Message) nativeName {
	if n, ok := m.Native.(interface{ Name() string }); ok {
		return nativeName(n.Name())
	}
	return ""
}

// payCap is the room a block's payloads start with: a busy run gives
// payloads to about half its flights.
const payCap = flightBlockSize / 2

// add records f, just sent, and returns its ID.
func (s *flightStore) add(f *Flight) uint64 {
	if s.off {
		s.n++
		return s.n
	}
	if len(s.blocks) == 0 || s.used == flightBlockSize {
		s.blocks = append(s.blocks, new([flightBlockSize]flightRec))
		s.pays = append(s.pays, nil)
		s.starts = append(s.starts, s.n+1)
		s.used = 0
	}
	k := len(s.blocks) - 1
	r := &s.blocks[k][s.used]
	s.used++
	s.n++
	m := &f.Raft
	*r = flightRec{
		sendAt: f.SendAt, deliverAt: f.DeliverAt,
		term: m.Term, index: m.Index, logTerm: m.LogTerm, commit: m.Commit, seq: m.Seq,
		client: int32(f.Client), from: uint8(f.From), to: uint8(f.To),
		kind: f.Kind, msgType: m.Type, lostWhy: f.lostWhy,
	}
	if f.Lost {
		r.flags |= flagLost
	}
	if f.Duplicate {
		r.flags |= flagDuplicate
	}
	if m.Reject {
		r.flags |= flagReject
	}
	if m.Transfer {
		r.flags |= flagTransfer
	}
	native := nameOf(m)
	extra := m.Snapshot != nil || f.Request != nil || f.Reply != nil || m.ConflictTerm != 0 || m.ConflictIndex != 0 || native != ""
	if len(m.Entries) > 0 || extra {
		p := flightPayload{entries: m.Entries}
		if extra {
			p.extra = &flightExtra{snapshot: m.Snapshot, request: f.Request, reply: f.Reply, conflictTerm: m.ConflictTerm, conflictIndex: m.ConflictIndex, native: native}
		}
		if s.pays[k] == nil {
			s.pays[k] = make([]flightPayload, 0, payCap)
		}
		s.pays[k] = append(s.pays[k], p)
		r.pay = uint32(len(s.pays[k]))
	}
	return s.n
}

// flight returns a new Flight equal to flight id as it was sent. The ID
// must be kept (see trim).
func (s *flightStore) flight(id uint64) *Flight {
	i, found := slices.BinarySearch(s.starts, id)
	if !found {
		i--
	}
	r := &s.blocks[i][id-s.starts[i]]
	f := &Flight{
		ID: id, Kind: r.kind, Lost: r.flags&flagLost != 0, Duplicate: r.flags&flagDuplicate != 0,
		lostWhy: r.lostWhy, From: raft.ID(r.from), To: raft.ID(r.to), Client: int(r.client),
		SendAt: r.sendAt, DeliverAt: r.deliverAt,
	}
	if r.kind == view.FlightRaft {
		f.Raft = raft.Message{
			Type: r.msgType, Reject: r.flags&flagReject != 0, Transfer: r.flags&flagTransfer != 0,
			From: f.From, To: f.To, Term: r.term, Index: r.index, LogTerm: r.logTerm,
			Commit: r.commit, Seq: r.seq,
		}
	}
	if r.pay != 0 {
		p := &s.pays[i][r.pay-1]
		f.Raft.Entries = p.entries
		if x := p.extra; x != nil {
			f.Raft.Snapshot, f.Request, f.Reply = x.snapshot, x.request, x.reply
			f.Raft.ConflictTerm, f.Raft.ConflictIndex = x.conflictTerm, x.conflictIndex
			if x.native != "" {
				f.Raft.Native = x.native
			}
		}
	}
	return f
}

// clone returns a store sharing s's blocks. Both s and the clone put their
// next records in a block of their own, so that neither writes to a block
// (or its payloads) the other reads, and two worlds can run at once. The
// slices of blocks are shared too, capped: a store only ever writes past
// its own end (by append), which in a capped slice copies it, and trim
// copies what it keeps.
func (s *flightStore) clone() flightStore {
	s.used = flightBlockSize
	return flightStore{
		blocks: s.blocks[:len(s.blocks):len(s.blocks)],
		pays:   s.pays[:len(s.pays):len(s.pays)],
		starts: s.starts[:len(s.starts):len(s.starts)],
		used:   flightBlockSize,
		n:      s.n,
		off:    s.off,
	}
}

// trim drops the blocks that hold only flights numbered below min, so that
// a world with a trace window does not keep every flight of its run. The
// slices kept are copied: their old arrays, which clones share, still point
// to the dropped blocks, and a session's checkpoints, each holding one,
// would otherwise keep every block of the run.
func (s *flightStore) trim(min uint64) {
	k := 0
	for k < len(s.blocks)-1 && s.starts[k+1] <= min {
		k++
	}
	if k > 0 {
		s.blocks, s.pays, s.starts = slices.Clone(s.blocks[k:]), slices.Clone(s.pays[k:]), slices.Clone(s.starts[k:])
	}
}

// trimFlights drops the records of flights no trace record can name any
// more: those older than every flight the kept trace names and every
// flight on the wire (whose delivery or loss will be recorded). Flights
// waiting in an inbox were recorded on delivery and are not recorded again.
func (w *World) trimFlights() {
	min := w.flights.n + 1
	for i := range w.trace.chunks {
		if m := w.trace.chunks[i].minFlight; m != 0 && m < min {
			min = m
		}
	}
	for _, f := range w.wire.slots[w.wire.head:] {
		if f != nil && f.ID < min {
			min = f.ID
		}
	}
	w.flights.trim(min)
	w.trace.dropped = false
}
