package playground

import (
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/anishathalye/porcupine"
	"github.com/raftlab/raftlab/playground/view"
)

// linRandomHistory is a small history of concurrent puts, gets, deletes
// and cas on one to three keys, by up to five clients. It is made by
// running the calls on a real store at random moments within their spans,
// so it is linearizable, and then, half the time, one answer is changed,
// so that it often is not. A few calls never return; those said to have
// taken effect did, and some of the others did too. changed reports
// whether the history is other than what the store did.
func linRandomHistory(r *rand.Rand) (history []view.Call, end int64, changed bool) {
	keys := []string{"a", "b", "c"}[:1+r.IntN(3)]
	values := []string{"", "1", "2", "3"}
	type run struct {
		call view.Call
		at   int64 // the moment it takes effect, in half milliseconds
	}
	var runs []run
	for client := 1; client <= 1+r.IntN(5); client++ {
		t := r.Int64N(5)
		for range 1 + r.IntN(8) {
			c := view.Call{Client: client, CallMs: t, ReturnMs: t + r.Int64N(8), Done: true}
			c.Cmd = view.Command{Op: view.Op(1 + r.IntN(4)), Key: keys[r.IntN(len(keys))], Value: values[1+r.IntN(3)]}
			if c.Cmd.Op == view.OpCAS {
				c.Cmd.From = values[r.IntN(4)]
			}
			at := 2*c.CallMs + r.Int64N(2*(c.ReturnMs-c.CallMs)+1)
			runs = append(runs, run{c, at})
			t = c.ReturnMs + r.Int64N(3)
		}
	}
	slices.SortStableFunc(runs, func(a, b run) int { return int(a.at - b.at) })
	store := map[string]string{}
	for i := range runs {
		c := &runs[i].call
		cur, found := store[c.Cmd.Key]
		switch c.Cmd.Op {
		case view.OpPut:
			store[c.Cmd.Key] = c.Cmd.Value
			c.Result = view.Result{OK: true}
		case view.OpGet:
			c.Result = view.Result{OK: true, Found: found, Value: cur}
		case view.OpDelete:
			delete(store, c.Cmd.Key)
			c.Result = view.Result{OK: true, Found: found}
		case view.OpCAS:
			if (found && cur == c.Cmd.From) || (!found && c.Cmd.From == "") {
				store[c.Cmd.Key] = c.Cmd.Value
				c.Result = view.Result{OK: true}
			} else {
				c.Result = view.Result{Found: found, Value: cur}
			}
		}
	}
	history = make([]view.Call, len(runs))
	for i, ru := range runs {
		history[i] = ru.call
	}
	changed = r.IntN(2) == 0
	if changed {
		c := &history[r.IntN(len(history))]
		switch r.IntN(3) {
		case 0:
			c.Result.Found = !c.Result.Found
		case 1:
			c.Result.OK = !c.Result.OK
		default:
			c.Result.Value = values[1+r.IntN(3)]
		}
	}
	for i := range history {
		c := &history[i]
		end = max(end, c.ReturnMs)
		if r.IntN(10) == 0 {
			c.Done, c.Applied, c.Effect, c.ReturnMs = false, r.IntN(2) == 0, c.Result, -1
			// A write said not to have taken effect, though it did.
			changed = changed || (!c.Applied && c.Cmd.Op != view.OpGet)
		}
	}
	slices.SortStableFunc(history, func(a, b view.Call) int { return int(a.CallMs - b.CallMs) })
	return history, end, changed
}

// linRefModel is kvModel with a step of its own, written apart from
// linOp.step, as the store of linRandomHistory works: what the checker
// is compared with.
var linRefModel = func() porcupine.Model {
	m := kvModel
	m.Step = func(state, input, output any) (bool, any) {
		s, in, out := state.(kvState), input.(kvInput), output.(view.Result)
		switch in.Op {
		case view.OpPut:
			return true, kvState{value: in.Value, exists: true}
		case view.OpGet:
			return out.Found == s.exists && (!out.Found || out.Value == s.value), s
		case view.OpDelete:
			return out.Found == s.exists, kvState{}
		case view.OpCAS:
			if (s.exists && s.value == in.From) || (!s.exists && in.From == "") {
				return out.OK, kvState{value: in.Value, exists: true}
			}
			return !out.OK, s
		}
		return false, s
	}
	return m
}()

// TestLinCheckAgreesWithPorcupine: on thousands of random small histories,
// linearizable and not, the checker gives porcupine's verdict (on a model
// written apart); and "ok" to every history whose answers a real store
// gave.
func TestLinCheckAgreesWithPorcupine(t *testing.T) {
	r := rand.New(rand.NewPCG(14, 2026))
	verdicts := map[Linearizability]int{}
	for i := range 20000 {
		history, end, changed := linRandomHistory(r)
		want := Linearizability("illegal")
		if porcupine.CheckOperations(linRefModel, operations(history, end)) {
			want = "ok"
		}
		got := checkOps(linSplit(history, end), checkBudget)
		if got != want || (!changed && got != "ok") {
			t.Fatalf("history %d (answers changed: %v): checker says %s, porcupine %s:\n%s", i, changed, got, want, linDescribe(history))
		}
		verdicts[got]++
	}
	t.Logf("verdicts: %v", verdicts)
	if verdicts["ok"] < 2000 || verdicts["illegal"] < 2000 {
		t.Fatalf("the random histories are too one-sided to test anything: %v", verdicts)
	}
}

// linSplit is linParts of a history in a slice.
func linSplit(history []view.Call, end int64) [][]linOp {
	return linParts(len(history), func(i int) view.Call { return history[i] }, end)
}

func linDescribe(history []view.Call) string {
	s := ""
	for _, c := range history {
		s += fmt.Sprintf("  client %d %s [%d, %d] done %v applied %v %+v\n", c.Client, c.Cmd, c.CallMs, c.ReturnMs, c.Done, c.Applied, c.Result)
	}
	return s
}

// linHardHistory is a history whose search must try every order of n
// concurrent puts on one key before it can say "illegal": a get after them
// reads a value none of them wrote.
func linHardHistory(key string, n int) []view.Call {
	var h []view.Call
	for i := range n {
		h = append(h, view.Call{Client: i + 1, Cmd: view.Command{Op: view.OpPut, Key: key, Value: fmt.Sprint(i)},
			CallMs: 0, ReturnMs: 10, Done: true, Result: view.Result{OK: true}})
	}
	return append(h, view.Call{Client: n + 1, Cmd: view.Command{Op: view.OpGet, Key: key}, CallMs: 11, ReturnMs: 12,
		Done: true, Result: view.Result{OK: true, Found: true, Value: "none"}})
}

// TestLinCheckBudget: a search that runs out of budget says "unknown",
// after exactly the same work every time; with budget enough, the same
// history is "illegal". The total budget bounds the keys together.
func TestLinCheckBudget(t *testing.T) {
	parts := linSplit(linHardHistory("a", 12), 20)
	var c linSearch
	verdict, need := c.check(parts[0], 1<<40)
	if verdict != "illegal" {
		t.Fatalf("with no limit: %s, want illegal", verdict)
	}
	t.Logf("the search needs %d units", need)
	for range 3 {
		if v, used := c.check(parts[0], need-1); v != "unknown" || used != need-1 {
			t.Fatalf("one unit short: %s after %d units, want unknown after %d", v, used, need-1)
		}
	}
	if v := checkOps(parts, linBudget{perKey: need, total: need}); v != "illegal" {
		t.Fatalf("with the budget it needs: %s, want illegal", v)
	}
	// The total budget is what the keys before have left: an easy key,
	// then the hard one.
	two := linSplit(append(linHardHistory("a", 1), linHardHistory("b", 12)...), 20)
	two[0] = two[0][:1] // the put alone: linearizable
	_, easy := c.check(two[0], 1<<40)
	if v := checkOps(two, linBudget{perKey: need, total: easy + need}); v != "illegal" {
		t.Fatalf("two keys with budget for both: %s, want illegal", v)
	}
	if v := checkOps(two, linBudget{perKey: need, total: easy + need - 1}); v != "unknown" {
		t.Fatalf("two keys with budget for one: %s, want unknown", v)
	}
	// A key found illegal makes the verdict "illegal", even after another
	// key ran out of budget.
	mixed := linSplit(append(linHardHistory("a", 12), linHardHistory("b", 3)...), 20)
	_, small := c.check(mixed[1], 1<<40)
	if v := checkOps(mixed, linBudget{perKey: small, total: 2 * small}); v != "illegal" {
		t.Fatalf("a hard key, then an easy illegal one: %s, want illegal", v)
	}
}

// linSequential is n puts and gets on 8 keys, one after another, as the
// benchmark load makes them.
func linSequential(n int) ([]view.Call, int64) {
	h := make([]view.Call, n)
	for i := range h {
		c := view.Command{Op: view.OpPut, Key: benchKeys[i%len(benchKeys)], Value: fmt.Sprint(i)}
		res := view.Result{OK: true}
		if i%5 == 4 {
			c = view.Command{Op: view.OpGet, Key: benchKeys[(i-1)%len(benchKeys)]}
			res = view.Result{OK: true, Found: true, Value: fmt.Sprint(i - 1)}
		}
		h[i] = view.Call{Client: 1 + i%3, Cmd: c, CallMs: int64(10 * i), ReturnMs: int64(10*i + 25), Done: true, Result: res}
	}
	return h, int64(10*n + 25)
}

// TestLinCheckSequentialIsLinear: a long history with little concurrency
// costs the search a few units of work a call, not a number that grows
// with the history. So does one with a write that never returned, open
// from the start to the end, whose value a read finds only at the end: the
// search tries that write early first, and must undo it all.
func TestLinCheckSequentialIsLinear(t *testing.T) {
	for _, n := range []int{6_000, 60_000} {
		h, end := linSequential(n)
		open := view.Call{Client: 9, Cmd: view.Command{Op: view.OpPut, Key: "a", Value: "open"}, ReturnMs: -1,
			Applied: true, Effect: view.Result{OK: true}}
		read := view.Call{Client: 9, Cmd: view.Command{Op: view.OpGet, Key: "a"}, CallMs: end, ReturnMs: end,
			Done: true, Result: view.Result{OK: true, Found: true, Value: "open"}}
		for _, tc := range []struct {
			name string
			h    []view.Call
		}{{"sequential", h}, {"with an open write", append(append([]view.Call{open}, h...), read)}} {
			name, h := tc.name, tc.h
			var c linSearch
			work := 0
			for _, ops := range linSplit(h, end) {
				v, used := c.check(ops, 1<<40)
				if v != "ok" {
					t.Fatalf("%s, %d calls: %s", name, n, v)
				}
				work += used
			}
			t.Logf("%s, %d calls: %d units", name, n, work)
			if work > 8*n {
				t.Fatalf("%s, %d calls: %d units of work, more than 8 a call", name, n, work)
			}
		}
	}
}

// BenchmarkLinearizability checks the history of a 10-minute run of 5
// nodes under 100 writes a second (60,000 calls on 8 keys): with the
// checker, and with porcupine as the verdict used to come. Then a history
// on which the checker spends its whole budget: the longest a check can
// take.
func BenchmarkLinearizability(b *testing.B) {
	w, err := New(view.DefaultSettings())
	if err != nil {
		b.Fatal(err)
	}
	w.DiscardTrace()
	benchLoad(w, 10*60*1000, 10)
	benchCheck(b, w, 59_000)
	b.Run("budget", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if v := w.LinearizabilityVerdict(); v != "ok" {
				b.Fatalf("verdict %s", v)
			}
		}
		var c linSearch
		units := 0
		for _, ops := range linParts(w.history.n, w.history.get, w.now) {
			_, used := c.check(ops, checkBudget.perKey)
			units += used
		}
		b.ReportMetric(float64(units), "units")
	})
	b.Run("porcupine", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if v, _ := porcupine.CheckOperationsVerbose(kvModel, operations(w.history.all(), w.now), checkTimeout); v != porcupine.Ok {
				b.Fatalf("verdict %s", v)
			}
		}
	})
	b.Run("exhausted", func(b *testing.B) {
		var h []view.Call
		for _, k := range benchKeys {
			h = append(h, linHardHistory(k, 16)...)
		}
		parts := linSplit(h, 20)
		b.ReportAllocs()
		for b.Loop() {
			if v := checkOps(parts, checkBudget); v != "unknown" {
				b.Fatalf("verdict %s", v)
			}
		}
	})
}

// TestWriteHistoryReport: the report of a history, linearizable or not, is
// porcupine's page, with the calls in it.
func TestWriteHistoryReport(t *testing.T) {
	for _, h := range [][]view.Call{linHardHistory("a", 2)[:2], linHardHistory("b", 2)} {
		path := t.TempDir() + "/report.html"
		if err := WriteHistoryReport(h, 20, path); err != nil {
			t.Fatal(err)
		}
		page, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(page), "<html") || !strings.Contains(string(page), h[0].Cmd.String()) {
			t.Fatalf("the report of %d calls does not show them:\n%.300s", len(h), page)
		}
	}
}
