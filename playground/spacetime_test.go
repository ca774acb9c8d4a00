package playground

import (
	"testing"

	"github.com/raftlab/raftlab/playground/view"
	"github.com/stretchr/testify/require"
)

// bundledSession runs a bundled scenario to ms.
func bundledSession(t testing.TB, name string, ms int64) *Session {
	sc, err := LoadBundled(name)
	require.NoError(t, err)
	w, err := NewWorld(sc)
	require.NoError(t, err)
	s := NewSession(w, sc.Actions)
	s.RunUntil(ms)
	return s
}

// TestSpaceTimeCountsEveryMessage: the diagram of the minority partition
// around its start has an arrow for every Raft message the trace shows on
// the wire in the stretch (counted here from the events themselves), the
// messages cut off by the partition lost on the way, and a lane per
// server; an election and a commit are marked.
func TestSpaceTimeCountsEveryMessage(t *testing.T) {
	s := bundledSession(t, "minority-partition", 3000)
	const from, to = 100, 2500
	st := s.SpaceTime(from, to)

	flights := map[uint64]bool{}
	lost := map[uint64]bool{}
	for _, e := range s.World().Trace() {
		if e.AtMs < from || e.AtMs > to || e.Flight == nil || e.Flight.Kind != view.FlightRaft {
			continue
		}
		flights[e.Flight.ID] = true
		if e.Type == view.EvDrop {
			lost[e.Flight.ID] = true
		}
	}
	require.NotEmpty(t, lost)
	require.Len(t, st.Arrows, len(flights))
	require.Equal(t, []view.ID{1, 2, 3, 4, 5}, st.Lanes)
	nLost := 0
	for i, a := range st.Arrows {
		require.True(t, flights[a.Flight], "arrow of flight %d", a.Flight)
		require.Equal(t, lost[a.Flight], a.Lost && !a.Open, "flight %d", a.Flight)
		if lost[a.Flight] {
			nLost++
			require.True(t, a.OnWire, "partitioned: lost on the way")
		}
		require.LessOrEqual(t, a.SendAt, a.EndAt)
		if i > 0 {
			require.Less(t, st.Arrows[i-1].Flight, a.Flight, "in sending order, once each")
		}
	}
	require.Equal(t, len(lost), nLost)
	kinds := map[view.MarkKind]int{}
	for _, m := range st.Marks {
		kinds[m.Kind]++
	}
	require.Positive(t, kinds[view.MarkCandidate])
	require.Positive(t, kinds[view.MarkLeader])
	require.Positive(t, kinds[view.MarkCommit])
	require.Equal(t, int64(0), st.Known)
}

// TestSpaceTimeAfterSeekBack: after a seek back, the trace starts a little
// before the moment sought, and the diagram says so.
func TestSpaceTimeAfterSeekBack(t *testing.T) {
	s := bundledSession(t, "minority-partition", 6000)
	s.SetTraceWindow(50_000)
	s.SeekTo(5000)
	st := s.SpaceTime(0, 5000)
	require.GreaterOrEqual(t, st.Known, int64(5000-traceContextMs))
	require.Less(t, st.Known, int64(5000-traceContextMs+50))
	for _, a := range st.Arrows {
		require.GreaterOrEqual(t, a.EndAt, st.Known, "no message is invented before the trace")
	}
}

// BenchmarkSpaceTime builds the diagram of 9 servers under client load,
// in a stretch with about 200 messages.
func BenchmarkSpaceTime(b *testing.B) {
	sc := &view.Scenario{Settings: view.DefaultSettings(), Until: 4000}
	sc.Settings.Nodes = 9
	w, err := NewWorld(sc)
	require.NoError(b, err)
	s := NewSession(w, nil)
	s.RunUntil(4000)
	from, to := int64(3000), int64(3000)
	for to < 4000 && len(s.SpaceTime(from, to).Arrows) < 200 {
		to += 10
	}
	n := len(s.SpaceTime(from, to).Arrows)
	b.ReportAllocs()
	for b.Loop() {
		s.SpaceTime(from, to)
	}
	b.ReportMetric(float64(n), "arrows")
}
