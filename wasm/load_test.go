package main

import (
	"fmt"
	"testing"

	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/ui"
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

// TestRateWorldIsTheSandboxUnderLoad: ?rate=R is the sandbox the app opens
// on with clients writing R times a second for an hour; a
// rate the playground refuses is a problem of the link, and with the load
// page's parameters the load page wins.
func TestRateWorldIsTheSandboxUnderLoad(t *testing.T) {
	o := optionsFromQuery(query(t, "rate=100"))
	require.Empty(t, o.problemsIn(i18n.English))
	require.NotNil(t, o.scenario)
	sandbox := ui.Sandbox()
	assert.Equal(t, sandbox.Settings, o.scenario.Settings, "the sandbox's settings")
	assert.Equal(t, sandbox.Name, o.scenario.Name)
	assert.Equal(t, []view.Action{{At: 1000, Do: "load", Rate: 100}}, o.scenario.Actions)
	assert.EqualValues(t, playground.MaxDurationMs, o.scenario.Until, "an hour")
	w, err := playground.NewWorld(o.scenario)
	require.NoError(t, err)
	ss := playground.NewSession(w, o.scenario.Actions)
	ss.RunUntil(3000)
	assert.InDelta(t, 200, ss.World().HistoryLen(), 20, "about 100 calls a second from the first second")

	for _, q := range []string{"rate=-1", "rate=1000", "rate=x"} {
		o = optionsFromQuery(query(t, q))
		assert.Nil(t, o.scenario, q)
		assert.Len(t, o.problems, 1, q)
	}
	o = optionsFromQuery(query(t, "nodes=5&load=50&rate=100"))
	assert.Equal(t, 50, o.load, "the load page")
	assert.Equal(t, []string{"rate"}, o.ignored)
}
