package lab

import (
	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/playground/view"
)

// flightViews keeps the views of the messages on the wire between calls:
// the UI asks for them on every update and every frame, and viewing each
// one copies it and its sentence (tens of kilobytes a frame on a busy
// wire), while the wire changes only when an event is handled or emitted
// (playground.World.Changes). They are shared: callers must not change
// them.
type flightViews struct {
	// world and changes say which world, at which change, the views are
	// of: a seek replaces the session's world, and holding it keeps its
	// flights from being reused.
	world   *playground.World
	changes uint64
	views   []view.Flight
}

// of is the views of w's messages on the wire.
func (c *flightViews) of(w *playground.World) []view.Flight {
	if c.world == w && c.changes == w.Changes() && c.views != nil {
		return c.views
	}
	c.world, c.changes = w, w.Changes()
	// A new slice: a caller may still hold the last one.
	c.views = views(w.InFlight(), (*playground.Flight).View)
	return c.views
}
