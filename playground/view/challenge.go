package view

import "github.com/raftlab/raftlab/playground/i18n"

// Challenge is a goal a teacher sets in a scenario for a student to reach
// by playing: "get S3 elected without crashing anyone". The simulation
// judges it (the lessons package's Judge), so a pass is a fact of the run
// that raftsim can replay and check.
type Challenge struct {
	// Goal is the teacher's words, shown to the student as they are.
	Goal string
	// Pass is the condition that passes the challenge the moment it
	// holds, in the lessons' language of conditions ("leaderIs(3)").
	Pass string
	// Fail, when set, is a condition that fails it the moment it holds.
	Fail string
	// Forbid are the actions the student may not take ("crash"): taking
	// one fails the challenge.
	Forbid []string
	// WithinMs, when not 0, is the virtual time the student has.
	WithinMs int64
}

// VerdictState is where a challenge stands.
type VerdictState uint8

const (
	// Open: not yet passed or failed.
	Open VerdictState = iota
	Passed
	Failed
)

// String names the state, as the browser tests read it.
func (s VerdictState) String() string { return [...]string{"open", "passed", "failed"}[s] }

// Verdict is a challenge's judgement of a run so far.
type Verdict struct {
	State VerdictState
	// AtMs is when the challenge was passed or failed.
	AtMs int64
	// Why says what failed it (empty unless failed), to be written in
	// the reader's language.
	Why i18n.Message
	// Code is a passed run's result code (see lessons.ResultCode).
	Code string
}
