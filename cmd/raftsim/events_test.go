package main

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/raftlab/raftlab/playground"
)

// TestEventsStreamed: the trace written as the run goes, with the world
// keeping only a window of it, is the whole trace of the run: every event,
// in order, over many chunks and more events than the window holds.
func TestEventsStreamed(t *testing.T) {
	data, err := playground.BundledScenarioFile("leader-crash")
	require.NoError(t, err)
	sc, err := playground.ParseScenario(data)
	require.NoError(t, err)
	sc.Settings.HeartbeatMs = 5 // (busy: many events soon)
	const until = 30_000
	run := func() *playground.Session {
		w, err := playground.NewWorld(sc)
		require.NoError(t, err)
		return playground.NewSession(w, sc.Actions)
	}
	whole := run()
	whole.RunUntil(until)
	trace := whole.World().Trace()
	require.Greater(t, len(trace), eventWindow, "more events than the window holds")

	path := filepath.Join(t.TempDir(), "events.jsonl")
	streamed := run()
	require.NoError(t, runWritingEvents(streamed, until, path))
	assert.Equal(t, int64(until), streamed.Now())
	assert.Greater(t, streamed.World().TraceStart(), 0, "the world kept a window, not the whole trace")
	got := cliReadEvents(t, path)
	require.Len(t, got, len(trace))
	for i, e := range trace {
		if got[i]["text"] != e.Text() || got[i]["atMs"] != float64(e.AtMs) {
			t.Fatalf("event %d: wrote %v, the trace has %d ms %q", i, got[i], e.AtMs, e.Text())
		}
	}
}
