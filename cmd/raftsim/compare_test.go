package main

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/playground/view"
)

// A bundled scenario agrees on both engines, in a table of what may
// differ; the same comparison twice prints the same bytes.
func TestCLICompareAgrees(t *testing.T) {
	r := cliRun(t, "compare", cliScenarios+"stale-read.json")
	require.Equal(t, 0, r.code, "%s%s", r.stdout, r.stderr)
	assert.Contains(t, r.stdout, "The engines agree: 2 committed writes, 4 client calls (same results, in the same order), 1 keys in the store, linearizability illegal.")
	for _, row := range []string{"raftlab              etcd", "terms at the end", "elections", "AppendEntries", "4. client 1: get x"} {
		assert.Contains(t, r.stdout, row)
	}
	assert.Equal(t, r.stdout, cliRun(t, "compare", cliScenarios+"stale-read.json").stdout)
}

// A local read that races a commit is answered from a follower's state:
// the engines commit a few milliseconds apart, and the read returns
// differently. compare names the call and both answers, and exits 1; in
// Chinese too, as JSON, and for a share link.
func TestCLICompareDiverges(t *testing.T) {
	const race = "testdata/local-read-race.json"
	r := cliRun(t, "compare", race)
	require.Equal(t, 1, r.code, "%s%s", r.stdout, r.stderr)
	assert.Contains(t, r.stdout, "The engines diverge. The first difference:\n  client call 2, client 2's get x: on raftlab it returned \"1\", on etcd “not found”\n")
	zh := cliRun(t, "--lang", "zh-CN", "compare", race)
	assert.Equal(t, 1, zh.code)
	assert.Contains(t, zh.stdout, "第 2 次客户端调用（客户端 2 的 get x）：在 raftlab 上返回 \"1\"，在 etcd 上返回 “未找到”")
	j := cliRun(t, "compare", race, "--json")
	assert.Equal(t, 1, j.code)
	var doc struct {
		Agree      bool
		Difference string
		Engines    []struct {
			Engine  string
			OK      bool
			Returns []*int64
		}
	}
	require.NoError(t, json.Unmarshal([]byte(j.stdout), &doc))
	assert.False(t, doc.Agree)
	assert.Contains(t, doc.Difference, "client call 2")
	require.Len(t, doc.Engines, 2)
	for i, e := range doc.Engines {
		assert.Equal(t, []string{"raftlab", "etcd"}[i], e.Engine)
		assert.True(t, e.OK, "the scenario's checks pass on %s", e.Engine)
		assert.Len(t, e.Returns, 2)
	}
	// A share link of the run, at a moment after the read, diverges the
	// same way.
	data, err := os.ReadFile(race)
	require.NoError(t, err)
	sc, err := playground.ParseScenario(data)
	require.NoError(t, err)
	link, err := playground.EncodeLink(view.Link{Scenario: sc, AtMs: 300})
	require.NoError(t, err)
	byLink := cliRun(t, "compare", "--link", "https://raftlab.example/#"+link)
	assert.Equal(t, 1, byLink.code, byLink.stderr)
	assert.Contains(t, byLink.stdout, "ended at 300 ms")
	assert.Contains(t, byLink.stdout, "client call 2, client 2's get x")
	// Stopped before the read, the runs agree: the put is under way on
	// both.
	before := cliRun(t, "compare", race, "--until", "120")
	assert.Equal(t, 0, before.code, before.stdout)
	assert.Contains(t, before.stdout, "1 client calls")
}

// Bad input is a line and exit 2: no file, two, a scenario with a
// teaching switch (etcd's raft has none), a bad --until.
func TestCLICompareBadInput(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{nil, "want exactly one scenario file, got 0"},
		{[]string{"a.json", "b.json"}, "want exactly one scenario file, got 2"},
		{[]string{cliScenarios + "figure8.json"}, "figure8.json: the teaching switches (rules, and leaderNoop off) belong to RaftLab's engine: etcd's raft has none\n"},
		{[]string{cliScenarios + "leader-crash.json", "--until", "-5"}, "--until must not be negative"},
		{[]string{"no-such-file.json"}, "no-such-file.json: "},
	} {
		r := cliRun(t, append([]string{"compare"}, c.args...)...)
		assert.Equal(t, 2, r.code, c.args)
		assert.Contains(t, r.stderr, c.want, c.args)
		assert.Empty(t, r.stdout, c.args)
		first, _, _ := strings.Cut(r.stderr, "\n")
		assert.Contains(t, first, strings.TrimSuffix(c.want, "\n"), "the first line says it")
	}
}

// raftsim chaos --engine etcd passes a few seeds at 3 and 5 servers, and
// refuses a teaching switch in a line.
func TestCLIChaosEtcd(t *testing.T) {
	for _, nodes := range []string{"3", "5"} {
		r := cliRun(t, "chaos", "--engine", "etcd", "--nodes", nodes, "--seeds", "4", "--duration", "5000")
		require.Equal(t, 0, r.code, "%s%s", r.stdout, r.stderr)
		assert.Equal(t, 4, strings.Count(r.stdout, ": ok ("), r.stdout)
		assert.True(t, strings.HasSuffix(r.stdout, "0 of 4 seeds failed\n"), r.stdout)
	}
	r := cliRun(t, "chaos", "--engine", "etcd", "--rule", "ackBeforeFsync")
	assert.Equal(t, 2, r.code)
	assert.True(t, strings.HasPrefix(r.stderr, "raftsim chaos: --rule ackBeforeFsync is a teaching switch of RaftLab's engine: etcd's raft has none (drop --rule, or --engine etcd)\nusage:"), r.stderr)
	r = cliRun(t, "chaos", "--engine", "etdc")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, `--engine: unknown engine "etdc"`)
}
