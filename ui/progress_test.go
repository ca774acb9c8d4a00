package ui

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// memStore is a ProgressStore in memory.
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
	assert.JSONEq(t, `{"lessons":[{"name":"03-leader-election","step":2,"furthest":3}]}`, string(store.data))

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
	assert.Empty(t, later.progressErr)
}

// TestProgressErrors: unreadable saved progress, or a store that cannot
// save, is said on the panel; the lessons still open and run.
func TestProgressErrors(t *testing.T) {
	for _, store := range []*memStore{
		{data: []byte(`{"lessons": [{"name": "03-leader-election", "step": 9, "furthest": 2}]}`)},
		{loadErr: errors.New("localStorage is disabled")},
		{saveErr: errors.New("disk full")},
	} {
		g := gameWithStore(t, store)
		g.openLessons()
		clickButton(t, g, g.lessonButtons(), "lesson-open-3")
		require.NotNil(t, g.lesson.run)
		assert.Equal(t, 0, g.lesson.run.Index())
		assert.NotEmpty(t, g.progressErr)
		assert.Contains(t, lessonPanelText(g), g.progressErr[:20])
		assert.Equal(t, 1, store.saves)
	}
}
