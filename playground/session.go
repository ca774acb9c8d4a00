package playground

import "github.com/raftlab/raftlab/playground/view"

// Session is a world with a history. It keeps every action taken, in time
// order, and checkpoints of the world along the way, so it can seek to any
// earlier moment (restore the checkpoint before it and replay) and forward
// again. Acting in the past forks history: the actions and checkpoints after
// that moment are discarded, so undo is just a seek.
type Session struct {
	world   *World
	actions []view.Action
	// applied counts the actions already carried out in world.
	applied     int
	checkpoints []checkpoint
	// interval is the virtual time between checkpoints. It doubles (and
	// every other checkpoint goes) whenever there are maxCheckpoints, so
	// memory stays bounded and a seek replays at most one interval.
	interval int64
	// Horizon is the furthest time this history has been run to.
	horizon int64
	// rewinds counts the times world was restored from a checkpoint.
	rewinds uint64
	// forward is set when the session only runs forward: it takes no
	// checkpoints after the first (see DiscardCheckpoints).
	forward bool
}

type checkpoint struct {
	at      int64
	applied int
	world   *World
}

const (
	firstCheckpointInterval = 500
	maxCheckpoints          = 256
)

// NewSession starts a session at w's present with a script of actions (which
// must be in time order).
func NewSession(w *World, actions []view.Action) *Session {
	s := &Session{world: w, actions: append([]view.Action(nil), actions...), interval: firstCheckpointInterval, horizon: w.now}
	s.checkpoints = []checkpoint{{at: w.now, applied: 0, world: w.checkpointClone()}}
	return s
}

// SetTraceWindow bounds the trace of a long interactive session to about the
// newest n events (see World.SetTraceWindow); its checkpoints then keep no
// trace at all.
func (s *Session) SetTraceWindow(n int) {
	s.world.SetTraceWindow(n)
	for i := range s.checkpoints {
		s.checkpoints[i].world.trace = emptyTraceAt(s.checkpoints[i].world.trace, n)
		s.checkpoints[i].world.trimFlights()
	}
}

// DiscardTrace stops keeping the trace (see World.DiscardTrace), in the
// world and its checkpoints.
func (s *Session) DiscardTrace() {
	s.world.DiscardTrace()
	for i := range s.checkpoints {
		s.checkpoints[i].world.DiscardTrace()
	}
}

// DiscardCheckpoints stops taking checkpoints, for a session that will
// only run forward (raftsim run, a chaos seed): cloning the world every so
// often is a tenth of such a run. A seek still works, replaying from the
// first moment.
func (s *Session) DiscardCheckpoints() { s.forward = true }

// traceContextMs is how much of the trace before the moment sought a seek
// writes when checkpoints keep no trace: the replay refills the event feed
// with what led up to that moment.
const traceContextMs = 2000

// World is the world at the session's present. It is replaced by SeekTo, so
// do not hold on to it across calls.
func (s *Session) World() *World { return s.world }

// Rewinds counts the times a seek restored the present from a checkpoint:
// the trace may then differ, after TraceStart, from what was read of it
// before.
func (s *Session) Rewinds() uint64 { return s.rewinds }

// Now is the session's present.
func (s *Session) Now() int64 { return s.world.now }

// Horizon is the furthest moment this history has reached.
func (s *Session) Horizon() int64 { return s.horizon }

// Actions lists the actions of this history, in time order.
func (s *Session) Actions() []view.Action { return s.actions }

// RunUntil moves the present forward to t, carrying out the actions due on
// the way. An action that fails (crashing a node that is down) is noted in the
// trace and skipped. In manual network mode an action's automatic
// consequences (disk writes, client traffic) run at once, and may carry
// the present past t (see manual.go).
func (s *Session) RunUntil(t int64) {
	for s.applied < len(s.actions) && s.actions[s.applied].At <= t {
		a := s.actions[s.applied]
		s.advance(a.At)
		s.apply(s.applied, a)
		s.applied++
	}
	s.advance(t)
}

func (s *Session) apply(i int, a view.Action) {
	if err := s.world.Do(a); err != nil {
		s.world.emit(Event{Type: view.EvNote, Key: "feed.step-failed", Args: []any{i, a.Do, err}})
	}
}

// advance runs the world to t, taking checkpoints on the way.
func (s *Session) advance(t int64) {
	for !s.forward {
		next := s.checkpoints[len(s.checkpoints)-1].at + s.interval
		if next > t {
			break
		}
		s.world.RunUntil(next)
		s.checkpoint()
	}
	s.world.RunUntil(t)
	s.horizon = max(s.horizon, s.world.now)
}

func (s *Session) checkpoint() {
	s.checkpoints = append(s.checkpoints, checkpoint{at: s.world.now, applied: s.applied, world: s.world.checkpointClone()})
	if len(s.checkpoints) < maxCheckpoints {
		return
	}
	kept := s.checkpoints[:1]
	for i := 2; i < len(s.checkpoints); i += 2 {
		kept = append(kept, s.checkpoints[i])
	}
	clear(s.checkpoints[len(kept):])
	s.checkpoints = kept
	s.interval *= 2
}

// SeekTo moves the present to t, backwards or forwards. It restores the last
// checkpoint at or before t (when t is in the past, or when that checkpoint
// is ahead of the present, which saves replaying up to it) and replays to t;
// the actions after t are kept, so seeking forward again replays them.
func (s *Session) SeekTo(t int64) {
	if t < 0 {
		t = 0
	}
	from := t
	if s.world.trace.window > 0 {
		from = t - traceContextMs
	}
	i := len(s.checkpoints) - 1
	for i > 0 && s.checkpoints[i].at > from {
		i--
	}
	if cp := s.checkpoints[i]; t < s.world.now || cp.at > s.world.now {
		s.world = cp.world.Clone()
		s.applied = cp.applied
		s.rewinds++
		if s.world.trace.window > 0 {
			// The checkpoint keeps no trace, and the trace wanted starts at
			// from: the replay up to it keeps none either (writing events
			// is most of a replay's cost). Flights are still recorded, for
			// the events after from that name them.
			s.world.trace.off = true
			s.RunUntil(from)
			s.world.trace.off = false
			s.world.trimFlights()
		}
	}
	s.RunUntil(t)
}

// Do carries out an action now (its At is set to the present). If the present
// is in the past of this history, the future is discarded first: history
// forks here.
func (s *Session) Do(a view.Action) error {
	// Events due now run first, as a replay runs them before each action:
	// otherwise an action that schedules one for this very moment, followed by
	// another, would run in another order on replay.
	s.world.RunUntil(s.world.now)
	a.At = s.world.now
	if err := s.world.Do(a); err != nil {
		return err // nothing changed: the future is kept
	}
	s.actions = s.actions[:s.applied]
	i := len(s.checkpoints)
	for i > 1 && s.checkpoints[i-1].at > a.At {
		i--
	}
	clear(s.checkpoints[i:])
	s.checkpoints = s.checkpoints[:i]
	s.horizon = s.world.now
	s.actions = append(s.actions, a)
	s.applied++
	return nil
}
