package ui

import (
	"slices"
	"testing"

	"github.com/raftlab/raftlab/internal/lab"
	"github.com/raftlab/raftlab/lessons/doc"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLessonOnEngineNotInThisBuild: lesson 18 runs on etcd's engine.
// Opened in a build without it, by number, from the list or by a share
// link, it has the host reload the app in a build that has it,
// at the step asked for, or where the learner left it; without a host
// that can, the list says in one line that this build lacks the engine.
// In a build that has it, the lesson's clusters run on etcd's engine, as
// the top bar says.
func TestLessonOnEngineNotInThisBuild(t *testing.T) {
	var opened []view.Link
	l := labWithout{lab.New(), view.EngineEtcd}
	g := testGameWith(t, Options{Lab: l, LoadEngine: func(e view.Engine, open view.Link) error {
		assert.Equal(t, view.EngineEtcd, e)
		opened = append(opened, open)
		return nil
	}})
	before := g.world()
	require.NoError(t, g.OpenLesson(18, 3))
	require.Len(t, opened, 1)
	assert.Equal(t, view.Link{Lesson: 18, Step: 3, Lang: i18n.English}, opened[0])
	assert.Equal(t, "Loading etcd raft v3.6.0…", g.Status())
	assert.Same(t, before, g.world(), "the session on screen stays until the page reloads")

	// From the list: step 0, where the learner left it, which the other
	// build reads from the same progress.
	g.lessonProgress().At("18-etcd-under-the-hood", 2)
	g.openLessons()
	g.lesson.err = "an old error"
	g.startLesson(lesson18(t, g))
	require.Len(t, opened, 2)
	assert.Equal(t, view.Link{Lesson: 18, Lang: i18n.English}, opened[1])
	assert.Nil(t, g.lesson.run, "no lesson runs here")
	assert.Empty(t, g.lesson.err, "the page is loading: nothing is wrong")

	// A share link of lesson 18: the status line goes on saying what loads.
	link, err := l.EncodeLink(view.Link{Scenario: Sandbox(), Lesson: 18, Step: 4})
	require.NoError(t, err)
	g.loadLink(link)
	require.Len(t, opened, 3)
	assert.Equal(t, 4, opened[2].Step)
	assert.Equal(t, "Loading etcd raft v3.6.0…", g.Status())

	g = testGameWith(t, Options{Lab: l})
	assert.EqualError(t, g.OpenLesson(18, 1), "This build of RaftLab does not include etcd raft v3.6.0.")
	g.openLessons()
	g.startLesson(lesson18(t, g))
	assert.Equal(t, "This build of RaftLab does not include etcd raft v3.6.0.", g.lesson.err)
	assert.Nil(t, g.lesson.run)

	g = testGame(t, "")
	require.NoError(t, g.OpenLesson(18, 1))
	require.NotNil(t, g.lesson.run)
	assert.Equal(t, view.EngineEtcd, g.world().Settings().Engine)
	assert.Equal(t, "etcd raft v3.6.0", g.top.engineShown())
}

// TestNewRunFromAnotherBuild: the new run Apply hands to another build
// opens there at its start, playing, with nothing said about a shared
// link; a link a person shared opens paused at its moment, and says so.
func TestNewRunFromAnotherBuild(t *testing.T) {
	sc := Sandbox()
	sc.Settings.Engine = view.EngineEtcd
	g := testGameWith(t, Options{Link: &view.Link{Scenario: sc, Play: true}})
	assert.False(t, g.paused, "it plays")
	assert.Equal(t, int64(0), g.world().Now())
	assert.Empty(t, g.Status())
	assert.Equal(t, view.EngineEtcd, g.world().Settings().Engine)

	g = testGameWith(t, Options{Link: &view.Link{Scenario: sc}})
	assert.True(t, g.paused, "a shared link opens paused")
	assert.Contains(t, g.Status(), "opened a shared link")
}

// lesson18 is lesson 18's place in the list of lessons open in g.
func lesson18(t *testing.T, g *Game) int {
	t.Helper()
	i := slices.IndexFunc(g.lesson.all, func(l *doc.Lesson) bool { return l.Number == 18 })
	require.GreaterOrEqual(t, i, 0)
	return i
}
