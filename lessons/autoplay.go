package lessons

import (
	"fmt"
	"time"

	"github.com/raftlab/raftlab/lessons/doc"
	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/playground/i18n"
)

// StepReport is how one step fared in AutoPlay.
type StepReport struct {
	// Step counts from 1.
	Step  int
	Title string
	Kind  doc.Kind
	// StartMs and EndMs bound the step's canonical play in simulated time.
	StartMs, EndMs int64
	// Detail says what was checked, in a sentence.
	Detail i18n.Message
	// State summarises the cluster at the end of the step (StateIn in a
	// language).
	State string
	state i18n.Message
	Err   error
}

// StateIn is State in lang.
func (s StepReport) StateIn(lang i18n.Lang) string { return s.state.In(lang) }

// Report is the outcome of AutoPlay.
type Report struct {
	Lesson *Lesson
	// Steps holds a report for every step played; play stops at the
	// first failure.
	Steps []StepReport
	// Wall is how long the auto-play took.
	Wall time.Duration
}

// Err is the first step's failure, or nil when the whole lesson played.
func (r *Report) Err() error {
	for _, s := range r.Steps {
		if s.Err != nil {
			return s.Err
		}
	}
	return nil
}

// AutoPlay plays every step of a lesson headlessly, as a learner who does
// exactly what is asked would, and checks that the lesson tells the truth:
//
//   - watch: the condition does not hold when the step begins, and holds
//     within the step's time limit;
//   - do: the goal does not hold when the step begins, nor at any moment
//     of a run of the time limit in which nobody acts; the show-me actions
//     make it hold within the time limit;
//   - predict: after the run, exactly one choice's condition holds, and it
//     is the answer the file declares;
//   - no safety property is violated (unless the lesson allows it).
//
// Each step continues from the previous step's end (or its fresh setup),
// exactly as a Runner starts it.
func AutoPlay(l *Lesson) *Report {
	t0 := time.Now()
	rep := &Report{Lesson: l}
	var end *playground.World
	for i, st := range l.Engine {
		var w *playground.World
		if st.Setup.Fresh() {
			var err error
			if w, err = playground.NewWorld(st.Setup.Scenario); err != nil {
				rep.Steps = append(rep.Steps, StepReport{Step: i + 1, Title: st.Title, Kind: st.Kind, Err: l.stepErr(i, "setup", err)})
				break
			}
		} else {
			w = end.Clone()
		}
		idle := w.Clone()
		p, err := newPlay(st, w)
		if err != nil {
			rep.Steps = append(rep.Steps, StepReport{Step: i + 1, Title: st.Title, Kind: st.Kind, StartMs: w.Now(), Err: l.stepErr(i, "setup", err)})
			break
		}
		sr := p.canonical(l, idle)
		rep.Steps = append(rep.Steps, sr)
		if sr.Err != nil {
			break
		}
		end = p.sess.World()
	}
	rep.Wall = time.Since(t0)
	return rep
}

// canonical plays the step the canonical way: watch and predict run until
// their condition (a predict step answered with the file's answer), a do
// step presses show me at once (its delayed actions happen on the way) and
// runs until its goal; then the step settles (the delayed actions must all
// have happened by its end). With idle (the step's start world,
// untouched), it also checks what AutoPlay promises; without, it only
// plays.
func (p *Play) canonical(l *Lesson, idle *playground.World) StepReport {
	st := p.step
	c := &canonicalRun{p: p, l: l, idle: idle, check: idle != nil}
	rep := StepReport{Step: st.Index + 1, Title: st.Title, Kind: st.Kind, StartMs: p.base.startMs}
	var err error
	if rep.Detail, err = c.play(); err == nil {
		err = c.settle()
	}
	rep.EndMs = p.sess.Now()
	if err != nil {
		rep.Err = err
		return rep
	}
	rep.state = summary(p.sess.World())
	rep.State = rep.state.String()
	return rep
}

// canonicalRun is a step being played the canonical way (see canonical).
type canonicalRun struct {
	p *Play
	l *Lesson
	// check makes AutoPlay's checks; idle is then the step's start world,
	// untouched.
	idle  *playground.World
	check bool
}

// fail is an error of the step's canonical play, in field.
func (c *canonicalRun) fail(field, key string, args ...any) error {
	st := c.p.step
	return &Error{File: c.l.File, Line: st.Line, Step: st.Index + 1, Title: st.Title, Field: field, Msg: msg(key, args...)}
}

// condField is the field of the condition that ends the step.
func (c *canonicalRun) condField() string {
	if c.p.step.Kind == doc.Do {
		return "goal"
	}
	return "until"
}

// facts are the values the step's condition looks at in pl, now.
func (c *canonicalRun) facts(pl *Play) doc.List {
	return doc.List{Sep: "lessons.fact.sep", Items: pl.cond.facts(pl.sess.World(), pl.base)}
}

// limit is the end of the step's time limit, from its start.
func (c *canonicalRun) limit() int64 { return c.p.base.startMs + c.p.step.Within }

// play plays the step until its condition holds, and says what was
// checked. The condition must not hold as the step begins.
func (c *canonicalRun) play() (i18n.Message, error) {
	p := c.p
	if c.check && p.Holds() {
		key := "lessons.autoplay.until-holds"
		if p.step.Kind == doc.Do {
			key = "lessons.autoplay.goal-holds"
		}
		return i18n.Message{}, c.fail(c.condField(), key, p.cond, c.facts(p))
	}
	switch p.step.Kind {
	case doc.Do:
		return c.playDo()
	case doc.Watch:
		if !p.runTo(c.limit()) {
			return i18n.Message{}, c.fail(c.condField(), "lessons.autoplay.until-late", p.cond, ms(p.step.Within), c.facts(p))
		}
		return msg("lessons.autoplay.detail.watch", p.cond, ms(p.doneAt-p.base.startMs)), nil
	case doc.Predict:
		return c.playPredict()
	}
	return i18n.Message{}, nil
}

// playDo presses show me at once and runs until the goal, within the time
// limit from show me.
func (c *canonicalRun) playDo() (i18n.Message, error) {
	p, st := c.p, c.p.step
	if c.check {
		if err := c.checkIdle(); err != nil {
			return i18n.Message{}, err
		}
	}
	if err := p.ShowMe(); err != nil {
		return i18n.Message{}, c.fail("showme", "lessons.text", err)
	}
	if !p.runTo(p.actedAt + st.Within) {
		if p.showMeErr != nil {
			return i18n.Message{}, c.fail("showme", "lessons.text", p.showMeErr)
		}
		return i18n.Message{}, c.fail(c.condField(), "lessons.autoplay.goal-late", p.cond, ms(st.Within), c.facts(p))
	}
	return msg("lessons.autoplay.detail.do", p.cond, ms(st.Within), ms(p.doneAt-p.actedAt)), nil
}

// checkIdle checks that a do step's goal is not reached by itself: not at
// any moment of a run of the time limit in which nobody acts.
func (c *canonicalRun) checkIdle() error {
	ip, err := newPlay(c.p.step, c.idle)
	if err != nil {
		return c.fail("setup", "lessons.text", err)
	}
	if ip.runTo(c.limit()) {
		return c.fail(c.condField(), "lessons.autoplay.goal-idle", c.p.cond, ip.Elapsed(), c.facts(ip))
	}
	return nil
}

// playPredict answers with the file's answer and runs until the
// condition.
func (c *canonicalRun) playPredict() (i18n.Message, error) {
	p, st := c.p, c.p.step
	p.answer = st.Answer
	if !p.runTo(c.limit()) {
		return i18n.Message{}, c.fail(c.condField(), "lessons.autoplay.until-late", p.cond, ms(st.Within), c.facts(p))
	}
	outcomeFacts := doc.List{Sep: "lessons.fact.sep", Items: p.outcomeFacts}
	if c.check {
		if err := c.checkOutcome(outcomeFacts); err != nil {
			return i18n.Message{}, err
		}
	}
	return msg("lessons.autoplay.detail.predict", st.Answer+1, ms(p.doneAt-p.base.startMs), outcomeFacts), nil
}

// checkOutcome checks a predict step's run: exactly one choice's
// condition holds, and it is the file's answer. facts are the values the
// choices' conditions looked at.
func (c *canonicalRun) checkOutcome(facts doc.List) error {
	p, st := c.p, c.p.step
	o := p.outcome
	describe := func(i int) i18n.Message {
		return msg("lessons.autoplay.choice", i+1, spansText(st.Choices[i].Text), st.When[i])
	}
	switch {
	case len(o.True) == 0:
		return c.fail("when", "lessons.autoplay.no-choice", p.cond, p.doneAt, facts)
	case len(o.True) > 1:
		names := doc.List{Sep: "lessons.autoplay.choice.and"}
		for _, i := range o.True {
			names.Items = append(names.Items, describe(i))
		}
		return c.fail("when", "lessons.autoplay.several-choices", names, facts)
	case o.Happened != st.Answer:
		return c.fail("answer", "lessons.autoplay.wrong-answer", describe(st.Answer), describe(o.Happened), facts)
	}
	return nil
}

// settle runs the step on for its settle time. Then show me's delayed
// actions must all have happened, and no safety property may be broken
// (unless the lesson allows it).
func (c *canonicalRun) settle() error {
	p, st := c.p, c.p.step
	p.runFree(p.doneAt + st.Settle)
	if !c.check {
		return nil
	}
	if st.Kind == doc.Do {
		if p.showMeErr != nil {
			return c.fail("showme", "lessons.text", p.showMeErr)
		}
		if len(p.pending) > 0 {
			a := p.pending[0]
			end := p.sess.Now()
			return c.fail("showme", "lessons.autoplay.pending",
				a.Do, a.At-p.actedAt, end-p.actedAt, p.doneAt-p.actedAt, ms(st.Settle))
		}
	}
	w := p.sess.World()
	if !c.l.AllowViolations && len(w.Violations()) > p.base.violations {
		v := w.Violations()[p.base.violations]
		return c.fail("", "lessons.autoplay.violation", v.AtMs, v.Property, v.Message)
	}
	return nil
}

func ms(v int64) string {
	if v%1000 == 0 && v != 0 {
		return fmt.Sprintf("%ds", v/1000)
	}
	return fmt.Sprintf("%d ms", v)
}

// summary describes a cluster in one line: each server's role, term, last
// index and commit index.
func summary(w *playground.World) i18n.Message {
	parts := doc.List{Sep: "lessons.summary.sep"}
	for _, id := range w.Nodes() {
		n := w.Node(id)
		if !n.Up {
			parts.Items = append(parts.Items, msg("lessons.summary.down", nodeName(id)))
			continue
		}
		r := n.Raft
		parts.Items = append(parts.Items, msg("lessons.summary.node", nodeName(id), msg("lessons.role."+r.Role().String()), r.Term(), r.LastIndex(), r.CommitIndex()))
	}
	return msg("lessons.text", parts)
}
