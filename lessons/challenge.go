package lessons

import (
	"encoding/hex"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/raftlab/raftlab/internal/sha256"
	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
)

// Judge judges a scenario's challenge (view.Challenge) over a session
// from its first moment. While the challenge is open it runs the session
// event by event, as a lesson's step does, so that the moment it passes or
// fails, and so its result code, are the same in the app, whatever its
// frame rate, and in raftsim.
type Judge struct {
	sc         *view.Scenario
	pass, fail *Predicate
	sess       *playground.Session
	base       *Baseline
	verdict    view.Verdict
	// checked counts the session's actions already checked against the
	// forbidden ones (they are in time order): each is checked once.
	checked int
}

// NewJudge judges sc's challenge over sess, which is at its first
// moment. A condition that does not parse is an error naming it.
func NewJudge(sc *view.Scenario, sess *playground.Session) (*Judge, error) {
	pass, fail, err := conditions(sc.Challenge)
	if err != nil {
		return nil, err
	}
	j := &Judge{sc: sc, sess: sess, base: NewBaseline(sess.World()), pass: pass, fail: fail}
	j.judge()
	return j, nil
}

// CheckChallenge checks a challenge's conditions, so that a scenario file
// or a link whose challenge cannot be judged is refused when it is read,
// with the condition named, rather than when it starts.
func CheckChallenge(c *view.Challenge) error {
	_, _, err := conditions(c)
	return err
}

// conditions parses a challenge's pass and fail conditions (fail nil when
// it has none).
func conditions(c *view.Challenge) (pass, fail *Predicate, err error) {
	ids := firstServers(view.MaxNodes) // a student may add servers: any may be named
	if pass, err = parsePredicate(c.Pass, ids); err != nil {
		return nil, nil, errorf("lessons.challenge.condition", "pass", err)
	}
	if c.Fail != "" {
		if fail, err = parsePredicate(c.Fail, ids); err != nil {
			return nil, nil, errorf("lessons.challenge.condition", "fail", err)
		}
	}
	return pass, fail, nil
}

// Verdict is the challenge's judgement of the run so far.
func (j *Judge) Verdict() view.Verdict { return j.verdict }

// RunUntil runs the session to t, judging after every moment something
// happens while the challenge is open.
func (j *Judge) RunUntil(t int64) {
	last := int64(-1)
	for j.verdict.State == view.Open {
		now := j.sess.Now()
		// The actions due now first (a script's step at this very
		// moment): the world's next event is only known after them.
		j.sess.RunUntil(now)
		j.judge()
		if now >= t || j.verdict.State != view.Open {
			break
		}
		next := t
		if at, ok := j.sess.World().NextEventAt(); ok && at < next {
			next = at
		}
		if at, ok := j.nextAction(now); ok && at < next {
			next = at
		}
		for _, p := range []*Predicate{j.pass, j.fail} {
			if at, ok := p.nextMarkOf(j.base.startMs, now); ok && at < next {
				next = at
			}
		}
		if w := j.sc.Challenge.WithinMs; w > 0 && w+1 > now && w+1 < next {
			next = w + 1
		}
		if next <= now {
			// Events due now: run them, never twice at one moment.
			next = now
			if last == now {
				next = now + 1
			}
		}
		last = now
		j.sess.RunUntil(next)
	}
	j.sess.RunUntil(t)
}

// Acted judges again after the student acted now: a forbidden action
// fails the challenge at once. A verdict reached at this very moment is
// undone first: a replay judges a moment after the actions taken in it,
// so the run may go another way.
func (j *Judge) Acted() {
	if j.verdict.State != view.Open && j.sess.Now() <= j.verdict.AtMs {
		j.verdict = view.Verdict{}
	}
	j.checked = 0
	j.judge()
}

// Travelled judges again after the session went back in time (a seek
// forward is RunUntil's). A seek restores a world that kept only the last
// seconds of its trace, which the conditions that count events (votes,
// messages sent...) count from the start: the judge replays the run from
// its first moment in a world of its own, as raftsim challenge verify
// does, and takes that run's verdict and counts. A verdict reached since
// is undone.
func (j *Judge) Travelled() {
	now := j.sess.Now()
	w, err := playground.NewWorld(j.sc)
	if err != nil {
		return // (the session started from this scenario)
	}
	s := playground.NewSession(w, j.sess.Actions())
	s.DiscardCheckpoints()
	replay := &Judge{sc: j.sc, pass: j.pass, fail: j.fail, sess: s, base: NewBaseline(w)}
	replay.judge()
	replay.RunUntil(now)
	j.verdict, j.checked = replay.verdict, 0
	if j.verdict.State != view.Open && now < j.verdict.AtMs {
		j.verdict = view.Verdict{}
	}
	// From here the counts go on in the session's world, from its trace's
	// end: the replay counted what came before.
	b := *replay.base
	b.update(w)
	b.tw, b.scanned = j.sess.World(), j.sess.World().TraceLen()
	j.base = &b
	j.judge()
}

// nextAction is the time of the session's next action after now.
func (j *Judge) nextAction(now int64) (int64, bool) {
	as := j.sess.Actions()
	i := sort.Search(len(as), func(i int) bool { return as[i].At > now })
	if i < len(as) {
		return as[i].At, true
	}
	return 0, false
}

// judge decides the challenge at the present if it is open: failed by a
// forbidden action taken, by time up or by the fail condition; passed by
// the pass condition.
func (j *Judge) judge() {
	if j.verdict.State != view.Open {
		return
	}
	c, now, w := j.sc.Challenge, j.sess.Now(), j.sess.World()
	for as := j.sess.Actions(); j.checked < len(as) && as[j.checked].At <= now; j.checked++ {
		if a := as[j.checked]; slices.Contains(c.Forbid, a.Do) {
			j.verdict = view.Verdict{State: view.Failed, AtMs: a.At, Why: i18n.Msg("lessons.challenge.forbidden", a.Do)}
			return
		}
	}
	switch {
	case c.WithinMs > 0 && now > c.WithinMs:
		j.verdict = view.Verdict{State: view.Failed, AtMs: c.WithinMs, Why: i18n.Msg("lessons.challenge.time-up", float64(c.WithinMs)/1000)}
	case j.fail != nil && j.fail.Eval(w, j.base):
		j.verdict = view.Verdict{State: view.Failed, AtMs: now, Why: i18n.Msg("lessons.challenge.fail-holds", c.Fail)}
	case j.pass.Eval(w, j.base):
		j.verdict = view.Verdict{State: view.Passed, AtMs: now, Code: ResultCode(j.sc, j.sess.Actions(), now)}
	}
}

// nextMarkOf is p's next elapsed threshold after now (none for a nil p).
func (p *Predicate) nextMarkOf(start, now int64) (int64, bool) {
	if p == nil {
		return 0, false
	}
	return p.nextMark(start, now)
}

// ResultCode is a passed run's result code, "3F9A-21C7": the first 32
// bits of a SHA-256 over the challenge's scenario with the actions taken
// up to the moment it passed, and that moment. raftsim challenge verify
// replays a student's solution link and prints the code its run earns, so
// a teacher can check the code a student reports. Like an assessment's
// check code, it shows a mistake or a guess; it is no signature.
func ResultCode(sc *view.Scenario, actions []view.Action, atMs int64) string {
	s := *sc
	i := sort.Search(len(actions), func(i int) bool { return actions[i].At > atMs })
	s.Actions, s.Until = actions[:i], atMs
	data, err := playground.MarshalScenario(&s)
	if err != nil {
		data = []byte(err.Error()) // (a run the app made fits a file)
	}
	sum := sha256.Sum256(append(data, strconv.FormatInt(atMs, 10)...))
	code := strings.ToUpper(hex.EncodeToString(sum[:4]))
	return code[:4] + "-" + code[4:]
}
