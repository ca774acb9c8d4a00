// Trace memory: the world's trace, every event of the run in order, packed
// (tracerec.go) in chunks of traceChunk records.
//
// How long an event is kept: for the whole run by default. With a window
// (SetTraceWindow; an interactive session sets one) only about the newest
// window events are kept: older chunks are dropped whole, and the flight
// records only they named go with them (trimFlights). Once the trace is
// discarded (DiscardTrace; headless runs) events are counted and not kept.
// A clone shares every chunk; its first append copies the last, partial
// one. A session's checkpoint keeps no trace when there is a window
// (checkpointClone).

package playground

import "github.com/raftlab/raftlab/playground/view"

// traceLog stores the trace, packed (see traceRec), in fixed-size chunks.
// Appending never copies old events (a flat slice would, on every growth),
// and a clone of the world shares every chunk: only the last, partial one
// is capped so that the clone's own appends copy it rather than overwrite
// the original's.
//
// Events are numbered from the start of the run. With a window, only the
// newest events are kept (whole chunks are dropped from the front), and
// first is the number of the oldest one kept.
type traceLog struct {
	chunks []tracePart
	first  int
	n      int
	window int
	// dropped is set when chunks were dropped since the world last let go
	// of the flights only they named (see World.trimFlights).
	dropped bool
	// off discards every event as it is written: events are counted, and
	// first keeps up with n (see World.DiscardTrace and discard).
	off bool
}

// tracePart is a chunk: up to traceChunk records and what they keep aside.
type tracePart struct {
	// recs hold no pointers, so the collector never scans them.
	recs []traceRec
	// more points to the fields few records keep aside: record r's are
	// *more[r.more-1]. (Only this small slice has pointers to scan.)
	more []*eventMore
	// minFlight is the lowest flight number a record names (0: none).
	minFlight uint64
}

const traceChunk = 1024

// moreChunkCap is how many eventMores a chunk has room for at first.
const moreChunkCap = 128

// discard counts an event and reports whether the trace discards it (then
// the event must not be added): the writers of events call it first.
func (t *traceLog) discard() bool {
	if !t.off {
		return false
	}
	t.n++
	t.first = t.n
	return true
}

// add appends an event and returns its record, zero, for the caller to
// fill in. (Filling it in place writes only the fields an event has, where
// copying a whole record in costs more.)
func (t *traceLog) add() *traceRec {
	k := len(t.chunks) - 1
	if k < 0 || len(t.chunks[k].recs) == cap(t.chunks[k].recs) {
		t.grow()
		k = len(t.chunks) - 1
	}
	// Past its length, a chunk's array has never been written (only the
	// world that made it appends to it): the record is zero.
	c := &t.chunks[k].recs
	*c = (*c)[:len(*c)+1]
	t.n++
	for t.window > 0 && t.n-t.first-len(t.chunks[0].recs) >= t.window {
		t.first += len(t.chunks[0].recs)
		t.chunks[0] = tracePart{}
		t.chunks = t.chunks[1:]
		t.dropped = true
	}
	return &(*c)[len(*c)-1]
}

// grow makes room for an event when the last chunk has none: it starts a
// new chunk when the last is full, and copies the last when it is a
// clone's capped one, rather than write into the array the original
// appends to. (The capped more slice copies itself on append.)
func (t *traceLog) grow() {
	k := len(t.chunks) - 1
	if k < 0 || len(t.chunks[k].recs) >= traceChunk {
		t.chunks = append(t.chunks, tracePart{recs: make([]traceRec, 0, traceChunk)})
		return
	}
	t.chunks[k].recs = append(make([]traceRec, 0, traceChunk), t.chunks[k].recs...)
}

// addMore keeps m for the record just added and returns its r.more.
func (t *traceLog) addMore(m *eventMore) uint16 {
	c := &t.chunks[len(t.chunks)-1]
	if c.more == nil {
		// A chunk keeps a hundred or so aside: skip the small growths.
		c.more = make([]*eventMore, 0, moreChunkCap)
	}
	c.more = append(c.more, m)
	return uint16(len(c.more))
}

// names notes that the record just added names flight num.
func (t *traceLog) names(num uint64) {
	c := &t.chunks[len(t.chunks)-1]
	if c.minFlight == 0 || num < c.minFlight {
		c.minFlight = num
	}
}

func (t *traceLog) at(i int) (*tracePart, *traceRec) {
	k := i - t.first
	c := &t.chunks[k/traceChunk]
	return c, &c.recs[k%traceChunk]
}

func (t *traceLog) clone() traceLog {
	c := *t
	c.chunks = make([]tracePart, len(t.chunks))
	copy(c.chunks, t.chunks)
	if k := len(c.chunks) - 1; k >= 0 {
		last := &c.chunks[k]
		last.recs = last.recs[:len(last.recs):len(last.recs)]
		last.more = last.more[:len(last.more):len(last.more)]
	}
	return c
}

// emptyTraceAt is a trace that keeps nothing yet, positioned where t ends
// (and discarding events if t does).
func emptyTraceAt(t traceLog, window int) traceLog {
	return traceLog{first: t.n, n: t.n, window: window, off: t.off}
}

// checkpointClone is a clone for a session's checkpoint: with a trace
// window it keeps no trace (the replay after a restore writes a new one),
// so checkpoints do not pin old events in memory.
func (w *World) checkpointClone() *World {
	c := w.Clone()
	if w.trace.window > 0 {
		c.trace = emptyTraceAt(w.trace, w.trace.window)
		c.trimFlights()
	}
	return c
}

// DiscardTrace stops keeping the trace, for a headless run that reads only
// its outcome (raftsim chaos, raftsim run without --events): events are
// counted but not kept (TraceStart keeps up with TraceLen), nor are the
// records of the flights they would name. Writing them is a good part of
// a run's cost (BenchmarkSimulation/headless); nothing else in the run
// changes, violations and expectations included.
func (w *World) DiscardTrace() {
	w.trace = emptyTraceAt(w.trace, 0)
	w.trace.off = true
	w.flights = flightStore{n: w.flights.n, off: true}
}

// SetTraceWindow keeps only about the newest n events of the trace (0: all
// of them), so that a long interactive session holds a bounded trace. A
// session with a window keeps no trace in its checkpoints: after a seek
// back, the trace starts a little before the moment sought.
func (w *World) SetTraceWindow(n int) {
	w.trace.window = max(n, 0)
}

// Trace returns a copy of the events kept, oldest first (every event of
// the run unless a window is set; none once the trace is discarded). It
// copies: views that redraw often use TraceStart, TraceLen and EventAt.
func (w *World) Trace() []Event {
	out := make([]Event, 0, w.trace.n-w.trace.first)
	for k := range w.trace.chunks {
		c := &w.trace.chunks[k]
		for i := range c.recs {
			out = append(out, w.event(c, &c.recs[i]))
		}
	}
	return out
}

// TraceStart is the number of the oldest event kept (0 without a window;
// TraceLen once the trace is discarded).
func (w *World) TraceStart() int { return w.trace.first }

// TraceLen is the number of events so far in the run (kept or not).
func (w *World) TraceLen() int { return w.trace.n }

// EventAt returns event i of the run, for TraceStart <= i < TraceLen.
func (w *World) EventAt(i int) Event { return w.event(w.trace.at(i)) }

// EventTypeAt returns the type of event i, for TraceStart <= i < TraceLen:
// views that scan the trace for a few types look at each event's type
// without building the event (which, for a message, builds its Flight).
func (w *World) EventTypeAt(i int) view.EventType {
	_, r := w.trace.at(i)
	return r.typ
}
