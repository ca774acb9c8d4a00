package ui

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestHooksOverlays: state() says whether the help overlay is open, and
// layout() gives the top bar, the settings dialog while it is open, and
// the rows of the top bar's "more" menu while that is open.
func TestHooksOverlays(t *testing.T) {
	g := testGame(t, "")
	var st struct {
		Help bool `json:"help"`
	}
	var lay struct {
		Scale    float64            `json:"scale"`
		TopBar   box                `json:"topBar"`
		Settings *settingsLayoutDoc `json:"settings"`
		More     []box              `json:"more"`
	}
	read := func() {
		data, err := g.StateJSON()
		require.NoError(t, err)
		require.NoError(t, json.Unmarshal(data, &st))
		data, err = g.LayoutJSON()
		require.NoError(t, err)
		lay.Settings = nil
		require.NoError(t, json.Unmarshal(data, &lay))
	}
	read()
	assert.False(t, st.Help)
	assert.Nil(t, lay.Settings)
	assert.Equal(t, g.lay.TopBar.H/lay.Scale, lay.TopBar.H)
	assert.Positive(t, lay.TopBar.W)

	g.help.open = true
	read()
	assert.True(t, st.Help)

	g.help.open = false
	g.openSettings()
	read()
	require.NotNil(t, lay.Settings)
	assert.Equal(t, g.settingsBox().W/lay.Scale, lay.Settings.Panel.W)
	assert.Len(t, lay.Settings.Controls, len(g.settingsButtons()))

	// A narrow window: the controls left out are rows of the open "more".
	g.settings = nil
	g.w, g.h = 800, 600
	g.lay = computeLayout(g.w, g.h, 1, g.view().IDs(), false)
	require.NotEmpty(t, g.lay.More)
	read()
	assert.Empty(t, lay.More, "closed")
	g.top.moreOpen = true
	read()
	require.Len(t, lay.More, len(g.lay.More))
	assert.Equal(t, g.lay.More[0].Name, lay.More[0].Name)
}
