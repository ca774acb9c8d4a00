package i18n

// enPresent: presenter mode and the speaker notes window (issue 15).
var enPresent = messages{
	// The status line as presenter mode starts and ends (short: the top
	// bar has little room left then; the help lists the mode's keys).
	{"present.on", "Presenter mode (F5)"},
	// A link's present= value that is not 1 (or 0).
	{"host.link.present", "present=%q: use present=1 for presenter mode"},
	{"present.off", "Presenter mode is off."},
	// The settings dialog's row that turns presenter mode on and off.
	{"settings.present", "Presenter mode"},
	{"settings.present.explain", "Large type and strong colours for a projector. F5 turns it on and off."},
	// The help's line for presenter mode's keys.
	{"help.key.present", "F5  presenter mode: Page Down / Page Up next / back, B blank, F feed, H spotlight, N notes"},

	// The speaker notes window. Its head: lesson number and title, step
	// number and how many steps the lesson has.
	{"notes.head", "Lesson %d: %s · step %d of %d"},
	// Below the notes: the next step's title, or that there is none.
	{"notes.next", "Next: %s"},
	{"notes.last", "This is the lesson's last step."},
	// What the window says when it has nothing to show.
	{"notes.none.head", "Speaker notes"},
	{"notes.none", "No lesson is open. Open a lesson in RaftLab, and the notes of its step show here."},
	{"notes.empty", "This step has no speaker notes."},
	{"notes.waiting", "Waiting for RaftLab…"},
	// The window's title.
	{"notes.title", "RaftLab: speaker notes"},
	// The status line when this app cannot open a notes window.
	{"notes.unavailable", "This version of RaftLab cannot open a notes window."},
	// The status line when the notes window opens, or cannot: %s says why.
	{"notes.opened", "The speaker notes are in their own window."},
	{"notes.failed", "The notes window did not open: %s"},
	// The status line when the browser blocks the notes tab; %s is its
	// address.
	{"notes.blocked", "the browser blocked the new tab: allow pop-ups for this page, or open %s"},
}
