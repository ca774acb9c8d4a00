package playground

import (
	"fmt"
	"strings"
	"testing"

	"github.com/raftlab/raftlab/raft"
	"github.com/stretchr/testify/require"
)

// cloneLoad is the client load of TestCloneRunsLikeItsOriginal: a put
// every 10 ms.
func cloneLoad(w *World, to int64) {
	for at := w.Now() - w.Now()%10 + 10; at <= to; at += 10 {
		w.RunUntil(at)
		w.Submit(Command{Op: OpPut, Key: benchKeys[at/10%8], Value: fmt.Sprint(at)}, raft.None, ReadIndexRead)
	}
}

// wireText describes the flights on the wire.
func wireText(w *World) string {
	var b strings.Builder
	for _, f := range w.InFlight() {
		fmt.Fprintf(&b, "%d %d %s\n", f.ID, f.DeliverAt, describeFlight(f))
	}
	return b.String()
}

// TestCloneRunsLikeItsOriginal: a clone taken at any moment (nodes waiting
// for an fsync with a batch pending, flights on the wire, client timeouts
// queued) runs on exactly as its original does, and running a world, the
// same way or another, never changes what another has recorded. The world
// reuses memory (flight blocks, the trace's eventMore blocks, raft's
// outboxes, the queue's lanes, the wire's slots, nodes' inboxes): none of
// it may be shared between a world and its clone.
func TestCloneRunsLikeItsOriginal(t *testing.T) {
	s := DefaultSettings()
	s.FsyncMs = 4 // nodes spend much of their time with a batch pending
	s.DropRate, s.DuplicateRate = 0.05, 0.05
	w, err := New(s)
	require.NoError(t, err)
	const end = 3000
	type snap struct {
		w    *World
		at   int64
		seen string
	}
	var clones []snap
	for at := int64(100); at < end; at += 230 {
		cloneLoad(w, at)
		c := w.Clone()
		clones = append(clones, snap{c, at, fingerprint(t, c) + wireText(c)})
	}
	cloneLoad(w, end)
	want := fingerprint(t, w) + wireText(w)
	busy := 0
	for _, c := range clones {
		for _, n := range c.w.nodes {
			if n != nil && n.busy {
				busy++
			}
		}
		// Another future from the same moment: a crash and other writes.
		d := c.w.Clone()
		require.NoError(t, d.Crash(1))
		for i := range 20 {
			d.Submit(Command{Op: OpPut, Key: "other", Value: fmt.Sprint(i)}, raft.None, ReadIndexRead)
			d.RunUntil(d.Now() + 25)
		}
		require.Equal(t, c.seen, fingerprint(t, c.w)+wireText(c.w), "running other worlds changed the clone taken at %d", c.at)
		require.Equal(t, want, fingerprint(t, w)+wireText(w), "running the clones changed the original")
		cloneLoad(c.w, end)
		require.Equal(t, want, fingerprint(t, c.w)+wireText(c.w), "the clone taken at %d ran differently", c.at)
	}
	require.Positive(t, busy, "no clone was taken with a batch pending")
}
