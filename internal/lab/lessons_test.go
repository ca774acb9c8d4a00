package lab

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/raftlab/raftlab/playground/i18n"
)

// TestLessonsLeadBackToTheEngine: a lesson AllIn handed out runs, and
// the runner shows that same lesson, its steps and a session; a lesson
// the lab did not hand out is refused with its name.
func TestLessonsLeadBackToTheEngine(t *testing.T) {
	lab := New()
	all, err := lab.AllIn(i18n.Chinese)
	require.NoError(t, err)
	again, err := lab.AllIn(i18n.Chinese)
	require.NoError(t, err)
	assert.Equal(t, all, again, "the same lessons each time")

	r, err := lab.NewRunner(all[2])
	require.NoError(t, err)
	assert.Same(t, all[2], r.Lesson())
	assert.Same(t, all[2].Steps[0], r.Step())
	assert.Same(t, r.Step(), r.Play().Step())
	require.NoError(t, r.Next())
	assert.Same(t, all[2].Steps[1], r.Step())
	assert.NotNil(t, r.Session().View())

	stranger := *all[2]
	_, err = lab.NewRunner(&stranger)
	assert.ErrorContains(t, err, `no bundled lesson named "`+all[2].Name+`"`)
	_, err = New().NewRunner(all[2])
	assert.Error(t, err, "another lab's lesson")
}
