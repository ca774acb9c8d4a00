package ui

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// layoutLesson is the lesson part of the layout hook.
func layoutLesson(t *testing.T, g *Game) *lessonLayoutDoc {
	t.Helper()
	data, err := g.LayoutJSON()
	require.NoError(t, err)
	var d struct {
		Lesson *lessonLayoutDoc `json:"lesson"`
	}
	require.NoError(t, json.Unmarshal(data, &d))
	return d.Lesson
}

// TestLayoutLessonText: the layout hook gives the lesson panel and the
// box of every line of its text, and OpenLesson opens a lesson at a step.
func TestLayoutLessonText(t *testing.T) {
	g := testGame(t, "")
	assert.Nil(t, layoutLesson(t, g), "no panel")
	require.NoError(t, g.OpenLesson(3, 2))
	assert.Equal(t, 2, stateLesson(t, g).Step)
	d := layoutLesson(t, g)
	require.NotNil(t, d)
	assert.Equal(t, box{X: g.lessonArea().X, Y: g.lessonArea().Y, W: g.lessonArea().W, H: g.lessonArea().H}, d.Panel)
	var title *textBox
	for i, tb := range d.Texts {
		assert.True(t, tb.X >= d.Panel.X && tb.X+tb.W <= d.Panel.X+d.Panel.W && tb.Y >= d.Panel.Y && tb.Y+tb.H <= d.Panel.Y+d.Panel.H, "%q at %+v is inside the panel %+v", tb.Text, tb.box, d.Panel)
		assert.Positive(t, tb.W, tb.Text)
		assert.Positive(t, tb.H, tb.Text)
		if tb.Text == "Who wins?" {
			title = &d.Texts[i]
		}
	}
	require.NotNil(t, title, "the step's title is one of the lines")

	// A narrow panel wraps a long title; a line cut short with "…" is
	// counted.
	g.w, g.h = 640, 400
	g.lay = computeLayout(g.w, g.h, 1, g.view().IDs(), false)
	g.lesson.run.Lesson().Title = "A very long lesson title that cannot fit in a narrow panel at all"
	g.lesson.viewKey = nil
	assert.Zero(t, layoutLesson(t, g).Ellipsized)
	v := g.lessonLaidOut()
	v.texts = append(v.texts, lessonText{s: "cut short…", f: face(12, false)})
	assert.Equal(t, 1, layoutLesson(t, g).Ellipsized)

	assert.ErrorContains(t, g.OpenLesson(99, 1), "there is no lesson 99")
}
