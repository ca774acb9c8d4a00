package i18n

// enUILesson: the lesson panel's own buttons and labels and the lesson list.
var enUILesson = messages{
	// Under the lesson's title: the step's number, how many steps there
	// are, and the step's kind (lesson.kind.*).
	{"lesson.step-of", "Step %d of %d · %s"},
	// A step box's tooltip: its number, title and kind.
	{"lesson.step.hint", "Step %d: %s (%s)"},
	// The kinds of step: the learner watches, acts, or answers first.
	{"lesson.kind.watch", "watch"},
	{"lesson.kind.do", "do"},
	{"lesson.kind.predict", "predict"},
	{"lesson.resume-failed", "Could not resume at step %d: %s"},

	// Buttons of the panel's bottom bar, each with its tooltip.
	{"lesson.back", "Back"},
	{"lesson.back.hint", "Start the previous step again"},
	{"lesson.close", "Close"},
	{"lesson.close.hint", "Back to free play, keeping this cluster"},
	{"lesson.continue", "Continue"},
	{"lesson.continue.hint", "Go on to the next step"},
	// Continue on the lesson's last step.
	{"lesson.finish", "Finish"},
	{"lesson.finish.hint", "The lesson is done: back to the list of lessons"},
	// A button: the step's text runs on below.
	{"lesson.scroll", "▼ more"},
	{"lesson.scroll.hint", "Scroll down (or use the mouse wheel)"},
	// A button that unfolds the step's extra text, and folds it again.
	{"lesson.unfold", "► More"},
	{"lesson.unfold.hint", "Show more about this step"},
	{"lesson.fold", "▼ Less"},
	{"lesson.fold.hint", "Hide the extra text"},

	// Before a hint of a do step, in bold.
	{"lesson.hint-label", "Hint: "},
	// A button: the app does the step's action for the learner.
	{"lesson.showme", "Show me"},
	{"lesson.showme.hint", "Do it for me"},
	{"lesson.shown", "Shown: watch the simulation."},
	{"lesson.showme-failed", "Show me could not finish: %s"},
	// The heading of what the step showed, once it is done.
	{"lesson.explanation", "Explanation"},

	// Tags under a predict step's choices.
	{"lesson.tag.yours", "your answer"},
	{"lesson.tag.happened", "what happened"},
	{"lesson.tag.yours-happened", "your answer · what happened"},
	{"lesson.choose", "Choose an answer: the simulation runs once you have."},
	{"lesson.watch", "Watch what happens…"},
	{"lesson.right", "Right: that is what happened."},
	{"lesson.wrong", "Not this time: choice %d is what happened."},
	{"lesson.no-match", "The run matched none of the choices, or several."},

	// The question Esc or Close asks in a lesson, and its answers.
	{"lesson.leave.question", "Leave this lesson?"},
	{"lesson.leave.resume", "When you open it again, it starts at step %d."},
	{"lesson.leave", "Leave"},
	{"lesson.leave.hint", "Close the lesson and go back to free play (Enter)"},
	{"lesson.stay", "Stay"},
	{"lesson.stay.hint", "Stay in the lesson (Esc)"},

	// Buttons once the lesson's last step is done.
	{"lesson.all", "All lessons"},
	{"lesson.all.hint", "The course is done: back to the list of lessons"},
	{"lesson.next", "Next lesson: %d. %s"},

	// The strip above the buttons while a step plays: its buttons, and
	// what it says.
	{"lesson.skip", "Skip ►"},
	{"lesson.skip.hint", "Run the simulation to where this step ends"},
	{"lesson.resume", "Resume"},
	{"lesson.play", "Play"},
	{"lesson.resume.hint", "Play the simulation (space)"},
	{"lesson.wait.start", "Press play (space) to start."},
	{"lesson.wait.paused", "Paused. Press Resume to continue."},
	{"lesson.wait.soon", "The step should end soon."},
	// Wall-clock seconds left, and the simulated time left.
	{"lesson.wait.left.ms", "About %d s left (%d ms simulated)"},
	{"lesson.wait.left.s", "About %d s left (%.1f s simulated)"},
	{"lesson.skip.failed", "Skip ran %d s of simulated time, and the step did not end. Click its number above to start it again."},

	// The list of lessons.
	{"lesson.list.title", "Lessons"},
	{"lesson.list.intro", "Choose a lesson: it runs on this playground."},
	{"lesson.list.finished", "%d of %d finished"},
	// Under a lesson's title: its length in minutes and its summary.
	{"lesson.row", "%d min · %s"},
	{"lesson.row.finished", "finished · %s"},
	// The step the learner reached, of how many, then lesson.row.
	{"lesson.row.at", "step %d of %d · %s"},
	// A row of the lesson list for a lesson that runs on etcd's engine:
	// its minutes, the engine (settings.engine.etcd) and its summary.
	{"lesson.row.engine", "%d min · on %s · %s"},
	{"lesson.reset", "Reset progress"},
	{"lesson.reset.hint", "Forget how far you got in every lesson"},
	{"lesson.reset.question", "Forget the progress of every lesson?"},
	{"lesson.reset.yes", "Reset"},
	{"lesson.reset.yes.hint", "Forget every lesson's progress"},
	{"lesson.reset.no", "Cancel"},
	{"lesson.reset.no.hint", "Keep your progress"},
}
