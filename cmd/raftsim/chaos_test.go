package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/raftlab/raftlab/playground"
)

// Each teaching switch that can break safety is caught by the default
// budget, shrunk to at most playground.MinimizeTarget steps, and the file
// written fails again under raftsim run.
func TestCLIChaosMinimize(t *testing.T) {
	for _, rule := range []string{"commitOldTermsByCounting", "skipElectionRestriction", "ackBeforeFsync"} {
		t.Run(rule, func(t *testing.T) {
			out := t.TempDir()
			r := cliRun(t, "chaos", "--rule", rule, "--minimize", "--out", out)
			require.Equal(t, 1, r.code, "stdout:\n%s\nstderr:\n%s", r.stdout, r.stderr)
			m := regexp.MustCompile(`(?m)^minimized: \d+ steps down to (\d+), in \d+ replays:\n((?:  \{.*\}\n)+)breaks .+ at \d+ ms\nreproduce with: raftsim run (.+)\n$`).FindStringSubmatch(r.stdout)
			require.NotNil(t, m, r.stdout)
			steps := strings.Count(m[2], "\n")
			assert.Equal(t, m[1], strconv.Itoa(steps), "a line a step")
			assert.LessOrEqual(t, steps, playground.MinimizeTarget)
			data, err := os.ReadFile(m[3])
			require.NoError(t, err)
			sc, err := playground.ParseScenario(data)
			require.NoError(t, err)
			assert.Len(t, sc.Actions, steps)
			assert.Equal(t, filepath.Dir(m[3]), out)
			replay := cliRun(t, "run", m[3])
			assert.Equal(t, 1, replay.code, "the minimized run fails again:\n%s", replay.stdout)
			assert.Contains(t, replay.stdout, "VIOLATION")
		})
	}
}

// With no switch on, a search finds nothing, and says so.
func TestCLIChaosMinimizeNothing(t *testing.T) {
	out := t.TempDir()
	r := cliRun(t, "chaos", "--seeds", "30", "--duration", "5000", "--minimize", "--out", out)
	require.Equal(t, 0, r.code, "stdout:\n%s\nstderr:\n%s", r.stdout, r.stderr)
	assert.True(t, strings.HasSuffix(r.stdout, "found nothing in 30 runs\n"), r.stdout)
	entries, err := os.ReadDir(out)
	require.NoError(t, err)
	assert.Empty(t, entries)
}

func TestCLIChaosBadSearchFlags(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--rule", "skipLeaderNoOp"}, `unknown rule "skipLeaderNoOp" (the rules: commitOldTermsByCounting, skipElectionRestriction, fixedElectionTimeout, ackBeforeFsync)`},
		{[]string{"--feature", "preVote"}, `--feature wants NAME=VALUE, not "preVote"`},
		{[]string{"--feature", "prevote=false"}, `unknown feature "prevote" (the features: preVote, checkQuorum,`},
		{[]string{"--feature", "preVote=no"}, `feature preVote: "no" is not true or false`},
		{[]string{"--feature", "readMode=fast"}, `feature readMode: "fast" is not readIndex, lease or local`},
		{[]string{"--feature", "latencyMs=10"}, `feature latencyMs: "10" is not MIN-MAX in milliseconds`},
		{[]string{"--feature", "readMode=lease", "--feature", "checkQuorum=false"}, "lease"},
		{[]string{"--feature", "dropRate=2"}, "dropRate"},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			r := cliRun(t, append([]string{"chaos"}, tc.args...)...)
			assert.Equal(t, 2, r.code)
			assert.Empty(t, r.stdout, "no seed ran")
			first, _, _ := strings.Cut(r.stderr, "\n")
			assert.True(t, strings.HasPrefix(first, "raftsim chaos: "), r.stderr)
			assert.Contains(t, first, tc.want, "the first line names the problem")
		})
	}
}

func TestCLIChaosHelp(t *testing.T) {
	r := cliRun(t, "chaos", "--help")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "--rule NAME")
	assert.Contains(t, r.stdout, "The default budget is 300 seeds of 20000 ms of faults each")
}
