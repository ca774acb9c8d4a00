package playground

import (
	"cmp"
	"encoding/json"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"
)

// fingerprint captures everything observable about a world: its result
// document and its whole trace.
func fingerprint(t testing.TB, w *World) string {
	res, err := json.Marshal(w.Result("x"))
	require.NoError(t, err)
	return string(res) + traceText(w)
}

func busyScenario(t testing.TB) *Scenario {
	sc, err := LoadBundled("minority-partition")
	require.NoError(t, err)
	sc.Settings.DropRate = 0.05
	for at := int64(100); at < 4000; at += 97 {
		sc.Steps = append(sc.Steps, Step{At: at, Do: "put", Key: "k", Value: "v"})
	}
	sortSteps(sc.Steps)
	return sc
}

func TestSeekBackAndForth(t *testing.T) {
	sc := busyScenario(t)
	ref := map[int64]string{}
	w, err := sc.NewWorld()
	require.NoError(t, err)
	s := NewSession(w, sc.Steps)
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

func TestActingInThePastForksHistory(t *testing.T) {
	sc := busyScenario(t)
	w, err := sc.NewWorld()
	require.NoError(t, err)
	s := NewSession(w, sc.Steps)
	s.RunUntil(3000)
	before := len(s.Steps())
	s.SeekTo(600)
	require.NoError(t, s.Do(Step{Do: "crash", Node: 3}))
	// The steps after 600 are gone; the crash is the last step.
	require.Less(t, len(s.Steps()), before)
	last := s.Steps()[len(s.Steps())-1]
	require.Equal(t, Step{At: 600, Do: "crash", Node: 3}, last)
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
	w, err := sc.NewWorld()
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

func sortSteps(steps []Step) {
	slices.SortStableFunc(steps, func(a, b Step) int { return cmp.Compare(a.At, b.At) })
}
