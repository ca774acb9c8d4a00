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

// runChaos is raftsim chaos: random faults over many seeds, each checked
// for safety and linearizability. Exit 0 when every seed passes, 1 when
// one fails, 2 for bad flags or a seed that cannot run or be saved.
func runChaos(args []string, lang i18n.Lang, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("raftsim chaos", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	seeds := fs.Int("seeds", 20, "how many seeds to run")
	first := fs.Int64("first-seed", 1, "the first seed")
	nodes := fs.Int("nodes", 5, "nodes in the cluster (1..9)")
	duration := fs.Int64("duration", 20000, "virtual milliseconds of faults per seed")
	out := fs.String("out", "chaos-failures", "folder for scenario files that reproduce failures")
	pos, err := parseInterspersed(fs, args)
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
	if err != nil {
		fmt.Fprintf(stderr, "raftsim chaos: %v\n%s", err, lang.T("raftsim.usage"))
		return 2
	}
	failed := 0
	for i := range *seeds {
		seed := *first + int64(i)
		bad, line := runChaosSeed(playground.ChaosConfig{Seed: seed, Nodes: *nodes, DurationMs: *duration}, i+1, *seeds, *out, lang, stdout)
		if line != "" {
			fmt.Fprintf(stderr, "raftsim chaos: %s\n", line)
			return 2
		}
		if bad {
			failed++
		}
	}
	fmt.Fprintf(stdout, "%s\n", lang.T("raftsim.chaos.failed", failed, *seeds))
	if failed > 0 {
		return 1
	}
	return 0
}

// runChaosSeed runs one seed, the n-th of total, and prints its line; a
// failed seed also gets its violations and the scenario file, saved in
// dir, that reproduces it. It reports whether the seed failed, or the line
// to print when it could not run or save.
func runChaosSeed(cfg playground.ChaosConfig, n, total int, dir string, lang i18n.Lang, stdout io.Writer) (failed bool, problem string) {
	o, err := playground.RunChaos(cfg)
	if err != nil {
		return false, lang.T("raftsim.chaos.seed-error", cfg.Seed, i18n.ErrorIn(err, lang))
	}
	status := "ok"
	if o.Failed() {
		status = "FAILED"
	}
	fmt.Fprintf(stdout, "%s\n", lang.T("raftsim.chaos.seed", n, total, cfg.Seed, status, o.Calls, o.Stats.Elections, o.Linearizability))
	if !o.Failed() {
		return false, ""
	}
	for _, v := range o.Violations {
		fmt.Fprintf(stdout, "  %s\n", lang.T("raftsim.chaos.violation", cfg.Seed, v.AtMs, view.PropertyName(v.Property, lang), v.MessageIn(lang)))
	}
	if o.Linearizability == "illegal" {
		// The outcome keeps no history: the seed's scenario replays it.
		if e, err := playground.ExplainScenario(o.Scenario); err == nil {
			printLinExplanation(stdout, e, lang)
		}
	}
	path, err := saveScenario(dir, o)
	if err != nil {
		return true, err.Error()
	}
	fmt.Fprintf(stdout, "  %s\n", lang.T("raftsim.chaos.reproduce", path))
	return true, ""
}

func saveScenario(dir string, o playground.ChaosOutcome) (string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	data, err := playground.MarshalScenario(o.Scenario)
	if err != nil {
		return "", err
	}
	path := filepath.Join(dir, fmt.Sprintf("chaos-seed-%d.json", o.Seed))
	return path, os.WriteFile(path, append(data, '\n'), 0o644)
}
