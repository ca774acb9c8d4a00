// The space-time diagram's model: what the kept trace says of a stretch of
// the run, as lanes, arrows and marks (view.SpaceTime). It reads the trace
// and the flight store, never re-simulates, and keeps no state.
//
// What it can rely on: the trace from TraceStart on. A long session keeps
// a window of it (the newest events), and after a seek back the present
// world's trace starts traceContextMs before the moment sought, so the
// diagram says where its knowledge starts (Known) rather than draw an
// empty stretch as a quiet one.

package playground

import (
	"cmp"
	"slices"

	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
)

// SpaceTime is the space-time diagram of the session's present world from
// from to to (see World.SpaceTime).
func (s *Session) SpaceTime(from, to int64) view.SpaceTime { return s.world.SpaceTime(from, to) }

// SpaceTime is the space-time diagram of from..to as the kept trace tells
// it: every Raft message that was on the wire in the stretch (sent before
// to, landed after from), the marks of the servers' elections, commits,
// crashes and membership changes, and a lane for every server that is a
// member now or took part in the stretch.
func (w *World) SpaceTime(from, to int64) view.SpaceTime {
	st := view.SpaceTime{From: from, To: to, Known: w.now}
	if w.trace.first < w.trace.n {
		_, r := w.trace.at(w.trace.first)
		st.Known = r.at
	}
	lanes := [view.MaxNodes + 1]bool{}
	for _, id := range w.Nodes() {
		lanes[id] = true
	}
	start := w.firstEventAt(from)
	var lastRole [view.MaxNodes + 1]raft.Role
	for i := start; i < w.trace.n; i++ {
		c, r := w.trace.at(i)
		if r.at > to {
			break
		}
		switch r.typ {
		case view.EvSend, view.EvDuplicate, view.EvDeliver, view.EvDrop:
			if a, ok := w.arrow(c, r); ok {
				st.Arrows = append(st.Arrows, a)
				lanes[a.From], lanes[a.To] = true, true
			}
		case view.EvRole, view.EvTerm, view.EvCommit, view.EvCrash, view.EvRestart, view.EvMembership:
			e := w.event(c, r)
			if e.Node < 1 || e.Node > view.MaxNodes {
				continue
			}
			if e.Type == view.EvTerm && w.roleNext(i, r.node) {
				continue // the role event says it
			}
			if m, ok := markOf(e, lastRole[e.Node]); ok {
				st.Marks = append(st.Marks, m)
				lanes[e.Node] = true
			}
			if e.Type == view.EvRole {
				lastRole[e.Node] = e.Role
			}
		}
	}
	st.Arrows = landedOnce(st.Arrows)
	for id, on := range lanes {
		if on && id != 0 {
			st.Lanes = append(st.Lanes, view.ID(id))
		}
	}
	return st
}

// firstEventAt is the number of the first kept event at or after ms (the
// trace is in time order).
func (w *World) firstEventAt(ms int64) int {
	lo, hi := w.trace.first, w.trace.n
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if _, r := w.trace.at(mid); r.at < ms {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// roleNext reports whether event i+1 is a role change of node: a server
// whose term and role change at once has both events.
func (w *World) roleNext(i int, node uint8) bool {
	if i+1 >= w.trace.n {
		return false
	}
	_, r := w.trace.at(i + 1)
	return r.typ == view.EvRole && r.node == node
}

// arrow is the arrow of a message event between servers: a landing (its
// arrival or loss) ends it there; a sending starts one that is open until
// its landing is found (landedOnce). The flight's record gives the rest.
func (w *World) arrow(c *tracePart, r *traceRec) (view.Arrow, bool) {
	id := r.term
	if r.more != 0 {
		id = w.event(c, r).Msg
	}
	if id == 0 || w.flights.off {
		return view.Arrow{}, false
	}
	f, pay := w.flights.rec(id)
	if f.kind != view.FlightRaft {
		return view.Arrow{}, false
	}
	a := view.Arrow{
		Flight: id, From: view.ID(f.from), To: view.ID(f.to), SendAt: f.sendAt, EndAt: f.deliverAt,
		Msg:       view.Message{Type: view.MsgType(f.msgType), Reject: f.flags&flagReject != 0, Term: f.term, Entries: len(pay.entries)},
		Duplicate: f.flags&flagDuplicate != 0, Lost: f.flags&flagLost != 0,
	}
	switch r.typ {
	case view.EvDeliver:
		a.EndAt = r.at
	case view.EvDrop:
		a.EndAt, a.Lost, a.OnWire = r.at, true, r.lost != lostReceiverDown
	default:
		a.Open, a.OnWire = true, a.Lost
	}
	return a, true
}

// landedOnce sorts arrows by flight (the order of their sending) and keeps
// one per flight: its landing, when the stretch has it, else its sending,
// open.
func landedOnce(arrows []view.Arrow) []view.Arrow {
	slices.SortStableFunc(arrows, func(a, b view.Arrow) int {
		if c := cmp.Compare(a.Flight, b.Flight); c != 0 {
			return c
		}
		// The landing first: it is the one kept.
		return cmp.Compare(boolInt(a.Open), boolInt(b.Open))
	})
	return slices.CompactFunc(arrows, func(a, b view.Arrow) bool { return a.Flight == b.Flight })
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// markOf is the mark of a server's event, if it has one. A candidate that
// starts another election stays a candidate: only its term changes, and
// last (its role as the stretch last said) tells.
func markOf(e Event, last raft.Role) (view.Mark, bool) {
	m := view.Mark{At: e.AtMs, Node: view.ID(e.Node), Term: e.Term, Index: e.Index}
	switch {
	case e.Type == view.EvRole && e.Role == raft.Candidate,
		e.Type == view.EvTerm && last == raft.Candidate:
		m.Kind = view.MarkCandidate
	case e.Type == view.EvRole && e.Role == raft.Leader:
		m.Kind = view.MarkLeader
	case e.Type == view.EvCommit:
		m.Kind, m.Echo = view.MarkCommit, e.Echo()
	case e.Type == view.EvCrash:
		m.Kind = view.MarkCrash
	case e.Type == view.EvRestart:
		m.Kind = view.MarkRestart
	case e.Type == view.EvMembership:
		m.Kind = view.MarkMembership
	default:
		return view.Mark{}, false
	}
	return m, true
}

// rec is flight id's record, which must be kept, and its payload (zero
// when it has none).
func (s *flightStore) rec(id uint64) (*flightRec, flightPayload) {
	i, found := slices.BinarySearch(s.starts, id)
	if !found {
		i--
	}
	r := &s.blocks[i][id-s.starts[i]]
	if r.pay == 0 {
		return r, flightPayload{}
	}
	return r, s.pays[i][r.pay-1]
}
