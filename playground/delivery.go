package playground

import (
	"cmp"
	"slices"

	"github.com/raftlab/raftlab/raft"
)

// sendRaft puts a Raft message on the wire from one node to another.
func (w *World) sendRaft(from raft.ID, m raft.Message) {
	w.stats.MessagesSent[m.Type]++
	w.launch(&Flight{Kind: FlightRaft, From: from, To: m.To, Raft: m})
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
			f.Lost, f.LostWhy = true, "the link is cut"
			if w.net.Group(f.From) != w.net.Group(f.To) {
				f.LostWhy = "the network is partitioned"
			}
		case w.net.DropRate > 0 && w.rng.Float64() < w.net.DropRate:
			f.Lost, f.LostWhy = true, "dropped by the network"
		}
	}
	w.fly(f, EvSend)
	if f.Kind == FlightRaft && !f.Lost && w.net.DuplicateRate > 0 && w.rng.Float64() < w.net.DuplicateRate {
		dup := *f
		dup.Duplicate = true
		dup.DeliverAt = w.now + w.latency()
		w.fly(&dup, EvDuplicate)
	}
}

func (w *World) fly(f *Flight, ev EventType) {
	w.nextFlight++
	f.ID = w.nextFlight
	w.flights[f.ID] = f
	w.schedule(event{at: f.DeliverAt, kind: evDeliver, id: f.ID})
	w.emit(Event{Type: ev, Node: f.From, Peer: f.To, Msg: f.ID, Flight: f, Client: f.Client})
}

func (w *World) latency() int64 {
	return w.rng.Between(w.net.LatencyMin, w.net.LatencyMax)
}

// deliver hands an arriving flight to its receiver, unless it was lost.
func (w *World) deliver(id uint64) {
	f, ok := w.flights[id]
	if !ok {
		return
	}
	delete(w.flights, id)
	if f.Kind == FlightReply {
		w.emit(Event{Type: EvDeliver, Node: f.To, Peer: f.From, Msg: f.ID, Flight: f, Client: f.Client})
		w.clientReceive(f)
		return
	}
	n := w.live(f.To)
	switch {
	case f.Lost:
	case n == nil:
		f = lose(f, S(f.To)+" is down")
	case f.Kind == FlightRaft && !w.net.Connected(f.From, f.To):
		f = lose(f, "the link was cut while it flew")
	}
	if f.Lost {
		if f.Kind == FlightRaft {
			w.stats.MessagesDropped++
		}
		w.emit(Event{Type: EvDrop, Node: f.From, Peer: f.To, Msg: f.ID, Flight: f, Client: f.Client})
		return
	}
	if f.Kind == FlightRaft {
		w.stats.MessagesDelivered++
	}
	w.emit(Event{Type: EvDeliver, Node: f.To, Peer: f.From, Msg: f.ID, Flight: f, Client: f.Client})
	if n.busy {
		n.inbox = append(n.inbox, f)
		return
	}
	w.catchUp(n)
	w.receive(n, f)
	w.settle(n)
}

// lose returns a lost copy of f (flights are never changed in place).
func lose(f *Flight, why string) *Flight {
	c := *f
	c.Lost, c.LostWhy = true, why
	return &c
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
func (w *World) InFlight() []*Flight {
	out := make([]*Flight, 0, len(w.flights))
	for _, f := range w.flights {
		out = append(out, f)
	}
	sortFlights(out)
	return out
}

func sortFlights(fs []*Flight) {
	slices.SortFunc(fs, func(a, b *Flight) int { return cmp.Compare(a.ID, b.ID) })
}
