package i18n

// enHost: what the browser page and the desktop app say about starting,
// links and the Chinese fonts.
var enHost = messages{
	// The status line while the Chinese font downloads, with the share
	// that has arrived (%d is 0..100; %% is a percent sign).
	{"host.font.loading.pct", "Loading the Chinese font… %d%%"},
	// The same, before the font's size is known.
	{"host.font.loading", "Loading the Chinese font…"},
	// %v is why (a network error, an HTTP status).
	{"host.font.failed", "The Chinese font could not be loaded: %v"},
	// A banner over the page; %s are the problems, each a sentence,
	// joined by semicolons.
	{"host.link.unused", "Part of this link was not used: %s"},
	{"host.start.failed", "RaftLab could not start: %v"},
	{"host.stopped", "RaftLab stopped: %v"},
	// The problems a link can have; each is one part of host.link.unused.
	{"host.link.repeated", "URL parameter %q is given %d times"},
	{"host.link.lesson-and", "lesson=%d cannot be combined with %s: a lesson sets its own world"},
	{"host.link.scenario-and", "scenario=%s cannot be combined with %s: a scenario sets its own"},
	{"host.link.empty", "empty=%q: use empty=1"},
	{"host.link.share-and", "a share link sets its own world, time and lesson, so %s was not used"},
	{"host.link.step-alone", "step=%s needs lesson=N: the lesson it is a step of"},
	{"host.link.not-number", "%s=%q is not a whole number"},
}
