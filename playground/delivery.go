package playground

import (
	"slices"

	"github.com/raftlab/raftlab/raft"
)

// flightBlockSize is how many flights a flightStore block holds.
const flightBlockSize = 64

// flightStore holds a world's flights in blocks, numbered from 1 in the
// order they are made. A run launches thousands of flights per virtual
// second and the trace names each by its number rather than by pointer: a
// trace without pointers is not scanned by the garbage collector, which
// would otherwise mark every record of the run on every cycle.
//
// A world's clone shares the blocks (flights are never changed once
// launched) and puts its next flights in a block of its own, numbered on
// from where the original stood, so that a run and its replay number their
// flights alike. The original goes on filling its last block with numbers
// the clone gives to flights of its own, but each world reads only its
// own trace and store.
type flightStore struct {
	// blocks[i] holds flights starts[i] onwards, up to starts[i+1].
	blocks []*[flightBlockSize]Flight
	starts []uint64
	// used is how many flights of the last block are handed out (all of
	// them in a clone, whose last block the original is filling).
	used int
	// n is the number of flights made so far.
	n uint64
}

// add returns a new zero Flight, numbered.
func (s *flightStore) add() *Flight {
	if len(s.blocks) == 0 || s.used == flightBlockSize {
		s.blocks = append(s.blocks, new([flightBlockSize]Flight))
		s.starts = append(s.starts, s.n+1)
		s.used = 0
	}
	f := &s.blocks[len(s.blocks)-1][s.used]
	s.used++
	s.n++
	f.num = s.n
	return f
}

// get returns flight num, which must be kept (see trim).
func (s *flightStore) get(num uint64) *Flight {
	i, found := slices.BinarySearch(s.starts, num)
	if !found {
		i--
	}
	return &s.blocks[i][num-s.starts[i]]
}

// clone returns a store sharing s's blocks whose next flight starts a new
// block. The slices are shared too, capped: a store only ever writes past
// its own end (by append), which in a capped slice copies it, and trim
// only moves a store's start, so neither can change what the other holds.
func (s *flightStore) clone() flightStore {
	return flightStore{
		blocks: s.blocks[:len(s.blocks):len(s.blocks)],
		starts: s.starts[:len(s.starts):len(s.starts)],
		used:   flightBlockSize,
		n:      s.n,
	}
}

// trim drops the blocks that hold only flights numbered below min, so that
// a world with a trace window does not keep every flight of its run. (The
// dropped pointers stay in the slices' array, which other worlds may share,
// until append moves the slices to a new one.)
func (s *flightStore) trim(min uint64) {
	k := 0
	for k < len(s.blocks)-1 && s.starts[k+1] <= min {
		k++
	}
	s.blocks, s.starts = s.blocks[k:], s.starts[k:]
}

// newFlight returns a new zero Flight.
func (w *World) newFlight() *Flight { return w.flights.add() }

// copyFlight returns a new Flight equal to f but for its number.
func (w *World) copyFlight(f *Flight) *Flight {
	c := w.flights.add()
	num := c.num
	*c = *f
	c.num = num
	return c
}

// trimFlights drops the flights no trace record can name any more: those
// older than every flight the kept trace names and every flight on the
// wire (whose delivery or loss will be recorded). Flights waiting in an
// inbox were recorded on delivery and are not recorded again.
func (w *World) trimFlights() {
	min := w.flights.n + 1
	for i := range w.trace.chunks {
		if m := w.trace.chunks[i].minFlight; m != 0 && m < min {
			min = m
		}
	}
	for _, f := range w.wire.slots[w.wire.head:] {
		if f != nil && f.num < min {
			min = f.num
		}
	}
	w.flights.trim(min)
	w.trace.dropped = false
}

// sendRaft puts a Raft message on the wire from one node to another.
func (w *World) sendRaft(from raft.ID, m *raft.Message) {
	w.stats.MessagesSent[m.Type]++
	f := w.newFlight()
	f.Kind, f.From, f.To, f.Raft = FlightRaft, from, m.To, *m
	w.launch(f)
}

// launch sends a flight: it gets an ID, a latency and, for messages between
// nodes, the network's verdict (cut, partitioned or randomly lost; perhaps
// duplicated). Clients reach every node: partitions are between servers.
func (w *World) launch(f *Flight) {
	f.SendAt = w.now
	f.DeliverAt = w.now + w.latency()
	if f.Kind == FlightRaft {
		switch {
		case !w.net.Connected(f.From, f.To):
			f.Lost, f.lostWhy = true, lostLinkCut
			if w.net.Group(f.From) != w.net.Group(f.To) {
				f.lostWhy = lostPartitioned
			}
		case w.net.DropRate > 0 && w.rng.Float64() < w.net.DropRate:
			f.Lost, f.lostWhy = true, lostDropped
		}
	}
	w.fly(f, EvSend)
	if f.Kind == FlightRaft && !f.Lost && w.net.DuplicateRate > 0 && w.rng.Float64() < w.net.DuplicateRate {
		dup := w.copyFlight(f)
		dup.Duplicate = true
		dup.DeliverAt = w.now + w.latency()
		w.fly(dup, EvDuplicate)
	}
}

func (w *World) fly(f *Flight, ev EventType) {
	w.nextFlight++
	f.ID = w.nextFlight
	w.wire.add(f)
	w.schedule(event{at: f.DeliverAt, kind: evDeliver, id: f.ID})
	w.emitFlight(ev, f)
}

func (w *World) latency() int64 {
	return w.rng.Between(w.net.LatencyMin, w.net.LatencyMax)
}

// deliver hands an arriving flight to its receiver, unless it was lost.
func (w *World) deliver(id uint64) {
	f, ok := w.wire.get(id)
	if !ok {
		return
	}
	w.wire.remove(id)
	if f.Kind == FlightReply {
		w.emitFlight(EvDeliver, f)
		w.clientReceive(f)
		return
	}
	n := w.live(f.To)
	switch {
	case f.Lost:
	case n == nil:
		f = w.lose(f, lostReceiverDown)
	case f.Kind == FlightRaft && !w.net.Connected(f.From, f.To):
		f = w.lose(f, lostCutInFlight)
	}
	if f.Lost {
		if f.Kind == FlightRaft {
			w.stats.MessagesDropped++
		}
		w.emitFlight(EvDrop, f)
		return
	}
	if f.Kind == FlightRaft {
		w.stats.MessagesDelivered++
	}
	w.emitFlight(EvDeliver, f)
	if n.busy {
		n.inbox = append(n.inbox, f)
		return
	}
	w.catchUp(n)
	w.receive(n, f)
	w.settle(n)
}

// lose returns a lost copy of f (flights are never changed in place).
func (w *World) lose(f *Flight, why lossCause) *Flight {
	c := w.copyFlight(f)
	c.Lost, c.lostWhy = true, why
	return c
}

// receive steps a message into n, or serves a client request.
func (w *World) receive(n *Node, f *Flight) {
	switch f.Kind {
	case FlightRaft:
		if err := n.Raft.Step(f.Raft); err != nil {
			w.emit(Event{Type: EvNote, Node: n.ID, Note: S(n.ID) + " rejected a malformed message: " + err.Error()})
		}
	case FlightRequest:
		w.serve(n, f)
	}
}

// InFlight lists the messages on the wire, oldest first.
func (w *World) InFlight() []*Flight { return w.wire.list() }
