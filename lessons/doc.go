// Package lessons is RaftLab's lesson engine: short interactive chapters
// that run on the real simulator.
//
// A lesson is a Markdown file (see README.md in this folder for the format)
// parsed into a Lesson: a list of steps, each with narration, an optional
// setup, highlights and one goal — watch (play until a condition holds), do
// (the learner must act until a predicate over the playground holds) or
// predict (a multiple-choice question answered before the simulation runs,
// whose right answer is whatever the run does).
//
// Every step's state is reproducible: a step either starts a new cluster
// (its setup names the nodes) or continues from the end of the previous
// step's canonical play (the play AutoPlay does: watch and predict steps run
// until their condition, do steps press "show me" at once (its actions
// happen then, or their "at" later) and run until the goal). A Runner drives one lesson for a view: Start, Next,
// Back and Jump to any step, Advance the simulation, ShowMe, Answer, Hints.
//
// lessons owns the lesson format and its parser, the conditions and
// predicates over a playground, the Runner, the scoring and pacing of
// lessons, and the bundled lesson files. It must not import ui, cmd or wasm:
// a view drives a Runner, never the other way.
package lessons
