package playground

import (
	"fmt"
	"slices"

	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
)

// ChaosConfig sets up a chaos run.
type ChaosConfig struct {
	Seed       int64
	Nodes      int
	DurationMs int64
	// Settings, when not nil, replaces the default settings (Seed and
	// Nodes are still taken from above).
	Settings *view.Settings
}

// ChaosOutcome is what a chaos run found.
type ChaosOutcome struct {
	Seed            int64
	Violations      []Violation
	Linearizability Linearizability
	// Scenario reproduces the run with `raftsim run`.
	Scenario *view.Scenario
	Stats    Stats
	Calls    int
}

// Failed reports whether the run broke safety or linearizability.
func (o ChaosOutcome) Failed() bool {
	return len(o.Violations) > 0 || o.Linearizability == "illegal"
}

// RunChaos runs a cluster through random crashes, restarts, partitions,
// cut links, message loss and duplication, slow disks and client load, all
// drawn from the seed, then heals everything and lets it settle. The steps
// it took are recorded as a scenario, so any failure can be replayed.
func RunChaos(cfg ChaosConfig) (ChaosOutcome, error) {
	s := view.DefaultSettings()
	if cfg.Settings != nil {
		s = *cfg.Settings
	}
	s.Seed, s.Nodes = cfg.Seed, cfg.Nodes
	w, err := New(s)
	if err != nil {
		return ChaosOutcome{}, err
	}
	sess := NewSession(w, nil)
	sess.DiscardTrace() // the outcome needs only the checkers and the history
	sess.DiscardCheckpoints()
	r := rng{State: uint64(cfg.Seed) ^ 0x5eed_c4a05}
	// Enough keys that the linearizability check, which works key by key,
	// stays fast even with writes whose outcome is unknown.
	keys := []string{"a", "b", "c", "d", "e", "f", "g", "h"}
	nextFault := r.Between(200, 1200)
	for t := int64(0); t < cfg.DurationMs; {
		// Two streams of steps: client calls every 20-80 ms, and a fault
		// every 200-1200 ms.
		t += r.Between(20, 80)
		var st view.Action
		if t < nextFault {
			sess.RunUntil(t)
			// A bounded pool of clients, as in a real deployment: it
			// bounds the concurrency the linearizability check must
			// untangle after an outage.
			if sess.World().Outstanding() < chaosClients {
				st = chaosClientAction(&r, keys)
			}
		} else {
			t = nextFault
			nextFault += r.Between(200, 1200)
			sess.RunUntil(t)
			st = chaosFault(&r, sess.World())
		}
		if st.Do == "" {
			continue
		}
		_ = sess.Do(st) // an action that makes no sense now is simply not taken
	}
	// Heal everything and give the cluster time to settle.
	zero := 0.0
	_ = sess.Do(view.Action{Do: "heal"})
	_ = sess.Do(view.Action{Do: "network", Network: view.NetworkChange{DropRate: &zero, DuplicateRate: &zero}})
	for _, id := range sess.World().Nodes() {
		_ = sess.Do(view.Action{Do: "disk", Node: view.ID(id), FsyncMs: s.FsyncMs})
		if !sess.World().Node(id).Up {
			_ = sess.Do(view.Action{Do: "restart", Node: view.ID(id)})
		}
	}
	end := cfg.DurationMs + 5000
	sess.RunUntil(end)
	w = sess.World()
	verdict := w.LinearizabilityVerdict()
	return ChaosOutcome{
		Seed:            cfg.Seed,
		Violations:      w.Violations(),
		Linearizability: verdict,
		Scenario: &view.Scenario{
			Name:        fmt.Sprintf("chaos seed %d", cfg.Seed),
			Description: fmt.Sprintf("Recorded by raftsim chaos: %d nodes, %d ms of random faults and client load.", cfg.Nodes, cfg.DurationMs),
			Settings:    s, Until: end, Actions: sess.Actions(),
		},
		Stats: w.stats,
		Calls: w.history.n,
	}, nil
}

// chaosClients bounds the client calls outstanding at once in a chaos run.
const chaosClients = 6

// chaosFault picks a random fault, or an empty step when it found none to
// do.
func chaosFault(r *rng, w *World) view.Action {
	var st view.Action
	switch roll := r.Between(0, 99); {
	case roll < 22:
		// Crash only while more than a majority is up, so that the
		// cluster is available often enough to have a history to check.
		if down := len(w.Nodes()) - countUp(w); down < len(w.Nodes())/2 {
			st = view.Action{Do: "crash", Node: view.ID(pickNode(r, w, true))}
		}
	case roll < 50:
		st = view.Action{Do: "restart", Node: view.ID(pickNode(r, w, false))}
	case roll < 58:
		st = view.Action{Do: "partition", Groups: randomGroups(r, w)}
	case roll < 65:
		st = view.Action{Do: "isolate", Node: view.ID(pickNode(r, w, true))}
	case roll < 73:
		st = view.Action{Do: "cut", From: view.ID(pickNode(r, w, true)), To: view.ID(pickNode(r, w, true))}
	case roll < 85:
		st = view.Action{Do: "heal"}
	case roll < 90:
		drop, dup := float64(r.Between(0, 20))/100, float64(r.Between(0, 10))/100
		st = view.Action{Do: "network", Network: view.NetworkChange{DropRate: &drop, DuplicateRate: &dup}}
	case roll < 97:
		st = view.Action{Do: "disk", Node: view.ID(pickNode(r, w, true)), FsyncMs: []int64{0, 1, 1, 5, 5, 40, 40, 200}[r.Between(0, 7)]}
	default:
		st = view.Action{Do: "campaign", Node: view.ID(pickNode(r, w, true))}
	}
	onNode := slices.Contains([]string{"crash", "restart", "isolate", "disk", "campaign"}, st.Do)
	if onNode && st.Node == view.None || st.Do == "cut" && (st.From == view.None || st.From == st.To) {
		return view.Action{}
	}
	return st
}

func chaosClientAction(r *rng, keys []string) view.Action {
	key := keys[r.Between(0, int64(len(keys)-1))]
	v := fmt.Sprint(r.Between(1, 9))
	switch r.Between(0, 9) {
	case 0, 1, 2, 3:
		return view.Action{Do: "put", Key: key, Value: v}
	case 4, 5, 6:
		return view.Action{Do: "get", Key: key}
	case 7:
		return view.Action{Do: "delete", Key: key}
	}
	return view.Action{Do: "cas", Key: key, Old: fmt.Sprint(r.Between(1, 9)), New: v}
}

// pickNode picks a random existing node that is up (or down), or None.
func pickNode(r *rng, w *World, up bool) raft.ID {
	var ids []raft.ID
	for _, id := range w.Nodes() {
		if w.Node(id).Up == up {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return raft.None
	}
	return ids[r.Between(0, int64(len(ids)-1))]
}

func countUp(w *World) int {
	up := 0
	for _, id := range w.Nodes() {
		if w.Node(id).Up {
			up++
		}
	}
	return up
}

func randomGroups(r *rng, w *World) [][]view.ID {
	groups := make([][]view.ID, 2)
	for _, id := range w.Nodes() {
		g := r.Between(0, 1)
		groups[g] = append(groups[g], view.ID(id))
	}
	return groups
}
