// Manual network mode: the user, a lesson or a teacher's script delivers
// the messages between servers by hand, in any order, to build an exact
// interleaving (Figure 8 of the Raft paper, say).
//
// While it is on:
//   - A Raft message sent on a link that is not cut waits in the link's
//     queue (its flight is held on the wire, oldest first) until a choice
//     delivers, drops or duplicates it. The network's random loss and
//     duplication do not apply: the user decides. A message sent on a cut
//     link is lost as usual.
//   - The servers' clocks stand still: no election or heartbeat timer
//     fires by itself; fireTimer fires one by hand.
//   - Client requests and replies, and disk writes (fsync), still run by
//     themselves: after every action the world runs these automatic
//     consequences at once, up to the moment nothing but a choice can make
//     progress (World.Do), so a script's choices need no timing. In the app
//     time then stands still: playing does not move the clock (a client
//     load waits with it). When time does pass (a script or a lesson that
//     runs on), nothing happens in it but the client load, and a client's
//     timeout that comes due waits: it fires the moment manual mode ends,
//     as the servers' clocks resume then.
//
// Turning it off hands the queued messages back to the network, which
// delivers them after a normal latency, in their order, and the timers run
// again.
package playground

import (
	"slices"
	"strings"

	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
)

// manualState is the world's manual network mode.
type manualState struct {
	on bool
	// deferred are the client timeouts that came due while it was on, in
	// order: they fire when it ends.
	deferred []event
}

func (m manualState) clone() manualState {
	m.deferred = slices.Clone(m.deferred)
	return m
}

// Manual reports whether the network is in manual mode.
func (w *World) Manual() bool { return w.manual.on }

// SetManual turns manual network mode on or off (see the file comment).
func (w *World) SetManual(on bool) error {
	switch {
	case on && w.manual.on:
		return i18n.Errorf("scenario.manual.already-on")
	case !on && !w.manual.on:
		return i18n.Errorf("scenario.manual.already-off")
	case on:
		w.manualOn()
	default:
		w.manualOff()
	}
	return nil
}

func (w *World) manualOn() {
	// The servers' clocks catch up to the present, then stand still; the
	// timer events they had scheduled go stale.
	for id := range w.nodes {
		if n := w.live(raft.ID(id)); n != nil && !n.busy {
			w.catchUp(n)
			w.settle(n)
		}
	}
	w.manual.on = true
	for _, n := range w.nodes {
		if n != nil {
			n.timerGen++
			n.timerSet = false
		}
	}
	for _, f := range w.wire.list() {
		if f.Kind == view.FlightRaft && !f.Lost {
			f.held = true
		}
	}
	w.emit(Event{Type: view.EvNote, Key: "feed.manual.on"})
}

func (w *World) manualOff() {
	w.manual.on = false
	for _, f := range w.wire.list() {
		if f.held {
			f.held = false
			f.DeliverAt = w.now + w.latency()
			w.schedule(event{at: f.DeliverAt, kind: evDeliver, id: f.ID})
		}
	}
	for _, e := range w.manual.deferred {
		e.at = w.now
		w.schedule(e)
	}
	w.manual.deferred = nil
	w.emit(Event{Type: view.EvNote, Key: "feed.manual.off"})
	for id := range w.nodes {
		if n := w.live(raft.ID(id)); n != nil {
			n.lastTick = w.now
			w.settle(n)
		}
	}
}

// holds reports whether manual mode keeps f in its link's queue.
func (w *World) holds(f *Flight) bool {
	return w.manual.on && f.Kind == view.FlightRaft && w.net.Connected(f.From, f.To)
}

// hold puts f, just sent, in its link's queue.
func (w *World) hold(f *Flight) {
	f.held, f.DeliverAt = true, f.SendAt
	f.ID = w.flights.add(f)
	w.wire.add(f)
	w.emitFlight(view.EvSend, f)
}

// runAutomatic runs, in manual mode, what happens without a choice: disk
// writes end, client requests and replies arrive (and what they lead to,
// short of a Raft message between servers). It stops at the first event
// that waits for time to pass (a client load's next call, a membership
// change's retry) or when none is left. Stale timers and held messages'
// old arrivals are passed over, and client timeouts wait (see the file
// comment), without moving the clock.
func (w *World) runAutomatic() {
	for w.manual.on {
		next, from := w.queue.next()
		if next == nil {
			return
		}
		switch next.kind {
		case evTimer:
			w.queue.take(from) // stale: the clocks stand still
			continue
		case evClientTimeout:
			w.manual.deferred = append(w.manual.deferred, w.queue.take(from))
			continue
		case evDeliver:
			if f, ok := w.wire.get(next.id); !ok || f.held || f.DeliverAt != next.at {
				w.queue.take(from)
				continue
			}
		case evFsync, evSync:
		default:
			return
		}
		e := w.queue.take(from)
		w.now = max(w.now, e.at)
		w.handle(e)
	}
}

// Queued lists the messages waiting on the link from -> to, oldest first.
func (w *World) Queued(from, to raft.ID) []*Flight {
	var out []*Flight
	for _, f := range w.wire.list() {
		if f.held && f.From == from && f.To == to {
			out = append(out, f)
		}
	}
	return out
}

// chosen is the queued message a choice names: on its link, the Nth (from
// 1, the oldest; 0 means 1) of the given kind ("" any).
func (w *World) chosen(a view.Action) (*Flight, error) {
	if !w.manual.on {
		return nil, i18n.Errorf("scenario.manual.off", a.Do)
	}
	from, to := raft.ID(a.From), raft.ID(a.To)
	var match []*Flight
	for _, f := range w.Queued(from, to) {
		if a.Kind == "" || strings.EqualFold(f.Raft.Type.String(), a.Kind) {
			match = append(match, f)
		}
	}
	nth := max(a.Nth, 1)
	switch {
	case len(match) == 0 && a.Kind == "":
		return nil, i18n.Errorf("scenario.manual.none", a.Do, S(from), S(to))
	case len(match) == 0:
		return nil, i18n.Errorf("scenario.manual.none-kind", a.Do, a.Kind, S(from), S(to))
	case nth > len(match) && a.Kind == "":
		return nil, i18n.Errorf("scenario.manual.nth", a.Do, nth, len(match), S(from), S(to))
	case nth > len(match):
		return nil, i18n.Errorf("scenario.manual.nth-kind", a.Do, nth, len(match), a.Kind, S(from), S(to))
	}
	return match[nth-1], nil
}

// DeliverQueued hands the queued message a names to its receiver now.
func (w *World) DeliverQueued(a view.Action) error {
	f, err := w.chosen(a)
	if err != nil {
		return err
	}
	f.held, f.DeliverAt = false, w.now
	w.deliver(f.ID)
	return nil
}

// DropQueued loses the queued message a names.
func (w *World) DropQueued(a view.Action) error {
	f, err := w.chosen(a)
	if err != nil {
		return err
	}
	w.dropHeld(f)
	return nil
}

// drop loses the message a drop names: a queued one by its link, or a
// message on the wire by its ID (lost now if it waits in a queue, on
// arrival otherwise).
func (w *World) drop(a view.Action) error {
	if a.Msg == 0 {
		return w.DropQueued(a)
	}
	if f, ok := w.wire.get(a.Msg); ok && f.held {
		w.dropHeld(f)
		return nil
	}
	return w.DropMessage(a.Msg)
}

// dropHeld loses f, a queued message, now.
func (w *World) dropHeld(f *Flight) {
	f.held, f.DeliverAt = false, w.now
	f.Lost, f.lostWhy = true, lostByHand
	w.deliver(f.ID)
}

// DuplicateQueued puts a copy of the queued message a names at the end
// of its link's queue, as a network that duplicates messages would.
func (w *World) DuplicateQueued(a view.Action) error {
	f, err := w.chosen(a)
	if err != nil {
		return err
	}
	dup := w.copyFlight(f)
	dup.Duplicate = true
	dup.ID = w.flights.add(dup)
	w.wire.add(dup)
	w.emitFlight(view.EvDuplicate, dup)
	return nil
}

// The timers fireTimer can fire.
const (
	timerElection  = "election"
	timerHeartbeat = "heartbeat"
)

// FireTimer fires a server's election timer (it campaigns) or, for the
// leader, its heartbeat timer (it sends AppendEntries to every follower),
// in manual mode, where the timers do not fire by themselves.
func (w *World) FireTimer(id raft.ID, timer string) error {
	if !w.manual.on {
		return i18n.Errorf("scenario.manual.off", "fireTimer")
	}
	if timer == timerElection {
		return w.Campaign(id)
	}
	n, err := w.upNode(id)
	if err != nil {
		return err
	}
	if n.Raft.Role() != raft.Leader {
		return i18n.Errorf("scenario.manual.not-leader", S(id))
	}
	// The leader's clock runs to its next heartbeat (through its election
	// tick first, where that comes sooner).
	for i := 0; i < 3 && !n.Raft.HasReady() && n.Raft.Role() == raft.Leader; i++ {
		n.Raft.TickN(n.Raft.TicksUntilTimeout())
	}
	w.settle(n)
	return nil
}
