package i18n

// enUIShare: share links, made and opened in the app.
var enUIShare = messages{
	{"bar.share", "Share"},
	{"bar.share.hint", "Copy a link to this moment: the scenario, every action, the time, the lesson (l)"},
	{"help.key.share", "L  copy a link to this moment"},

	{"status.share.unavailable", "sharing a link is not available here"},
	{"status.share.failed", "could not make a link: %s"},
	{"status.share.address-bar", "the link to this moment is in the address bar: copy it from there"},
	{"status.share.copied", "link copied: whoever opens it sees this moment"},
	{"status.share.saved", "link saved to %s (and printed in the terminal)"},
	{"status.share.too-long", "a link would be %d KB, longer than a URL can safely be (%d KB): saved the session as a file to send instead"},
	{"status.share.opened", "opened a shared link at %.3f s: press play to go on"},
	{"status.share.opening", "opening the link: %d%%. Esc stops here"},
	{"status.share.stopped", "stopped opening the link at %.3f s"},
	{"status.share.opened-step", "opened a shared link: lesson %d, step %d"},
	{"status.share.cannot-open", "cannot open this link: %s"},
}
