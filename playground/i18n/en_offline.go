package i18n

// enOffline: the embedded page (?embed=1) and the pause while the app is
// hidden.
var enOffline = messages{
	// A problem of a link (one part of host.link.unused); %q is the value
	// given.
	{"host.link.embed", "embed=%q: use embed=1"},
	// A problem of a link: a lesson needs its panel, so the full app
	// opens; %d is the lesson's number.
	{"host.link.embed-lesson", "embed=1 cannot show a lesson: lesson %d opens in the full app"},
	// The status line when the app is seen again after it paused itself:
	// the browser's tab was hidden, or the desktop's window minimized.
	{"status.paused-hidden.tab", "Paused while the tab was hidden. Press play to go on."},
	{"status.paused-hidden.window", "Paused while the window was minimized. Press play to go on."},
}
