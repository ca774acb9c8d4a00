package i18n

// enUIBar: the top bar, the controls around the canvas, the node/link/message menus and their tooltips.
var enUIBar = messages{
	// The top bar's controls (button labels) and their tooltips.
	{"bar.lessons", "Lessons"},
	{"bar.lessons.hint", "The course: interactive lessons that run on this playground"},
	{"bar.play", "Play"},
	{"bar.pause", "Pause"},
	{"bar.play.hint", "Play or pause the simulation (space)"},
	{"bar.step", "Step"},
	{"bar.step.hint", "Run to the next event (right arrow)"},
	{"bar.slower", "-"},
	{"bar.slower.hint", "Slow down (-)"},
	{"bar.faster", "+"},
	{"bar.faster.hint", "Speed up (+)"},
	{"bar.write", "Write x"},
	{"bar.write.hint", "A client writes the next value of x, sent where the client panel says (c)"},
	{"bar.read", "Read x"},
	{"bar.read.hint", "A client reads x, sent where the client panel says, in the settings' read mode"},
	{"bar.add", "+ Server"},
	{"bar.add.hint", "Start a new server and add it to the cluster: a learner first, a voter once caught up"},
	{"bar.heal", "Heal"},
	{"bar.heal.hint", "Remove every partition and cut link"},
	{"bar.settings", "Settings"},
	{"bar.settings.hint", "Timing, network, features and the teaching switches"},
	{"bar.open", "Open"},
	{"bar.open.hint", "Open a scenario file"},
	{"bar.save", "Save"},
	{"bar.save.hint", "Save this session as a scenario file that replays it, or as a picture, an animation or a slide (s)"},
	{"bar.help", "?"},
	{"bar.help.hint", "Every shortcut, and what the colours and shapes mean (?)"},
	// The control that opens a menu of the controls that did not fit.
	{"bar.more", "More"},
	{"bar.more.hint", "More controls"},

	// At the top bar's right: the free-play cluster's name, or the open
	// lesson's number and title (or number alone).
	{"bar.sandbox", "Sandbox"},
	{"bar.lesson.title", "Lesson %d · %s"},
	{"bar.lesson", "Lesson %d"},

	// The app could not start: a scenario (its name) that cannot run,
	// then why.
	{"start.scenario.failed", "scenario %q: %s"},

	// The name a saved sandbox session gets in its scenario file (shown
	// when the file is opened).
	{"save.session-name", "RaftLab session"},

	// The status line at the top bar's right. A file's name, then why it
	// could not be loaded.
	{"status.file-error", "%s: %s"},
	{"status.loaded", "loaded %s"},
	{"status.save.unavailable", "saving is not available here"},
	{"status.save.failed", "could not save: %s"},
	{"status.saved", "saved the session as a scenario file"},
	{"status.drop-json", "drop a scenario file (.json) to load it"},
	{"status.no-leader-to-crash", "there is no leader to crash"},
	{"status.ids-used", "every server ID 1..%d has been used; a removed server's ID is never reused"},
	// An assessment's result, handed to the learner for their teacher.
	{"status.copy-result.failed", "could not copy the result: %s"},
	{"status.copied-result", "copied the result"},
	{"status.save-result.failed", "could not save the result: %s"},
	// Where the file went (a folder or a file name).
	{"status.saved-result.to", "saved the result to %s"},
	{"status.saved-result", "saved the result"},

	// Tooltips. A feed filter's label (Elections, All...).
	{"tip.feed-filter", "Show %s events"},
	// A server's name.
	{"tip.node", "Click %s for its menu; its state shows on the right"},
	{"tip.timeline", "Click or drag to travel in time"},
	// A message in flight: the sentence that describes it, then (when it
	// will be lost) why.
	{"tip.message", "%s (click to drop it)"},
	{"tip.message.lost", "%s — will be lost: %s (click to drop it)"},
	// A key term of a lesson, in bold before its meaning ("leader: ...").
	{"tip.term", "%s: "},

	// The menus of a server, a link and a message in flight (items).
	{"menu.crash", "Crash"},
	{"menu.restart", "Restart"},
	{"menu.timeout", "Time out now"},
	{"menu.transfer", "Transfer leadership here"},
	{"menu.snapshot", "Take a snapshot"},
	{"menu.isolate", "Isolate"},
	{"menu.replace", "Replace with %s (joint change)"},
	{"menu.remove", "Remove from cluster"},
	// Cut the link between two servers in both directions, or in one
	// (from the first server to the second).
	{"menu.cut-both", "Cut both ways"},
	{"menu.cut-one", "Cut %s→%s only"},
	{"menu.restore-link", "Restore the link"},
	{"menu.drop", "Drop this message"},
	// Menu titles: the link between two servers; a message by its number.
	{"menu.link.title", "Link %s–%s"},
	{"menu.message.title", "Message %d"},

	// The score at the end of an assessment: per topic and in all, right
	// answers of how many.
	{"score.title", "Your score"},
	{"score.topic", "%s: %d of %d"},
	// The topics an assessment scores (the lessons' topic: lines).
	{"score.topic.elections", "elections"},
	{"score.topic.failures", "failures"},
	{"score.topic.membership", "membership"},
	{"score.topic.reads", "reads"},
	{"score.topic.replication", "replication"},
	{"score.topic.safety", "safety"},
	{"score.total", "In all: %d of %d"},
	{"score.attempt", "Attempt %d: the result says so."},
	// Buttons that hand the result to the learner, and their tooltips.
	{"score.copy", "Copy result"},
	{"score.copy.hint", "Copy the result as text, for your teacher"},
	{"score.download", "Download"},
	{"score.download.hint", "Save the result as a text file, for your teacher"},

	// The learner's saved lesson progress could not be read or saved
	// (then why).
	{"progress.unreadable", "Your saved progress could not be read, and will not be saved this time: %s"},
	{"progress.partly-unusable", "Some saved progress could not be used: %s"},
	{"progress.save-failed", "Progress could not be saved: %s"},
}
