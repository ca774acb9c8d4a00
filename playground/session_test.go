package playground

import (
	"cmp"
	"encoding/json"
	"slices"
	"testing"

	"github.com/raftlab/raftlab/playground/view"
	"github.com/stretchr/testify/require"
)

// fingerprint captures everything observable about a world: its result
// document and its whole trace.
func fingerprint(t testing.TB, w *World) string {
	res, err := json.Marshal(w.Result("x"))
	require.NoError(t, err)
	return string(res) + traceText(w)
}

func busyScenario(t testing.TB) *view.Scenario {
	sc, err := LoadBundled("minority-partition")
	require.NoError(t, err)
	sc.Settings.DropRate = 0.05
	for at := int64(100); at < 4000; at += 97 {
		sc.Actions = append(sc.Actions, view.Action{At: at, Do: "put", Key: "k", Value: "v"})
	}
	sortSteps(sc.Actions)
	return sc
}

func TestSeekBackAndForth(t *testing.T) {
	sc := busyScenario(t)
	ref := map[int64]string{}
	w, err := NewWorld(sc)
	require.NoError(t, err)
	s := NewSession(w, sc.Actions)
	for _, at := range []int64{700, 1300, 2600, 3999} {
		s.RunUntil(at)
		ref[at] = fingerprint(t, s.World())
	}
	// Seek anywhere, in any order: each moment looks exactly as it did.
	for _, at := range []int64{1300, 700, 3999, 2600, 700, 1300} {
		s.SeekTo(at)
		require.Equal(t, at, s.Now())
		require.Equal(t, ref[at], fingerprint(t, s.World()), "seek to %d", at)
	}
}

// TestForwardSessionRunsTheSame: a session that takes no checkpoints
// reaches the same worlds as one that does, holds only its first
// checkpoint, and can still seek back.
func TestForwardSessionRunsTheSame(t *testing.T) {
	sc := busyScenario(t)
	run := func(forward bool) (*Session, []string) {
		w, err := NewWorld(sc)
		require.NoError(t, err)
		s := NewSession(w, sc.Actions)
		if forward {
			s.DiscardCheckpoints()
		}
		var fps []string
		for _, at := range []int64{700, 2600, 3999} {
			s.RunUntil(at)
			fps = append(fps, fingerprint(t, s.World()))
		}
		return s, fps
	}
	s, got := run(true)
	ref, want := run(false)
	require.Equal(t, want, got)
	require.Len(t, s.checkpoints, 1)
	require.Greater(t, len(ref.checkpoints), 1)
	s.SeekTo(700)
	require.Equal(t, want[0], fingerprint(t, s.World()))
}

func TestActingInThePastForksHistory(t *testing.T) {
	sc := busyScenario(t)
	w, err := NewWorld(sc)
	require.NoError(t, err)
	s := NewSession(w, sc.Actions)
	s.RunUntil(3000)
	before := len(s.Actions())
	s.SeekTo(600)
	require.NoError(t, s.Do(view.Action{Do: "crash", Node: 3}))
	// The steps after 600 are gone; the crash is the last step.
	require.Less(t, len(s.Actions()), before)
	last := s.Actions()[len(s.Actions())-1]
	require.Equal(t, view.Action{At: 600, Do: "crash", Node: 3}, last)
	require.Equal(t, int64(600), s.Horizon())
	s.RunUntil(1000)
	require.False(t, s.World().Node(3).Up)

	// The fork is itself replayable: seeking back before it and forward
	// again gives the same world.
	want := fingerprint(t, s.World())
	s.SeekTo(300)
	s.SeekTo(1000)
	require.Equal(t, want, fingerprint(t, s.World()))

	// Undo is a seek: before the crash, node 3 is up.
	s.SeekTo(599)
	require.True(t, s.World().Node(3).Up)
}

func TestCheckpointsStayBounded(t *testing.T) {
	sc, err := LoadBundled("initial-election")
	require.NoError(t, err)
	w, err := NewWorld(sc)
	require.NoError(t, err)
	s := NewSession(w, nil)
	s.RunUntil(10 * 60 * 1000)
	require.LessOrEqual(t, len(s.checkpoints), maxCheckpoints)
	// Every moment is still reachable.
	s.SeekTo(12345)
	require.Equal(t, int64(12345), s.Now())
	_, ok := s.World().Leader()
	require.True(t, ok)
}

func sortSteps(steps []view.Action) {
	slices.SortStableFunc(steps, func(a, b view.Action) int { return cmp.Compare(a.At, b.At) })
}

// TestActingTwiceInOneMomentReplays: two steps at the same moment, the
// first scheduling an event for that very moment (an fsync that takes 0 ms),
// replay exactly. (Found in review: Do ran before such events, replay after.)
func TestActingTwiceInOneMomentReplays(t *testing.T) {
	s := view.DefaultSettings()
	s.FsyncMs = 0
	w, err := New(s)
	require.NoError(t, err)
	sess := NewSession(w, nil)
	require.NoError(t, sess.Do(view.Action{Do: "campaign", Node: 1}))
	sess.RunUntil(500)
	require.NoError(t, sess.Do(view.Action{Do: "put", Key: "k", Value: "v"}))
	sess.RunUntil(600)
	require.NoError(t, sess.Do(view.Action{Do: "snapshot", Node: 1}))
	require.NoError(t, sess.Do(view.Action{Do: "crash", Node: 1}))
	sess.RunUntil(3000)
	want := fingerprint(t, sess.World())
	sess.SeekTo(0)
	sess.SeekTo(3000)
	require.Equal(t, want, fingerprint(t, sess.World()))
}

// TestFailedStepKeepsTheFuture: an action refused in the past does not
// discard the recorded future. (Found in review.)
func TestFailedStepKeepsTheFuture(t *testing.T) {
	sc := busyScenario(t)
	w, err := NewWorld(sc)
	require.NoError(t, err)
	s := NewSession(w, sc.Actions)
	s.RunUntil(3000)
	steps := len(s.Actions())
	s.SeekTo(600)
	require.Error(t, s.Do(view.Action{Do: "restart", Node: 1}), "S1 is up: restart is refused")
	require.Len(t, s.Actions(), steps)
	require.Equal(t, int64(3000), s.Horizon())
}
