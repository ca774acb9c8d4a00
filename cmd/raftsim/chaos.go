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
)

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
	case *nodes < 1 || *nodes > playground.MaxNodes:
		err = errors.New(lang.T("raftsim.chaos.nodes", playground.MaxNodes))
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
		o, err := playground.RunChaos(playground.ChaosConfig{Seed: seed, Nodes: *nodes, DurationMs: *duration})
		if err != nil {
			fmt.Fprintf(stderr, "raftsim chaos: %s\n", lang.T("raftsim.chaos.seed-error", seed, i18n.ErrorIn(err, lang)))
			return 2
		}
		status := "ok"
		if o.Failed() {
			failed++
			status = "FAILED"
		}
		fmt.Fprintf(stdout, "%s\n", lang.T("raftsim.chaos.seed", i+1, *seeds, seed, status, o.Calls, o.Stats.Elections, o.Linearizability))
		if !o.Failed() {
			continue
		}
		for _, v := range o.Violations {
			fmt.Fprintf(stdout, "  %s\n", lang.T("raftsim.chaos.violation", seed, v.AtMs, playground.PropertyName(v.Property, lang), v.MessageIn(lang)))
		}
		path, err := saveScenario(*out, o)
		if err != nil {
			fmt.Fprintf(stderr, "raftsim chaos: %v\n", err)
			return 2
		}
		fmt.Fprintf(stdout, "  %s\n", lang.T("raftsim.chaos.reproduce", path))
	}
	fmt.Fprintf(stdout, "%s\n", lang.T("raftsim.chaos.failed", failed, *seeds))
	if failed > 0 {
		return 1
	}
	return 0
}

func saveScenario(dir string, o playground.ChaosOutcome) (string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	data, err := o.Scenario.Marshal()
	if err != nil {
		return "", err
	}
	path := filepath.Join(dir, fmt.Sprintf("chaos-seed-%d.json", o.Seed))
	return path, os.WriteFile(path, append(data, '\n'), 0o644)
}
