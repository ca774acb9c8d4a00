package lab

import (
	"encoding/json"

	"github.com/raftlab/raftlab/lessons"
	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/playground/view"
)

// session is a playground session as the UI steers it. The world it reads
// is the session's present one, asked for each time: a seek replaces it.
// flights keeps the views of its messages on the wire (flights.go).
type session struct {
	s       *playground.Session
	flights *flightViews
	// judge judges the scenario's challenge, if it sets one: the session
	// runs through it, so that the verdict keeps up with every move.
	judge *lessons.Judge
}

// Session is s as the UI steers it.
func Session(s *playground.Session) view.Session { return session{s: s, flights: &flightViews{}} }

func (s session) Now() int64                 { return s.s.Now() }
func (s session) Horizon() int64             { return s.s.Horizon() }
func (s session) NextEventAt() (int64, bool) { return s.s.World().NextEventAt() }

func (s session) RunUntil(ms int64) {
	if s.judge != nil {
		s.judge.RunUntil(ms)
		return
	}
	s.s.RunUntil(ms)
}

// SeekTo moves the present. With a challenge to judge, a seek forward
// runs there judging every moment on the way, as the run would have been
// judged had it played there; a seek back has the judge catch up.
func (s session) SeekTo(ms int64) {
	switch {
	case s.judge == nil:
		s.s.SeekTo(ms)
	case ms >= s.s.Now():
		s.judge.RunUntil(ms)
	default:
		s.s.SeekTo(ms)
		s.judge.Travelled()
	}
}

func (s session) Do(a view.Action) error {
	err := s.s.Do(a)
	if s.judge != nil {
		s.judge.Acted()
	}
	return err
}

// Verdict is the judgement of the scenario's challenge so far; false when
// the scenario sets none.
func (s session) Verdict() (view.Verdict, bool) {
	if s.judge == nil {
		return view.Verdict{}, false
	}
	return s.judge.Verdict(), true
}

func (s session) Actions() []view.Action { return s.s.Actions() }
func (s session) SetTraceWindow(n int)   { s.s.SetTraceWindow(n) }
func (s session) Rewinds() uint64        { return s.s.Rewinds() }
func (s session) View() *view.World      { return s.s.World().View() }
func (s session) TraceStart() int        { return s.s.World().TraceStart() }
func (s session) TraceLen() int          { return s.s.World().TraceLen() }
func (s session) Event(i int) view.Event { return s.s.World().EventAt(i).View() }

func (s session) EventType(i int) view.EventType { return s.s.World().EventTypeAt(i) }
func (s session) History() []view.Call           { return s.s.World().History() }
func (s session) HistoryLen() int                { return s.s.World().HistoryLen() }
func (s session) Call(i int) view.Call           { return s.s.World().Call(i) }
func (s session) NodeMenu(id view.ID) []view.MenuItem {
	return s.s.World().NodeMenu(id)
}
func (s session) LinkMenu(a, b view.ID) []view.MenuItem { return s.s.World().LinkMenu(a, b) }

func (s session) InFlight() []view.Flight { return s.flights.of(s.s.World()) }

func (s session) SpaceTime(from, to int64) view.SpaceTime { return s.s.SpaceTime(from, to) }

func (s session) Violations() []view.Violation {
	return views(s.s.World().Violations(), playground.Violation.View)
}

func (s session) StaleReads() []view.StaleRead {
	return views(s.s.World().StaleReads(), playground.StaleRead.View)
}

// views are the views of xs.
func views[T, V any](xs []T, view func(T) V) []V {
	out := make([]V, len(xs))
	for i, x := range xs {
		out[i] = view(x)
	}
	return out
}

func (s session) Linearizability() view.LinExplanation {
	return s.s.World().LinearizabilityExplained()
}

func (s session) FreeID() (view.ID, bool) {
	id, ok := s.s.World().FreeID()
	return view.ID(id), ok
}

// State is the run so far as `raftsim run --json` writes it (without the
// linearizability verdict).
func (s session) State(name string) json.RawMessage {
	data, _ := json.Marshal(s.s.World().State(name)) // plain structs: cannot fail
	return data
}

// Playground is the playground session under the view, for the UI's tests,
// which check what the screen shows against the world itself.
func (s session) Playground() *playground.Session { return s.s }
