package ui

import (
	"testing"

	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestHiddenPauses: a running simulation hidden and shown again between
// two updates (a browser's hidden tab is not updated) is paused at the
// next update, without running on, and the status line says why; it
// stays paused until play, and the time it was hidden is not made up.
func TestHiddenPauses(t *testing.T) {
	g := testGame(t, "")
	require.NoError(t, g.Update())
	require.False(t, g.paused, "the sandbox runs")
	before := g.sess.Now()
	g.SetHidden(TabHidden, true)
	g.SetHidden(TabHidden, false)
	require.NoError(t, g.Update())
	assert.True(t, g.paused, "paused")
	assert.Equal(t, before, g.sess.Now(), "the simulation did not run on")
	assert.Equal(t, i18n.English.T("status.paused-hidden.tab"), g.Status())
	for range 10 {
		require.NoError(t, g.Update())
	}
	assert.True(t, g.paused, "it stays paused")

	g.togglePause()
	require.NoError(t, g.Update())
	assert.Greater(t, g.clock, float64(before), "play runs it again")
}

// TestHiddenSaysOnceSeen: while the window is minimized the game is
// paused and says nothing (nobody would read it); once restored it says
// so, once.
func TestHiddenSaysOnceSeen(t *testing.T) {
	g := testGame(t, "")
	g.SetHidden(WindowMinimized, true)
	for range 3 {
		require.NoError(t, g.Update())
		assert.True(t, g.paused)
		assert.Empty(t, g.Status(), "nothing said while hidden")
	}
	g.SetHidden(WindowMinimized, false)
	require.NoError(t, g.Update())
	assert.Equal(t, i18n.English.T("status.paused-hidden.window"), g.Status())
	g.status.text = ""
	require.NoError(t, g.Update())
	assert.Empty(t, g.Status(), "said once")
}

// TestHiddenLeavesAPauseAlone: a simulation the learner had paused stays
// paused, and nothing is said: the learner's own pause needs no reason.
func TestHiddenLeavesAPauseAlone(t *testing.T) {
	g := testGame(t, "")
	g.paused = true
	g.SetHidden(TabHidden, true)
	g.SetHidden(TabHidden, false)
	require.NoError(t, g.Update())
	assert.True(t, g.paused)
	assert.Empty(t, g.Status())
}

// TestHiddenKeepsALessonsStep: a lesson's watch step hidden half way is
// paused, and goes on to its end once played again.
func TestHiddenKeepsALessonsStep(t *testing.T) {
	g := testGameWith(t, Options{Lesson: 1, Step: 1})
	require.NotNil(t, g.lesson)
	g.paused = false
	require.NoError(t, g.Update())
	g.SetHidden(TabHidden, true)
	g.SetHidden(TabHidden, false)
	require.NoError(t, g.Update())
	assert.True(t, g.paused)
	g.togglePause()
	g.RunFor(60_000)
	assert.True(t, g.lessonPlay().Done(), "the step's condition is still checked")
}
