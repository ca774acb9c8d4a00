package ui

import (
	"testing"

	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestTheGameShowsTheRunnersSession: while a lesson runs, the session the
// game shows is its Runner's current one, after every change of step and
// of language; once the lesson closes, the game keeps the last one.
func TestTheGameShowsTheRunnersSession(t *testing.T) {
	t.Cleanup(func() { cjkWanted.Store(false) })
	g := testGameWith(t, Options{Lesson: 3, Step: 2})
	shown := func(what string) {
		t.Helper()
		require.NotNil(t, g.lesson.run, what)
		assert.True(t, g.lesson.run.Session() == g.sess, what) // the same session: both wrap one playground session
		assert.Same(t, g.lesson.run.Play(), g.lessonPlay(), what)
	}
	shown("opened")
	first := g.playground()
	g.pressLesson("lesson-next")
	shown("next")
	assert.NotSame(t, first, g.playground(), "a new step, a new session")
	g.pressLesson("lesson-back")
	shown("back")
	g.pressLesson("lesson-step-4")
	shown("a jump")
	g.SetLang(i18n.Chinese)
	shown("the other edition")
	g.SetLang(i18n.English)
	shown("back in English")

	last := g.playground()
	g.pressLesson("lesson-close")
	assert.Nil(t, g.lesson)
	assert.Nil(t, g.lessonPlay())
	assert.Same(t, last, g.playground(), "the cluster plays on as the sandbox")
}
