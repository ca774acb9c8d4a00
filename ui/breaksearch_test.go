package ui

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestBreakSearchFindsAndOpens: with a teaching switch on (acknowledging
// before the fsync), "Find a way to break this" searches, shrinks what it
// finds to at most 12 steps, and opens that run paused at the violation,
// which the opened run shows; Esc then closes the card and keeps the run.
// With every switch off the button is not offered.
func TestBreakSearchFindsAndOpens(t *testing.T) {
	g := testGame(t, "")
	assert.Empty(t, g.breakButtons(), "no switch on: nothing to break")
	g.press("settings")
	clickButton(t, g, g.settingsButtons(), "set-rule-fsync-next")
	clickButton(t, g, g.settingsButtons(), "set-apply")
	require.True(t, g.scenario.Settings.Rules.AckBeforeFsync)

	clickButton(t, g, g.breakButtons(), "break")
	require.NotNil(t, g.breaker.search, "the search runs")
	_, ok := findButton(g.breakButtons(), "break-stop")
	assert.True(t, ok, "the card offers Stop while it runs")
	updateUntil(t, g, 2000, func() bool { return g.breaker.search == nil })

	r := g.breaker.result
	require.NotNil(t, r)
	require.True(t, r.Found, "acknowledging before the fsync breaks safety within the budget")
	assert.LessOrEqual(t, len(r.Steps), 12)
	assert.Equal(t, r.Scenario, g.scenario, "the shrunk run is open")
	assert.Len(t, g.scenario.Actions, len(r.Steps))
	require.NotEmpty(t, r.Property, "a safety property is broken")
	assert.True(t, g.paused)
	assert.Equal(t, r.AtMs, g.sess.Now(), "paused at the violation")
	found := false
	for _, v := range g.sess.Violations() {
		found = found || v.Property == r.Property && v.AtMs == r.AtMs
	}
	assert.True(t, found, "the open run shows the violation: %v", g.sess.Violations())
	card, ok := g.breakCard()
	require.True(t, ok)
	assert.True(t, card.bad)
	assert.Greater(t, len(card.lines), len(r.Steps), "the steps are listed")

	g.escape()
	assert.Nil(t, g.breaker.result, "Esc closes the card")
	assert.Equal(t, r.Scenario, g.scenario, "and keeps the run")
}

// TestBreakSearchStops: Stop ends the search where it is; with nothing
// found yet, the card says so and the run shown is kept.
func TestBreakSearchStops(t *testing.T) {
	g := testGame(t, "")
	g.press("settings")
	clickButton(t, g, g.settingsButtons(), "set-rule-fixed-next")
	clickButton(t, g, g.settingsButtons(), "set-apply")
	before := g.scenario
	clickButton(t, g, g.breakButtons(), "break")
	clickButton(t, g, g.breakButtons(), "break-stop")
	require.NoError(t, g.Update())
	require.Nil(t, g.breaker.search)
	require.NotNil(t, g.breaker.result)
	assert.False(t, g.breaker.result.Found)
	assert.True(t, g.breaker.result.Stopped)
	assert.Equal(t, before, g.scenario)
	card, _ := g.breakCard()
	assert.Contains(t, card.lines[0], "Stopped after")
}
