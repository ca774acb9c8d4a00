package etcdraft_test

import (
	"testing"

	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/playground/view"
)

// FuzzScenarioOnEtcd runs any scenario file that reads well on etcd's
// engine: whatever its initial logs, terms and votes, and whatever its
// steps, etcd's raft must neither panic nor stall the clock (an engine
// that cannot start says so).
func FuzzScenarioOnEtcd(f *testing.F) {
	for _, name := range playground.BundledScenarios() {
		data, err := playground.BundledScenarioFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"name": "x", "nodes": 3, "initial": {"1": {"term": 3, "log": [1, 2, 3], "votedFor": 2}, "2": {"term": 1, "log": [1]}}, "steps": [{"at": 10, "do": "put", "key": "a", "value": "1"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		sc, err := playground.ParseScenario(data)
		if err != nil {
			return
		}
		sc.Settings.Engine = view.EngineEtcd
		if sc.Settings.Validate() != nil {
			return
		}
		w, err := playground.NewWorld(sc)
		if err != nil {
			return
		}
		s := playground.NewSession(w, sc.Actions)
		end := min(sc.Until, 2000)
		s.RunUntil(end)
		if s.Now() < end {
			t.Fatalf("ran to %d, not %d", s.Now(), end)
		}
		_ = s.World().Result(sc.Name)
	})
}
