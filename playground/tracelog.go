package playground

// traceLog stores the trace in fixed-size chunks. Appending never copies
// old events (a flat slice would, on every growth), and a clone of the world
// shares every chunk: only the last, partial one is capped so that the
// clone's own appends copy it rather than overwrite the original's.
type traceLog struct {
	chunks [][]Event
	n      int
}

const traceChunk = 1024

func (t *traceLog) add(e Event) {
	if len(t.chunks) == 0 || len(t.chunks[len(t.chunks)-1]) >= traceChunk {
		t.chunks = append(t.chunks, make([]Event, 0, traceChunk))
	}
	last := &t.chunks[len(t.chunks)-1]
	*last = append(*last, e)
	t.n++
}

func (t *traceLog) at(i int) *Event { return &t.chunks[i/traceChunk][i%traceChunk] }

func (t *traceLog) clone() traceLog {
	c := traceLog{chunks: make([][]Event, len(t.chunks)), n: t.n}
	copy(c.chunks, t.chunks)
	if k := len(c.chunks) - 1; k >= 0 {
		c.chunks[k] = c.chunks[k][:len(c.chunks[k]):len(c.chunks[k])]
	}
	return c
}

// Trace returns a copy of every event so far, oldest first. It copies the
// whole trace: views that redraw often use TraceLen and EventAt.
func (w *World) Trace() []Event {
	out := make([]Event, 0, w.trace.n)
	for _, c := range w.trace.chunks {
		out = append(out, c...)
	}
	return out
}

// TraceLen is the number of events so far.
func (w *World) TraceLen() int { return w.trace.n }

// EventAt returns event i of the trace, 0 being the oldest.
func (w *World) EventAt(i int) Event { return *w.trace.at(i) }
