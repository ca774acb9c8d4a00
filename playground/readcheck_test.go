package playground

import (
	"strings"
	"testing"

	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// staleReadSession runs the bundled stale-read scenario: S1, cut off with
// S2, answers a local read of x=1 after the majority acknowledged x=2;
// then a ReadIndex read sent to S1 is redirected to the new leader.
func staleReadSession(t *testing.T) *Session {
	t.Helper()
	sc, err := LoadBundled("stale-read")
	require.NoError(t, err)
	w, err := NewWorld(sc)
	require.NoError(t, err)
	return NewSession(w, sc.Actions)
}

// TestStaleReadIsFlaggedWhenAnswered: the local read from the cut-off old
// leader is flagged the moment its client gets the answer, in the trace
// too; the ReadIndex read is not; neither is a safety violation.
func TestStaleReadIsFlaggedWhenAnswered(t *testing.T) {
	s := staleReadSession(t)
	s.RunUntil(1500)
	w := s.World()
	require.Empty(t, w.StaleReads(), "the local read is not answered yet")
	s.RunUntil(3000)
	w = s.World()
	var local, readIndex int
	for i, c := range w.History() {
		if c.Cmd.Op == view.OpGet && c.Read == view.LocalRead {
			local = i
		}
		if c.Cmd.Op == view.OpGet && c.Read == view.ReadIndexRead {
			readIndex = i
		}
	}
	h := w.History()
	require.True(t, h[local].Done && h[readIndex].Done)
	require.Equal(t, "1", h[local].Result.Value)
	require.Equal(t, "2", h[readIndex].Result.Value)
	stale := w.StaleReads()
	require.Len(t, stale, 1)
	v := stale[0]
	assert.Equal(t, local, v.Call)
	assert.Equal(t, h[local].ReturnMs, v.AtMs)
	assert.Equal(t, view.NoStaleReads, v.Property)
	assert.Equal(t, []raft.ID{1}, v.Nodes)
	assert.Equal(t, "client 1's get x got a stale value from S1: its store is at revision 1, but put x=2 (revision 2) was acknowledged before the read was sent", v.Message)
	var inTrace []string
	for _, e := range w.Trace() {
		if e.Type == view.EvViolation && strings.HasPrefix(e.Note, view.NoStaleReads+": ") {
			inTrace = append(inTrace, e.Text())
		}
	}
	assert.Equal(t, []string{view.NoStaleReads + ": " + v.Message}, inTrace)
	assert.Empty(t, w.Violations(), "Raft's safety properties do not judge reads")
}

// TestStaleReadsSurviveASeek: a seek back before the stale read forgets
// it, and running on finds it again.
func TestStaleReadsSurviveASeek(t *testing.T) {
	s := staleReadSession(t)
	s.RunUntil(3000)
	require.Len(t, s.World().StaleReads(), 1)
	s.SeekTo(1200)
	assert.Empty(t, s.World().StaleReads())
	s.RunUntil(3000)
	assert.Len(t, s.World().StaleReads(), 1)
}
