package i18n

// enUIFeed: the app's event feed panel and the client panel's list of
// requests. The feed's sentences are in enFeed.
var enUIFeed = messages{
	// The feed panel's title.
	{"feedpanel.title", "Events"},
	// The feed's filter buttons: which events it lists.
	{"feedpanel.filter.story", "Story"},
	{"feedpanel.filter.elections", "Elections"},
	{"feedpanel.filter.log", "Log"},
	{"feedpanel.filter.faults", "Faults"},
	{"feedpanel.filter.clients", "Clients"},
	{"feedpanel.filter.all", "All"},
	// An event's time in the feed's left column: seconds of simulated
	// time, right-aligned in six characters (s is the unit).
	{"feedpanel.time", "%6.3fs"},

	// A client request in the client panel: its command (put x=1), then
	// what befell it (one of the requests.* below).
	{"requests.line", "%s — %s"},
	// A request's whole story under the pointer: the client, its
	// command, what befell it.
	{"requests.why", "Client %d: %s — %s."},
	// An answered request: the server that answered (S1), the attempt
	// it took, and the result (one of requests.result.*).
	{"requests.answered", "answered: %s"},
	{"requests.answered.by", "answered by %s: %s"},
	{"requests.answered.at", "answered at attempt %d: %s"},
	{"requests.answered.by.at", "answered by %s at attempt %d: %s"},
	{"requests.gave-up", "gave up: the outcome is unknown"},
	// Where the request is now: on its way to a server, or waiting for
	// its answer (seconds since it was sent).
	{"requests.sent", "sent to %s"},
	{"requests.waiting", "waiting for %s (%.1f s)"},
	// A retried request: the server the last attempt went to, the
	// attempt number, and where the request is now (requests.sent or
	// requests.waiting).
	{"requests.timed-out", "%s timed out, retry %d %s"},
	{"requests.redirected", "%s redirected to %s, %s"},
	{"requests.no-leader", "%s knew no leader, retry %d %s"},
	{"requests.refused", "%s refused it, retry %d %s"},
	// What a call returned, in short: a read found no value, a value
	// (quoted), a compare-and-set that failed (the value it found), or
	// success.
	{"requests.result.not-found", "not found"},
	{"requests.result.value", "%q"},
	{"requests.result.cas-failed", "failed, the value is %q"},
	{"requests.result.ok", "ok"},
}
