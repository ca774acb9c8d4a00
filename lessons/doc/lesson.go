package doc

import (
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
)

// Lesson is what a lesson file says, as the views show it. The engine's
// lessons.Lesson embeds it and adds how its steps are played.
type Lesson struct {
	// Name is the file name without its folder and .md suffix
	// ("03-leader-election"); File is the name as given to Parse.
	Name string
	File string
	// Lang is the lesson's language (English, or the language folder its
	// file is in).
	Lang i18n.Lang

	Title   string
	Number  int
	Summary string
	Minutes int
	// Speed is the playback speed of the lesson's steps (virtual ms per
	// real second, one of Speeds); 0 means DefaultSpeed.
	Speed int
	// RunsOn is the engine the lesson's clusters run on (the front
	// matter's engine:), RaftLab's unless the lesson says otherwise. It
	// belongs to the lesson, not to the learner's settings: a lesson's
	// steps are written, and tested, for the engine they play on.
	RunsOn view.Engine

	// Intro is the text before the first step.
	Intro []Paragraph
	// Steps are what each step says; the engine's steps embed them.
	Steps []*Step
}

// Step is what one step of a lesson says and asks. The engine's
// lessons.Step embeds it and adds its setup and conditions.
type Step struct {
	// Index counts from 0; error messages and views count from 1.
	Index int
	Title string
	Kind  Kind

	Narration []Paragraph
	// Explanation is shown once the step is done: what happened and why
	// (required for predict steps).
	Explanation []Paragraph
	// More is depth beyond the narration and the explanation, which the
	// views fold until the learner asks for it.
	More []Paragraph
	// Notes are the speaker notes: what a teacher who projects the lesson
	// says or asks the room at this step. Only the presenter's notes
	// window shows them, never the learner's screen.
	Notes []Paragraph
	// Speed is the step's own playback speed (one of Speeds); 0 means the
	// lesson's.
	Speed int
	// Topic names what the step tests, in an assessment: the views score
	// the learner per topic.
	Topic string
	// Within bounds the simulated time the step waits for its condition
	// (after the show-me actions): a view that skips ahead runs this far.
	Within int64

	// Hints appear one by one while the learner works at a do step.
	Hints []Paragraph

	Highlights []Highlight

	Question []Span
	Choices  []Choice
	// Answer is the declared right choice (0-based). Views should not show
	// it: they show the Outcome, which is what the run did, and AutoPlay
	// checks that the two agree.
	Answer int
}

// Choice is one answer to a predict step's question. (Its condition, true
// at the end of the run when it is what happened, is the engine's.)
type Choice struct {
	Text []Span
}

// PlaySpeed is the playback speed a step runs at: its own, or its
// lesson's, or DefaultSpeed.
func (l *Lesson) PlaySpeed(st *Step) int {
	switch {
	case st.Speed > 0:
		return st.Speed
	case l.Speed > 0:
		return l.Speed
	}
	return DefaultSpeed
}

// Assessment reports whether a lesson is scored: some of its steps name
// the topic they test.
func (l *Lesson) Assessment() bool {
	for _, st := range l.Steps {
		if st.Topic != "" {
			return true
		}
	}
	return false
}
