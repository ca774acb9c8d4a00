package playground

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLoadStepErrors: a load step out of bounds is refused before the run,
// with the step, the action and the field named, in both languages.
func TestLoadStepErrors(t *testing.T) {
	for _, tc := range []struct {
		name, in, field, want string
	}{
		{"no rate", `{"at": 0, "do": "load", "forMs": 100}`, "rate", `steps[0] (load): field "rate": required`},
		{"negative rate", `{"at": 0, "do": "load", "rate": -1}`, "rate", `field "rate": must be 0..1000 calls a second (0 stops the load), not -1`},
		{"rate too high", `{"at": 0, "do": "load", "rate": 1001}`, "rate", `not 1001`},
		{"fractional rate", `{"at": 0, "do": "load", "rate": 2.5}`, "rate", `field "rate": expected a whole number, got number 2.5`},
		{"negative forMs", `{"at": 0, "do": "load", "rate": 5, "forMs": -10}`, "forMs", `field "forMs": must not be negative, not -10`},
		{"forMs past an hour", `{"at": 0, "do": "load", "rate": 5, "forMs": 3600001}`, "forMs", `field "forMs": must be at most 3600000 ms`},
		{"too many keys", `{"at": 0, "do": "load", "rate": 5, "keys": 1001}`, "keys", `field "keys": must be 1..1000 keys (0 or none: 8), not 1001`},
		{"negative keys", `{"at": 0, "do": "load", "rate": 5, "keys": -2}`, "keys", `not -2`},
		{"readPct over 100", `{"at": 0, "do": "load", "rate": 5, "readPct": 101}`, "readPct", `field "readPct": must be 0..100 (the percentage of calls that are gets), not 101`},
		{"negative clients", `{"at": 0, "do": "load", "rate": 5, "clients": -1}`, "clients", `field "clients": must not be negative, not -1`},
		{"bad mode", `{"at": 0, "do": "load", "rate": 5, "mode": "dirty"}`, "mode", `field "mode": must be "readIndex", "lease" or "local", not "dirty"`},
		{"lease off", `{"at": 0, "do": "load", "rate": 5, "mode": "lease"}`, "mode", `lease reads are off`},
		{"no such node", `{"at": 0, "do": "load", "rate": 5, "node": 4}`, "node", `field "node": there is no node 4 at this step: the nodes are 1, 2, 3`},
		{"unknown field", `{"at": 0, "do": "load", "rate": 5, "reads": 20}`, "reads", `field "reads": unknown field`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sc, err := ParseScenario([]byte(scFile("", tc.in)))
			require.Error(t, err, "accepted: %+v", sc)
			var se *ScenarioError
			require.True(t, errors.As(err, &se), "%T: %v", err, err)
			assert.Equal(t, 0, se.Step)
			assert.Equal(t, "load", se.Action)
			assert.Equal(t, tc.field, se.Field)
			assert.Contains(t, err.Error(), tc.want)
			assert.NotContains(t, err.Error(), "\n")
			zh := se.In(i18n.Chinese)
			assert.NotContains(t, zh, "[scenario.", "a key with no Chinese")
			assert.Contains(t, zh, "steps[0]（load）")
		})
	}
}

// TestLoadCallsAreBounded: the load steps of a file may make MaxLoadCalls
// calls in all, counted to each load's forMs, the next load step or until;
// ten minutes at 100 a second is within it.
func TestLoadCallsAreBounded(t *testing.T) {
	for _, tc := range []struct {
		name, extra, steps string
		ok                 bool
	}{
		{"ten minutes at 100/s", "", `{"at": 1000, "do": "load", "rate": 100, "forMs": 600000}`, true},
		{"an hour at 100/s", "", `{"at": 0, "do": "load", "rate": 100, "forMs": 3600000}`, true},
		{"an hour at 112/s", "", `{"at": 0, "do": "load", "rate": 112, "forMs": 3600000}`, false},
		{"until the end at 1000/s", `"until": 400000`, `{"at": 0, "do": "load", "rate": 1000}`, false},
		{"stopped in time", `"until": 3600000`, `{"at": 0, "do": "load", "rate": 1000}, {"at": 60000, "do": "load", "rate": 0}`, true},
		{"replaced in time", `"until": 3600000`, `{"at": 0, "do": "load", "rate": 1000}, {"at": 60000, "do": "load", "rate": 1, "forMs": 1000}`, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sc, err := ParseScenario([]byte(scFile(tc.extra, tc.steps)))
			if tc.ok {
				require.NoError(t, err)
				assert.NoError(t, checkLimits(sc), "and it saves")
				return
			}
			require.Error(t, err)
			assert.Contains(t, err.Error(), `field "steps": the load steps make about`)
			assert.Contains(t, err.Error(), "the limit is 400000")
		})
	}
}

// TestLoadStepRoundTrips: a load step reads back as it was written, and a
// file without until runs a second past the load's end.
func TestLoadStepRoundTrips(t *testing.T) {
	sc, err := ParseScenario([]byte(scFile(`"features": {"readMode": "lease"}`,
		`{"at": 10, "do": "load", "rate": 20, "forMs": 5000, "keys": 3, "readPct": 40, "clients": 4, "node": 2, "mode": "local"}, {"at": 20, "do": "load", "rate": 0}`)))
	require.NoError(t, err)
	assert.Equal(t, []view.Action{
		{At: 10, Do: "load", Rate: 20, ForMs: 5000, Keys: 3, ReadPct: 40, Clients: 4, Node: 2, Mode: "local"},
		{At: 20, Do: "load"},
	}, sc.Actions)
	assert.Equal(t, int64(6010), sc.Until)
	data, err := MarshalScenario(sc)
	require.NoError(t, err)
	assert.Contains(t, string(data), `"do": "load",`)
	again, err := ParseScenario(data)
	require.NoError(t, err)
	assert.Equal(t, sc.Actions, again.Actions)
}

// loadScenario is five servers under a load of 100 calls a second for
// 10 s, a fifth of them gets, from 1 s.
func loadScenario(t testing.TB) *view.Scenario {
	sc, err := ParseScenario([]byte(`{"name": "load", "nodes": 5, "steps": [
		{"at": 1000, "do": "load", "rate": 100, "forMs": 10000, "keys": 8, "readPct": 20}]}`))
	require.NoError(t, err)
	return sc
}

// TestLoadKeepsUpItsRate: 100 calls a second for 10 s are 1,000 calls,
// one every 10 ms, about a fifth of them gets, over the keys k1..k8; each
// put writes a value of its own, and the history is linearizable.
func TestLoadKeepsUpItsRate(t *testing.T) {
	sc := loadScenario(t)
	w, err := NewWorld(sc)
	require.NoError(t, err)
	s := NewSession(w, sc.Actions)
	s.RunUntil(sc.Until)
	h := s.World().History()
	require.Len(t, h, 1000)
	gets, keys, values := 0, map[string]int{}, map[string]bool{}
	for i, c := range h {
		require.Equal(t, int64(1000+10*i), c.CallMs, "call %d", i)
		require.True(t, c.Done, "call %d answered", i)
		keys[c.Cmd.Key]++
		switch c.Cmd.Op {
		case view.OpGet:
			gets++
		case view.OpPut:
			require.False(t, values[c.Cmd.Value], "value %s written twice", c.Cmd.Value)
			values[c.Cmd.Value] = true
		default:
			t.Fatalf("call %d: %v", i, c.Cmd)
		}
	}
	assert.InDelta(t, 200, gets, 40, "gets")
	assert.Equal(t, []string{"k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8"}, slices.Sorted(maps.Keys(keys)))
	for k, n := range keys {
		assert.InDelta(t, 125, n, 40, "calls to %s", k)
	}
	verdict := s.World().LinearizabilityVerdict()
	assert.Equal(t, Linearizability("ok"), verdict)
	assert.Empty(t, s.World().Violations())
	trace := traceText(s.World())
	assert.Contains(t, trace, "a client load started: 100 calls a second over 8 keys, 20% of them gets, sent to the leader")
	assert.Contains(t, trace, "the client load stopped after 1000 calls")
}

// TestLoadClientsBoundItsCalls: with clients set, a load keeps no more
// calls outstanding than that: through an outage (three of five servers
// down for 4 s) the calls that fall due while all wait are skipped, and
// the history stays small enough for the linearizability check to settle.
func TestLoadClientsBoundItsCalls(t *testing.T) {
	sc, err := ParseScenario([]byte(`{"name": "outage", "nodes": 5, "steps": [
		{"at": 1000, "do": "load", "rate": 100, "forMs": 15000, "readPct": 20, "clients": 8},
		{"at": 5000, "do": "crash", "node": 1}, {"at": 5000, "do": "crash", "node": 2}, {"at": 5000, "do": "crash", "node": 3},
		{"at": 9000, "do": "restart", "node": 1}, {"at": 9000, "do": "restart", "node": 2}, {"at": 9000, "do": "restart", "node": 3}]}`))
	require.NoError(t, err)
	w, err := NewWorld(sc)
	require.NoError(t, err)
	s := NewSession(w, sc.Actions)
	most := 0
	for at := int64(0); at <= sc.Until; at += 5 {
		s.RunUntil(at)
		most = max(most, s.World().Outstanding())
	}
	assert.Equal(t, 8, most, "the outage fills the pool, and no more")
	calls := len(s.World().History())
	assert.Less(t, calls, 1400, "calls fell due while all eight waited")
	assert.Greater(t, calls, 1000)
	assert.Contains(t, traceText(s.World()), fmt.Sprintf("the client load stopped after %d calls; it skipped %d more", calls, 1500-calls))
	verdict := s.World().LinearizabilityVerdict()
	assert.Equal(t, Linearizability("ok"), verdict)
}

// TestLoadIsDeterministic: two runs of a load give the same bytes, and so
// does a session sought back and forth through it (the load is world
// state, carried by checkpoints), or run from a clone taken mid-load.
func TestLoadIsDeterministic(t *testing.T) {
	sc := loadScenario(t)
	run := func() *Session {
		w, err := NewWorld(sc)
		require.NoError(t, err)
		s := NewSession(w, sc.Actions)
		s.RunUntil(sc.Until)
		return s
	}
	s := run()
	want := fingerprint(t, s.World())
	assert.Equal(t, want, fingerprint(t, run().World()), "a second run")

	ref := map[int64]string{}
	w, err := NewWorld(sc)
	require.NoError(t, err)
	s = NewSession(w, sc.Actions)
	for _, at := range []int64{1500, 4321, 7000, sc.Until} {
		s.RunUntil(at)
		ref[at] = fingerprint(t, s.World())
	}
	for _, at := range []int64{4321, 1500, sc.Until, 7000, 1500, 4321} {
		s.SeekTo(at)
		require.Equal(t, ref[at], fingerprint(t, s.World()), "seek to %d", at)
	}
	s.SeekTo(4321)
	c := s.World().Clone()
	c.RunUntil(sc.Until)
	s.RunUntil(sc.Until)
	assert.Equal(t, want, fingerprint(t, c), "a clone taken mid-load")
	assert.Equal(t, want, fingerprint(t, s.World()))
}

// TestLoadStopsAndForks: a load of rate 0 stops the running one (and is
// refused when none runs); stopping it in the past forks the history, and
// the fork replays the same.
func TestLoadStopsAndForks(t *testing.T) {
	sc := loadScenario(t)
	w, err := NewWorld(sc)
	require.NoError(t, err)
	s := NewSession(w, sc.Actions)
	s.RunUntil(8000)
	s.SeekTo(3000)
	require.NoError(t, s.Do(view.Action{Do: "load"}))
	err = s.Do(view.Action{Do: "load"})
	require.Error(t, err)
	assert.Equal(t, "no client load is running", err.Error())
	s.RunUntil(sc.Until)
	assert.Len(t, s.World().History(), 201, "calls at 1000, 1010 ... 3000")
	assert.Contains(t, traceText(s.World()), "the client load stopped after 201 calls")

	// The forked history replays to the same bytes.
	w, err = NewWorld(sc)
	require.NoError(t, err)
	replay := NewSession(w, s.Actions())
	replay.RunUntil(sc.Until)
	assert.Equal(t, fingerprint(t, s.World()), fingerprint(t, replay.World()))

	// A new load replaces the running one, at its own rate.
	require.NoError(t, s.Do(view.Action{Do: "load", Rate: 5, ForMs: 1000, Node: 3}))
	s.RunUntil(s.Now() + 2000)
	assert.Len(t, s.World().History(), 206)
	last := s.World().History()[205]
	assert.Equal(t, view.ID(3), last.Node)
	trace := traceText(s.World())
	assert.Contains(t, trace, "sent to S3")
	assert.Equal(t, 2, strings.Count(trace, "the client load stopped after"), "the stop, then the end of the 5/s load")
	require.NoError(t, s.Do(view.Action{Do: "load", Rate: 10}))
	s.RunUntil(s.Now() + 500)
	require.NoError(t, s.Do(view.Action{Do: "load", Rate: 10}))
	assert.Contains(t, traceText(s.World()), "the client load stopped after 6 calls", "a replaced load's end")

	for _, bad := range []view.Action{{Do: "load", Rate: 2000}, {Do: "load", Rate: 5, Node: 7}, {Do: "load", Rate: 5, Mode: "lease"}} {
		assert.Error(t, s.Do(bad), "%+v", bad)
	}
}

// TestLoadCostsNoMoreThanPutSteps: a load's calls allocate no more than the
// same calls scripted as put steps, but for the value each put writes,
// which a put step holds from its file and a load makes as it goes.
func TestLoadCostsNoMoreThanPutSteps(t *testing.T) {
	load := []view.Action{{At: 1000, Do: "load", Rate: 100, ForMs: 5000}}
	var puts []view.Action
	for i := range 500 {
		puts = append(puts, view.Action{At: int64(1000 + 10*i), Do: "put", Key: fmt.Sprint("k", 1+i%8), Value: fmt.Sprint(i + 1)})
	}
	allocs := func(actions []view.Action) float64 {
		return testing.AllocsPerRun(3, func() {
			w, err := New(view.DefaultSettings())
			require.NoError(t, err)
			s := NewSession(w, actions)
			s.DiscardTrace()
			s.RunUntil(7000)
			require.Len(t, s.World().History(), 500)
		})
	}
	l, p := allocs(load), allocs(puts)
	t.Logf("allocations: load %.0f, put steps %.0f", l, p)
	assert.LessOrEqual(t, l, p+float64(len(puts)))
}

// TestLoadLeavesTheWorldsDrawsAlone: a load draws its keys and kinds from
// a stream of its own: its first call leaves the world's randomness
// (latencies, losses) where a put step of the same call leaves it.
func TestLoadLeavesTheWorldsDrawsAlone(t *testing.T) {
	w, err := New(view.DefaultSettings())
	require.NoError(t, err)
	require.NoError(t, w.Do(view.Action{Do: "load", Rate: 50}))
	require.NoError(t, w.Do(view.Action{Do: "load"}))
	call := w.History()[0]
	require.Equal(t, view.OpPut, call.Cmd.Op)

	p, err := New(view.DefaultSettings())
	require.NoError(t, err)
	require.NoError(t, p.Do(view.Action{Do: "put", Key: call.Cmd.Key, Value: call.Cmd.Value}))
	assert.Equal(t, p.rng, w.rng)
}

// TestLoadRateInView: the view tells the rate of the load running now, and
// 0 before it, after its forMs and once a load of rate 0 stops one.
func TestLoadRateInView(t *testing.T) {
	w, err := New(view.DefaultSettings())
	require.NoError(t, err)
	s := NewSession(w, []view.Action{
		{At: 500, Do: "load", Rate: 20, ForMs: 1000},
		{At: 2000, Do: "load", Rate: 5},
		{At: 3000, Do: "load", Rate: 0},
	})
	for _, tc := range []struct {
		at   int64
		want int
	}{{400, 0}, {600, 20}, {1600, 0}, {2100, 5}, {2900, 5}, {3100, 0}, {600, 20}} {
		s.SeekTo(tc.at)
		assert.Equal(t, tc.want, s.World().View().LoadRate, "at %d ms", tc.at)
	}
}
