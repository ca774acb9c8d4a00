package etcdraft_test

import (
	"fmt"
	"maps"
	"slices"
	"testing"

	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDifferential runs every bundled scenario on both engines. The safety
// checkers and the scenario's own expectations must hold on both, and the
// linearizability check must say the same; and
// where the engines may differ (timing, message counts, flow control),
// what must agree does: what commits, what every client call returns, and
// the final store. Scenarios that need a teaching switch run on RaftLab's
// engine alone (etcd's raft has none): the test counts them.
func TestDifferential(t *testing.T) {
	ran, skipped := 0, 0
	for _, name := range playground.BundledScenarios() {
		sc, err := playground.LoadBundled(name)
		require.NoError(t, err)
		onEtcd := *sc
		onEtcd.Settings.Engine = view.EngineEtcd
		if err := onEtcd.Settings.Validate(); err != nil {
			require.Equal(t, i18n.Errorf("scenario.settings.etcd-rules").Error(), err.Error(), name)
			skipped++
			continue
		}
		ran++
		t.Run(name, func(t *testing.T) {
			own, etcd := outcomeOf(t, sc), outcomeOf(t, &onEtcd)
			assert.Equal(t, own.committed, etcd.committed, "what commits")
			assert.Equal(t, own.calls, etcd.calls, "what the clients' calls return")
			assert.Equal(t, own.store, etcd.store, "the final store")
			assert.Equal(t, own.verdict, etcd.verdict, "linearizability")
		})
	}
	t.Logf("%d scenarios on both engines, %d need a teaching switch", ran, skipped)
	require.GreaterOrEqual(t, ran, 12)
}

// outcome is what a run must agree on whatever the engine.
type outcome struct {
	committed []string // the committed writes, in log order
	calls     []string // each client call and what it returned
	store     map[string]string
	// verdict is the linearizability check's: stale-read.json shows a
	// stale read on purpose, on either engine.
	verdict playground.Linearizability
}

// outcomeOf runs sc to its end, checks that it passed, and reads its
// outcome.
func outcomeOf(t *testing.T, sc *view.Scenario) outcome {
	t.Helper()
	w, err := playground.NewWorld(sc)
	require.NoError(t, err)
	s := playground.NewSession(w, sc.Actions)
	s.RunUntil(sc.Until)
	res := s.World().Result(sc.Name)
	engine := sc.Settings.Engine.String()
	for _, e := range res.Expectations {
		assert.True(t, e.OK, "%s: %s", engine, e.Message)
	}
	assert.Empty(t, res.Violations, engine)

	out := outcome{verdict: res.Verdict}
	var applied uint64
	for _, n := range res.Nodes {
		if !n.Up {
			continue
		}
		var writes []string
		for _, e := range n.Log {
			if e.Index <= n.CommitIndex && e.Kind == "normal" {
				writes = append(writes, e.Data)
			}
		}
		if len(writes) > len(out.committed) {
			out.committed = writes
		}
		if n.AppliedIndex >= applied {
			applied, out.store = n.AppliedIndex, n.KV
		}
	}
	for _, h := range res.History {
		r := "-"
		if h.Result != nil {
			r = *h.Result
		}
		out.calls = append(out.calls, fmt.Sprintf("client %d %s %s=%s ok=%v -> %s", h.Client, h.Op, h.Key, h.Value, h.OK, r))
	}
	out.store = maps.Clone(out.store)
	slices.Sort(out.calls)
	return out
}
