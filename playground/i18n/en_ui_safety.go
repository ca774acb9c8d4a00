package i18n

// enUISafety: the app's safety monitor panel (and its strip under a
// lesson) and the safety reference card. The properties' names and
// explanations are in enSafety.
var enUISafety = messages{
	// The monitor panel's title.
	{"monitor.title", "Safety monitor"},
	// A green light of reads: the check's name (No Stale Reads).
	{"monitor.reads", "%s (a check of reads)"},
	// A red light of reads: its name, how many reads were stale, and
	// when the first was (in seconds of simulated time).
	{"monitor.stale", "%s: %d stale. First at %.3fs"},
	// A red light: the property's name, and when it broke (seconds).
	{"monitor.broken", "%s: broken at %.3fs"},
	// What a red light of reads found: its name, how many reads were
	// stale, and what the first stale read was (a sentence).
	{"monitor.stale.whole", "%s: %d stale. First: %s"},
	// What a red light found: the property's name, what broke.
	{"monitor.broken.whole", "%s: %s"},
	// The tooltip of a red light of reads: what it found, then what the
	// check judges (two sentences).
	{"monitor.stale.hint", "%s. %s"},
	{"monitor.stale.hint-click", "%s Click: which calls cannot be put in order, and why."},
	// The head of the monitor's strip under a lesson: %d is how many
	// properties it watches (and how many of them broke).
	{"monitor.strip.ok", "Safety: all %d properties hold, no stale reads"},
	{"monitor.strip.broken", "Safety: %d of %d properties broken (click one: when)"},
	{"monitor.strip.stale", "Safety: all %d properties hold, but a read was stale (click: when)"},

	// The lesson panel's button that opens the safety card, and its
	// tooltip ("p" is the key that opens it).
	{"card.open", "Safety card"},
	{"card.open.hint", "Raft's five safety properties (p)"},
	// The card's title, its first line, and its last line.
	{"card.title", "Raft's five safety properties"},
	{"card.intro", "Every lesson uses these names. Raft keeps all five true at every moment."},
	{"card.close", "Esc or a click closes this card."},
}
