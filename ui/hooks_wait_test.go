package ui

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// layoutWait is the wait strip as the layout hook reports it.
func layoutWait(t *testing.T, g *Game) *waitStripDoc {
	t.Helper()
	data, err := g.LayoutJSON()
	require.NoError(t, err)
	var d struct {
		Lesson *lessonLayoutDoc `json:"lesson"`
	}
	require.NoError(t, json.Unmarshal(data, &d))
	require.NotNil(t, d.Lesson)
	return d.Lesson.Wait
}

// TestHooksWaitStrip: layout() reports the wait strip's text and how far
// its bar has got, and no strip once the step is done.
func TestHooksWaitStrip(t *testing.T) {
	g := testGame(t, "")
	require.NoError(t, g.OpenLesson(1, 1))
	w := layoutWait(t, g)
	require.NotNil(t, w)
	assert.Equal(t, "Press play (space) to start.", w.Text)
	assert.Zero(t, w.Progress)
	assert.Positive(t, w.W)

	g.paused = false
	g.RunFor(40)
	w = layoutWait(t, g)
	require.NotNil(t, w)
	assert.Regexp(t, `^About \d+ s left`, w.Text)
	assert.InDelta(t, 0.45, w.Progress, 0.2)

	g.RunFor(5000)
	require.True(t, stateLesson(t, g).Done)
	assert.Nil(t, layoutWait(t, g))
}
