package playground

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestQueueOrdersEvents: with events scheduled at random times (within the
// calendar's span, beyond it, in the past) and in both lanes while the
// present moves on, the queue always hands out the earliest pending event
// by (at, seq), as a plain list searched in full would; and so does a clone
// taken along the way.
func TestQueueOrdersEvents(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	w := &World{}
	var pending []event
	queued := func() {
		// The event just scheduled is the one with the newest seq.
		for _, l := range append(w.queue.cal, w.queue.lanes[:]...) {
			if n := len(l.ev); n > l.head && l.ev[n-1].seq == w.seq {
				pending = append(pending, l.ev[n-1])
				return
			}
		}
		i := slices.IndexFunc(w.queue.heap, func(e event) bool { return e.seq == w.seq })
		pending = append(pending, w.queue.heap[i])
	}
	var taken []event
	// runUntil takes every event due by until, as World.RunUntil does,
	// each the earliest of those pending.
	runUntil := func(until int64) {
		for {
			e, from := w.queue.next()
			if e == nil {
				require.Empty(t, pending)
				break
			}
			if e.at > until {
				break
			}
			i := 0
			for j := range pending {
				if pending[j].before(&pending[i]) {
					i = j
				}
			}
			require.Equal(t, pending[i], w.queue.take(from))
			w.now = max(w.now, pending[i].at)
			taken = append(taken, pending[i])
			pending = slices.Delete(pending, i, i+1)
		}
		w.now = max(w.now, until)
	}
	for range 20_000 {
		switch r.IntN(6) {
		case 0:
			w.scheduleAfter(laneAttempt, event{kind: evClientTimeout})
		case 1:
			w.scheduleAfter(laneBackoff, event{kind: evClientTimeout})
		case 2:
			w.schedule(event{at: w.now + calendarSpan - 20 + r.Int64N(40), kind: evTimer})
		case 3:
			w.schedule(event{at: max(0, w.now-r.Int64N(3)), kind: evTimer})
		default:
			w.schedule(event{at: w.now + r.Int64N(30), kind: evDeliver})
		}
		queued()
		if r.IntN(2) == 0 {
			runUntil(w.now + r.Int64N(3))
		}
	}
	require.Greater(t, len(taken), 10_000)
	// A clone hands out the same events as the original, and taking them
	// from one leaves the other's alone.
	c := w.queue.clone()
	var fromClone []event
	for {
		e, from := c.next()
		if e == nil {
			break
		}
		fromClone = append(fromClone, c.take(from))
	}
	require.Len(t, fromClone, len(pending))
	mark := len(taken)
	for _, e := range fromClone {
		runUntil(e.at)
	}
	require.Equal(t, fromClone, taken[mark:])
}
