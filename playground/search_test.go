package playground

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/raftlab/raftlab/playground/view"
)

// searchFor is a search with the default budget and the switch name on.
func searchFor(t testing.TB, rule string) *Search {
	s := view.DefaultSettings()
	if rule != "" {
		require.NoError(t, SetRule(&s, rule))
	}
	se, err := NewSearch(SearchConfig{Settings: s, Runs: DefaultSearchRuns, FirstSeed: 1, DurationMs: DefaultSearchDurationMs, StopAtFailure: true, Minimize: true})
	require.NoError(t, err)
	return se
}

// The stepper finds and shrinks a failure in small steps, its progress
// moving forward, and what it found fails again on replay, the same way
// at the same moment.
func TestSearchSteps(t *testing.T) {
	se := searchFor(t, "ackBeforeFsync")
	var last SearchProgress
	steps := 0
	for !se.Done() {
		se.Step()
		steps++
		p := se.Progress()
		assert.GreaterOrEqual(t, p.Runs, last.Runs)
		assert.GreaterOrEqual(t, p.Tries, last.Tries)
		last = p
	}
	assert.Greater(t, steps, last.Runs+last.Tries, "a run takes several steps")
	r := se.Result()
	require.True(t, r.Found)
	assert.False(t, r.Stopped)
	assert.Equal(t, "Term Never Decreases", r.Property)
	assert.LessOrEqual(t, len(r.Scenario.Actions), MinimizeTarget)
	assert.Equal(t, len(r.Scenario.Actions), last.Steps)
	require.Len(t, r.Steps, last.Steps)
	assert.Equal(t, StepLine(r.Scenario.Actions[0]), r.Steps[0])
	at, failed := replayFails(r.Scenario, r.Property)
	assert.True(t, failed)
	assert.Equal(t, r.AtMs, at)

	again := searchFor(t, "ackBeforeFsync")
	for !again.Done() {
		again.Step()
	}
	assert.Equal(t, r.Scenario, again.Result().Scenario, "the same search finds the same")
}

// Stop ends a search at once, keeping what it found.
func TestSearchStop(t *testing.T) {
	se := searchFor(t, "")
	for range 50 {
		se.Step()
	}
	se.Stop()
	assert.True(t, se.Done())
	runs := se.Progress().Runs
	se.Step()
	assert.Equal(t, runs, se.Progress().Runs, "a stopped search does nothing")
	r := se.Result()
	assert.True(t, r.Stopped)
	assert.False(t, r.Found)
	assert.Less(t, r.Runs, DefaultSearchRuns)
}

// With no switch on, a search finds nothing in its budget and says how many
// runs it made.
func TestSearchNothing(t *testing.T) {
	s := view.DefaultSettings()
	se, err := NewSearch(SearchConfig{Settings: s, Runs: 40, FirstSeed: 1, DurationMs: 5000, StopAtFailure: true, Minimize: true})
	require.NoError(t, err)
	for !se.Done() {
		se.Step()
	}
	r := se.Result()
	assert.False(t, r.Found)
	assert.Equal(t, 40, r.Runs)
	assert.Nil(t, r.Scenario)
}

// The features a search is told to keep stay as given in every run; the
// others vary; steering never makes settings a world refuses.
func TestSearchSettings(t *testing.T) {
	base := view.DefaultSettings()
	_, err := SetFeature(&base, "readMode=lease")
	require.NoError(t, err)
	require.NoError(t, SetRule(&base, "commitOldTermsByCounting"))
	varied := map[bool]bool{}
	for seed := range int64(50) {
		s := searchSettings(base, []string{"readMode"}, seed)
		require.NoError(t, s.Validate())
		assert.Equal(t, view.LeaseRead, s.ReadMode)
		assert.True(t, s.CheckQuorum, "lease reads keep CheckQuorum")
		assert.False(t, s.LeaderNoop, "steered for Figure 8")
		varied[s.FastBacktrack] = true
	}
	assert.Len(t, varied, 2, "a feature not kept varies")
	s := searchSettings(base, []string{"readMode", "leaderNoop"}, 1)
	assert.True(t, s.LeaderNoop, "a kept feature is not steered")
}

// On etcd's engine a search never draws leaderNoop off (etcd's raft has
// no such switch, and a world would refuse it), and a seed draws the
// other features as it does on RaftLab's, so that a seed is the same
// cluster on both.
func TestSearchSettingsEtcd(t *testing.T) {
	etcd := view.DefaultSettings()
	etcd.Engine = view.EngineEtcd
	off := 0
	for seed := range int64(50) {
		s := searchSettings(etcd, nil, seed)
		require.NoError(t, s.Validate())
		assert.True(t, s.LeaderNoop)
		own := searchSettings(view.DefaultSettings(), nil, seed)
		if !own.LeaderNoop {
			off++
		}
		own.Engine, own.LeaderNoop = view.EngineEtcd, true
		assert.Equal(t, own, s, "seed %d", seed)
	}
	assert.Positive(t, off, "RaftLab's engine draws leaderNoop off now and then")
}

// A history that is not linearizable is found, and shrunk, by the
// linearizability check alone: local reads are stale by design.
func TestSearchNotLinearizable(t *testing.T) {
	s := view.DefaultSettings()
	_, err := SetFeature(&s, "readMode=local")
	require.NoError(t, err)
	se, err := NewSearch(SearchConfig{Settings: s, Pinned: []string{"readMode"}, Runs: 50, FirstSeed: 1, DurationMs: 5000, StopAtFailure: true, Minimize: true})
	require.NoError(t, err)
	for !se.Done() {
		se.Step()
	}
	r := se.Result()
	require.True(t, r.Found)
	assert.Empty(t, r.Property)
	_, failed := replayFails(r.Scenario, "")
	assert.True(t, failed)
	assert.Less(t, len(r.Scenario.Actions), len(r.Failure.Scenario.Actions))
}

// BenchmarkMinimize measures what a user waits for with each switch on: a
// search with the default budget that finds a failure and shrinks it (the
// steps it ends with, the runs and the replays it took).
func BenchmarkMinimize(b *testing.B) {
	for _, rule := range []string{"commitOldTermsByCounting", "skipElectionRestriction", "ackBeforeFsync"} {
		b.Run(rule, func(b *testing.B) {
			var p SearchProgress
			for b.Loop() {
				se := searchFor(b, rule)
				for !se.Done() {
					se.Step()
				}
				require.True(b, se.Result().Found)
				p = se.Progress()
			}
			b.ReportMetric(float64(p.Steps), "steps")
			b.ReportMetric(float64(p.Runs), "runs")
			b.ReportMetric(float64(p.Tries), "replays")
		})
	}
}
