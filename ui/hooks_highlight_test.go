package ui

import (
	"encoding/json"
	"testing"

	"github.com/raftlab/raftlab/raft"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestHooksHighlights: layout() names each highlight of the step with the
// box it is drawn in, and state() says where the client panel sends.
func TestHooksHighlights(t *testing.T) {
	g := testGame(t, "")
	require.NoError(t, g.OpenLesson(6, 3))
	data, err := g.LayoutJSON()
	require.NoError(t, err)
	var d struct {
		Scale      float64 `json:"scale"`
		Highlights []box   `json:"highlights"`
	}
	require.NoError(t, json.Unmarshal(data, &d))
	names := []string{}
	for _, b := range d.Highlights {
		names = append(names, b.Name)
	}
	assert.Equal(t, []string{"node 1", "control client-target", "control write"}, names)
	tb, ok := findButton(g.client.clientButtons(), "client-target")
	require.True(t, ok)
	assert.InDelta(t, tb.Rect.CenterX()/d.Scale, d.Highlights[1].X+d.Highlights[1].W/2, 1e-9, "the box of the control it points at")
	spot, _ := g.lay.Node(1)
	assert.InDelta(t, spot.X/d.Scale, d.Highlights[0].X+d.Highlights[0].W/2, 1e-9, "a ring by the square around it")

	var st struct {
		ClientTarget raft.ID `json:"clientTarget"`
	}
	clickButton(t, g, g.client.clientButtons(), "client-target")
	data, err = g.StateJSON()
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, &st))
	assert.Equal(t, raft.ID(1), st.ClientTarget)
}
