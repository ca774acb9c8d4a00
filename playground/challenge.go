package playground

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/raftlab/raftlab/playground/view"
)

// MaxChallengeText bounds a challenge's goal and each of its conditions,
// in bytes: a goal is a sentence or two, a condition a line.
const MaxChallengeText = 500

// challengeFile is a scenario file's "challenge": the goal a teacher sets
// a student (see view.Challenge).
type challengeFile struct {
	Goal     string   `json:"goal"`
	Pass     string   `json:"pass"`
	Fail     string   `json:"fail,omitempty"`
	Forbid   []string `json:"forbid,omitempty"`
	WithinMs int64    `json:"withinMs,omitempty"`
}

// challenge checks the file's challenge: its texts are there and short,
// the actions it forbids exist, and its time limit is within the run
// (until: a challenge's file without one runs for MaxDurationMs). The file's steps may take a forbidden
// action: a student's solution, saved or shared, holds the moves that
// failed it (raftsim challenge link refuses a challenge whose own script
// does). The conditions' language is the lessons': the lessons package
// checks them when it judges (lessons.NewJudge).
func (f *scenarioFile) challenge(until int64) (*view.Challenge, error) {
	c := f.Challenge
	if c == nil {
		return nil, nil
	}
	for _, t := range []struct{ field, text string }{{"goal", c.Goal}, {"pass", c.Pass}, {"fail", c.Fail}} {
		switch {
		case t.field != "fail" && strings.TrimSpace(t.text) == "":
			return nil, fileError("challenge."+t.field, "scenario.required")
		case len(t.text) > MaxChallengeText:
			return nil, fileError("challenge."+t.field, "scenario.challenge.long", len(t.text), MaxChallengeText)
		case !utf8.ValidString(t.text):
			return nil, fileError("challenge."+t.field, "scenario.challenge.utf8")
		}
	}
	for i, do := range c.Forbid {
		switch {
		case actionNamed(do) == nil:
			return nil, fileError("challenge.forbid", "scenario.step.unknown-action", do)
		case slices.Contains(c.Forbid[:i], do):
			return nil, fileError("challenge.forbid", "scenario.challenge.twice", do)
		}
	}
	if c.WithinMs < 0 || c.WithinMs > MaxDurationMs {
		return nil, fileError("challenge.withinMs", "scenario.challenge.within", MaxDurationMs, c.WithinMs)
	}
	if c.WithinMs > until {
		return nil, fileError("challenge.withinMs", "scenario.challenge.within-until", c.WithinMs, until)
	}
	return &view.Challenge{Goal: c.Goal, Pass: c.Pass, Fail: c.Fail, Forbid: slices.Clone(c.Forbid), WithinMs: c.WithinMs}, nil
}

// challengeJSON is a challenge as a scenario file writes it (nil: none).
func challengeJSON(c *view.Challenge) *challengeFile {
	if c == nil {
		return nil
	}
	return &challengeFile{Goal: c.Goal, Pass: c.Pass, Fail: c.Fail, Forbid: c.Forbid, WithinMs: c.WithinMs}
}
