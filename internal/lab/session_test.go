package lab

import (
	"encoding/json"
	"testing"

	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSessionShowsThePlaygroundsRun: what the UI reads through a session
// is what the playground's session holds: the time, the trace and its
// sentences, the messages on the wire, the history, and the state as
// raftsim writes it; a seek back counts as a rewind.
func TestSessionShowsThePlaygroundsRun(t *testing.T) {
	sc, err := playground.LoadBundled("leader-crash")
	require.NoError(t, err)
	s, err := New().Start(sc)
	require.NoError(t, err)
	p := s.(session).Playground()
	s.RunUntil(800)
	w := p.World()
	require.Equal(t, w.Now(), s.Now())
	require.Equal(t, w.TraceLen(), s.TraceLen())
	require.Positive(t, s.TraceLen())
	for i := s.TraceStart(); i < s.TraceLen(); i++ {
		e := w.EventAt(i)
		require.Equal(t, e.Type, s.EventType(i))
		v := s.Event(i)
		require.Equal(t, e.TextIn(i18n.English), v.Text.In(i18n.English), "event %d", i)
		require.Equal(t, e.TextIn(i18n.Chinese), v.Text.In(i18n.Chinese), "event %d", i)
		require.Equal(t, view.ID(e.Node), v.Node)
	}
	flights := s.InFlight()
	require.Len(t, flights, len(w.InFlight()))
	for i, f := range w.InFlight() {
		assert.Equal(t, f.ID, flights[i].ID)
		assert.Equal(t, view.ID(f.To), flights[i].To)
		assert.Equal(t, f.LostWhyIn(i18n.Chinese), flights[i].LostWhy.In(i18n.Chinese))
	}
	require.Equal(t, w.History(), s.History())

	var state map[string]any
	require.NoError(t, json.Unmarshal(s.State("x"), &state))
	assert.Equal(t, "x", state["name"])
	assert.EqualValues(t, 800, state["endMs"])

	before := s.Rewinds()
	s.SeekTo(100)
	assert.Equal(t, before+1, s.Rewinds(), "a seek back restores a checkpoint")
	assert.EqualValues(t, 100, s.Now())
}
