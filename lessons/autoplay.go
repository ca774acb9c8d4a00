package lessons

import (
	"fmt"
	"time"

	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/playground/i18n"
)

// StepReport is how one step fared in AutoPlay.
type StepReport struct {
	// Step counts from 1.
	Step  int
	Title string
	Kind  Kind
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
	for i, st := range l.Steps {
		var w *playground.World
		if st.Setup.Fresh() {
			var err error
			if w, err = st.Setup.Scenario.NewWorld(); err != nil {
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
// have happened by its end). With idle (the step's start world, untouched), it also
// checks what AutoPlay promises; without, it only plays.
func (p *Play) canonical(l *Lesson, idle *playground.World) StepReport {
	st := p.Step
	check := idle != nil
	rep := StepReport{Step: st.Index + 1, Title: st.Title, Kind: st.Kind, StartMs: p.base.startMs}
	fail := func(field, key string, args ...any) StepReport {
		rep.EndMs = p.sess.Now()
		rep.Err = &Error{File: l.File, Line: st.Line, Step: st.Index + 1, Title: st.Title, Field: field, Msg: msg(key, args...)}
		return rep
	}
	condField := "until"
	if st.Kind == Do {
		condField = "goal"
	}
	facts := func(pl *Play) list {
		return list{sep: "lessons.fact.sep", items: pl.cond.facts(pl.sess.World(), pl.base)}
	}
	if check && p.Holds() {
		if st.Kind == Do {
			return fail(condField, "lessons.autoplay.goal-holds", p.cond, facts(p))
		}
		return fail(condField, "lessons.autoplay.until-holds", p.cond, facts(p))
	}
	limit := p.base.startMs + st.Within
	switch st.Kind {
	case Do:
		if check {
			ip, err := newPlay(st, idle)
			if err != nil {
				return fail("setup", "lessons.text", err)
			}
			if ip.runTo(limit) {
				return fail(condField, "lessons.autoplay.goal-idle", p.cond, ip.Elapsed(), facts(ip))
			}
		}
		if err := p.ShowMe(); err != nil {
			return fail("showme", "lessons.text", err)
		}
		if !p.runTo(p.actedAt + st.Within) {
			if p.showMeErr != nil {
				return fail("showme", "lessons.text", p.showMeErr)
			}
			return fail(condField, "lessons.autoplay.goal-late", p.cond, ms(st.Within), facts(p))
		}
		rep.Detail = msg("lessons.autoplay.detail.do", p.cond, ms(st.Within), ms(p.doneAt-p.actedAt))
	case Watch:
		if !p.runTo(limit) {
			return fail(condField, "lessons.autoplay.until-late", p.cond, ms(st.Within), facts(p))
		}
		rep.Detail = msg("lessons.autoplay.detail.watch", p.cond, ms(p.doneAt-p.base.startMs))
	case Predict:
		p.answer = st.Answer
		if !p.runTo(limit) {
			return fail(condField, "lessons.autoplay.until-late", p.cond, ms(st.Within), facts(p))
		}
		o := p.outcome
		outcomeFacts := list{sep: "lessons.fact.sep", items: o.facts}
		if check {
			describe := func(i int) i18n.Message {
				return msg("lessons.autoplay.choice", i+1, spansText(st.Choices[i].Text), st.Choices[i].When)
			}
			switch {
			case len(o.True) == 0:
				return fail("when", "lessons.autoplay.no-choice", p.cond, p.doneAt, outcomeFacts)
			case len(o.True) > 1:
				names := list{sep: "lessons.autoplay.choice.and"}
				for _, i := range o.True {
					names.items = append(names.items, describe(i))
				}
				return fail("when", "lessons.autoplay.several-choices", names, outcomeFacts)
			case o.Happened != st.Answer:
				return fail("answer", "lessons.autoplay.wrong-answer", describe(st.Answer), describe(o.Happened), outcomeFacts)
			}
		}
		rep.Detail = msg("lessons.autoplay.detail.predict", st.Answer+1, ms(p.doneAt-p.base.startMs), outcomeFacts)
	}
	p.runFree(p.doneAt + st.Settle)
	rep.EndMs = p.sess.Now()
	if check && st.Kind == Do {
		if p.showMeErr != nil {
			return fail("showme", "lessons.text", p.showMeErr)
		}
		if len(p.pending) > 0 {
			a := p.pending[0]
			return fail("showme", "lessons.autoplay.pending",
				a.Do, a.At-p.actedAt, rep.EndMs-p.actedAt, p.doneAt-p.actedAt, ms(st.Settle))
		}
	}
	w := p.sess.World()
	if check && !l.AllowViolations && len(w.Violations()) > p.base.violations {
		v := w.Violations()[p.base.violations]
		return fail("", "lessons.autoplay.violation", v.AtMs, v.Property, v.Message)
	}
	rep.state = summary(w)
	rep.State = rep.state.String()
	return rep
}

func ms(v int64) string {
	if v%1000 == 0 && v != 0 {
		return fmt.Sprintf("%ds", v/1000)
	}
	return fmt.Sprintf("%d ms", v)
}

// Summary describes a cluster in one line: each server's role, term, last
// index and commit index.
func Summary(w *playground.World) string { return summary(w).String() }

func summary(w *playground.World) i18n.Message {
	parts := list{sep: "lessons.summary.sep"}
	for _, id := range w.Nodes() {
		n := w.Node(id)
		if !n.Up {
			parts.items = append(parts.items, msg("lessons.summary.down", nodeName(id)))
			continue
		}
		r := n.Raft
		parts.items = append(parts.items, msg("lessons.summary.node", nodeName(id), msg("lessons.role."+r.Role().String()), r.Term(), r.LastIndex(), r.CommitIndex()))
	}
	return msg("lessons.text", parts)
}
