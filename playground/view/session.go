package view

import "encoding/json"

// Session is a run a front end shows and steers: a world, the actions done
// to it so far, and travel through its history. Times are virtual
// milliseconds.
type Session interface {
	// Now is the present; Horizon the furthest time run so far (ahead of
	// Now after a seek back).
	Now() int64
	Horizon() int64
	// RunUntil runs to time ms; SeekTo moves the present to ms within the
	// history run so far.
	RunUntil(ms int64)
	SeekTo(ms int64)
	// NextEventAt is when the next scheduled event happens, if any.
	NextEventAt() (int64, bool)
	// Do carries out an action now (and keeps it, so that time travel can
	// replay it); Actions are those done and scripted so far.
	Do(a Action) error
	Actions() []Action
	// SetTraceWindow keeps only the newest n events of the trace.
	SetTraceWindow(n int)
	// Rewinds counts the times a seek restored the present from a
	// checkpoint: the trace may then differ, after TraceStart, from what
	// was read of it before.
	Rewinds() uint64

	// View is what the screen shows of the world now.
	View() *World
	// The trace: events TraceStart to TraceLen-1 are kept.
	TraceStart() int
	TraceLen() int
	Event(i int) Event
	// EventType is event i's type, for screens that scan the trace for a
	// few types without building every event.
	EventType(i int) EventType
	// InFlight are the messages on the wire.
	InFlight() []Flight
	// History is every client call so far. A screen that shows a few
	// reads them with HistoryLen and Call instead: an hour of client load
	// is hundreds of thousands of calls.
	History() []Call
	HistoryLen() int
	// Call is client call i (0 <= i < HistoryLen()).
	Call(i int) Call
	Violations() []Violation
	// SpaceTime is the space-time diagram of from..to, from the trace.
	SpaceTime(from, to int64) SpaceTime
	StaleReads() []StaleRead
	// Linearizability is the verdict on the client history so far and,
	// when it is "illegal", why. It checks the whole history (a tenth of
	// a second at worst): a screen asks for it on demand, not every frame.
	Linearizability() LinExplanation
	// NodeMenu and LinkMenu are what can be done now to a server or to the
	// link between two.
	NodeMenu(id ID) []MenuItem
	LinkMenu(a, b ID) []MenuItem
	// FreeID is the lowest server ID never used, if one is left.
	FreeID() (ID, bool)
	// State is the run so far as `raftsim run --json` writes it, under a
	// name.
	State(name string) json.RawMessage
	// Verdict is the judgement of the scenario's challenge so far; false
	// when the scenario sets none.
	Verdict() (Verdict, bool)
}
