package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
)

// listFlag is a flag that may be given again and again.
type listFlag []string

func (l *listFlag) String() string     { return fmt.Sprint(*l) }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

// runChaos is raftsim chaos: random faults over many seeds, each checked
// for safety and linearizability; with --minimize it stops at the first
// failure and shrinks it. Exit 0 when every seed passes, 1 when one fails,
// 2 for bad flags or a seed that cannot run or be saved.
func runChaos(args []string, lang i18n.Lang, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("raftsim chaos", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	seeds := fs.Int("seeds", playground.DefaultSearchRuns, "how many seeds to run")
	first := fs.Int64("first-seed", 1, "the first seed")
	nodes := fs.Int("nodes", 5, "nodes in the cluster (1..9)")
	duration := fs.Int64("duration", playground.DefaultSearchDurationMs, "virtual milliseconds of faults per seed")
	out := fs.String("out", "chaos-failures", "folder for scenario files that reproduce failures")
	minimize := fs.Bool("minimize", false, "stop at the first failure and shrink it")
	engine := fs.String("engine", view.EngineRaftLab.String(), "search on this Raft engine: raftlab or etcd")
	var rules, features listFlag
	fs.Var(&rules, "rule", "a teaching switch to turn on")
	fs.Var(&features, "feature", "NAME=VALUE: a setting the search keeps")
	pos, err := parseInterspersed(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stdout, lang.T("raftsim.chaos.help", playground.DefaultSearchRuns, playground.DefaultSearchDurationMs))
		return 0
	}
	switch {
	case err != nil:
	case len(pos) > 0:
		err = errors.New(lang.T("raftsim.chaos.argument", pos[0]))
	case *seeds < 1:
		err = errors.New(lang.T("raftsim.chaos.seeds"))
	case *nodes < 1 || *nodes > view.MaxNodes:
		err = errors.New(lang.T("raftsim.chaos.nodes", view.MaxNodes))
	case *duration < 0:
		err = errors.New(lang.T("raftsim.chaos.duration"))
	case *duration > playground.MaxChaosDurationMs:
		err = errors.New(lang.T("raftsim.chaos.duration-limit", playground.MaxChaosDurationMs, *duration))
	}
	var cfg playground.SearchConfig
	if err == nil {
		cfg, err = chaosSearch(*nodes, *engine, rules, features)
	}
	if err != nil {
		fmt.Fprintf(stderr, "raftsim chaos: %s\n%s", i18n.ErrorIn(err, lang), lang.T("raftsim.usage"))
		return 2
	}
	cfg.Runs, cfg.FirstSeed, cfg.DurationMs = *seeds, *first, *duration
	cfg.StopAtFailure, cfg.Minimize = *minimize, *minimize
	var problem string
	cfg.OnRun = func(n int, o playground.ChaosOutcome) {
		if problem == "" {
			problem = reportChaosSeed(o, n, *seeds, *out, !*minimize, lang, stdout)
		}
	}
	s, err := playground.NewSearch(cfg)
	if err != nil {
		fmt.Fprintf(stderr, "raftsim chaos: %s\n", i18n.ErrorIn(err, lang))
		return 2
	}
	for !s.Done() && problem == "" {
		s.Step()
	}
	if problem == "" && *minimize && s.Result().Found {
		problem = reportMinimized(s, *out, lang, stdout)
	}
	if problem != "" {
		fmt.Fprintf(stderr, "raftsim chaos: %s\n", problem)
		return 2
	}
	p := s.Progress()
	if *minimize && p.Failed == 0 {
		fmt.Fprintf(stdout, "%s\n", lang.T("raftsim.chaos.nothing", p.Runs))
		return 0
	}
	if !*minimize {
		fmt.Fprintf(stdout, "%s\n", lang.T("raftsim.chaos.failed", p.Failed, p.Runs))
	}
	if p.Failed > 0 {
		return 1
	}
	return 0
}

// chaosSearch is the search the flags ask for: nodes servers on the
// engine named, the rules turned on, the features set and kept.
func chaosSearch(nodes int, engine string, rules, features []string) (playground.SearchConfig, error) {
	s := view.DefaultSettings()
	s.Nodes = nodes
	e, ok := view.ParseEngine(engine)
	switch {
	case !ok:
		return playground.SearchConfig{}, i18n.Errorf("compare.chaos.engine", i18n.Msg("scenario.engine", engine))
	case !playground.HasEngine(e):
		return playground.SearchConfig{}, i18n.Errorf("scenario.settings.engine-absent", e)
	case e == view.EngineEtcd && len(rules) > 0:
		return playground.SearchConfig{}, i18n.Errorf("compare.chaos.etcd-rule", rules[0])
	}
	s.Engine = e
	for _, r := range rules {
		if err := playground.SetRule(&s, r); err != nil {
			return playground.SearchConfig{}, err
		}
	}
	var pinned []string
	for _, f := range features {
		name, err := playground.SetFeature(&s, f)
		if err != nil {
			return playground.SearchConfig{}, err
		}
		pinned = append(pinned, name)
	}
	if err := s.Validate(); err != nil {
		return playground.SearchConfig{}, err
	}
	return playground.SearchConfig{Settings: s, Pinned: pinned}, nil
}

// chaosViolationLines is how many of a seed's violations are printed: a
// broken rule often breaks the same property at every index after.
const chaosViolationLines = 5

// reportChaosSeed prints a seed's line, the n-th of total; a failed seed
// also gets its violations and, when save is set, the scenario file,
// saved in dir, that reproduces it. It returns the line to print when the
// file could not be saved.
func reportChaosSeed(o playground.ChaosOutcome, n, total int, dir string, save bool, lang i18n.Lang, stdout io.Writer) string {
	status := "ok"
	if o.Failed() {
		status = "FAILED"
	}
	fmt.Fprintf(stdout, "%s\n", lang.T("raftsim.chaos.seed", n, total, o.Seed, status, o.Calls, o.Stats.Elections, o.Linearizability))
	if !o.Failed() {
		return ""
	}
	for _, v := range o.Violations[:min(len(o.Violations), chaosViolationLines)] {
		fmt.Fprintf(stdout, "  %s\n", lang.T("raftsim.chaos.violation", o.Seed, v.AtMs, view.PropertyName(v.Property, lang), v.MessageIn(lang)))
	}
	if more := len(o.Violations) - chaosViolationLines; more > 0 {
		fmt.Fprintf(stdout, "  %s\n", lang.T("raftsim.chaos.more-violations", more))
	}
	if o.Linearizability == "illegal" {
		// The outcome keeps no history: the seed's scenario replays it.
		if e, err := playground.ExplainScenario(o.Scenario); err == nil {
			printLinExplanation(stdout, e, lang)
		}
	}
	if !save {
		return ""
	}
	path, err := saveScenario(dir, fmt.Sprintf("chaos-seed-%d.json", o.Seed), o.Scenario)
	if err != nil {
		return err.Error()
	}
	fmt.Fprintf(stdout, "  %s\n", lang.T("raftsim.chaos.reproduce", path))
	return ""
}

// reportMinimized prints the smallest failing run the search found, a
// step a line, and the moment it fails, and saves it in dir.
func reportMinimized(s *playground.Search, dir string, lang i18n.Lang, stdout io.Writer) string {
	r, p := s.Result(), s.Progress()
	sc := r.Scenario
	fmt.Fprintf(stdout, "%s\n", lang.T("raftsim.chaos.minimized", len(r.Failure.Scenario.Actions), len(sc.Actions), p.Tries))
	for _, line := range r.Steps {
		fmt.Fprintf(stdout, "  %s\n", line)
	}
	if r.Property != "" {
		fmt.Fprintf(stdout, "%s\n", lang.T("raftsim.chaos.breaks", view.PropertyName(r.Property, lang), r.AtMs))
	} else {
		fmt.Fprintf(stdout, "%s\n", lang.T("raftsim.chaos.not-linearizable", sc.Until))
	}
	path, err := saveScenario(dir, fmt.Sprintf("chaos-seed-%d-min.json", r.Failure.Seed), sc)
	if err != nil {
		return err.Error()
	}
	fmt.Fprintf(stdout, "%s\n", lang.T("raftsim.chaos.reproduce", path))
	return ""
}

func saveScenario(dir, name string, sc *view.Scenario) (string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	data, err := playground.MarshalScenario(sc)
	if err != nil {
		return "", err
	}
	path := filepath.Join(dir, name)
	return path, os.WriteFile(path, append(data, '\n'), 0o644)
}
