package playground

import (
	"slices"

	"github.com/raftlab/raftlab/playground/view"
)

// DefaultSearchRuns and DefaultSearchDurationMs are a search's default
// budget: 300 runs of 20 s of faults (each then 5 s to settle), a few
// seconds of work. Steered, every teaching switch that can break safety
// fails within it, most in the first few dozen runs.
const (
	DefaultSearchRuns       = 300
	DefaultSearchDurationMs = 20_000
)

// searchCheckBudget bounds the linearizability check of each run of a
// search (a fiftieth of checkBudget, a few milliseconds at most): a
// history it cannot settle counts as not failed, so that no run stalls a
// search.
var searchCheckBudget = linBudget{perKey: 40_000, total: 100_000}

// SearchConfig sets up a search for a run that fails.
type SearchConfig struct {
	// Settings are the cluster's: its size, its engine, its teaching
	// switches and the features named in Pinned, which the search keeps;
	// it draws the other features afresh for each run (on etcd's engine,
	// never leaderNoop off: etcd's raft always appends its no-op).
	Settings view.Settings
	Pinned   []string
	// Runs is the budget: how many runs, seeds FirstSeed on, of
	// DurationMs of faults each.
	Runs       int
	FirstSeed  int64
	DurationMs int64
	// StopAtFailure ends the search at the first run that fails;
	// Minimize then also shrinks it.
	StopAtFailure, Minimize bool
	// OnRun, when set, is told of each run as it ends (n counts from 1).
	OnRun func(n int, o ChaosOutcome)
}

// Search looks for a run that breaks safety or linearizability, then
// shrinks it. It is a stepper: each Step does a small slice of the work
// (a fault of one run, or one replay while minimizing), so that an app on
// one thread can run it a few milliseconds a frame, show its Progress and
// Stop it.
//
// A shrunk run longer than MinimizeTarget steps sends the search on to
// the next failure, up to minimizeAttempts of them, and the smallest is
// kept: how far a failure shrinks depends on its run.
type Search struct {
	cfg    SearchConfig
	run    *chaosRun
	runs   int
	failed int
	first  *ChaosOutcome
	// min shrinks the failure minOf; best is the smallest shrunk so far,
	// of bestOf; attempts counts the failures shrunk.
	min, best     *minimizer
	minOf, bestOf ChaosOutcome
	attempts      int
	// tries counts the replays of every shrinking.
	tries   int
	stopped bool
}

// MinimizeTarget is the most steps a shrunk failure should have.
const MinimizeTarget = 12

// minimizeAttempts is how many failures a search shrinks at most.
const minimizeAttempts = 5

// SearchProgress is how far a search has gone.
type SearchProgress = view.SearchProgress

// SearchResult is what a search found: what the app is told, and the
// run that failed, as it ran (the first, or, when minimized, the one
// that shrank furthest; SearchFound's Scenario is it shrunk).
type SearchResult struct {
	view.SearchFound
	Failure ChaosOutcome
}

// NewSearch checks the configuration and starts a search.
func NewSearch(cfg SearchConfig) (*Search, error) {
	if err := cfg.Settings.Validate(); err != nil {
		return nil, err
	}
	return &Search{cfg: cfg}, nil
}

// Done reports whether the search has finished.
func (s *Search) Done() bool {
	if s.stopped {
		return true
	}
	if s.min != nil {
		return false
	}
	return s.runs >= s.cfg.Runs || s.cfg.StopAtFailure && s.first != nil && s.settled()
}

// settled reports whether the failures found need no more shrinking.
func (s *Search) settled() bool {
	return !s.cfg.Minimize || s.best != nil && (len(s.best.cur) <= MinimizeTarget || s.attempts >= minimizeAttempts)
}

// Stop ends the search; Result has what it found so far (a failure found
// is kept, shrunk as far as it got).
func (s *Search) Stop() { s.stopped = true }

// Step does the next slice of the search.
func (s *Search) Step() {
	if s.Done() {
		return
	}
	if s.min != nil {
		s.tries++
		s.min.step()
		if s.min.done() {
			if s.best == nil || len(s.min.cur) < len(s.best.cur) {
				s.best, s.bestOf = s.min, s.minOf
			}
			s.min = nil
		}
		return
	}
	if s.run == nil {
		seed := s.cfg.FirstSeed + int64(s.runs)
		st := searchSettings(s.cfg.Settings, s.cfg.Pinned, seed)
		run, err := newChaosRun(ChaosConfig{Seed: seed, Nodes: st.Nodes, DurationMs: s.cfg.DurationMs, Settings: &st})
		if err != nil { // (searchSettings keeps the settings valid)
			panic(err)
		}
		s.run = run
	}
	if !s.run.done {
		s.run.step()
		return
	}
	// (The check in a step of its own: a step does one thing.)
	o := s.run.outcome(searchCheckBudget)
	s.run = nil
	s.runs++
	if s.cfg.OnRun != nil {
		s.cfg.OnRun(s.runs, o)
	}
	if !o.Failed() {
		return
	}
	s.failed++
	if s.first == nil {
		s.first = &o
	}
	if s.cfg.Minimize && !s.settled() {
		s.min, s.minOf = newMinimizer(o), o
		s.attempts++
	}
}

// Progress reports how far the search has gone.
func (s *Search) Progress() SearchProgress {
	p := SearchProgress{Runs: s.runs, Budget: s.cfg.Runs, Failed: s.failed}
	if m := s.shrinking(); m != nil {
		p.Minimizing, p.Tries, p.Steps = s.min != nil, s.tries, len(m.cur)
	}
	return p
}

// shrinking is the minimizer of the failure the search stands on: the one
// at work, else the best.
func (s *Search) shrinking() *minimizer {
	if s.min != nil && (s.best == nil || len(s.min.cur) < len(s.best.cur)) {
		return s.min
	}
	return s.best
}

// Result is what the search found (so far, if it is not done).
func (s *Search) Result() SearchResult {
	r := SearchResult{SearchFound: view.SearchFound{Runs: s.runs, Stopped: s.stopped}}
	if s.first == nil {
		return r
	}
	r.Found, r.Failure, r.Scenario = true, *s.first, s.first.Scenario
	if len(s.first.Violations) > 0 {
		r.Property, r.AtMs = s.first.Violations[0].Property, s.first.Violations[0].AtMs
	}
	if m := s.shrinking(); m != nil {
		of := s.bestOf
		if m == s.min {
			of = s.minOf
		}
		r.Failure, r.Scenario, r.Property, r.AtMs = of, m.minimized(of.Seed), m.property, m.at
	}
	for _, a := range r.Scenario.Actions {
		r.Steps = append(r.Steps, StepLine(a))
	}
	return r
}

// searchSettings are a run's settings: base, with the features not
// pinned drawn from the seed, then steered toward what exposes base's
// teaching switches.
func searchSettings(base view.Settings, pinned []string, seed int64) view.Settings {
	s := base
	s.Seed = seed
	r := rng{State: uint64(seed) ^ 0xfea7_5eed}
	free := func(name string) bool { return !slices.Contains(pinned, name) }
	coin := func() bool { return r.Between(0, 1) == 0 }
	if free("preVote") {
		s.PreVote = coin()
	}
	if free("checkQuorum") {
		s.CheckQuorum = coin()
	}
	if free("leaderNoop") {
		// (Drawn on every engine, so that a seed draws the same other
		// features on both.)
		s.LeaderNoop = r.Between(0, 3) > 0 || s.Engine == view.EngineEtcd
	}
	if free("fastBacktrack") {
		s.FastBacktrack = coin()
	}
	if free("snapshotEvery") {
		s.SnapshotEvery = []uint64{0, 0, 20, 100}[r.Between(0, 3)]
	}
	if free("readMode") {
		// (Only the safe modes: local reads are stale by design.)
		s.ReadMode = []view.ReadMode{view.ReadIndexRead, view.LeaseRead}[r.Between(0, 1)]
	}
	if s.Rules.CommitOldTermsByCounting {
		// Figure 8 needs a new leader without an entry of its term (no
		// no-op), and a returning server that wins at once.
		for _, f := range []struct {
			name string
			on   *bool
		}{{"leaderNoop", &s.LeaderNoop}, {"preVote", &s.PreVote}, {"checkQuorum", &s.CheckQuorum}} {
			if free(f.name) {
				*f.on = false
			}
		}
	}
	if s.ReadMode == view.LeaseRead && !s.CheckQuorum {
		// (Lease reads need CheckQuorum; Validate refused the pair if
		// both were pinned.)
		if free("readMode") {
			s.ReadMode = view.ReadIndexRead
		} else {
			s.CheckQuorum = true
		}
	}
	return s
}
