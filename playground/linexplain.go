package playground

import (
	"slices"

	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
)

// The explanation of a linearizability failure: the smallest set of a
// key's operations that cannot be put in any order, and a sentence about
// it. A verdict of "illegal" says only that no order exists; a person
// needs the two or three calls that clash, out of thousands.
//
// The set is found by shrinking, with the checker of lincheck.go, in
// bounded work:
//
//  1. The shortest prefix of the key's calls (in call order) that fails,
//     by bisection. Its last call is where the history first goes wrong.
//  2. The last explainWindow calls of that prefix, judged from any state
//     the key could have been in before them (not only from an empty
//     store): so that dropping the write of the value a stale read
//     returned does not make the read look like a read of a value no one
//     wrote. When those calls fail from every state, they are shrunk so;
//     when the prefix is that short and fails only from the empty store
//     (a read of a value never written), it is shrunk from the empty store.
//  3. Each call in turn is left out if the rest still fails: what stays
//     is a set from which no call can be dropped.
//
// Every check counts its work in the checker's units, against
// explainBudget: the result is the same on every machine. When the budget
// runs out, the calls not yet tried stay in the set.

// explainBudget bounds the work of shrinking, in the checker's units
// (linBudget): about 0.4 s at worst (BenchmarkLinearizability/exhausted
// spends 5,000,000 in 0.2 s), after the check itself. A stale read at the
// end of 60,000 calls takes 213,000 (BenchmarkLinExplain).
const explainBudget = 10_000_000

// explainWindow is how many calls before the failure the shrinking
// considers.
const explainWindow = 48

// explainShown is how many of the key's calls around the failure an
// explanation shows, at most (the marked ones always).
const explainShown = 60

// LinearizabilityExplained is the verdict on the world's client history
// (the same as LinearizabilityVerdict) and, when it is "illegal", why.
func (w *World) LinearizabilityExplained() view.LinExplanation {
	e, _ := explainHistory(w.history.n, w.history.get, w.now, checkBudget, explainBudget)
	return e
}

// Explain is why the run's client history is not linearizable (see
// LinearizabilityExplained), from the history the result keeps.
func (r RunResult) Explain() view.LinExplanation {
	e, _ := explainHistory(r.history.n, r.history.get, r.end, checkBudget, explainBudget)
	return e
}

// ExplainScenario plays a scenario to its end, without a trace, and
// explains its client history: for a run recorded elsewhere (a chaos
// seed's scenario replays it exactly).
func ExplainScenario(sc *view.Scenario) (view.LinExplanation, error) {
	w, err := NewWorld(sc)
	if err != nil {
		return view.LinExplanation{}, err
	}
	s := NewSession(w, sc.Actions)
	s.DiscardTrace()
	s.DiscardCheckpoints()
	s.RunUntil(sc.Until)
	return s.World().LinearizabilityExplained(), nil
}

// explainHistory checks the n calls of a history that ended at end, key
// by key as checkOps does, and explains the first key that fails with at
// most budget units of work. It returns the explanation and the units the
// explanation took.
func explainHistory(n int, call func(int) view.Call, end int64, b linBudget, budget int) (view.LinExplanation, int) {
	parts := linParts(n, call, end)
	x := explainer{left: budget, window: explainWindow}
	left := b.total
	verdict := Linearizability("ok")
	for k, ops := range parts {
		v, used := x.s.check(ops, min(b.perKey, left))
		left -= used
		switch v {
		case "illegal":
			e := x.explain(ops, keyCalls(n, call, end, k), call)
			return e, budget - x.left
		case "unknown":
			verdict = v
		}
	}
	return view.LinExplanation{Verdict: string(verdict)}, 0
}

// keyCalls are the indexes of the checked calls of the k-th key, keys in
// the order linParts gives them: parts[k][j] is call keyCalls(k)[j].
func keyCalls(n int, call func(int) view.Call, end int64, k int) []int {
	order := map[string]int{}
	var out []int
	for i := range n {
		c := call(i)
		if _, _, ok := settle(&c, end); !ok {
			continue
		}
		j, seen := order[c.Cmd.Key]
		if !seen {
			j = len(order)
			order[c.Cmd.Key] = j
		}
		if j == k {
			out = append(out, i)
		}
	}
	return out
}

// explainer shrinks a failing key's history within its budget.
type explainer struct {
	s    linSearch
	left int
	// window is how many calls before the failure it considers
	// (explainWindow).
	window int
	// sub and start are scratch: a subset of the calls, and the same with
	// a first write in front.
	sub, start []linOp
}

// check is the checker's verdict on ops, within the budget left.
func (x *explainer) check(ops []linOp) Linearizability {
	if x.left <= 0 {
		return "unknown"
	}
	v, used := x.s.check(ops, min(x.left, checkBudget.perKey))
	x.left -= used
	return v
}

// failsFromAny reports whether ops fail from every state their key could
// start in: missing, or holding any value. The values the calls can tell
// apart are those they read or compare with; every other value acts
// alike, so one of them, fresh, stands for all. A start with a value is a
// put before every call.
func (x *explainer) failsFromAny(ops []linOp) bool {
	if x.check(ops) != "illegal" {
		return false
	}
	var values []string
	for _, o := range ops {
		switch {
		case o.op == view.OpGet && o.out.Found:
			values = append(values, o.out.Value)
		case o.op == view.OpCAS && o.from != "":
			values = append(values, o.from)
		}
	}
	fresh := "?"
	for slices.Contains(values, fresh) {
		fresh += "?"
	}
	first := ops[0].call
	for _, o := range ops {
		first = min(first, o.call)
	}
	for _, v := range append(values, fresh) {
		x.start = append(x.start[:0], linOp{call: first - 2, ret: first - 1, op: view.OpPut, value: v, out: view.Result{OK: true}})
		x.start = append(x.start, ops...)
		if x.check(x.start) != "illegal" {
			return false
		}
	}
	return true
}

// fails reports whether the calls ops[i] for i in set fail: from any
// start, or from the empty store.
func (x *explainer) fails(ops []linOp, set []int, anyStart bool) bool {
	x.sub = x.sub[:0]
	for _, i := range set {
		x.sub = append(x.sub, ops[i])
	}
	if anyStart {
		return x.failsFromAny(x.sub)
	}
	return x.check(x.sub) == "illegal"
}

// explain shrinks ops, a key's failing history (ops[j] is call idx[j]),
// and describes what is left.
func (x *explainer) explain(ops []linOp, idx []int, call func(int) view.Call) view.LinExplanation {
	lo, hi := 0, len(ops)
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if x.check(ops[:mid]) == "illegal" {
			hi = mid
		} else {
			lo = mid
		}
	}
	from := max(0, hi-x.window)
	var set []int
	for i := from; i < hi; i++ {
		set = append(set, i)
	}
	anyStart := x.fails(ops, set, true)
	if !anyStart && from > 0 {
		// The failure needs calls further back than the window: the call
		// that made the prefix fail is all that can be shown.
		return linExplanation(ops, idx, set[len(set)-1:], call, true)
	}
	for i := 0; i < len(set) && len(set) > 1; {
		try := slices.Delete(slices.Clone(set), i, i+1)
		if x.fails(ops, try, anyStart) {
			set = try
		} else {
			i++
		}
	}
	return linExplanation(ops, idx, set, call, false)
}

// linExplanation describes the core, set (indexes into the key's calls
// ops): the calls around it, the one to look at, and the sentence.
// onlyFirst says that set is only the call where the history first fails.
func linExplanation(ops []linOp, idx []int, set []int, call func(int) view.Call, onlyFirst bool) view.LinExplanation {
	first, last := set[0], set[len(set)-1]
	// The calls shown: those between the first and the last of the core
	// and two on either side, or, when that is too many, each core
	// call and its neighbours.
	var shown []int
	if last-first+5 <= explainShown {
		for i := max(0, first-2); i <= min(len(ops)-1, last+2); i++ {
			shown = append(shown, i)
		}
	} else {
		for _, i := range set {
			for j := max(0, i-1); j <= min(len(ops)-1, i+1); j++ {
				if len(shown) == 0 || shown[len(shown)-1] < j {
					shown = append(shown, j)
				}
			}
		}
	}
	c0 := call(idx[first])
	e := view.LinExplanation{Verdict: "illegal", Key: c0.Cmd.Key}
	var core []view.LinOp
	for _, i := range shown {
		c := call(idx[i])
		op := view.LinOp{Call: idx[i], Client: c.Client, Cmd: c.Cmd, CallMs: c.CallMs, ReturnMs: c.ReturnMs, Done: c.Done, Result: c.Result,
			Core: slices.Contains(set, i)}
		if !c.Done {
			op.ReturnMs, op.Result = -1, c.Effect
		}
		if op.Core {
			// The call to look at: the last one invoked, a read if any.
			if len(core) == 0 || op.Cmd.Op == view.OpGet || e.Ops[e.Focus].Cmd.Op != view.OpGet {
				e.Focus = len(e.Ops)
			}
			core = append(core, op)
		}
		e.Ops = append(e.Ops, op)
	}
	e.Why = linWhy(e.Key, core)
	if onlyFirst {
		o := core[0]
		e.Why = i18n.Msg("lin.why.first", e.Key, o.Client, o.Cmd.String(), o.ResultMsg(), seconds(o.CallMs))
	}
	return e
}

// linWhy says in a sentence why the core calls cannot be ordered: a call
// that returned what an earlier, finished write rules out (a stale read,
// most often); a call alone whose result nothing written explains; or,
// in general, that no order of them fits.
func linWhy(key string, core []view.LinOp) i18n.Message {
	last := core[len(core)-1]
	switch {
	case len(core) == 2 && core[0].Done && last.Done && core[0].ReturnMs < last.CallMs && core[0].Cmd.Op.IsWrite():
		w := core[0]
		return i18n.Msg("lin.why.after", last.Client, last.Cmd.String(), last.ResultMsg(), seconds(last.ReturnMs),
			w.Client, w.Cmd.String(), seconds(w.ReturnMs))
	case len(core) == 1 && last.Done:
		return i18n.Msg("lin.why.alone", last.Client, last.Cmd.String(), last.ResultMsg(), seconds(last.ReturnMs), key)
	}
	return i18n.Msg("lin.why.general", len(core), key)
}

// seconds is a time in milliseconds in seconds, as the sentences say it.
func seconds(ms int64) float64 { return float64(ms) / 1000 }
