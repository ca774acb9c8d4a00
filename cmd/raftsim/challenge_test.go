package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const challengeFile = `{"name": "S3 leads", "nodes": 5, "seed": 3, "until": 600000,
	"challenge": {"goal": "Get S3 elected without crashing anyone.", "pass": "leaderIs(3)", "forbid": ["crash"]}}`

// TestCLIChallenge: a teacher makes a challenge's link from its file; a
// student's solution link is verified: passed with its code, or another
// code, a forbidden crash, not yet passed, or no challenge at all.
func TestCLIChallenge(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "s3.json")
	require.NoError(t, os.WriteFile(file, []byte(challengeFile), 0o644))

	r := cliRun(t, "challenge", "link", file, "--base", "https://course.example/raftlab/")
	require.Equal(t, 0, r.code, r.stderr)
	link := strings.TrimSpace(r.stdout)
	assert.True(t, strings.HasPrefix(link, "https://course.example/raftlab/#v1."), link)
	l, err := playground.DecodeLink(link)
	require.NoError(t, err)
	require.NotNil(t, l.Scenario.Challenge)

	solve := func(actions []view.Action, at int64) string {
		sc := *l.Scenario
		sc.Actions = actions
		frag, err := playground.EncodeLink(view.Link{Scenario: &sc, AtMs: at})
		require.NoError(t, err)
		return "https://course.example/raftlab/#" + frag
	}
	solved := solve([]view.Action{{At: 700, Do: "transferLeader", To: 3}}, 4000)
	r = cliRun(t, "challenge", "verify", solved)
	require.Equal(t, 0, r.code, r.stdout+r.stderr)
	m := regexp.MustCompile(`^PASS S3 leads: passed at \d+\.\d{3} s, result code ([0-9A-F]{4}-[0-9A-F]{4})\n$`).FindStringSubmatch(r.stdout)
	require.NotNil(t, m, r.stdout)
	code := m[1]
	saved := filepath.Join(dir, "raftlab-link.txt")
	require.NoError(t, os.WriteFile(saved, []byte(solved+"\n"), 0o644))
	r = cliRun(t, "challenge", "verify", saved, "--code", strings.ToLower(code))
	assert.Equal(t, 0, r.code, "a file holding the link, the code in any case: %s", r.stdout)

	r = cliRun(t, "challenge", "verify", solved, "--code", "0000-0000")
	assert.Equal(t, 1, r.code)
	assert.Contains(t, r.stdout, "with result code "+code+", not 0000-0000")

	r = cliRun(t, "challenge", "verify", solve([]view.Action{{At: 700, Do: "crash", Node: 1}, {At: 900, Do: "transferLeader", To: 3}}, 4000))
	assert.Equal(t, 1, r.code)
	assert.Equal(t, "FAIL S3 leads: failed at 0.700 s: crash was used, and the challenge forbids it\n", r.stdout)

	r = cliRun(t, "challenge", "verify", link)
	assert.Equal(t, 1, r.code)
	assert.Equal(t, "FAIL S3 leads: not passed by 0.000 s, the moment the solution shows\n", r.stdout)

	r = cliRun(t, "challenge", "verify", cliScenarios+"leader-crash.json")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "its scenario sets no challenge")
	r = cliRun(t, "challenge", "verify", solved[:len(solved)/2])
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "the link is damaged")
	assert.Equal(t, 1, strings.Count(r.stderr, "\n"), r.stderr)
	scripted := filepath.Join(dir, "scripted.json")
	require.NoError(t, os.WriteFile(scripted, []byte(strings.Replace(challengeFile, `"until"`, `"steps": [{"at": 5, "do": "crash", "node": 2}], "until"`, 1)), 0o644))
	r = cliRun(t, "challenge", "link", scripted)
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, `step 0: the challenge forbids "crash", so its own script cannot use it`)
	odd := filepath.Join(dir, "odd.json")
	require.NoError(t, os.WriteFile(odd, []byte(strings.Replace(challengeFile, `"leaderIs(3)"`, `"leaderIs(3"`, 1)), 0o644))
	r = cliRun(t, "challenge", "link", odd)
	assert.Equal(t, 2, r.code, "a challenge that cannot be judged gets no link")
	assert.Contains(t, r.stderr, "challenge.pass: ")
	r = cliRun(t, "challenge", "link", file, "--base", "ftp://host/")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, `--base "ftp://host/": an http or https address`)
	r = cliRun(t, "challenge", "frob")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, `unknown command "frob"`)
}
