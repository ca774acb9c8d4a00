package lab

import (
	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/playground/view"
)

// flightViews keeps the views of the messages on the wire between calls:
// the UI asks for them on every update and every frame, and viewing each
// one copies it and its sentence (tens of kilobytes a frame on a busy
// wire), while the wire changes only when a message is sent, lost or
// lands.
//
// A flight's view follows from its identity and the fields that change
// after it was sent: once on the wire, a flight changes only by being
// marked lost (with the cause); it is freed, reset and reused for a new
// message, under a new ID, once it lands. So the views are built again
// when the world, a flight, its ID or whether it is lost differs from
// those the views were built from; otherwise the same views are handed
// out again. They are shared: callers must not change them.
type flightViews struct {
	// world is the world the views are of: a seek replaces the session's
	// world, and holding it keeps its flights from being reused.
	world *playground.World
	keys  []flightKey
	views []view.Flight
}

// flightKey is what a flight's view depends on.
type flightKey struct {
	f    *playground.Flight
	id   uint64
	lost bool
}

// of is the views of w's messages on the wire.
func (c *flightViews) of(w *playground.World) []view.Flight {
	wire := w.InFlight()
	if c.world == w && len(c.keys) == len(wire) {
		same := true
		for i, f := range wire {
			if c.keys[i] != (flightKey{f, f.ID, f.Lost}) {
				same = false
				break
			}
		}
		if same {
			return c.views
		}
	}
	c.world = w
	c.keys = c.keys[:0]
	for _, f := range wire {
		c.keys = append(c.keys, flightKey{f, f.ID, f.Lost})
	}
	// A new slice: a caller may still hold the last one.
	c.views = views(wire, (*playground.Flight).View)
	return c.views
}
