package playground

import (
	"fmt"

	"github.com/raftlab/raftlab/playground/view"
)

// ChaosConfig sets up a chaos run.
type ChaosConfig struct {
	Seed       int64
	Nodes      int
	DurationMs int64
	// Settings, when not nil, replaces the default settings (Seed and
	// Nodes are still taken from above). Its teaching switches steer the
	// faults (see chaosBias).
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
	// planned are the indexes in Scenario.Actions of the steps of plans
	// (planStep): what a minimizer tries first to keep alone.
	planned []int
}

// Failed reports whether the run broke safety or linearizability.
func (o ChaosOutcome) Failed() bool {
	return len(o.Violations) > 0 || o.Linearizability == "illegal"
}

// RunChaos runs a cluster through random faults and client load, all
// drawn from the seed (see chaosFault for what it tries), then heals
// everything and lets it settle. The steps it took are recorded as a
// scenario, so any failure can be replayed.
func RunChaos(cfg ChaosConfig) (ChaosOutcome, error) {
	c, err := newChaosRun(cfg)
	if err != nil {
		return ChaosOutcome{}, err
	}
	for !c.step() {
	}
	return c.outcome(checkBudget), nil
}

// chaosSettleMs is how long a run goes on after the faults end, everything
// healed, so that the cluster settles and the checkers see the outcome.
const chaosSettleMs = 5000

// chaosRun is a chaos run in progress, moved on a fault at a time by step,
// so that a search can run it in slices.
type chaosRun struct {
	cfg       ChaosConfig
	settings  view.Settings
	sess      *Session
	r         rng
	bias      chaosBias
	t         int64 // the time of the last step taken
	nextFault int64
	healed    bool
	done      bool
	// plan is the plan under way (see planStep), next its next step;
	// planned are the indexes of the steps plans took.
	plan    []planStep
	next    int
	cast    planCast
	planned []int
	// flooded is set when the run ended early, its servers flooding
	// each other with messages.
	flooded bool
}

func newChaosRun(cfg ChaosConfig) (*chaosRun, error) {
	s := view.DefaultSettings()
	if cfg.Settings != nil {
		s = *cfg.Settings
	}
	s.Seed, s.Nodes = cfg.Seed, cfg.Nodes
	w, err := New(s)
	if err != nil {
		return nil, err
	}
	sess := NewSession(w, nil)
	sess.DiscardTrace() // the outcome needs only the checkers and the history
	sess.DiscardCheckpoints()
	c := &chaosRun{cfg: cfg, settings: s, sess: sess, r: rng{State: uint64(cfg.Seed) ^ 0x5eed_c4a05}, bias: biasFor(s.Rules)}
	c.nextFault = c.r.Between(200, 1200)
	return c, nil
}

// step takes the run to its next fault (with the client calls before it),
// or, past the run's duration, heals everything and lets the cluster
// settle, a second at a step. It reports whether the run is over.
func (c *chaosRun) step() bool {
	if c.done {
		return true
	}
	if end := c.cfg.DurationMs + chaosSettleMs; c.t >= c.cfg.DurationMs {
		// The faults are over: heal, then settle a second at a step.
		if !c.healed {
			c.heal()
			c.healed = true
		}
		c.t = min(c.t+1000, end)
		c.sess.RunUntil(c.t)
		c.done = c.t == end || c.storm()
		return c.done
	}
	for c.t < c.cfg.DurationMs {
		// Two streams of steps: client calls every 20-80 ms (none while
		// a plan runs), and a fault every 200-1200 ms.
		c.t += c.r.Between(20, 80)
		if c.t >= c.nextFault {
			c.t = c.nextFault
			c.sess.RunUntil(c.t)
			c.fault()
			return false
		}
		c.sess.RunUntil(c.t)
		if c.storm() {
			return true
		}
		// A bounded pool of clients, as in a real deployment: it bounds
		// the concurrency the linearizability check must untangle after
		// an outage.
		if c.plan == nil && c.sess.World().Outstanding() < chaosClients {
			_ = c.sess.Do(chaosClientAction(&c.r))
		}
	}
	return false
}

// chaosMessagesPerMs bounds the messages a run may send, per millisecond
// it runs: ten times what nine servers send through the faults of a run
// with every rule kept (under 1), a little more than the most a run with
// a broken rule has sent without flooding (7.5). A run in which the
// servers flood each other (after a broken rule let logs diverge, they
// can send each other the same entries for ever) then ends instead of
// stalling a search.
const chaosMessagesPerMs = 10

// storm ends the run when its servers flood each other.
func (c *chaosRun) storm() bool {
	if flooded(c.sess.World(), c.cfg.DurationMs+chaosSettleMs) {
		c.done, c.flooded = true, true
	}
	return c.done
}

// flooded reports whether w's servers have sent more messages than a run
// of runMs may.
func flooded(w *World, runMs int64) bool {
	sent := 0
	for _, n := range w.stats.MessagesSent {
		sent += n
	}
	return int64(sent) > chaosMessagesPerMs*runMs
}

// fault takes the steps of one fault, or of the plan's next step, and sets
// the time of the next; a step that makes no sense now is simply not
// taken.
func (c *chaosRun) fault() {
	w := c.sess.World()
	var steps []view.Action
	planned := c.plan != nil
	if c.plan == nil {
		switch kind := c.bias.draw(&c.r); kind {
		case fFigure8:
			c.plan, c.next, c.cast = figure8Plan, 0, planCast{}
		case fLoseAck:
			c.plan, c.next, c.cast = loseAckPlan, 0, planCast{}
		default:
			steps = chaosFault(&c.r, w, kind)
		}
	}
	if c.plan != nil {
		planned = true
		var ok bool
		steps, ok = c.plan[c.next].do(&c.r, w, &c.cast)
		c.next++
		if !ok || c.next == len(c.plan) {
			c.plan = nil
		}
	}
	for _, st := range steps {
		if st.Do != "" && c.sess.Do(st) == nil && planned {
			c.planned = append(c.planned, len(c.sess.Actions())-1)
		}
	}
	if c.plan != nil {
		c.nextFault = c.t + c.r.Between(c.plan[c.next].afterMs[0], c.plan[c.next].afterMs[1])
	} else {
		c.nextFault = c.t + c.r.Between(200, 1200)
	}
}

// heal ends the faults: every link healed, no loss, messages and disks
// back to the settings' speed, every server up.
func (c *chaosRun) heal() {
	zero := 0.0
	sess := c.sess
	_ = sess.Do(view.Action{Do: "heal"})
	latency := c.settings.LatencyMs
	_ = sess.Do(view.Action{Do: "network", Network: view.NetworkChange{DropRate: &zero, DuplicateRate: &zero, LatencyMs: &latency}})
	for _, id := range sess.World().Nodes() {
		_ = sess.Do(view.Action{Do: "disk", Node: view.ID(id), FsyncMs: c.settings.FsyncMs})
		if !sess.World().Node(id).Up {
			_ = sess.Do(view.Action{Do: "restart", Node: view.ID(id)})
		}
	}
}

// outcome checks the finished run, the history within budget.
func (c *chaosRun) outcome(budget linBudget) ChaosOutcome {
	w := c.sess.World()
	return ChaosOutcome{
		Seed:            c.cfg.Seed,
		Violations:      w.Violations(),
		Linearizability: checkOps(linParts(w.history.n, w.history.get, w.now), budget),
		Scenario: &view.Scenario{
			Name:        fmt.Sprintf("chaos seed %d", c.cfg.Seed),
			Description: fmt.Sprintf("Recorded by raftsim chaos: %d nodes, %d ms of random faults and client load.", c.cfg.Nodes, c.cfg.DurationMs),
			Settings:    c.settings, Until: w.now, Actions: c.sess.Actions(),
		},
		Stats:   w.stats,
		Calls:   w.history.n,
		planned: c.planned,
	}
}

// chaosClients bounds the client calls outstanding at once in a chaos run.
const chaosClients = 6

// chaosKeys are the keys clients use: enough that the linearizability
// check, which works key by key, stays fast even with writes whose outcome
// is unknown.
var chaosKeys = []string{"a", "b", "c", "d", "e", "f", "g", "h"}

func chaosClientAction(r *rng) view.Action {
	key := chaosKeys[r.Between(0, int64(len(chaosKeys)-1))]
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
