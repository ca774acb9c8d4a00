package playground

import "github.com/raftlab/raftlab/raft"

// flightBlockSize is how many flights newFlight allocates at a time.
const flightBlockSize = 64

// newFlight returns a new zero Flight. A run launches thousands of flights
// per virtual second and keeps each one (the trace points to it), so they
// are allocated in blocks. A block is never handed out twice: a world's
// clone starts a block of its own.
func (w *World) newFlight() *Flight {
	if len(w.flightBlock) == 0 {
		w.flightBlock = make([]Flight, flightBlockSize)
	}
	f := &w.flightBlock[0]
	w.flightBlock = w.flightBlock[1:]
	return f
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
		dup := w.newFlight()
		*dup = *f
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
	c := w.newFlight()
	*c = *f
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
