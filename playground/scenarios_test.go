package playground

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/raftlab/raftlab/playground/view"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// runScenario runs a parsed scenario to its end and returns the session.
func runScenario(t testing.TB, sc *view.Scenario) *Session {
	t.Helper()
	w, err := NewWorld(sc)
	require.NoError(t, err)
	s := NewSession(w, sc.Actions)
	s.RunUntil(sc.Until)
	return s
}

func runBundled(t testing.TB, name string) (*view.Scenario, *Session) {
	t.Helper()
	sc, err := LoadBundled(name)
	require.NoError(t, err)
	return sc, runScenario(t, sc)
}

// traceText renders a trace the way the feed and the JSON Lines do.
func traceText(w *World) string {
	var b bytes.Buffer
	for _, e := range w.Trace() {
		fmt.Fprintf(&b, "%d %s %s\n", e.AtMs, e.Type, e.Text())
	}
	return b.String()
}

// TestBundledScenarios runs every example scenario: each one's expectations
// hold, and only the scenario made to break safety reports violations.
func TestBundledScenarios(t *testing.T) {
	names := BundledScenarios()
	require.GreaterOrEqual(t, len(names), 14)
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			sc, s := runBundled(t, name)
			w := s.World()
			res := w.Result(sc.Name)
			require.NotEmpty(t, res.Expectations, "a bundled scenario states what it shows")
			for _, e := range res.Expectations {
				assert.True(t, e.OK, "at %d ms: %s", e.At, e.Message)
			}
			switch name {
			case "figure8-unsafe", "figure8-manual":
				props := map[string]bool{}
				for _, v := range res.Violations {
					props[v.Property] = true
				}
				assert.True(t, props[view.LeaderCompleteness], "the checker sees S5 elected without the committed entry: %v", res.Violations)
				assert.True(t, props[view.StateMachineSafety], "the checker sees index 2 applied twice differently: %v", res.Violations)
			case "stale-read":
				assert.Empty(t, res.Violations)
				assert.Equal(t, Linearizability("illegal"), res.Verdict, "the local read returned a stale value")
			default:
				assert.Empty(t, res.Violations)
				assert.Equal(t, Linearizability("ok"), res.Verdict)
			}
			if t.Failed() {
				t.Log(traceText(w))
			}
		})
	}
}

// TestDeterminism: the same scenario and seed give the same bytes.
func TestDeterminism(t *testing.T) {
	for _, name := range []string{"minority-partition", "membership-change", "snapshot-install"} {
		sc, err := LoadBundled(name)
		require.NoError(t, err)
		sc.Settings.DropRate, sc.Settings.DuplicateRate = 0.1, 0.05
		var outs []string
		for range 2 {
			w := runScenario(t, sc).World()
			res, err := json.Marshal(w.Result(sc.Name))
			require.NoError(t, err)
			outs = append(outs, traceText(w)+string(res))
		}
		require.Equal(t, outs[0], outs[1], name)
		// And a different seed gives a different run.
		sc.Settings.Seed++
		other := traceText(runScenario(t, sc).World())
		require.NotEqual(t, outs[0][:len(other)/2], other[:len(other)/2], name)
	}
}
