// Flights in motion: the Flights on the wire, from their send until they
// land (delivered or lost), and the world's free list of Flights. A flight
// delivered to a node busy with an fsync waits in the node's inbox until the
// fsync ends. A Flight is the world's own from newFlight until it has been
// handled; then freeFlight zeroes it and keeps it for the next send, so a
// run allocates about as many Flights as are ever in the air at once. Only
// the flight's record in the store (traceflights.go) outlives it. A clone
// copies the flights on its wire and starts an empty free list.

package playground

// wire holds the flights on the wire by ID. IDs are handed out one after
// another and a flight lands within a few dozen IDs of the newest, so a
// window of slots from the oldest flight still on the wire finds, adds and
// removes a flight without hashing, and lists the flights in ID order as
// they stand.
type wire struct {
	// slots[head+i] is flight base+i, or nil once it has landed.
	slots []*Flight
	head  int
	base  uint64
	n     int
}

// add puts f on the wire; its ID must follow the last one added.
func (q *wire) add(f *Flight) {
	if q.head == len(q.slots) {
		q.slots, q.head, q.base = q.slots[:0], 0, f.ID
	}
	if len(q.slots) == cap(q.slots) && q.head >= len(q.slots)/2 {
		// Reuse the landed front rather than grow, once it is at least
		// half of the window (see lane.push).
		k := copy(q.slots, q.slots[q.head:])
		clear(q.slots[k:])
		q.slots, q.head = q.slots[:k], 0
	}
	q.slots = append(q.slots, f)
	q.n++
}

// slot returns the slot of flight id, or nil when id is not in the window.
func (q *wire) slot(id uint64) **Flight {
	if id < q.base || id-q.base >= uint64(len(q.slots)-q.head) {
		return nil
	}
	return &q.slots[q.head+int(id-q.base)]
}

// get returns flight id if it is on the wire.
func (q *wire) get(id uint64) (*Flight, bool) {
	if s := q.slot(id); s != nil && *s != nil {
		return *s, true
	}
	return nil, false
}

// remove takes flight id, which is on the wire, off it.
func (q *wire) remove(id uint64) {
	*q.slot(id) = nil
	q.n--
	for q.head < len(q.slots) && q.slots[q.head] == nil {
		q.head++
		q.base++
	}
}

// list returns the flights on the wire in ID order.
func (q *wire) list() []*Flight {
	out := make([]*Flight, 0, q.n)
	for _, f := range q.slots[q.head:] {
		if f != nil {
			out = append(out, f)
		}
	}
	return out
}

// clone returns a copy with slots and flights of its own (a world reuses
// its flights once they land).
func (q *wire) clone() wire {
	c := wire{slots: make([]*Flight, len(q.slots)-q.head), base: q.base, n: q.n}
	for i, f := range q.slots[q.head:] {
		if f != nil {
			cp := *f
			c.slots[i] = &cp
		}
	}
	return c
}

// newFlight returns a zero Flight to send. The flights on a world's wire
// and in its nodes' inboxes are its own (a clone copies them), so a world
// reuses each once it has landed (see freeFlight): only the store's small
// record of it outlives its flight.
func (w *World) newFlight() *Flight {
	if k := len(w.freeFlights) - 1; k >= 0 {
		f := w.freeFlights[k]
		w.freeFlights = w.freeFlights[:k]
		return f
	}
	return new(Flight)
}

// freeFlight takes back a flight that has landed and been handled.
func (w *World) freeFlight(f *Flight) {
	*f = Flight{}
	w.freeFlights = append(w.freeFlights, f)
}

// copyFlight returns a new Flight equal to f.
func (w *World) copyFlight(f *Flight) *Flight {
	c := w.newFlight()
	*c = *f
	return c
}

// InFlight lists the messages on the wire, oldest first. The flights are
// the world's own, reused once they land: copy what must outlive the next
// event.
func (w *World) InFlight() []*Flight { return w.wire.list() }
