package view

import "github.com/raftlab/raftlab/playground/i18n"

// Link is what a share link holds: what a person sees, so that another
// can open it exactly (the playground writes and reads it as a URL
// fragment).
type Link struct {
	// Scenario is the scenario with every action taken.
	Scenario *Scenario
	// AtMs is the moment on the timeline.
	AtMs int64
	// Lesson and Step are the lesson open and its step (numbers from 1;
	// 0: none).
	Lesson, Step int
	// Speed is the playback speed, in virtual milliseconds per second
	// (0: the reader's default).
	Speed int
	// Lang is the language ("": the reader's own).
	Lang i18n.Lang
	// Play says that the run plays on from its moment, where a link
	// shared by a person opens paused there: the new run that Apply hands
	// to the build with its engine, which goes on as Apply does.
	Play bool
}
