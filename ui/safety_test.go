package ui

import (
	"slices"
	"testing"

	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/raft"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readsRow is the monitor's row of the check of reads.
func readsRow(t *testing.T, g *Game) Rect {
	t.Helper()
	i := slices.Index(safetyRows, playground.NoStaleReads)
	require.GreaterOrEqual(t, i, 0, "the monitor has a light for reads")
	return g.safetyRowRect(i)
}

// TestReadsLight: the light of reads is green with no stale read, and a
// click explains that Raft's properties do not judge reads; once a local
// read is stale it turns red with a count, and a click jumps to the
// moment the stale value reached its client.
func TestReadsLight(t *testing.T) {
	g := testGame(t, "stale-read")
	g.SeekTo(1400)
	r := readsRow(t, g)
	require.Zero(t, g.light(playground.NoStaleReads).n)
	assert.Equal(t, "No Stale Reads (a check of reads)", g.light(playground.NoStaleReads).label())
	g.click(r.CenterX(), r.CenterY(), false)
	assert.Contains(t, g.status, "The five Raft safety properties do not judge reads.")
	assert.EqualValues(t, 1400, g.world().Now(), "a green light does not move time")

	g.SeekTo(3000)
	stale := g.world().StaleReads()
	require.Len(t, stale, 1)
	l := g.light(playground.NoStaleReads)
	assert.Equal(t, 1, l.n)
	assert.Equal(t, "No Stale Reads: 1 stale. First: "+stale[0].Message, l.label())
	assert.Empty(t, g.world().Violations(), "no Raft property is broken")
	g.click(r.CenterX(), r.CenterY(), false)
	assert.Equal(t, stale[0].AtMs, g.world().Now())
	assert.Equal(t, []raft.ID{1}, g.highlight)
	assert.True(t, g.paused)
	assert.Contains(t, g.status, stale[0].Message)
}

// TestReadsLightChangesTheKey: a stale read redraws the monitor.
func TestReadsLightChangesTheKey(t *testing.T) {
	g := testGame(t, "stale-read")
	g.SeekTo(1400)
	k0 := append([]byte(nil), g.safetyKey(nil)...)
	g.SeekTo(3000)
	assert.NotEqual(t, k0, []byte(g.safetyKey(nil)))
}
