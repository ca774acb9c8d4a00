package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCLIDiagram: the diagram of the minority partition from 0.1 s to
// 2.5 s has a lane per server and an arrow per Raft message the trace
// shows on the wire in that stretch, counted here from the trace's
// events, and a cross per message lost in it (the partition cuts some).
func TestCLIDiagram(t *testing.T) {
	out := filepath.Join(t.TempDir(), "d.svg")
	r := cliRun(t, "diagram", "minority-partition", "--svg", out, "--from", "100", "--to", "2.5s")
	require.Equal(t, 0, r.code, r.stderr)
	data, err := os.ReadFile(out)
	require.NoError(t, err)
	svg := string(data)

	flights, lost := map[uint64]bool{}, map[uint64]bool{}
	for _, e := range scenarioTrace(t, "minority-partition", 2500) {
		if e.AtMs < 100 || e.Flight == nil || e.Flight.Kind != view.FlightRaft {
			continue
		}
		flights[e.Flight.ID] = true
		if e.Type == view.EvDrop {
			lost[e.Flight.ID] = true
		}
	}
	require.NotEmpty(t, lost)
	assert.Equal(t, 5, strings.Count(svg, `class="lane"`))
	assert.Equal(t, len(flights), strings.Count(svg, `class="arrow"`))
	assert.Equal(t, len(lost), strings.Count(svg, `class="lost"`))
	assert.Positive(t, strings.Count(svg, `class="mark-leader"`))
}

// scenarioTrace runs a bundled scenario to ms and returns its trace.
func scenarioTrace(t *testing.T, name string, ms int64) []playground.Event {
	sc, err := playground.LoadBundled(name)
	require.NoError(t, err)
	w, err := playground.NewWorld(sc)
	require.NoError(t, err)
	s := playground.NewSession(w, sc.Actions)
	s.RunUntil(ms)
	return s.World().Trace()
}

// TestCLIDiagramBadFlags: each mistake is one line naming it, exit 2, and
// no file.
func TestCLIDiagramBadFlags(t *testing.T) {
	out := filepath.Join(t.TempDir(), "d.svg")
	for _, args := range [][]string{
		{"minority-partition"},
		{"--svg", out},
		{"minority-partition", "leader-crash", "--svg", out},
		{"minority-partition", "--svg", out, "--from", "2s", "--to", "1s"},
		{"minority-partition", "--svg", out, "--to", "soon"},
		{"minority-partition", "--svg", out, "--from", "-5"},
		{"minority-partition", "--svg", out, "--to", "90s"},
		{"no-such-scenario", "--svg", out},
		{"minority-partition", "--svg", out, "--size", "10x10"},
	} {
		r := cliRun(t, append([]string{"diagram"}, args...)...)
		assert.Equal(t, 2, r.code, "%v", args)
		assert.Equal(t, 1, strings.Count(r.stderr, "\n"), "%v: %q", args, r.stderr)
		assert.True(t, strings.HasPrefix(r.stderr, "raftsim diagram: "), "%v: %q", args, r.stderr)
		assert.NoFileExists(t, out)
	}
}
