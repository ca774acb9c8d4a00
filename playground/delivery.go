// Delivery: sending a flight (its ID, its latency and the network's
// verdict: cut, partitioned, dropped or duplicated) and, when its time
// comes, handing it to its receiver or recording it lost. This file keeps
// no state: the flights are on the wire (wire.go) and their records in the
// flight store (traceflights.go).

package playground

import (
	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
)

// sendRaft puts a Raft message on the wire from one node to another.
func (w *World) sendRaft(from raft.ID, m *raft.Message) {
	w.stats.MessagesSent[m.Type]++
	f := w.newFlight()
	f.Kind, f.From, f.To, f.Raft = view.FlightRaft, from, m.To, *m
	w.launch(f)
}

// launch sends a flight: it gets an ID, a latency and, for messages between
// nodes, the network's verdict (cut, partitioned or randomly lost; perhaps
// duplicated). Clients reach every node: partitions are between servers.
func (w *World) launch(f *Flight) {
	f.SendAt = w.now
	if w.holds(f) {
		w.hold(f)
		return
	}
	f.DeliverAt = w.now + w.latency()
	if f.Kind == view.FlightRaft {
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
	w.fly(f, view.EvSend)
	if f.Kind == view.FlightRaft && !f.Lost && w.net.DuplicateRate > 0 && w.rng.Float64() < w.net.DuplicateRate {
		dup := w.copyFlight(f)
		dup.Duplicate = true
		dup.DeliverAt = w.now + w.latency()
		w.fly(dup, view.EvDuplicate)
	}
}

func (w *World) fly(f *Flight, ev view.EventType) {
	f.ID = w.flights.add(f)
	w.wire.add(f)
	w.schedule(event{at: f.DeliverAt, kind: evDeliver, id: f.ID})
	w.emitFlight(ev, f)
}

func (w *World) latency() int64 {
	return w.rng.Between(w.net.LatencyMin, w.net.LatencyMax)
}

// deliver hands an arriving flight to its receiver, unless it was lost.
// Clients are always reachable: a reply is lost only if dropped by hand
// (then the client times out and asks again).
func (w *World) deliver(id uint64) {
	f, ok := w.wire.get(id)
	if !ok || f.held || f.DeliverAt != w.now {
		return // (manual mode holds it, or handed it back for a later time)
	}
	w.wire.remove(id)
	var n *Node
	if f.Kind != view.FlightReply {
		n = w.live(f.To)
	}
	switch {
	case f.Lost, f.Kind == view.FlightReply:
	case n == nil:
		f.Lost, f.lostWhy = true, lostReceiverDown
	case f.Kind == view.FlightRaft && !w.net.Connected(f.From, f.To):
		f.Lost, f.lostWhy = true, lostCutInFlight
	}
	if f.Lost {
		if f.Kind == view.FlightRaft {
			w.stats.MessagesDropped++
		}
		w.emitFlight(view.EvDrop, f)
		w.freeFlight(f)
		return
	}
	if f.Kind == view.FlightRaft {
		w.stats.MessagesDelivered++
	}
	w.emitFlight(view.EvDeliver, f)
	if f.Kind == view.FlightReply {
		w.clientReceive(f)
		w.freeFlight(f)
		return
	}
	if n.busy && !n.stepsWhileSyncing(f) {
		n.inbox = append(n.inbox, f)
		return
	}
	// The node's clock catches up before it steps the message. A busy
	// node's timer events are skipped, so a leader waiting for a long
	// fsync ticks when an answer arrives or when the fsync ends; either
	// way, what its ticks make it send waits for the fsync (as in etcd,
	// whose leader cannot send heartbeats while its disk write blocks).
	w.catchUp(n)
	w.receive(n, f)
	w.freeFlight(f)
	w.settle(n)
}

// receive steps a message into n, or serves a client request.
func (w *World) receive(n *Node, f *Flight) {
	switch f.Kind {
	case view.FlightRaft:
		if err := n.Raft.Step(f.Raft); err != nil {
			w.emit(Event{Type: view.EvNote, Node: n.ID, Key: "feed.malformed", Args: []any{n.ID, err.Error()}})
		}
	case view.FlightRequest:
		w.serve(n, f)
	}
}
