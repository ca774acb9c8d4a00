package ui

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/raftlab/raftlab/internal/lab"
	"github.com/raftlab/raftlab/lessons"
	"github.com/raftlab/raftlab/lessons/doc"
	"github.com/raftlab/raftlab/playground/i18n"
)

// The game reads a lesson only as lessons/doc shows it. These helpers
// reach the engine's side (conditions, timings, the trace a step starts
// at) for the tests that check it, and run lessons a test parsed.

// enginePlay is the engine's play of the step shown.
func enginePlay(t *testing.T, g *Game) *lessons.Play {
	t.Helper()
	p, ok := g.lessonPlay().(*lessons.Play)
	require.True(t, ok, "the lab's plays are the engine's")
	return p
}

// engineStep is the engine's side of the step shown: the same step of
// the bundled lesson, parsed again.
func engineStep(t *testing.T, g *Game) *lessons.Step {
	t.Helper()
	r := g.lesson.run
	l, err := lessons.LoadIn(r.Lesson().Lang, r.Lesson().Name)
	require.NoError(t, err)
	return l.Engine[r.Index()]
}

// courseLab is internal/lab's Lab whose course is lessons a test parsed:
// the game lists and runs them in place of the bundled ones.
type courseLab struct {
	*lab.Lab
	course []*lessons.Lesson
}

// withCourse is opts with a Lab whose course is ls.
func withCourse(opts Options, ls ...*lessons.Lesson) Options {
	opts.Lab = courseLab{lab.New(), ls}
	return opts
}

func (c courseLab) AllIn(i18n.Lang) ([]*doc.Lesson, error) {
	out := make([]*doc.Lesson, len(c.course))
	for i, l := range c.course {
		out[i] = &l.Lesson
	}
	return out, nil
}

func (c courseLab) NewRunner(l *doc.Lesson) (doc.Runner, error) {
	for _, e := range c.course {
		if &e.Lesson == l {
			r, err := lessons.NewRunner(e)
			if err != nil {
				return nil, err
			}
			return lab.Runner(r), nil
		}
	}
	return c.Lab.NewRunner(l)
}
