package ui

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// pressLesson presses the lesson panel's control named name, as a click
// on it would, whether or not it is in view (a test goes straight to the
// state it checks); it does nothing, and reports false, when the panel in
// its current state has no control of that name.
func (g *Game) pressLesson(name string) bool {
	for _, c := range g.lessonControlsNow() {
		if c.name() == name {
			g.pressLessonControl(c)
			return true
		}
	}
	return false
}

// lessonControlsNow are the controls the panel can have in its current
// state: one of each kind, and of the numbered kinds one per lesson of
// the list, step of the running lesson and choice of its step.
func (g *Game) lessonControlsNow() []lessonControl {
	var cs []lessonControl
	for k, sp := range lessonSpecs {
		if lessonKind(k) != lessonNone && !sp.numbered {
			cs = append(cs, lessonControl{kind: lessonKind(k)})
		}
	}
	p := g.lesson
	if p == nil {
		return cs
	}
	for _, l := range p.all {
		cs = append(cs, lessonControl{lessonOpen, l.Number})
	}
	if p.run != nil {
		for i := range p.run.Lesson().Steps {
			cs = append(cs, lessonControl{lessonStep, i + 1})
		}
		for i := range p.run.Step().Choices {
			cs = append(cs, lessonControl{lessonChoice, i + 1})
		}
	}
	return cs
}

// TestLessonControlNames: the controls keep the names the browser tests
// click by, byte for byte, and no two kinds share one.
func TestLessonControlNames(t *testing.T) {
	for c, want := range map[lessonControl]string{
		{kind: lessonClose}:      "lesson-close",
		{kind: lessonNext}:       "lesson-next",
		{kind: lessonNextLesson}: "lesson-next-lesson",
		{kind: lessonResetYes}:   "lesson-reset-yes",
		{kind: lessonShowMe}:     "lesson-showme",
		{kind: lessonCard}:       "lesson-card",
		{lessonOpen, 12}:         "lesson-open-12",
		{lessonStep, 3}:          "lesson-step-3",
		{lessonChoice, 2}:        "lesson-choice-2",
		{kind: scoreCopy}:        "score-copy",
		{kind: scoreDownload}:    "score-download",
	} {
		assert.Equal(t, want, c.name())
	}
	seen := map[string]lessonKind{}
	for k := lessonNone + 1; int(k) < len(lessonSpecs); k++ {
		name := lessonSpecs[k].name
		require.NotEmpty(t, name, "kind %d has a name", k)
		_, dup := seen[name]
		assert.False(t, dup, "%q names one kind", name)
		seen[name] = k
	}
	assert.Equal(t, int(scoreDownload)+1, len(lessonSpecs), "every kind has a spec")
}

// TestLessonButtonsCarryTheirControl: every control the panel lays out,
// in the list, in each step of a lesson and at an assessment's end,
// carries its control, named as the button is (a click presses the
// control, the tests and the browser find the button by name).
func TestLessonButtonsCarryTheirControl(t *testing.T) {
	g := openLesson3(t)
	check := func(where string) {
		t.Helper()
		bs := g.lessonButtons()
		require.NotEmpty(t, bs, where)
		for _, b := range bs {
			assert.NotEqual(t, lessonNone, b.lesson.kind, "%s: %s", where, b.Name)
			assert.Equal(t, b.Name, b.lesson.name(), where)
		}
	}
	check("step 1")
	for g.lesson.run != nil && !g.lesson.run.Last() {
		require.True(t, g.pressLesson("lesson-next"))
		check(g.lesson.run.Step().Title)
	}
	require.True(t, g.pressLesson("lesson-close"))
	g.openLessons()
	check("the list")
}

// TestPressLessonByName: a press by name carries out the control of that
// name; a name the panel has no control of does nothing and says so.
func TestPressLessonByName(t *testing.T) {
	g := openLesson3(t)
	for _, name := range []string{"lesson-step-99", "lesson-step-0", "lesson-step-", "lesson-open-999", "lesson-nonsense", "lessons", ""} {
		assert.False(t, g.pressLesson(name), name)
		assert.Equal(t, 0, g.lesson.run.Index(), "%q does nothing", name)
	}
	assert.True(t, g.pressLesson("lesson-step-2"))
	assert.Equal(t, 1, g.lesson.run.Index())
	assert.True(t, g.pressLesson("lesson-close"))
	assert.Nil(t, g.lesson)
}
