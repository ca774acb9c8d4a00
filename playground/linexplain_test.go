package playground

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
)

// linCore is the marked calls of an explanation, as lines.
func linCore(e view.LinExplanation) []string {
	var out []string
	for _, o := range e.Ops {
		if o.Core {
			out = append(out, o.Line(i18n.English))
		}
	}
	return out
}

// TestLinExplainStaleRead: the bundled stale read is explained by the two
// calls that clash, the local get that returned 1 and the put x=2 that had
// returned before it was sent, in a sentence in both languages; the get is
// the call to look at.
func TestLinExplainStaleRead(t *testing.T) {
	sc, s := runBundled(t, "stale-read")
	w := s.World()
	e := w.LinearizabilityExplained()
	require.Equal(t, string(w.LinearizabilityVerdict()), e.Verdict)
	require.True(t, e.Illegal(), "%+v", e)
	assert.Equal(t, "x", e.Key)
	core := linCore(e)
	require.Len(t, core, 2, "%v", core)
	var put, get view.LinOp
	for _, o := range e.Ops {
		switch {
		case o.Core && o.Cmd.Op == view.OpPut:
			put = o
		case o.Core && o.Cmd.Op == view.OpGet:
			get = o
		}
	}
	assert.Equal(t, "put x=2", put.Cmd.String(), "%v", core)
	assert.Equal(t, "get x", get.Cmd.String(), "%v", core)
	assert.Equal(t, "1", get.Result.Value)
	assert.Equal(t, get, e.Ops[e.Focus], "the stale get is the call to look at")
	assert.Less(t, put.ReturnMs, get.CallMs)
	assert.GreaterOrEqual(t, get.CallMs, int64(1500), "the local get of %s", sc.Name)
	assert.Equal(t, fmt.Sprintf("client %d's get x returned \"1\" at %.3fs, after client %d's put x=2 had returned at %.3fs",
		get.Client, float64(get.ReturnMs)/1000, put.Client, float64(put.ReturnMs)/1000), e.Why.In(i18n.English))
	assert.Equal(t, fmt.Sprintf("客户端 %d 的 get x 返回了 \"1\"（%.3f 秒），而此前客户端 %d 的 put x=2 已经返回（%.3f 秒）",
		get.Client, float64(get.ReturnMs)/1000, put.Client, float64(put.ReturnMs)/1000), e.Why.In(i18n.Chinese))
	// The put of 1, which the get read, is shown but not marked.
	var shown []string
	for _, o := range e.Ops {
		shown = append(shown, o.Cmd.String())
	}
	assert.Contains(t, shown, "put x=1")
	// A scenario played again (as raftsim chaos replays a seed's) gives
	// the same explanation.
	again, err := ExplainScenario(sc)
	require.NoError(t, err)
	assert.Equal(t, e, again)
}

// TestLinExplainLinearizable: a linearizable history has no explanation.
func TestLinExplainLinearizable(t *testing.T) {
	_, s := runBundled(t, "minority-partition")
	e := s.World().LinearizabilityExplained()
	assert.Equal(t, "ok", e.Verdict)
	assert.False(t, e.Illegal())
	assert.Empty(t, e.Ops)
}

// linCall is a call that returned.
func linCall(client int, op view.Op, key, value string, callMs, returnMs int64, res view.Result) view.Call {
	return view.Call{Client: client, Cmd: view.Command{Op: op, Key: key, Value: value}, CallMs: callMs, ReturnMs: returnMs, Done: true, Result: res}
}

// TestLinExplainShapes: a read of a value never written is explained by
// the read alone; two reads that see the value go back, with no write
// between them, by the general sentence (the writes before them do not
// matter).
func TestLinExplainShapes(t *testing.T) {
	ok := view.Result{OK: true}
	read := func(v string) view.Result { return view.Result{OK: true, Found: true, Value: v} }
	cases := []struct {
		name    string
		history []view.Call
		core    []string
		why     string
	}{
		{"never written", []view.Call{
			linCall(1, view.OpPut, "y", "1", 0, 5, ok),
			linCall(1, view.OpGet, "x", "", 10, 12, read("7")),
		}, []string{"get x"}, "client 1's get x returned \"7\" at 0.012s, but no write of x before it can give that result"},
		{"a value changed with no write", []view.Call{
			linCall(1, view.OpPut, "x", "1", 0, 10, ok),
			linCall(2, view.OpPut, "x", "2", 0, 10, ok),
			linCall(3, view.OpGet, "x", "", 11, 12, read("1")),
			linCall(3, view.OpGet, "x", "", 13, 14, read("2")),
			linCall(3, view.OpGet, "x", "", 15, 16, read("1")),
		}, []string{"get x", "get x"}, "no order of these 2 operations on x gives each one the result it returned"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e, _ := explainHistory(len(c.history), func(i int) view.Call { return c.history[i] }, 20, checkBudget, explainBudget)
			require.True(t, e.Illegal())
			var core []string
			for _, o := range e.Ops {
				if o.Core {
					core = append(core, o.Cmd.String())
				}
			}
			assert.Equal(t, c.core, core)
			assert.Equal(t, c.why, e.Why.In(i18n.English))
		})
	}
}

// TestLinExplainBounded: on a long history, with a stale read among
// thousands of calls on eight keys, the explanation still names the two
// calls; it costs the same work every time, well within its budget; and
// with too small a budget it stops, with an answer, after exactly that
// budget.
func TestLinExplainBounded(t *testing.T) {
	history, end := linSequential(20000)
	// A read returns the value its key had two writes back: the write
	// after that one had returned before the read was sent (the last one
	// is concurrent with the read).
	r := rand.New(rand.NewPCG(1, 2))
	i := 15000 + r.IntN(100)*5 + 4 // a get (see linSequential)
	history[i].Result.Value = fmt.Sprint(i - 1 - 2*len(benchKeys))
	get := func(j int) view.Call { return history[j] }
	e, used := explainHistory(len(history), get, end, checkBudget, explainBudget)
	require.True(t, e.Illegal())
	core := linCore(e)
	require.Len(t, core, 2, "%v", core)
	assert.Equal(t, i, e.Ops[e.Focus].Call)
	assert.Contains(t, core[0], fmt.Sprintf("put %s=%d", history[i].Cmd.Key, i-1-len(benchKeys)))
	t.Logf("%d calls: %d units of work (budget %d)", len(history), used, explainBudget)
	assert.Less(t, used, explainBudget/10)
	_, again := explainHistory(len(history), get, end, checkBudget, explainBudget)
	assert.Equal(t, used, again, "the same work every time")
	small, spent := explainHistory(len(history), get, end, checkBudget, used/2)
	assert.True(t, small.Illegal(), "a budget cut short still gives an answer")
	assert.Equal(t, used/2, spent)
}

// BenchmarkLinExplain: the explanation of a stale read near the end of
// 60,000 calls on eight keys (the check of the whole history, then the
// shrinking), and its work in the checker's units.
func BenchmarkLinExplain(b *testing.B) {
	history, end := linSequential(60000)
	i := 59004
	history[i].Result.Value = fmt.Sprint(i - 1 - 2*len(benchKeys))
	get := func(j int) view.Call { return history[j] }
	var used int
	for b.Loop() {
		var e view.LinExplanation
		e, used = explainHistory(len(history), get, end, checkBudget, explainBudget)
		if !e.Illegal() {
			b.Fatal("no explanation")
		}
	}
	b.ReportMetric(float64(used), "units")
}

// TestLinExplainBeyondTheWindow: when the calls a failure clashes with lie
// further back than the window, the explanation marks only the call where
// the history first fails, and says so.
func TestLinExplainBeyondTheWindow(t *testing.T) {
	history := []view.Call{
		linCall(1, view.OpPut, "x", "1", 0, 5, view.Result{OK: true}),
		linCall(1, view.OpGet, "x", "", 10, 12, view.Result{OK: true, Found: true, Value: "7"}),
	}
	ops := linSplit(history, 20)[0]
	x := explainer{left: explainBudget, window: 1}
	e := x.explain(ops, []int{0, 1}, func(i int) view.Call { return history[i] })
	core := linCore(e)
	require.Equal(t, []string{`client 1: get x → "7", invoked at 0.010s, returned at 0.012s`}, core)
	assert.Equal(t, `the history of x first fails at client 1's get x, which returned "7" (invoked at 0.010s); the calls it clashes with are too far back to show`, e.Why.In(i18n.English))
	// With the window of every explanation, the put is in it, and the
	// get clashes with it.
	x = explainer{left: explainBudget, window: explainWindow}
	e = x.explain(ops, []int{0, 1}, func(i int) view.Call { return history[i] })
	assert.Len(t, linCore(e), 2)
	assert.Equal(t, `client 1's get x returned "7" at 0.012s, after client 1's put x=1 had returned at 0.005s`, e.Why.In(i18n.English))
}
