package main

import (
	"fmt"
	"testing"

	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// averageInFlight runs a scenario from..to and samples the messages on the
// wire.
func averageInFlight(t *testing.T, sc *view.Scenario, from, to int64) float64 {
	t.Helper()
	w, err := playground.NewWorld(sc)
	if err != nil {
		t.Fatal(err)
	}
	ss := playground.NewSession(w, sc.Actions)
	sum, n := 0, 0
	for at := from; at < to; at += 7 {
		ss.RunUntil(at)
		sum += len(ss.World().InFlight())
		n++
	}
	return float64(sum) / float64(n)
}

func TestLoadScenarioKeepsAboutMInFlight(t *testing.T) {
	for _, c := range []struct{ nodes, load int }{{3, 20}, {5, 50}, {9, 200}, {5, 400}} {
		t.Run(fmt.Sprintf("%d-nodes-%d", c.nodes, c.load), func(t *testing.T) {
			sc, err := loadScenario(c.nodes, c.load)
			if err != nil {
				t.Fatal(err)
			}
			got := averageInFlight(t, sc, 1000, 8000)
			t.Logf("heartbeat %d ms, latency %v: %.1f messages in flight on average", sc.Settings.HeartbeatMs, sc.Settings.LatencyMs, got)
			assert.InDelta(t, float64(c.load), got, 0.2*float64(c.load), "about the requested load (if the protocol's traffic changed, recalibrate writeShare in load.go)")
			// And it stays there over a long run.
			late := averageInFlight(t, sc, 60_000, 64_000)
			assert.InDelta(t, got, late, 0.15*got, "a steady load")
			// Few elections: one at the start, none later.
			w, err := playground.NewWorld(sc)
			require.NoError(t, err)
			ss := playground.NewSession(w, sc.Actions)
			ss.RunUntil(20_000)
			assert.Equal(t, 1, ss.World().Stats().LeaderChanges)
			assert.Empty(t, ss.World().Violations())
		})
	}
}

func TestLoadScenarioWithoutLoadIsAQuietSandbox(t *testing.T) {
	sc, err := loadScenario(1, 0)
	require.NoError(t, err)
	assert.Equal(t, 1, sc.Settings.Nodes)
	assert.Len(t, sc.Actions, 1, "only the first campaign")
	sc, err = loadScenario(5, 0)
	require.NoError(t, err)
	assert.Equal(t, view.DefaultSettings().HeartbeatMs, sc.Settings.HeartbeatMs)
}
