package i18n

// enLin: the explanation of a linearizability failure (why a client
// history cannot be put in order), as raftsim prints it and the app's
// panel shows it. Operations are written as the feed writes them (get x,
// put x=2); results as feed.result.* says them; times in seconds of
// simulated time.
var enLin = messages{
	// A call that returned what a write finished before it rules out (a
	// stale read, most often): the call's client, the call, its result
	// and when it returned; then the write's client, the write and when
	// it returned.
	{"lin.why.after", "client %d's %s returned %s at %.3fs, after client %d's %s had returned at %.3fs"},
	// A call alone that nothing written explains: the client, the call,
	// its result, when it returned, and the key.
	{"lin.why.alone", "client %d's %s returned %s at %.3fs, but no write of %s before it can give that result"},
	// Any other shape: how many calls, and the key.
	{"lin.why.general", "no order of these %d operations on %s gives each one the result it returned"},
	// The call where the history first fails, when what it clashes with
	// is too far back to show: the key, the client, the call, its result,
	// when it was invoked.
	{"lin.why.first", "the history of %s first fails at client %d's %s, which returned %s (invoked at %.3fs); the calls it clashes with are too far back to show"},
	// One operation of an explanation: the client, the call, its result,
	// when it was invoked and when it returned.
	{"lin.op", "client %d: %s → %s, invoked at %.3fs, returned at %.3fs"},
	// A write that never returned but took effect: the client, the call,
	// the result it had, when it was invoked.
	{"lin.op.open", "client %d: %s → %s, invoked at %.3fs, never returned (it took effect)"},
	// raftsim's heading above the explanation: the key.
	{"lin.heading", "Not linearizable: the operations on key %s that cannot be put in order:"},

	// The app's panel: its title (the key), what it says when the history
	// is linearizable or the check ran out of budget, its row labels, and
	// its hint.
	{"lin.panel.title", "Linearizability of key %s"},
	{"lin.panel.none", "Linearizability"},
	{"lin.panel.ok", "The client history is linearizable: every operation fits in one order."},
	{"lin.panel.unknown", "The check ran out of its work budget before it could decide."},
	{"lin.panel.client", "client %d"},
	{"lin.panel.hint", "Red bars cannot be put in order. Click a bar to go to that moment. Esc closes."},
	// A time at an end of the panel's axis, in seconds.
	{"lin.panel.time", "%.3fs"},
}
