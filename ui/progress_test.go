package ui

import (
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/raftlab/raftlab/lessons/doc"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// memStore is a Store in memory.
type memStore struct {
	data    []byte
	loadErr error
	saveErr error
	saves   int
}

func (m *memStore) Load() ([]byte, error) { return m.data, m.loadErr }

func (m *memStore) Save(data []byte) error {
	m.saves++
	if m.saveErr != nil {
		return m.saveErr
	}
	m.data = append([]byte(nil), data...)
	return nil
}

// gameWithStore is a test game whose lesson progress lives in store.
func gameWithStore(t *testing.T, store *memStore) *Game {
	g := testGame(t, "")
	g.opts.Progress = store
	return g
}

// TestProgressRemembered: the step a learner reached is saved as they go;
// a later visit (a new game on the same store) lists it and opens the
// lesson there; finishing marks the lesson finished, and opening it again
// starts from the beginning.
func TestProgressRemembered(t *testing.T) {
	store := &memStore{}
	g := gameWithStore(t, store)
	g.openLessons()
	clickButton(t, g, g.lessonButtons(), "lesson-open-3")
	assert.JSONEq(t, `{"lessons":[{"name":"03-leader-election","step":1,"furthest":1}]}`, string(store.data))
	r := g.lesson.run
	require.NoError(t, r.Jump(2))
	g.showStep()
	clickButton(t, g, g.lessonButtons(), "lesson-back")
	assert.JSONEq(t, `{"lessons":[{"name":"03-leader-election","step":2,"furthest":1}]}`, string(store.data), "a jump is not progress")
	clickButton(t, g, g.lessonButtons(), "lesson-step-1")
	g.paused = false
	updateUntil(t, g, 5000, r.Play().Done)
	clickButton(t, g, g.lessonButtons(), "lesson-next")
	assert.JSONEq(t, `{"lessons":[{"name":"03-leader-election","step":2,"furthest":2}]}`, string(store.data), "Continue is")

	later := gameWithStore(t, store)
	later.openLessons()
	assert.Contains(t, lessonPanelText(later), "step 2 of 8")
	clickButton(t, later, later.lessonButtons(), "lesson-open-3")
	assert.Equal(t, 1, later.lesson.run.Index(), "resumed where the learner was")
	assert.Contains(t, lessonPanelText(later), "Step 2 of 8")

	r = later.lesson.run
	require.NoError(t, r.Jump(len(r.Lesson().Steps)-1))
	later.showStep()
	clickButton(t, later, later.lessonButtons(), "lesson-showme")
	updateUntil(t, later, 2000, r.Play().Done)
	clickButton(t, later, later.lessonButtons(), "lesson-next")
	assert.JSONEq(t, `{"lessons":[{"name":"03-leader-election","step":8,"furthest":8,"finished":true}]}`, string(store.data))
	assert.Contains(t, lessonPanelText(later), "finished · ")
	clickButton(t, later, later.lessonButtons(), "lesson-open-3")
	assert.Equal(t, 0, later.lesson.run.Index(), "a finished lesson opens at its start")
	assert.Empty(t, later.progress.loadErr+later.progress.saveErr)
}

// TestProgressErrors: saved progress that is partly or wholly unreadable
// is said on the list of lessons, and what can be used is kept; a store
// that cannot be read is not written over; a store that cannot save says
// so on the panel until a save works. The lessons still open and run.
func TestProgressErrors(t *testing.T) {
	partial := &memStore{data: []byte(`{"lessons": [{"name": "01-why-consensus", "step": 9, "furthest": 9, "finished": true}, {"name": "03-leader-election", "step": 0, "furthest": 2}]}`)}
	g := gameWithStore(t, partial)
	g.openLessons()
	assert.Contains(t, lessonPanelText(g), "Some saved progress could not be used")
	assert.Contains(t, lessonPanelText(g), fmt.Sprintf("1 of %d finished", len(g.lesson.all)))
	clickButton(t, g, g.lessonButtons(), "lesson-open-3")
	assert.Equal(t, 0, g.lesson.run.Index())
	assert.NotContains(t, lessonPanelText(g), "could not be used", "said once, on the list")
	assert.JSONEq(t, `{"lessons":[{"name":"01-why-consensus","step":9,"furthest":9,"finished":true},{"name":"03-leader-election","step":1,"furthest":1}]}`, string(partial.data))

	unreadable := &memStore{data: []byte(`{"lessons":[]}`), loadErr: errors.New("permission denied")}
	g = gameWithStore(t, unreadable)
	g.openLessons()
	assert.Contains(t, lessonPanelText(g), "this time: permission denied")
	clickButton(t, g, g.lessonButtons(), "lesson-open-3")
	require.NotNil(t, g.lesson.run)
	assert.Zero(t, unreadable.saves, "not written over")

	full := &memStore{saveErr: errors.New("disk full")}
	g = gameWithStore(t, full)
	g.openLessons()
	clickButton(t, g, g.lessonButtons(), "lesson-open-3")
	require.NotNil(t, g.lesson.run)
	assert.Contains(t, lessonPanelText(g), "Progress could not be saved: disk full")
	full.saveErr = nil
	clickButton(t, g, g.lessonButtons(), "lesson-step-2")
	assert.NotContains(t, lessonPanelText(g), "could not be saved")
	assert.JSONEq(t, `{"lessons":[{"name":"03-leader-election","step":2,"furthest":1}]}`, string(full.data))
}

// TestCloseFinishesTheLastStep: a lesson whose last step is done (the
// course ends in free play) is finished at once, Close or not; closing
// earlier does not finish it.
func TestCloseFinishesTheLastStep(t *testing.T) {
	store := &memStore{}
	g := gameWithStore(t, store)
	g.openLessons()
	clickButton(t, g, g.lessonButtons(), "lesson-open-3")
	clickButton(t, g, g.lessonButtons(), "lesson-close")
	pr, _ := g.lessonProgress().Of("03-leader-election")
	assert.False(t, pr.Finished)
	g.openLessons()
	clickButton(t, g, g.lessonButtons(), "lesson-open-3")
	r := g.lesson.run
	clickButton(t, g, g.lessonButtons(), "lesson-step-8")
	clickButton(t, g, g.lessonButtons(), "lesson-showme")
	updateUntil(t, g, 2000, r.Play().Done)
	pr, _ = g.lessonProgress().Of("03-leader-election")
	assert.True(t, pr.Finished, "finished when the last step is done")
	g.escape()
	assert.Nil(t, g.lesson, "Esc does not ask: nothing is lost")
	assert.Contains(t, string(store.data), `"finished":true`)
}

// TestProgressSavedWhenStepDone: a step counts as done the moment its goal
// is met, before Continue: a learner who then leaves finds the lesson on
// the next step when they come back.
func TestProgressSavedWhenStepDone(t *testing.T) {
	store := &memStore{}
	g := gameWithStore(t, store)
	g.openLessons()
	clickButton(t, g, g.lessonButtons(), "lesson-open-3")
	r := g.lesson.run
	g.paused = false
	updateUntil(t, g, 5000, r.Play().Done)
	assert.JSONEq(t, `{"lessons":[{"name":"03-leader-election","step":2,"furthest":2}]}`, string(store.data), "saved without Continue")
	clickButton(t, g, g.lessonButtons(), "lesson-close")

	later := gameWithStore(t, store)
	later.openLessons()
	clickButton(t, later, later.lessonButtons(), "lesson-open-3")
	assert.Equal(t, 1, later.lesson.run.Index(), "reopened on the step after the one done")
	assert.Contains(t, lessonPanelText(later), "Step 2 of 8")
}

// finishStep plays the current step to its end as a learner who does what
// is asked: show me in a do step, the right answer in a predict step.
func finishStep(t *testing.T, g *Game) {
	t.Helper()
	r := g.lesson.run
	switch r.Step().Kind {
	case doc.Do:
		clickButton(t, g, g.lessonButtons(), "lesson-showme")
	case doc.Predict:
		clickButton(t, g, g.lessonButtons(), fmt.Sprintf("lesson-choice-%d", r.Step().Answer+1))
	}
	g.paused = false
	updateUntil(t, g, 20000, r.Play().Done)
}

// scrollToEnd scrolls the lesson panel to the end of its text.
func scrollToEnd(g *Game) {
	g.lesson.scroll = 1e9
	g.lessonLaidOut() // clamps the scroll to the end
}

// TestNextLessonOffer: the last step, once done, offers the next lesson
// in course order, which opens it and finishes this one; the last lesson
// offers the list of lessons instead.
func TestNextLessonOffer(t *testing.T) {
	store := &memStore{}
	g := gameWithStore(t, store)
	g.openLessons()
	clickButton(t, g, g.lessonButtons(), "lesson-open-3")
	r := g.lesson.run
	clickButton(t, g, g.lessonButtons(), fmt.Sprintf("lesson-step-%d", len(r.Lesson().Steps)))
	assert.NotContains(t, lessonButtonNames(g), "lesson-next-lesson", "not before the step is done")
	finishStep(t, g)
	next := g.lesson.all[slices.Index(g.lesson.all, r.Lesson())+1]
	scrollToEnd(g) // the offer is at the end of the text
	b, ok := findButton(g.lessonButtons(), "lesson-next-lesson")
	require.True(t, ok, "the next lesson is offered")
	assert.Equal(t, fmt.Sprintf("Next lesson: %d. %s", next.Number, next.Title), b.Label)
	g.click(b.Rect.CenterX(), b.Rect.CenterY(), false)
	require.NotNil(t, g.lesson.run)
	assert.Same(t, next, g.lesson.run.Lesson(), "the next lesson opens")
	assert.Equal(t, 0, g.lesson.run.Index())
	pr, _ := g.lessonProgress().Of(r.Lesson().Name)
	assert.True(t, pr.Finished, "and the last one is finished")
	assert.Contains(t, string(store.data), `"finished":true`)

	// The last lesson of the course offers the list.
	g.openLessons()
	last := g.lesson.all[len(g.lesson.all)-1]
	scrollToEnd(g)
	clickButton(t, g, g.lessonButtons(), fmt.Sprintf("lesson-open-%d", last.Number))
	g.lesson.scroll = 0
	clickButton(t, g, g.lessonButtons(), fmt.Sprintf("lesson-step-%d", len(last.Steps)))
	finishStep(t, g)
	scrollToEnd(g)
	assert.NotContains(t, lessonButtonNames(g), "lesson-next-lesson")
	clickButton(t, g, g.lessonButtons(), "lesson-list")
	assert.Nil(t, g.lesson.run, "back to the list")
	pr, _ = g.lessonProgress().Of(last.Name)
	assert.True(t, pr.Finished)
}

// TestResetProgress: Reset progress on the list asks first; confirmed, it
// forgets every lesson's progress and saves that; cancelled, it keeps it.
func TestResetProgress(t *testing.T) {
	store := &memStore{data: []byte(`{"lessons":[{"name":"01-why-consensus","step":3,"furthest":3,"finished":true},{"name":"03-leader-election","step":2,"furthest":2}]}`)}
	g := gameWithStore(t, store)
	g.openLessons()
	assert.Contains(t, lessonPanelText(g), "1 of ")
	assert.NotContains(t, lessonButtonNames(g), "lesson-reset-yes")
	clickButton(t, g, g.lessonButtons(), "lesson-reset")
	assert.Contains(t, lessonPanelText(g), "Forget the progress of every lesson?")
	clickButton(t, g, g.lessonButtons(), "lesson-reset-no")
	assert.NotContains(t, lessonButtonNames(g), "lesson-reset-yes")
	assert.Zero(t, store.saves, "cancelled: nothing changed")

	clickButton(t, g, g.lessonButtons(), "lesson-reset")
	clickButton(t, g, g.lessonButtons(), "lesson-reset-yes")
	assert.JSONEq(t, `{"lessons":[]}`, string(store.data))
	assert.Contains(t, lessonPanelText(g), "0 of ")
	assert.NotContains(t, lessonPanelText(g), "finished · ")
	assert.Contains(t, lessonButtonNames(g), "lesson-reset")

	later := gameWithStore(t, store)
	later.openLessons()
	clickButton(t, later, later.lessonButtons(), "lesson-open-3")
	assert.Equal(t, 0, later.lesson.run.Index(), "a new visit starts over")

	// A question left open when a lesson opens is dropped, not asked again
	// on the way back to the list (All lessons, at the course's end).
	clickButton(t, g, g.lessonButtons(), "lesson-reset")
	clickButton(t, g, g.lessonButtons(), "lesson-open-3")
	g.lesson.run = nil
	assert.NotContains(t, lessonButtonNames(g), "lesson-reset-yes")
}
