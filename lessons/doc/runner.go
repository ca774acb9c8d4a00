package doc

import (
	"time"

	"github.com/raftlab/raftlab/playground/view"
)

// Runner is a lesson being run, as a view steers it: one step at a time,
// each starting from the same state however it is reached. The engine's
// runner (lessons.Runner) implements it; the programs hand it to the view
// through their Lab, so that the view needs nothing of the engine.
//
// The Runner owns the lesson's session: it makes a new one for each step
// it starts (Jump, Next, Back, Restart). A view shows Session, the current
// one, and acts on it only as the learner does.
type Runner interface {
	// Lesson is the lesson being run.
	Lesson() *Lesson
	// Index is the current step's, from 0; Step is the step.
	Index() int
	Step() *Step
	// Last reports whether the current step is the lesson's last.
	Last() bool
	// Play is the current step being played.
	Play() Play
	// Session is the current step's session, which the view shows.
	Session() view.Session
	// Scenario is the scenario of the cluster the current step plays on
	// (nil when no step up to it started one): a view names and saves the
	// run after a copy of it.
	Scenario() *view.Scenario

	// Next, Back, Jump and Restart start a step afresh: the next, the
	// one before, step i (from 0), or the current one again.
	Next() error
	Back() error
	Jump(i int) error
	Restart() error
	// Wait is how long (simulated milliseconds) the current step's
	// canonical play runs from the step's start until its condition
	// holds: a view shows how much of the step is left.
	Wait() (int64, error)
}

// Play is one step being played: what the learner has done in it and
// what the view shows of it.
type Play interface {
	// Step is the step being played.
	Step() *Step
	// StartMs is the simulated time the step began at; Elapsed is the
	// time since.
	StartMs() int64
	Elapsed() int64
	// Advance runs the step's session to t (or to the moment its
	// condition first holds), and reports whether the step is done.
	Advance(t int64) bool
	// Done reports whether the step's condition has held.
	Done() bool
	// Blocked reports whether the step waits for the learner's answer
	// before it can run.
	Blocked() bool

	// Answer gives the learner's answer to a predict step (0-based);
	// Answered is it, once given; Outcome is what happened, once the run
	// has played out.
	Answer(choice int) error
	Answered() (int, bool)
	Outcome() (*Outcome, bool)

	// ShowMe carries out a do step's "show me"; ShownMe reports whether
	// the learner used it, and ShowMeErr is the first of its delayed
	// actions that could not be carried out.
	ShowMe() error
	ShownMe() bool
	ShowMeErr() error
	// Hints are the hints to show after the learner has spent wall time
	// on a do step.
	Hints(wall time.Duration) []Paragraph
	// Highlights are the step's highlights, with "leader" and
	// "leaderAtStart" resolved to servers as of now.
	Highlights() []Highlight

	// Replay plays this step, just started, the way was went (the same
	// step in another edition of the lesson), and reports false when that
	// cannot be done: the step is then to start afresh.
	Replay(was Play) bool
}
