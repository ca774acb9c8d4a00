package ui

import (
	"encoding/json"
	"testing"

	"github.com/raftlab/raftlab/lessons/doc"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// stateLesson is the lesson part of the state hook.
func stateLesson(t *testing.T, g *Game) *lessonStateDoc {
	t.Helper()
	data, err := g.StateJSON()
	require.NoError(t, err)
	var d struct {
		Lesson *lessonStateDoc `json:"lesson"`
	}
	require.NoError(t, json.Unmarshal(data, &d))
	return d.Lesson
}

// TestHooksLesson: the state hook says which lesson and step is open.
func TestHooksLesson(t *testing.T) {
	g := testGame(t, "")
	data, err := g.StateJSON()
	require.NoError(t, err)
	assert.Contains(t, string(data), `"lesson":null`)

	clickButton(t, g, g.lay.Buttons, "lessons")
	assert.Equal(t, &lessonStateDoc{Progress: []doc.LessonProgress{}}, stateLesson(t, g), "the list of lessons")

	clickButton(t, g, g.lessonButtons(), "lesson-open-3")
	assert.Equal(t, &lessonStateDoc{Number: 3, Title: "Leader election", Step: 1, Steps: 8, Kind: "watch",
		Progress: []doc.LessonProgress{{Name: "03-leader-election", Step: 1, Furthest: 1}}}, stateLesson(t, g))

	g.paused = false
	updateUntil(t, g, 5000, func() bool { return stateLesson(t, g).Done })
	clickButton(t, g, g.lessonButtons(), "lesson-next")
	d := stateLesson(t, g)
	assert.Equal(t, 2, d.Step)
	assert.Equal(t, "predict", d.Kind)
	assert.False(t, d.Answered)
	clickButton(t, g, g.lessonButtons(), "lesson-choice-1")
	assert.True(t, stateLesson(t, g).Answered)

	clickButton(t, g, g.lessonButtons(), "lesson-close")
	data, err = g.StateJSON()
	require.NoError(t, err)
	assert.Contains(t, string(data), `"lesson":null`)
}

// TestRunFor: the hook runs the simulation ahead with the view following.
func TestRunFor(t *testing.T) {
	g := testGame(t, "leader-crash")
	assert.Equal(t, int64(1500), g.RunFor(1500))
	assert.Equal(t, int64(1500), g.world().Now())
	assert.Equal(t, 1500.0, g.clock)
}

// TestClickHook: the click hook, in CSS pixels, presses the control there.
func TestClickHook(t *testing.T) {
	g := testGame(t, "")
	g.scale = 2
	b, ok := findButton(g.lay.Buttons, "lessons")
	require.True(t, ok)
	g.Click(b.Rect.CenterX()/2, b.Rect.CenterY()/2)
	require.NotNil(t, g.lesson, "the Lessons control was clicked")
}
