package lessons

import (
	"testing"

	"github.com/raftlab/raftlab/playground"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestPredicateReadIndex: a read reaches S1 while it is a new leader whose
// no-op has not committed (its followers' disks are slow): it is held,
// then its read index is noted, a heartbeat round confirms S1 still
// leads, and it is answered. readIndex(1) shows the read index only while
// the read waits for that round.
func TestPredicateReadIndex(t *testing.T) {
	sc, err := playground.ParseScenario([]byte(`{"name": "t", "nodes": 3, "timing": {"latencyMs": [10, 10]}, "steps": [
		{"at": 0, "do": "disk", "node": 2, "fsyncMs": 200},
		{"at": 0, "do": "disk", "node": 3, "fsyncMs": 200},
		{"at": 0, "do": "campaign", "node": 1},
		{"at": 300, "do": "get", "key": "x", "node": 1}]}`))
	require.NoError(t, err)
	w, err := playground.NewWorld(sc)
	require.NoError(t, err)
	s := playground.NewSession(w, sc.Actions)
	b := NewBaseline(s.World())
	check := func(src string, want bool) {
		t.Helper()
		p, err := parseOn(src, 3)
		require.NoError(t, err)
		assert.Equal(t, want, p.Eval(s.World(), b), "at %d ms: %s: %v", s.Now(), src, p.Facts(s.World(), b))
	}

	s.RunUntil(350)
	check("leaderIs(1) and commitIndex(1) = 0", true)
	check("readsHeld = 1 and readIndexes = 0 and readConfirms = 0", true)
	check("readIndex(1) >= 0", false) // unknown: the read has no read index yet

	for s.Now() < 2000 {
		s.RunUntil(s.Now() + 1)
		if p, _ := parseOn("readIndexes = 1", 3); p.Eval(s.World(), b) {
			break
		}
	}
	check("readIndexes = 1 and readIndex(1) = 1 and readConfirms = 0 and readsAnswered = 0", true)

	s.RunUntil(2000)
	check("readsHeld = 1 and readIndexes = 1 and readConfirms = 1 and readsAnswered = 1", true)
	p, err := parseOn("readIndex(1) = 1", 3)
	require.NoError(t, err)
	assert.False(t, p.Eval(s.World(), b))
	assert.Contains(t, p.Facts(s.World(), b)[0], "S1 has no pending read")
}
