package playground

import (
	"encoding/json"
	"fmt"
	"slices"

	"github.com/raftlab/raftlab/playground/view"
)

// A minimizer shrinks a failing run by delta debugging (Zeller's ddmin)
// over its recorded steps: it replays the run without a part of them and
// keeps the cut only if the replay still fails the same way (the same
// safety property broken, or, for a run that broke none, a history still
// not linearizable). Before that it tries the big cuts at once: every step
// after the violation, every step but those of the plans (planStep) the
// run made, every client call; after it, the end of the run moved to the
// violation. Each replay is one call of step, so that a search can run it
// in slices; a shrinking that takes more than maxMinimizeTries replays
// stops where it got.
type minimizer struct {
	base *view.Scenario
	// property is the safety property the run broke, or "" when only
	// the linearizability check failed.
	property string
	cur      []view.Action
	until    int64
	// at is when the current smallest run broke the property.
	at int64
	// planned are the indexes in cur of the steps of plans, ascending.
	planned []int
	// phase counts the cuts tried before ddmin (0, 1, 2), ddmin (3),
	// the end moved (4) and done (5); n and i are ddmin's granularity
	// and the chunk it tries next.
	phase, n, i int
	tries       int
}

func newMinimizer(o ChaosOutcome) *minimizer {
	m := &minimizer{base: o.Scenario, cur: o.Scenario.Actions, until: o.Scenario.Until, n: 2, planned: o.planned}
	if len(o.Violations) > 0 {
		m.property, m.at = o.Violations[0].Property, o.Violations[0].AtMs
	}
	return m
}

// done reports whether the minimizer has finished.
func (m *minimizer) done() bool { return m.phase == 5 }

// maxMinimizeTries bounds the replays of one shrinking.
const maxMinimizeTries = 200

// step tries one cut.
func (m *minimizer) step() {
	if m.tries >= maxMinimizeTries {
		m.phase = 5
		return
	}
	switch m.phase {
	case 0:
		m.phase++
		if m.property != "" {
			// (A replay that breaks the property stops there; one that
			// does not runs to the end, so a second past the violation
			// saves most of the replays' work.)
			cut := slices.IndexFunc(m.cur, func(a view.Action) bool { return a.At > m.at })
			if cut < 0 {
				cut = len(m.cur)
			}
			if until := min(m.until, m.at+minimizeSlackMs); cut < len(m.cur) || until < m.until {
				m.try(m.cur[:cut], until)
				return
			}
		}
		fallthrough
	case 1:
		m.phase++
		// (cur is still a prefix of the run's steps.)
		var plan []view.Action
		for _, i := range m.planned {
			if i < len(m.cur) {
				plan = append(plan, m.cur[i])
			}
		}
		if len(plan) > 0 && len(plan) < len(m.cur) {
			m.try(plan, m.until)
			return
		}
		fallthrough
	case 2:
		m.phase++
		m.try(slices.DeleteFunc(slices.Clone(m.cur), isClientCall), m.until)
	case 3:
		m.ddmin()
	case 4:
		m.phase++
		end := m.at // the violation
		if m.property == "" && len(m.cur) > 0 {
			end = m.cur[len(m.cur)-1].At + minimizeSlackMs // the calls' answers
		}
		if end < m.until {
			m.try(m.cur, end)
		}
	}
}

// ddmin tries the next cut of ddmin: the current steps without their i-th
// of n chunks.
func (m *minimizer) ddmin() {
	if len(m.cur) < 2 {
		if len(m.cur) == 1 && m.i == 0 {
			m.i++
			m.try(nil, m.until)
			return
		}
		m.phase++
		return
	}
	n := min(m.n, len(m.cur))
	lo, hi := m.i*len(m.cur)/n, (m.i+1)*len(m.cur)/n
	rest := slices.Concat(m.cur[:lo], m.cur[hi:])
	if m.try(rest, m.until) {
		m.n, m.i = max(n-1, 2), 0
		return
	}
	m.i++
	if m.i < n {
		return
	}
	if n >= len(m.cur) {
		m.phase++
		return
	}
	m.n, m.i = min(2*n, len(m.cur)), 0
}

// try replays the steps to until and keeps them if the run still fails
// the same way.
func (m *minimizer) try(steps []view.Action, until int64) bool {
	m.tries++
	sc := *m.base
	sc.Actions, sc.Until = steps, until
	if !readsBack(&sc) {
		return false
	}
	at, failed := replayFails(&sc, m.property)
	if failed {
		m.cur, m.until, m.at = steps, until, at
	}
	return failed
}

// readsBack reports whether sc, written as a file, reads back: a cut can
// leave a step that names a server only a step cut away had added, or a
// partition that leaves out one it had removed.
func readsBack(sc *view.Scenario) bool {
	data, err := MarshalScenario(sc)
	if err == nil {
		_, err = ParseScenario(data)
	}
	return err == nil
}

// replayFails replays sc and reports whether it breaks property (when not
// "", stopping at the first violation of it: its time), or else whether
// its history is not linearizable.
func replayFails(sc *view.Scenario, property string) (int64, bool) {
	w, err := NewWorld(sc)
	if err != nil {
		return 0, false
	}
	sess := NewSession(w, sc.Actions)
	sess.DiscardTrace()
	sess.DiscardCheckpoints()
	seen := 0
	for t := int64(0); ; t += replaySliceMs {
		sess.RunUntil(min(t, sc.Until))
		w = sess.World()
		if property != "" {
			for _, v := range w.Violations()[seen:] {
				if v.Property == property {
					return v.AtMs, true
				}
			}
			seen = len(w.Violations())
		}
		if t >= sc.Until || flooded(w, sc.Until) {
			break
		}
	}
	if property != "" {
		return 0, false
	}
	return w.now, checkOps(linParts(w.history.n, w.history.get, w.now), searchCheckBudget) == "illegal"
}

// minimizeSlackMs is how long after the original violation a shrunk run
// may still break the property, and how long after its last step a
// history that is not linearizable is kept.
const minimizeSlackMs = 1000

// replaySliceMs is how often a replay looks for the violation it wants.
const replaySliceMs = 100

func isClientCall(a view.Action) bool {
	switch a.Do {
	case "put", "get", "delete", "cas", "load":
		return true
	}
	return false
}

// minimized is the smallest scenario found: the run's settings with the
// steps and the end that still fail.
func (m *minimizer) minimized(seed int64) *view.Scenario {
	sc := *m.base
	sc.Actions, sc.Until = m.cur, m.until
	sc.Name = fmt.Sprintf("chaos seed %d, minimized", seed)
	sc.Description = fmt.Sprintf("Found by raftsim chaos (seed %d) and minimized by delta debugging: %d steps that still fail.", seed, len(m.cur))
	return &sc
}

// StepLine writes a step as one line of a scenario file's "steps".
func StepLine(a view.Action) string {
	data, err := json.Marshal(fileAction(a))
	if err != nil {
		return a.Do
	}
	return string(data)
}
