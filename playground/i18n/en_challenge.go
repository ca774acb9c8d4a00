package i18n

// enChallenge: challenges, the goals a teacher sets in a scenario, as the
// file, the judge, the app and raftsim speak of them.
var enChallenge = messages{
	{"scenario.challenge.long", "%d bytes: at most %d"},
	{"scenario.challenge.utf8", "not UTF-8 text"},
	{"scenario.challenge.twice", "%q is forbidden twice"},
	{"scenario.challenge.within", "must be between 0 (no limit) and %d ms, not %d"},
	{"scenario.challenge.within-until", "%d ms is past the scenario's end (until: %d ms)"},
	{"raftsim.challenge.scripted", "step %d: the challenge forbids %q, so its own script cannot use it"},
	{"lessons.challenge.condition", "challenge.%s: %v"},
	{"lessons.challenge.forbidden", "%s was used, and the challenge forbids it"},
	{"lessons.challenge.time-up", "time is up: the goal was not reached in %.3f s"},
	{"lessons.challenge.fail-holds", "the challenge's fail condition holds: %s"},
	{"challenge.title", "Challenge"},
	{"challenge.open", "Not reached yet. Play to reach the goal."},
	{"challenge.open.left", "Not reached yet: %.1f s left."},
	{"challenge.passed", "Passed at %.3f s. Result code: %s. Press L to share your solution."},
	{"challenge.failed", "Failed at %.3f s: %s."},
	{"challenge.retry", "Try again"},
	{"challenge.retry.hint", "Start the challenge again from the beginning"},
	{"raftsim.challenge.usage", `usage:
  raftsim challenge link FILE [--base URL]
  raftsim challenge verify LINK|FILE [--code XXXX-XXXX]
`},
	{"raftsim.challenge.one", "name one file or link, not %d"},
	{"raftsim.challenge.none", "its scenario sets no challenge"},
	{"raftsim.challenge.too-large", "the file is larger than %d MiB: it is neither a link nor a scenario file"},
	{"raftsim.challenge.passed", "PASS %s: passed at %.3f s, result code %s"},
	{"raftsim.challenge.failed", "FAIL %s: failed at %.3f s: %s"},
	{"raftsim.challenge.open", "FAIL %s: not passed by %.3f s, the moment the solution shows"},
	{"raftsim.challenge.other-code", "FAIL %s: the run passes at %.3f s with result code %s, not %s"},
}
