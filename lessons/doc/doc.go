// Package doc is a lesson as a front end shows it, and what the learner
// has done: what a lesson says (its titles, steps, narration in styled
// spans, questions, hints, highlights), the glossary of key terms, the
// playback speeds, a predict step's outcome, the learner's progress and
// an assessment's score, and the Runner and Play a view steers a lesson
// through.
//
// The lesson engine (package lessons) parses the files into these and
// adds what it needs to play them: setups, scripts and compiled
// conditions. The UI reads this package and never the engine, so that no
// part of raft reaches it. It imports nothing of RaftLab but
// playground/view, playground/i18n and internal/sha256.
package doc
