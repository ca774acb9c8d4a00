package lessons

import (
	"fmt"
	"strings"
	"time"

	"github.com/raftlab/raftlab/lessons/doc"
	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
)

// Lesson is a parsed lesson file.
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
	// AllowViolations lets the lesson break safety on purpose (with a
	// teaching switch); otherwise AutoPlay fails on any violation.
	AllowViolations bool

	// Intro is the text before the first step.
	Intro []doc.Paragraph
	Steps []*Step
}

// Step is one step of a lesson.
type Step struct {
	// Index counts from 0; error messages and views count from 1.
	Index int
	Title string
	// Line is the line of the step's heading in the file.
	Line int
	Kind doc.Kind

	Narration []doc.Paragraph
	// Explanation is shown once the step is done: what happened and why
	// (required for predict steps).
	Explanation []doc.Paragraph
	// More is depth beyond the narration and the explanation, which the
	// views fold until the learner asks for it.
	More []doc.Paragraph
	// Speed is the step's own playback speed (one of Speeds); 0 means the
	// lesson's.
	Speed int
	// Topic names what the step tests, in an assessment: the views score
	// the learner per topic.
	Topic string

	// Setup is nil when the step simply continues from the previous one.
	Setup *Setup
	// Nodes is the size of the cluster the step plays on (as its setup
	// started it; addNode may add servers).
	Nodes int
	// servers are the servers the step's conditions and highlights may
	// name: 1..Nodes, and those added by an addNode of a setup or show me
	// since the cluster started, up to this step's.
	servers servers
	// readMode is the read mode of the cluster the step plays on (as its
	// setup started it): the reads its actions may ask for.
	readMode view.ReadMode

	// Until ends a watch step, and the run after a predict step's answer.
	Until *Predicate
	// Goal is what a do step asks the learner to bring about.
	Goal *Predicate
	// Within bounds the simulated time AutoPlay waits for Until or Goal
	// (after the show-me actions); Settle is how long the canonical play
	// runs on after it holds.
	Within int64
	Settle int64

	// Hints appear one by one, every HintAfter of the learner's time.
	Hints     []doc.Paragraph
	HintAfter time.Duration
	// ShowMe is what "show me" does in a do step; each action's At is
	// how long after show me is pressed it happens (0: at once), in
	// non-decreasing order.
	ShowMe *Script

	Highlights []doc.Highlight

	Question []doc.Span
	Choices  []Choice
	// Answer is the declared right choice (0-based). Views should not show
	// it: they show the Outcome, which is what the run did, and AutoPlay
	// checks that the two agree.
	Answer int
}

// Choice is one answer to a predict step's question: its text and the
// predicate that is true, at the end of the run, when it is what happened.
type Choice struct {
	Text []doc.Span
	When *Predicate
}

// Setup prepares a step: either a new cluster (Scenario is set; its steps
// start at time 0) or actions played on top of the previous step's end
// (Script only, its times counted from the step's start).
type Setup struct {
	Scenario *view.Scenario
	Script   *Script
}

// Fresh reports whether the setup starts a new cluster.
func (s *Setup) Fresh() bool { return s != nil && s.Scenario != nil }

// Defaults for a step's timing.
const (
	DefaultWithinMs  = 10_000
	DefaultHintAfter = 20 * time.Second
	maxDurationMs    = 10 * 60 * 1000
)

// Error is a problem with a lesson file, located by file, line, step and
// field.
type Error struct {
	File string
	// Line is 1-based; 0 when unknown.
	Line int
	// Step is 1-based; 0 when the problem is not in a step.
	Step  int
	Title string
	Field string
	Msg   i18n.Message
}

func (e *Error) Error() string { return e.In(English) }

// In writes the error in lang; the file, line, step title and field name
// stay as the file has them.
func (e *Error) In(lang i18n.Lang) string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	b.WriteString(": ")
	text := e.Msg.In(lang)
	if e.Field != "" {
		text = lang.T("lessons.error.field", e.Field, text)
	}
	switch {
	case e.Step > 0 && e.Title != "":
		text = lang.T("lessons.error.step-titled", e.Step, e.Title, text)
	case e.Step > 0:
		text = lang.T("lessons.error.step", e.Step, text)
	}
	b.WriteString(text)
	return b.String()
}

// nodeName names a node the way the views do.
func nodeName(id raft.ID) string { return playground.S(id) }

// PlaySpeed is the playback speed a step runs at: its own, or its
// lesson's, or DefaultSpeed.
func (l *Lesson) PlaySpeed(st *Step) int {
	switch {
	case st.Speed > 0:
		return st.Speed
	case l.Speed > 0:
		return l.Speed
	}
	return doc.DefaultSpeed
}
