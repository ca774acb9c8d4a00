package playground

import (
	"slices"

	"github.com/raftlab/raftlab/raft"
)

type eventKind uint8

const (
	evDeliver       eventKind = iota + 1 // a flight arrives (id)
	evTimer                              // a node's next timer may fire (node, gen)
	evFsync                              // a node's blocking fsync completes (node, gen)
	evSync                               // a node's background fsync completes (node)
	evClientTimeout                      // a client gives up on an attempt, or retries after a backoff (id = client, gen, node)
	evAdmin                              // retry pending membership changes
	evLoad                               // the client load's next call (gen: the load's, see clientLoad)
)

// event is something scheduled to happen at a virtual time. Ties are broken
// by seq, the order of scheduling, so the simulation is deterministic.
type event struct {
	at   int64
	seq  uint64
	kind eventKind
	node raft.ID
	id   uint64
	gen  uint64
}

func (e *event) before(o *event) bool {
	if e.at != o.at {
		return e.at < o.at
	}
	return e.seq < o.seq
}

// eventQueue holds the scheduled events, to be taken in (at, seq) order.
// Three kinds of FIFO, each of events in order, do most of the work, and a
// binary min-heap holds the rest:
//
//   - The calendar has a slot per millisecond of the next calendarSpan: the
//     events due within that span (messages landing, fsyncs, most timers)
//     go in the slot of their time, and events scheduled for the same time
//     come in seq order. Taking one costs no comparisons, where the heap's
//     were a good part of a run.
//   - The lanes each hold the events scheduled a fixed delay after the
//     present (client timeouts, a hundred waiting at once under load): the
//     present never goes back, so they too come in order.
//   - The heap holds the few events due later than the calendar reaches
//     (or, should any be, earlier than the present).
type eventQueue struct {
	heap  []event
	lanes [laneCount]lane
	// cal[slot(at)] holds the events due at at, for the calN events
	// due within calendarSpan of the present when they were scheduled; none
	// is due before calAt. A slot holds events of one time only: one due a
	// span later can only be scheduled once the present has passed, and so
	// emptied, its slot.
	cal   []lane
	calN  int
	calAt int64
}

// calendarSpan is how far ahead (ms) the calendar reaches; a power of two.
const calendarSpan = 256

// The lanes, one per fixed delay (laneDelay).
const (
	laneAttempt = iota
	laneBackoff
	laneCount
)

var laneDelay = [laneCount]int64{laneAttempt: attemptTimeoutMs, laneBackoff: backoffMs}

// Where next found the earliest event: a lane, or one of these.
const (
	fromHeap = laneCount + iota
	fromCalendar
)

// lane is a FIFO of events: ev[head:] are waiting.
type lane struct {
	ev   []event
	head int
}

func (l *lane) push(e event) {
	switch {
	case l.head == len(l.ev):
		l.ev, l.head = l.ev[:0], 0
	case len(l.ev) == cap(l.ev) && l.head >= len(l.ev)/2:
		// Reuse the taken front rather than grow, once it is at least half
		// of the lane (moving the rest then costs no more than the pushes
		// that filled it; moving it whenever one event was taken cost a
		// lane's worth per push).
		l.ev = l.ev[:copy(l.ev, l.ev[l.head:])]
		l.head = 0
	}
	l.ev = append(l.ev, e)
}

func (l *lane) front() *event {
	if l.head == len(l.ev) {
		return nil
	}
	return &l.ev[l.head]
}

func (l *lane) clone() lane { return lane{ev: slices.Clone(l.ev[l.head:])} }

// push queues e; now is the present. (The distance is taken unsigned, so
// that no time, however far off, wraps into the calendar's span; the
// settings' limits keep times far from wrapping in the first place.)
func (q *eventQueue) push(e event, now int64) {
	if e.at < now || uint64(e.at)-uint64(now) >= calendarSpan {
		q.pushHeap(e)
		return
	}
	if q.cal == nil {
		q.cal = newCalendar()
	}
	q.cal[slot(e.at)].push(e)
	if q.calN == 0 || e.at < q.calAt {
		q.calAt = e.at
	}
	q.calN++
}

// slot is the calendar slot of time at: never a negative index, even for
// a time before zero (the span divides 2^64, so consecutive times still
// take consecutive slots).
func slot(at int64) int { return int(uint64(at) % calendarSpan) }

// calSlotCap is the room each calendar slot starts with: a busy cluster
// has a few events due in the same millisecond.
const calSlotCap = 4

// newCalendar returns the calendar's slots, each with room for calSlotCap
// events in one shared array (a slot that needs more grows out of it), so
// that a world does not grow its 256 slots one by one.
func newCalendar() []lane {
	cal := make([]lane, calendarSpan)
	room := make([]event, calendarSpan*calSlotCap)
	for i := range cal {
		cal[i].ev = room[i*calSlotCap : i*calSlotCap : (i+1)*calSlotCap]
	}
	return cal
}

// calendarFront returns the calendar's earliest event, or nil.
func (q *eventQueue) calendarFront() *event {
	if q.calN == 0 {
		return nil
	}
	for {
		if f := q.cal[slot(q.calAt)].front(); f != nil && f.at == q.calAt {
			return f
		}
		q.calAt++
	}
}

// next returns the earliest event, or nil when there is none, and where it
// is (a lane, fromHeap or fromCalendar).
func (q *eventQueue) next() (e *event, from int) {
	e, from = q.calendarFront(), fromCalendar
	if len(q.heap) > 0 && (e == nil || q.heap[0].before(e)) {
		e, from = &q.heap[0], fromHeap
	}
	for i := range q.lanes {
		if f := q.lanes[i].front(); f != nil && (e == nil || f.before(e)) {
			e, from = f, i
		}
	}
	return e, from
}

// take removes and returns the earliest event, which next found in from.
func (q *eventQueue) take(from int) event {
	var l *lane
	switch from {
	case fromHeap:
		return q.popHeap()
	case fromCalendar:
		l = &q.cal[slot(q.calAt)]
		q.calN--
	default:
		l = &q.lanes[from]
	}
	l.head++
	return l.ev[l.head-1]
}

func (q *eventQueue) clone() eventQueue {
	c := eventQueue{heap: slices.Clone(q.heap), calN: q.calN, calAt: q.calAt}
	for i := range q.lanes {
		c.lanes[i] = q.lanes[i].clone()
	}
	if q.cal != nil {
		c.cal = make([]lane, calendarSpan)
		for i := range q.cal {
			if q.cal[i].front() != nil {
				c.cal[i] = q.cal[i].clone()
			}
		}
	}
	return c
}

// The heap is written out rather than built on container/heap, whose
// interface boxing allocated on every push.

func (q *eventQueue) pushHeap(e event) {
	q.heap = append(q.heap, e)
	h := q.heap
	for i := len(h) - 1; i > 0; {
		p := (i - 1) / 2
		if !h[i].before(&h[p]) {
			break
		}
		h[i], h[p] = h[p], h[i]
		i = p
	}
}

func (q *eventQueue) popHeap() event {
	h := q.heap
	top := h[0]
	last := len(h) - 1
	h[0] = h[last]
	h = h[:last]
	for i := 0; ; {
		l, r, m := 2*i+1, 2*i+2, i
		if l < len(h) && h[l].before(&h[m]) {
			m = l
		}
		if r < len(h) && h[r].before(&h[m]) {
			m = r
		}
		if m == i {
			break
		}
		h[i], h[m] = h[m], h[i]
		i = m
	}
	q.heap = h
	return top
}

// schedule queues e.
func (w *World) schedule(e event) {
	w.seq++
	e.seq = w.seq
	w.queue.push(e, w.now)
}

// scheduleAfter queues e in lane, to happen the lane's delay from now.
func (w *World) scheduleAfter(lane int, e event) {
	w.seq++
	e.at, e.seq = w.now+laneDelay[lane], w.seq
	w.queue.lanes[lane].push(e)
}
