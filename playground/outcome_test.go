package playground

import (
	"testing"

	"github.com/raftlab/raftlab/playground/view"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// handOutcome is an outcome with two committed writes, three calls (the
// last never returned), two keys and a clean verdict.
func handOutcome() Outcome {
	put := view.Command{Op: view.OpPut, Key: "x", Value: "1"}
	get := view.Command{Op: view.OpGet, Key: "x"}
	return Outcome{
		Committed: []CommittedWrite{{2, "put x=1"}, {3, "put y=2"}},
		Calls: []CallOutcome{
			{Client: 1, Cmd: put, Done: true, Result: view.Result{OK: true}},
			{Client: 2, Cmd: get, Done: true, Result: view.Result{OK: true, Found: true, Value: "1"}},
			{Client: 1, Cmd: view.Command{Op: view.OpPut, Key: "y", Value: "2"}},
		},
		Store:   map[string]string{"x": "1", "y": "2"},
		Verdict: "ok",
	}
}

// TestOutcomeDifference changes one thing at a time, and two at once to
// check which comes first, and reads the sentence that says it.
func TestOutcomeDifference(t *testing.T) {
	for _, c := range []struct {
		name   string
		change func(o *Outcome)
		want   string
	}{
		{"agree, though a no-op moved the writes", func(o *Outcome) { o.Committed[0].Index, o.Committed[1].Index = 3, 4 }, ""},
		{"a write", func(o *Outcome) { o.Committed[1].Text = "put y=3" },
			"committed write 2: raftlab has put y=2 (index 3), etcd has put y=3 (index 3)"},
		{"a write fewer", func(o *Outcome) { o.Committed = o.Committed[:1] },
			"committed write 2: raftlab has put y=2 (index 3), etcd has none"},
		{"a write before a call", func(o *Outcome) { o.Committed = o.Committed[:1]; o.Calls[0].Done = false },
			"committed write 2: raftlab has put y=2 (index 3), etcd has none"},
		{"a read", func(o *Outcome) { o.Calls[1].Result.Value = "0" },
			`client call 2, client 2's get x: on raftlab it returned "1", on etcd "0"`},
		{"a call that never returned", func(o *Outcome) { o.Calls[0].Done = false },
			`client call 1, client 1's put x=1: on raftlab it returned “ok”, on etcd nothing (it never returned)`},
		{"another call", func(o *Outcome) { o.Calls[1].Client = 3 },
			"client call 2: raftlab made client 2's get x, etcd made client 3's get x"},
		{"a call fewer", func(o *Outcome) { o.Calls = o.Calls[:2] }, "raftlab made 3 client calls, etcd made 2"},
		{"the store", func(o *Outcome) { delete(o.Store, "x"); o.Store["y"] = "3" },
			`final store, key x: raftlab has "1", etcd has “not found”`},
		{"a key more", func(o *Outcome) { o.Store["w"] = "9" },
			`final store, key w: raftlab has “not found”, etcd has "9"`},
		{"the verdict", func(o *Outcome) { o.Verdict = "illegal" }, "linearizability: raftlab says ok, etcd says illegal"},
	} {
		t.Run(c.name, func(t *testing.T) {
			a, b := handOutcome(), handOutcome()
			c.change(&b)
			d := a.Difference(b, "raftlab", "etcd")
			if c.want == "" {
				require.True(t, d.Empty(), d.String())
				return
			}
			assert.Equal(t, c.want, d.String())
		})
	}
}

// TestOutcomeOf reads a bundled scenario's outcome: the writes its clients
// made, committed in the order the leader took them, each call answered,
// and the store they leave.
func TestOutcomeOf(t *testing.T) {
	sc, err := LoadBundled("log-replication")
	require.NoError(t, err)
	w, err := NewWorld(sc)
	require.NoError(t, err)
	s := NewSession(w, sc.Actions)
	s.RunUntil(sc.Until)
	o := OutcomeOf(s.World().Result(sc.Name))
	assert.Equal(t, []CommittedWrite{{2, "put x=1"}, {3, "put y=2"}}, o.Committed, "after the leader's no-op")
	require.NotEmpty(t, o.Calls)
	for _, c := range o.Calls {
		assert.True(t, c.Done, c.Cmd.String())
		assert.Zero(t, c.Cmd.Seq)
	}
	assert.Equal(t, Linearizability("ok"), o.Verdict)
	assert.Equal(t, map[string]string{"x": "1", "y": "2"}, o.Store)
}
