package playground

import (
	"fmt"
	"strings"
	"testing"

	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
	"github.com/stretchr/testify/require"
)

// cloneLoad is the client load of TestCloneRunsLikeItsOriginal: a put
// every 10 ms.
func cloneLoad(w *World, to int64) {
	for at := w.Now() - w.Now()%10 + 10; at <= to; at += 10 {
		w.RunUntil(at)
		w.Submit(view.Command{Op: view.OpPut, Key: benchKeys[at/10%8], Value: fmt.Sprint(at)}, raft.None, view.ReadIndexRead)
	}
}

// wireText describes the flights on the wire.
func wireText(w *World) string {
	var b strings.Builder
	for _, f := range w.InFlight() {
		fmt.Fprintf(&b, "%d %d %s\n", f.ID, f.DeliverAt, describeFlight(i18n.English, f))
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
	s := view.DefaultSettings()
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
			d.Submit(view.Command{Op: view.OpPut, Key: "other", Value: fmt.Sprint(i)}, raft.None, view.ReadIndexRead)
			d.RunUntil(d.Now() + 25)
		}
		require.Equal(t, c.seen, fingerprint(t, c.w)+wireText(c.w), "running other worlds changed the clone taken at %d", c.at)
		require.Equal(t, want, fingerprint(t, w)+wireText(w), "running the clones changed the original")
		cloneLoad(c.w, end)
		require.Equal(t, want, fingerprint(t, c.w)+wireText(c.w), "the clone taken at %d ran differently", c.at)
	}
	require.Positive(t, busy, "no clone was taken with a batch pending")
}

// requireFlightsKept fails unless every flight w's kept trace names, and
// every flight on its wire (whose delivery or loss is still to be
// recorded), is in w's flight store: the blocks a world trims must be ones
// nothing it can still read names.
func requireFlightsKept(t *testing.T, w *World, what string) {
	t.Helper()
	kept := func(num uint64) bool {
		return len(w.flights.starts) > 0 && num >= w.flights.starts[0] && num <= w.flights.n
	}
	for i := w.TraceStart(); i < w.TraceLen(); i++ {
		_, r := w.trace.at(i)
		if id := r.flight(); id != 0 {
			require.True(t, kept(id), "%s: event %d names flight %d, trimmed (kept from %d)", what, i, id, w.flights.starts[0])
			require.Equal(t, id, w.flights.flight(id).ID, "%s: event %d", what, i)
		}
	}
	for _, f := range w.InFlight() {
		require.True(t, kept(f.ID), "%s: flight %d on the wire was trimmed", what, f.ID)
		require.Equal(t, *f, *w.flights.flight(f.ID), "%s: flight %d on the wire", what, f.ID)
	}
}

// TestTrimmedFlightsAreUnreachable: with a trace window, a world, its
// session's checkpoints and its clones let go of old flight blocks, yet
// every flight any of them can still name (in its kept trace, or on its
// wire to be recorded when it lands) stays in its store, through seeks and
// forks. Latencies longer than the window make flights outlive the events
// that sent them.
func TestTrimmedFlightsAreUnreachable(t *testing.T) {
	sc := busyScenario(t)
	sc.Settings.LatencyMs = [2]int64{5, 400}
	sc.Settings.DuplicateRate = 0.05
	w, err := NewWorld(sc)
	require.NoError(t, err)
	s := NewSession(w, sc.Actions)
	s.SetTraceWindow(300)
	var clones []*World
	check := func(at int64) {
		requireFlightsKept(t, s.World(), fmt.Sprintf("the world at %d", at))
		for i, cp := range s.checkpoints {
			requireFlightsKept(t, cp.world, fmt.Sprintf("checkpoint %d at %d", i, at))
		}
		for i, c := range clones {
			requireFlightsKept(t, c, fmt.Sprintf("clone %d at %d", i, at))
		}
	}
	for at := int64(250); at <= 4000; at += 250 {
		s.RunUntil(at)
		check(at)
		c := s.World().Clone()
		c.RunUntil(at + 300) // a fork runs on (and trims) on its own
		clones = append(clones, c)
		check(at)
	}
	s.SeekTo(1700)
	check(1700)
	s.RunUntil(12000)
	check(12000)
	require.Greater(t, s.World().flights.starts[0], uint64(1), "the world trimmed no flights")
	require.Less(t, len(s.World().flights.blocks), int(s.World().flights.n/flightBlockSize/2), "the world keeps most of its flights")
	trimmed := 0
	for _, cp := range s.checkpoints {
		if st := cp.world.flights.starts; len(st) > 0 && st[0] > 1 {
			trimmed++
		}
	}
	require.Positive(t, trimmed, "no checkpoint trimmed its flights")
}

// TestCloneRunsAlongsideItsOriginal: a world and its clone share only what
// neither changes, so they can run at once (go test -race checks it), as
// a view running one while another computes a seek may.
func TestCloneRunsAlongsideItsOriginal(t *testing.T) {
	s := view.DefaultSettings()
	s.DropRate, s.DuplicateRate, s.SnapshotEvery = 0.05, 0.05, 20
	w, err := New(s)
	require.NoError(t, err)
	cloneLoad(w, 1000)
	c := w.Clone()
	done := make(chan bool)
	for _, x := range []*World{w, c} {
		go func() {
			cloneLoad(x, 3000)
			x.Trace()
			done <- true
		}()
	}
	<-done
	<-done
	require.Equal(t, fingerprint(t, w)+wireText(w), fingerprint(t, c)+wireText(c), "the clone ran differently from its original")
}
