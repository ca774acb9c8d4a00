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
	if len(q.slots) == cap(q.slots) && q.head > 0 {
		// Reuse the landed front rather than grow.
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
