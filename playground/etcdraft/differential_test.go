package etcdraft_test

import (
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
// what must agree does (playground.Outcome). Scenarios that need a teaching switch run on RaftLab's
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
			d := own.Difference(etcd, "raftlab", "etcd")
			assert.True(t, d.Empty(), d.String())
		})
	}
	t.Logf("%d scenarios on both engines, %d need a teaching switch", ran, skipped)
	require.GreaterOrEqual(t, ran, 12)
}

// outcomeOf runs sc to its end, checks that it passed, and reads its
// outcome.
func outcomeOf(t *testing.T, sc *view.Scenario) playground.Outcome {
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
	return playground.OutcomeOf(res)
}
