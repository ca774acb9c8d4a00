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

// Lesson is a parsed lesson file: what it says (doc.Lesson, which the
// views read) and, step by step, how it is played.
type Lesson struct {
	doc.Lesson
	// AllowViolations lets the lesson break safety on purpose (with a
	// teaching switch); otherwise AutoPlay fails on any violation.
	AllowViolations bool
	// Engine are the steps as the engine plays them, in order: Engine[i]
	// embeds *Steps[i] (see addStep).
	Engine []*Step
}

// addStep appends a parsed step, to Engine and its text to Steps.
func (l *Lesson) addStep(st *Step) {
	l.Engine = append(l.Engine, st)
	l.Steps = append(l.Steps, &st.Step)
}

// Step is one step of a lesson: what it says (doc.Step) and how it is
// played.
type Step struct {
	doc.Step
	// Line is the line of the step's heading in the file.
	Line int

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
	// Settle is how long the canonical play runs on after Until or Goal
	// holds (Within bounds how long AutoPlay waits for it).
	Settle int64

	// HintAfter is the learner's time between two hints.
	HintAfter time.Duration
	// ShowMe is what "show me" does in a do step; each action's At is
	// how long after show me is pressed it happens (0: at once), in
	// non-decreasing order.
	ShowMe *Script

	// When holds each choice's condition, in the order of Choices: the
	// choice is what happened when it is true at the end of the run.
	When []*Predicate
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
