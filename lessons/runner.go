package lessons

import (
	"errors"
	"slices"
	"sort"
	"time"

	"github.com/raftlab/raftlab/lessons/doc"
	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
)

// Play is one step being played on the simulator: its session (which a
// view draws, runs and acts on), the baseline its predicates count from,
// and what the learner has done.
type Play struct {
	step *Step

	sess *playground.Session
	base *Baseline
	// cond ends the step: Until for watch and predict, Goal for do.
	cond *Predicate

	done    bool
	doneAt  int64
	answer  int
	outcome *doc.Outcome
	// outcomeFacts are the outcome's Facts as messages, which AutoPlay's
	// errors write in their reader's language.
	outcomeFacts []i18n.Message
	shownMe      bool
	actedAt      int64
	// pending are the show-me actions still to come ("at" after show me),
	// with their At in the simulation's time; they are dropped if the
	// learner forks history before show me (see forked). showMeErr is the
	// first delayed action that could not be carried out.
	pending   []view.Action
	anchor    []stepKey
	showMeErr error
}

// stepKey identifies a step of a session's history, to tell whether the
// history still holds the moment show me was pressed.
type stepKey struct {
	at int64
	do string
}

// newPlay starts a step on w (which the play takes over): it resolves the
// setup's actions against w, shifts their times to w's present and carries
// out those due at once.
func newPlay(st *Step, w *playground.World) (*Play, error) {
	base := NewBaseline(w)
	var steps []view.Action
	if st.Setup != nil && st.Setup.Script != nil {
		resolved, err := st.Setup.Script.Resolve(w)
		if err != nil {
			return nil, errorf("lessons.runner.setup", err)
		}
		for i := range resolved {
			resolved[i].At += w.Now()
		}
		steps = resolved
	}
	p := &Play{step: st, sess: playground.NewSession(w, steps), base: base, answer: -1, cond: st.Until}
	if st.Kind == doc.Do {
		p.cond = st.Goal
	}
	p.sess.RunUntil(w.Now())
	return p, nil
}

// Step is the step being played.
func (p *Play) Step() *doc.Step { return &p.step.Step }

// Session is the step's simulation, which the play owns (see Runner):
// views draw its World, seek it in time (not before StartMs) and act on it
// with Session().Do.
func (p *Play) Session() *playground.Session { return p.sess }

// Baseline is the moment the step began.
func (p *Play) Baseline() *Baseline { return p.base }

// StartMs is when the step began, in the simulation's time.
func (p *Play) StartMs() int64 { return p.base.startMs }

// TraceStart is the index in the trace of the first event of the step:
// what happened before belongs to earlier steps.
func (p *Play) TraceStart() int { return p.base.traceStart }

// Elapsed is the simulated time since the step began.
func (p *Play) Elapsed() int64 { return p.sess.Now() - p.base.startMs }

// Done reports whether the step's condition has held: the watch is over,
// the goal was reached, or the predicted run has played out.
func (p *Play) Done() bool { return p.done }

// DoneAt is when the condition first held.
func (p *Play) DoneAt() int64 { return p.doneAt }

// Condition is what ends the step (Until, or Goal for a do step).
func (p *Play) Condition() *Predicate { return p.cond }

// Holds evaluates the step's condition now.
func (p *Play) Holds() bool { return p.cond.Eval(p.sess.World(), p.base) }

// Facts lists the values the step's condition looks at now.
func (p *Play) Facts() []string { return p.cond.Facts(p.sess.World(), p.base) }

// Blocked reports whether the simulation must wait: a predict step is
// answered before the run goes on.
func (p *Play) Blocked() bool { return p.step.Kind == doc.Predict && p.answer < 0 }

// Advance runs the simulation towards t. Until the step is done it stops
// at the first moment its condition holds (so a view can pause there and
// offer Continue) and reports true; once done it runs on freely. A
// predict step does not move before it is answered. Either way, show me's
// delayed actions happen as their time comes.
func (p *Play) Advance(t int64) bool {
	switch {
	case p.Blocked():
		return false
	case p.done:
		p.runFree(t)
		return true
	}
	return p.runTo(t)
}

// runFree runs to t, carrying out the delayed show-me actions due on the
// way.
func (p *Play) runFree(t int64) {
	for {
		p.doPending()
		at, ok := p.nextPending()
		if !ok || at > t {
			break
		}
		p.sess.RunUntil(at)
	}
	p.sess.RunUntil(t)
}

// nextPending is the time of the next delayed show-me action.
func (p *Play) nextPending() (int64, bool) {
	if p.forked() || len(p.pending) == 0 {
		return 0, false
	}
	return p.pending[0].At, true
}

// doPending carries out the delayed show-me actions due now.
func (p *Play) doPending() {
	if p.forked() {
		return
	}
	for len(p.pending) > 0 && p.pending[0].At <= p.sess.Now() {
		st := p.pending[0]
		p.pending = p.pending[1:]
		if err := p.sess.Do(st); err != nil && p.showMeErr == nil {
			p.showMeErr = errorf("lessons.runner.showme-late", st.Do, st.At-p.actedAt, err)
		}
	}
}

// forked reports (and then forgets the delayed show-me actions) when the
// session's history no longer holds the show me: the learner went back to
// before it and acted, which discards the future.
func (p *Play) forked() bool {
	if len(p.pending) == 0 {
		return false
	}
	steps := p.sess.Actions()
	n := len(p.anchor)
	ok := len(steps) >= n && (len(steps) == n || steps[n].At >= p.actedAt)
	for i := 0; ok && i < n; i++ {
		ok = steps[i].At == p.anchor[i].at && steps[i].Do == p.anchor[i].do
	}
	if !ok {
		p.pending = nil
	}
	return !ok
}

// runTo runs event by event to limit, stopping when the condition holds.
func (p *Play) runTo(limit int64) bool {
	last := int64(-1)
	for {
		p.doPending()
		if p.Holds() {
			p.finish()
			return true
		}
		now := p.sess.Now()
		if now >= limit {
			return false
		}
		next := limit
		if at, ok := p.sess.World().NextEventAt(); ok && at < next {
			next = at
		}
		if at, ok := p.nextScripted(now); ok && at < next {
			next = at
		}
		if at, ok := p.cond.nextMark(p.base.startMs, now); ok && at < next {
			next = at
		}
		if at, ok := p.nextPending(); ok && at < next {
			next = at
		}
		if next <= now {
			// Events due now (a zero-latency fsync, say): run them, and
			// never twice in a row at the same moment.
			next = now
			if last == now {
				next = now + 1
			}
		}
		last = now
		p.sess.RunUntil(next)
	}
}

// nextScripted is the time of the session's next scripted step after now.
func (p *Play) nextScripted(now int64) (int64, bool) {
	steps := p.sess.Actions()
	i := sort.Search(len(steps), func(i int) bool { return steps[i].At > now })
	if i < len(steps) {
		return steps[i].At, true
	}
	return 0, false
}

func (p *Play) finish() {
	p.done, p.doneAt = true, p.sess.Now()
	if p.step.Kind != doc.Predict {
		return
	}
	w := p.sess.World()
	o := &doc.Outcome{Chosen: p.answer, Happened: -1}
	for i, when := range p.step.When {
		if when.Eval(w, p.base) {
			o.True = append(o.True, i)
		}
		for _, f := range when.facts(w, p.base) {
			if !slices.Contains(o.Facts, f.String()) {
				o.Facts = append(o.Facts, f.String())
				p.outcomeFacts = append(p.outcomeFacts, f)
			}
		}
	}
	if len(o.True) == 1 {
		o.Happened = o.True[0]
	}
	o.Correct = o.Happened >= 0 && o.Happened == o.Chosen
	p.outcome = o
}

// Errors of the Play's actions.
var (
	ErrNotDo      = errorf("lessons.runner.not-do")
	ErrNotPredict = errorf("lessons.runner.not-predict")
	ErrAnswered   = errorf("lessons.runner.answered")
)

// ShowMe does the step's actions for the learner: those without "at" now,
// the others that many milliseconds later, as Advance reaches them
// ("leader" in any of them is the leader now). Showing again forgets the
// delayed actions of the previous show me that have not happened yet.
func (p *Play) ShowMe() error {
	if p.step.Kind != doc.Do {
		return ErrNotDo
	}
	steps, err := p.step.ShowMe.Resolve(p.sess.World())
	if err != nil {
		return errorf("lessons.runner.showme", err)
	}
	p.actedAt = p.sess.Now()
	p.pending, p.showMeErr = nil, nil
	for i, s := range steps {
		if s.At > 0 {
			for _, d := range steps[i:] {
				d.At += p.actedAt
				p.pending = append(p.pending, d)
			}
			break
		}
		if err := p.sess.Do(s); err != nil {
			return errorf("lessons.runner.showme-action", s.Do, err)
		}
	}
	// The history up to show me (later scripted steps may yet be
	// discarded by a delayed action, which acts in the present).
	p.anchor = p.anchor[:0]
	for _, s := range p.sess.Actions() {
		if s.At > p.actedAt {
			break
		}
		p.anchor = append(p.anchor, stepKey{s.At, s.Do})
	}
	p.shownMe = true
	return nil
}

// ShowMeErr is the first of show me's delayed actions ("at" after show me)
// that could not be carried out when its time came (nil when all could).
func (p *Play) ShowMeErr() error { return p.showMeErr }

// ShownMe reports whether the learner asked to be shown.
func (p *Play) ShownMe() bool { return p.shownMe }

// Answer records the learner's choice (0-based) in a predict step; the
// simulation may then go on. Outcome tells, once the run has played out,
// what happened.
func (p *Play) Answer(choice int) error {
	switch {
	case p.step.Kind != doc.Predict:
		return ErrNotPredict
	case p.answer >= 0:
		return ErrAnswered
	case choice < 0 || choice >= len(p.step.Choices):
		return errorf("lessons.runner.no-choice", choice+1, len(p.step.Choices))
	}
	p.answer = choice
	return nil
}

// Answered returns the learner's choice, if any.
func (p *Play) Answered() (int, bool) { return p.answer, p.answer >= 0 }

// Outcome is what happened in a predict step, once the run has played out
// (Done). Its Happened choice is computed from the run, never taken from
// the file.
func (p *Play) Outcome() (*doc.Outcome, bool) { return p.outcome, p.outcome != nil }

// Hints returns the hints to show after the learner has spent wall time on
// a do step without reaching the goal: one more every HintAfter.
func (p *Play) Hints(wall time.Duration) []doc.Paragraph {
	if p.step.Kind != doc.Do || p.step.HintAfter <= 0 {
		return nil
	}
	n := int(wall / p.step.HintAfter)
	return p.step.Hints[:min(n, len(p.step.Hints))]
}

// Highlights are the step's highlights with "leader" and "leaderAtStart"
// resolved to servers as of now (dropped when nobody leads).
func (p *Play) Highlights() []doc.Highlight {
	var out []doc.Highlight
	for _, h := range p.step.Highlights {
		switch h.Ref {
		case "leader":
			id, ok := p.sess.World().Leader()
			if !ok {
				continue
			}
			h.Node = view.ID(id)
		case "leaderAtStart":
			if p.base.leader == 0 {
				continue
			}
			h.Node = view.ID(p.base.leader)
		}
		out = append(out, h)
	}
	return out
}

// Runner drives a lesson for a view: one step at a time, with Next, Back
// and Jump to any step. Every step starts from the same state however it
// is reached: its fresh setup, or the end of the previous step's canonical
// play (what AutoPlay does), which the Runner computes, and remembers, when
// needed.
//
// The Runner owns the lesson's session. It makes a new one for each step
// it starts (Jump, Next, Back, Restart) and runs it towards the step's
// condition (Play.Advance, Play.ShowMe, Play.Replay). A view never makes
// or replaces a lesson's session: it shows Session, the current one, and
// acts on it only as the learner does (Do, a seek within the step; the
// Play notices when that forks its history). When the view drops the
// Runner (the lesson closes), the last session is the view's to keep.
type Runner struct {
	lesson *Lesson
	index  int
	play   *Play
	// ends are the canonical plays of the steps computed so far; their
	// worlds are never run again (a step starts from a clone).
	ends map[int]stepEnd
}

// stepEnd is a step's canonical play: the world it ends in, and how long
// (simulated) it ran from the step's start until its condition held.
type stepEnd struct {
	w    *playground.World
	wait int64
	// err is why the step could not be played: kept, so that a view
	// asking every frame does not replay a broken step every frame.
	err error
}

// NewRunner starts a lesson at its first step.
func NewRunner(l *Lesson) (*Runner, error) {
	r := &Runner{lesson: l, ends: map[int]stepEnd{}}
	if err := r.Jump(0); err != nil {
		return nil, err
	}
	return r, nil
}

// Lesson is the lesson being run.
func (r *Runner) Lesson() *Lesson { return r.lesson }

// Index is the current step (0-based).
func (r *Runner) Index() int { return r.index }

// Step is the current step.
func (r *Runner) Step() *Step { return r.lesson.Engine[r.index] }

// Play is the current step's play.
func (r *Runner) Play() *Play { return r.play }

// Session is the current step's simulation: the one a view shows while
// the lesson runs. It changes with every step started.
func (r *Runner) Session() *playground.Session { return r.play.sess }

// Scenario is the scenario of the cluster the current step plays on: the
// setup of the latest step up to it that started one (nil when none did).
// A view names and saves the run after a copy of it.
func (r *Runner) Scenario() *view.Scenario {
	for i := r.index; i >= 0; i-- {
		if st := r.lesson.Engine[i]; st.Setup.Fresh() {
			return st.Setup.Scenario
		}
	}
	return nil
}

// Last reports whether the current step is the lesson's last.
func (r *Runner) Last() bool { return r.index == len(r.lesson.Steps)-1 }

// ErrNoStep is returned when moving past either end of the lesson.
var ErrNoStep = errorf("lessons.runner.no-step")

// Next starts the following step (from its canonical start, whatever the
// learner did in this one).
func (r *Runner) Next() error { return r.Jump(r.index + 1) }

// Back starts the previous step again.
func (r *Runner) Back() error { return r.Jump(r.index - 1) }

// Restart starts the current step again.
func (r *Runner) Restart() error { return r.Jump(r.index) }

// Jump starts step i (0-based).
func (r *Runner) Jump(i int) error {
	if i < 0 || i >= len(r.lesson.Steps) {
		return ErrNoStep
	}
	w, err := r.startWorld(i)
	if err != nil {
		return err
	}
	p, err := newPlay(r.lesson.Engine[i], w)
	if err != nil {
		return r.lesson.stepErr(i, "setup", err)
	}
	r.index, r.play = i, p
	return nil
}

// startWorld is the world step i starts from (before its setup's actions).
func (r *Runner) startWorld(i int) (*playground.World, error) {
	st := r.lesson.Engine[i]
	if st.Setup.Fresh() {
		w, err := playground.NewWorld(st.Setup.Scenario)
		if err != nil {
			return nil, r.lesson.stepErr(i, "setup", err)
		}
		return w, nil
	}
	end, err := r.end(i - 1)
	if err != nil {
		return nil, err
	}
	return end.Clone(), nil
}

// end is the canonical end state of step i.
func (r *Runner) end(i int) (*playground.World, error) {
	e, err := r.played(i)
	return e.w, err
}

// Wait is how long (simulated milliseconds) the current step's canonical
// play runs from the step's start until its condition holds: a view shows
// how much of a watch step (or an answered predict step) is left. It plays
// the step once, and keeps the end for the next step.
func (r *Runner) Wait() (int64, error) {
	e, err := r.played(r.index)
	return e.wait, err
}

// played is step i's canonical play, computed once (a failure too).
func (r *Runner) played(i int) (stepEnd, error) {
	if e, ok := r.ends[i]; ok {
		return e, e.err
	}
	e := r.playCanonical(i)
	r.ends[i] = e
	return e, e.err
}

// playCanonical plays step i the canonical way from its start.
func (r *Runner) playCanonical(i int) stepEnd {
	w, err := r.startWorld(i)
	if err != nil {
		return stepEnd{err: err}
	}
	p, err := newPlay(r.lesson.Engine[i], w)
	if err != nil {
		return stepEnd{err: r.lesson.stepErr(i, "setup", err)}
	}
	if rep := p.canonical(r.lesson, nil); rep.Err != nil {
		return stepEnd{err: rep.Err}
	}
	return stepEnd{w: p.sess.World(), wait: p.doneAt - p.base.startMs}
}

func (l *Lesson) stepErr(i int, field string, err error) error {
	var le *Error
	if errors.As(err, &le) {
		return err
	}
	st := l.Engine[i]
	return &Error{File: l.File, Line: st.Line, Step: i + 1, Title: st.Title, Field: field, Msg: wrapped(err)}
}
