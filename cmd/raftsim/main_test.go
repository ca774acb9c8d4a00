package main

import (
	"bufio"
	"bytes"
	"encoding/json"
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

const cliScenarios = "../../playground/scenarios/"

// cliResult is what one invocation of run gave.
type cliResult struct {
	code           int
	stdout, stderr string
}

// cliRun runs the command line in-process, failing the test on a panic.
func cliRun(t *testing.T, args ...string) cliResult {
	t.Helper()
	var out, errOut bytes.Buffer
	code := func() (code int) {
		defer func() {
			if r := recover(); r != nil {
				t.Fatalf("raftsim %s panicked: %v", strings.Join(args, " "), r)
			}
		}()
		return run(args, &out, &errOut)
	}()
	r := cliResult{code: code, stdout: out.String(), stderr: errOut.String()}
	for _, s := range []string{r.stdout, r.stderr} {
		assert.NotContains(t, s, "goroutine ", "no stack traces")
		assert.NotContains(t, s, "panic", "no panics")
	}
	return r
}

// cliWrite writes a file into a fresh temporary folder and returns its
// path.
func cliWrite(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(path, []byte(content), 0o644))
	return path
}

func TestCLIRunPassingScenario(t *testing.T) {
	r := cliRun(t, "run", cliScenarios+"log-replication.json")
	require.Equal(t, 0, r.code, "stdout:\n%s\nstderr:\n%s", r.stdout, r.stderr)
	assert.Empty(t, r.stderr)
	assert.Contains(t, r.stdout, "Log replication (seed 1), ended at 1000 ms")
	assert.Contains(t, r.stdout, "no safety violations")
	assert.Contains(t, r.stdout, "linearizability: ok")
	assert.NotContains(t, r.stdout, "FAIL")
	assert.Equal(t, 4, strings.Count(r.stdout, "  ok   at "), "one line per expectation:\n%s", r.stdout)
}

func TestCLIRunViolations(t *testing.T) {
	r := cliRun(t, "run", cliScenarios+"figure8-unsafe.json")
	assert.Equal(t, 1, r.code, "a run that breaks safety fails:\n%s", r.stdout)
	assert.Contains(t, r.stdout, "VIOLATION at ")
	assert.Contains(t, r.stdout, "Leader Completeness")
	assert.Empty(t, r.stderr)
}

// TestCLIRunStaleRead: the summary names the stale read the live check
// found, apart from the safety violations.
func TestCLIRunStaleRead(t *testing.T) {
	r := cliRun(t, "run", cliScenarios+"stale-read.json")
	assert.Equal(t, 0, r.code, "a stale read is no safety violation:\n%s", r.stdout)
	assert.Contains(t, r.stdout, "no safety violations")
	assert.Contains(t, r.stdout, "STALE READ at 1527 ms: client 1's get x got a stale value from S1")
}

func TestCLIRunFailingExpectation(t *testing.T) {
	path := cliWrite(t, "wrong.json", `{
		"name": "wrong", "nodes": 3,
		"steps": [
			{"at": 0, "do": "campaign", "node": 1},
			{"at": 500, "do": "expect", "node": 1, "role": "leader"},
			{"at": 500, "do": "expect", "leader": 2}
		]}`)
	r := cliRun(t, "run", path)
	assert.Equal(t, 1, r.code, r.stdout)
	assert.Contains(t, r.stdout, "ok   at    500 ms")
	assert.Contains(t, r.stdout, "FAIL at    500 ms  failed: S2 leads (leader: S1)")
	assert.Contains(t, r.stdout, "no safety violations")
	assert.Empty(t, r.stderr)
}

// TestCLIBadInput: bad input exits 2 with a message on stderr and nothing
// on stdout.
func TestCLIBadInput(t *testing.T) {
	invalid := cliWrite(t, "invalid.json", `{"name": "bad", "nodes": 3, "steps": [
		{"at": 0, "do": "campaign", "node": 1},
		{"at": 10, "do": "crash", "node": 12}]}`)
	garbage := cliWrite(t, "garbage.json", `{"name": "bad", "nodes": 3} trailing`)
	missing := filepath.Join(t.TempDir(), "nope.json")
	checkBadInput(t, []cliBadCase{
		{"invalid scenario", []string{"run", invalid}, []string{invalid, `steps[1] (crash): field "node": must be a node ID in 1..9, not 12`}, true},
		{"invalid scenario, flags first", []string{"run", "--json", invalid}, []string{invalid, `steps[1] (crash)`}, true},
		{"trailing garbage", []string{"run", garbage}, []string{garbage, "after the JSON object"}, true},
		{"missing file", []string{"run", missing}, []string{missing, "no such file"}, true},
		{"no arguments", nil, []string{"usage:", "raftsim run FILE"}, false},
		{"run without a file", []string{"run"}, []string{"want exactly one scenario file, got 0"}, false},
		{"run with two files", []string{"run", invalid, garbage}, []string{"got 2"}, false},
		{"unknown flag", []string{"run", cliScenarios + "log-replication.json", "--jsn"}, []string{"raftsim run: ", "-jsn"}, false},
		{"bad flag value", []string{"run", cliScenarios + "log-replication.json", "--seed", "many"}, []string{"raftsim run: ", "many"}, false},
		{"negative until", []string{"run", cliScenarios + "log-replication.json", "--until", "-5"}, []string{"--until must not be negative"}, true},
		{"unknown command", []string{"walk"}, []string{`unknown command "walk"`}, false},
	})
}

// cliBadCase is an invocation that must fail as bad input.
type cliBadCase struct {
	name    string
	args    []string
	want    []string // substrings of stderr
	oneLine bool
}

// checkBadInput runs each case and checks it fails with exit code 2, says
// nothing on stdout, names the problem on stderr, and (when oneLine) says
// it in one line that starts with the program's name.
func checkBadInput(t *testing.T, cases []cliBadCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := cliRun(t, tc.args...)
			assert.Equal(t, 2, r.code, "stdout:\n%s\nstderr:\n%s", r.stdout, r.stderr)
			assert.Empty(t, r.stdout)
			for _, w := range tc.want {
				assert.Contains(t, r.stderr, w)
			}
			if tc.oneLine {
				assert.Equal(t, 1, strings.Count(r.stderr, "\n"), "one line: %q", r.stderr)
				assert.True(t, strings.HasPrefix(r.stderr, "raftsim"), "says who is talking: %q", r.stderr)
			}
		})
	}
}

func TestCLIHelp(t *testing.T) {
	r := cliRun(t, "help")
	assert.Equal(t, 0, r.code)
	assert.Contains(t, r.stdout, "raftsim chaos")
}

// cliJSON runs a scenario with --json and decodes the document.
func cliJSON(t *testing.T, wantCode int, args ...string) map[string]any {
	t.Helper()
	r := cliRun(t, append([]string{"run", "--json"}, args...)...)
	require.Equal(t, wantCode, r.code, r.stderr)
	dec := json.NewDecoder(strings.NewReader(r.stdout))
	var doc map[string]any
	require.NoError(t, dec.Decode(&doc))
	_, err := dec.Token()
	require.Error(t, err, "one JSON document and nothing else")
	return doc
}

// cliKinds is the JSON type each field of an object must have: "string",
// "number", "bool", "list", "object", or "list|null" style alternatives.
type cliKinds map[string]string

func cliKind(v any) string {
	switch v.(type) {
	case string:
		return "string"
	case float64:
		return "number"
	case bool:
		return "bool"
	case []any:
		return "list"
	case map[string]any:
		return "object"
	case nil:
		return "null"
	}
	return "?"
}

// cliCheck asserts obj has every field in want with the right type.
func cliCheck(t *testing.T, where string, obj any, want cliKinds) map[string]any {
	t.Helper()
	m, ok := obj.(map[string]any)
	require.True(t, ok, "%s is an object, not %T", where, obj)
	for key, kinds := range want {
		v, ok := m[key]
		if !assert.True(t, ok, "%s has %q (has %v)", where, key, m) {
			continue
		}
		assert.Contains(t, strings.Split(kinds, "|"), cliKind(v), "%s.%s is %s, got %#v", where, key, kinds, v)
	}
	return m
}

func TestCLIRunJSON(t *testing.T) {
	// figure8-unsafe has violations; log-replication has client calls.
	for _, tc := range []struct {
		file string
		code int
	}{{"log-replication.json", 0}, {"figure8-unsafe.json", 1}, {"stale-read.json", 0}} {
		t.Run(tc.file, func(t *testing.T) {
			doc := cliJSON(t, tc.code, cliScenarios+tc.file)
			cliCheck(t, "result", doc, cliKinds{
				"name": "string", "seed": "number", "endMs": "number", "nodes": "list", "expectations": "list",
				"violations": "list", "history": "list", "linearizable": "bool", "stats": "object",
			})
			nodes := doc["nodes"].([]any)
			require.NotEmpty(t, nodes)
			for i, n := range nodes {
				node := cliCheck(t, "node", n, cliKinds{
					"id": "number", "up": "bool", "role": "string", "term": "number", "votedFor": "number",
					"leader": "number", "commitIndex": "number", "appliedIndex": "number", "snapshotIndex": "number",
					"snapshotTerm": "number", "lastIndex": "number", "log": "list", "kv": "object", "members": "list",
				})
				assert.Equal(t, float64(i+1), node["id"], "nodes in ID order")
				for _, e := range node["log"].([]any) {
					cliCheck(t, "log entry", e, cliKinds{"index": "number", "term": "number", "kind": "string", "data": "string"})
				}
				for _, m := range node["members"].([]any) {
					assert.IsType(t, float64(0), m)
				}
				for _, v := range node["kv"].(map[string]any) {
					assert.IsType(t, "", v)
				}
			}
			exps := doc["expectations"].([]any)
			require.NotEmpty(t, exps)
			for _, e := range exps {
				cliCheck(t, "expectation", e, cliKinds{"at": "number", "ok": "bool", "message": "string"})
			}
			for _, v := range doc["violations"].([]any) {
				cliCheck(t, "violation", v, cliKinds{"atMs": "number", "property": "string", "nodes": "list", "message": "string"})
			}
			for _, h := range doc["history"].([]any) {
				hm := cliCheck(t, "history entry", h, cliKinds{
					"client": "number", "op": "string", "key": "string", "callMs": "number",
					"returnMs": "number|null", "ok": "bool", "result": "string|null",
				})
				if hm["op"] == "put" {
					cliCheck(t, "put", h, cliKinds{"value": "string"})
				}
			}
			stats := cliCheck(t, "stats", doc["stats"], cliKinds{
				"messagesSent": "object", "messagesDelivered": "number", "messagesDropped": "number",
				"elections": "number", "leaderChanges": "number",
			})
			sent := cliCheck(t, "messagesSent", stats["messagesSent"], cliKinds{
				"RequestVote": "number", "RequestVoteResponse": "number", "PreVote": "number", "PreVoteResponse": "number",
				"AppendEntries": "number", "AppendEntriesResponse": "number", "InstallSnapshot": "number",
				"InstallSnapshotResponse": "number", "TimeoutNow": "number",
			})
			assert.Len(t, sent, 9)
			assert.Positive(t, sent["AppendEntries"])

			switch tc.file {
			case "log-replication.json":
				assert.Equal(t, "Log replication", doc["name"])
				assert.Equal(t, float64(1), doc["seed"])
				assert.Equal(t, float64(1000), doc["endMs"])
				assert.Empty(t, doc["violations"])
				assert.Equal(t, true, doc["linearizable"])
				require.Len(t, doc["history"], 2)
				h := doc["history"].([]any)[0].(map[string]any)
				assert.Equal(t, "put", h["op"])
				assert.Equal(t, "x", h["key"])
				assert.Equal(t, "1", h["value"])
				assert.Equal(t, float64(200), h["callMs"])
				assert.Equal(t, true, h["ok"])
				n1 := nodes[0].(map[string]any)
				assert.Equal(t, "leader", n1["role"])
				assert.Equal(t, map[string]any{"x": "1", "y": "2"}, n1["kv"])
				assert.Equal(t, []any{float64(1), float64(2), float64(3)}, n1["members"])
				assert.Equal(t, n1["lastIndex"], float64(len(n1["log"].([]any))))
			case "figure8-unsafe.json":
				assert.NotEmpty(t, doc["violations"])
			case "stale-read.json":
				assert.Equal(t, false, doc["linearizable"], "the stale read is not linearizable")
				require.Len(t, doc["staleReads"], 1, "the live check found the stale read")
				assert.Empty(t, doc["violations"], "a stale read is not a safety violation")
			}
		})
	}
}

func TestCLIRunOverrides(t *testing.T) {
	base := cliJSON(t, 0, cliScenarios+"log-replication.json")
	doc := cliJSON(t, 0, cliScenarios+"log-replication.json", "--seed", "7", "--until", "1500")
	assert.Equal(t, float64(7), doc["seed"])
	assert.Equal(t, float64(1500), doc["endMs"])
	// The seed changes the run (election timeouts, latencies).
	assert.NotEqual(t, base["stats"], doc["stats"])

	// Ending before the expectations: none of them are checked.
	doc = cliJSON(t, 0, "--until", "300", cliScenarios+"log-replication.json")
	assert.Equal(t, float64(300), doc["endMs"])
	assert.Empty(t, doc["expectations"])
	assert.Equal(t, float64(1), doc["seed"])
}

// cliReadEvents reads a JSON Lines trace.
func cliReadEvents(t *testing.T, path string) []map[string]any {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	var events []map[string]any
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var e map[string]any
		require.NoError(t, json.Unmarshal(sc.Bytes(), &e), "line %d: %s", len(events)+1, sc.Text())
		events = append(events, e)
	}
	require.NoError(t, sc.Err())
	return events
}

func TestCLIRunEvents(t *testing.T) {
	path := filepath.Join(t.TempDir(), "events.jsonl")
	r := cliRun(t, "run", cliScenarios+"leader-crash.json", "--events", path)
	require.Equal(t, 0, r.code, r.stderr)
	events := cliReadEvents(t, path)
	require.NotEmpty(t, events)
	types := map[string]bool{}
	prev := -1.0
	for i, e := range events {
		at, ok := e["atMs"].(float64)
		require.True(t, ok, "line %d has a numeric atMs: %v", i+1, e)
		typ, ok := e["type"].(string)
		require.True(t, ok, "line %d has a string type: %v", i+1, e)
		require.NotEmpty(t, typ)
		require.NotContains(t, typ, "EventType(", "line %d has a named type", i+1)
		require.GreaterOrEqual(t, at, prev, "line %d goes back in time", i+1)
		prev = at
		types[typ] = true
	}
	for _, typ := range []string{"send", "deliver", "role", "term", "vote", "append", "commit", "apply", "crash", "expect"} {
		assert.True(t, types[typ], "the trace has %q events (has %v)", typ, types)
	}

	// An unwritable events path is bad input, not a crash.
	r = cliRun(t, "run", cliScenarios+"log-replication.json", "--events", filepath.Join(t.TempDir(), "no", "such", "dir.jsonl"))
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "dir.jsonl")
}

// TestCLIRunLink: raftsim run --link runs a share link's scenario to the
// moment it shows, to the same bytes as the file run to that moment; a
// damaged link, or a link and a file, is one line and exit 2.
func TestCLIRunLink(t *testing.T) {
	sc, err := playground.LoadBundled("leader-crash")
	require.NoError(t, err)
	link, err := playground.EncodeLink(view.Link{Scenario: sc, AtMs: 1700})
	require.NoError(t, err)
	byLink := cliRun(t, "run", "--link", "https://raftlab.example/#"+link, "--json")
	byFile := cliRun(t, "run", cliScenarios+"leader-crash.json", "--until", "1700", "--json")
	require.Contains(t, []int{0, 1}, byLink.code, byLink.stderr)
	assert.Equal(t, byFile.stdout, byLink.stdout)
	assert.Contains(t, byLink.stdout, `"endMs": 1700`)

	r := cliRun(t, "run", "--link", link[:len(link)/2])
	assert.Equal(t, 2, r.code)
	assert.Equal(t, "raftsim: --link: the link is damaged: its data is cut short or changed\n", r.stderr)
	r = cliRun(t, "run", "--link", link, cliScenarios+"leader-crash.json")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "give a scenario file or --link, not both")
}

// TestCLIRunTenMinutesOfLoad: ten virtual minutes of 100 writes a second
// on five servers, 60,000 calls, is one step and runs (it was 60,000 put
// steps, over the limit on steps).
func TestCLIRunTenMinutesOfLoad(t *testing.T) {
	path := cliWrite(t, "load.json", `{"name": "load", "nodes": 5, "until": 600000, "steps": [{"at": 10, "do": "load", "rate": 100, "forMs": 599990}]}`)
	r := cliRun(t, "run", path)
	require.Equal(t, 0, r.code, "stdout:\n%s\nstderr:\n%s", r.stdout, r.stderr)
	assert.Contains(t, r.stdout, "no safety violations")
	assert.Contains(t, r.stdout, "59999 client calls")
	assert.Contains(t, r.stdout, "linearizability: ok")
}

// TestCLIDeterminism: two runs of the same scenario print the same bytes
// and write the same trace.
func TestCLIDeterminism(t *testing.T) {
	var outs, traces []string
	for range 2 {
		path := filepath.Join(t.TempDir(), "events.jsonl")
		r := cliRun(t, "run", cliScenarios+"membership-change.json", "--json", "--events", path, "--seed", "3")
		require.Equal(t, 0, r.code, r.stderr)
		data, err := os.ReadFile(path)
		require.NoError(t, err)
		outs, traces = append(outs, r.stdout), append(traces, string(data))
	}
	require.NotEmpty(t, traces[0])
	require.Equal(t, outs[0], outs[1], "stdout")
	require.Equal(t, traces[0], traces[1], "events")

	// The text summary too.
	a, b := cliRun(t, "run", cliScenarios+"split-vote.json"), cliRun(t, "run", cliScenarios+"split-vote.json")
	require.Equal(t, a.stdout, b.stdout)
}

func TestCLIRunReport(t *testing.T) {
	path := filepath.Join(t.TempDir(), "report.html")
	r := cliRun(t, "run", cliScenarios+"log-replication.json", "--report", path)
	require.Equal(t, 0, r.code, r.stderr)
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Contains(t, strings.ToLower(string(data)), "<html")
}

func TestCLIChaos(t *testing.T) {
	out := t.TempDir()
	r := cliRun(t, "chaos", "--seeds", "2", "--duration", "3000", "--first-seed", "5", "--out", out)
	require.Equal(t, 0, r.code, "stdout:\n%s\nstderr:\n%s", r.stdout, r.stderr)
	assert.Empty(t, r.stderr)
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	require.Len(t, lines, 3, r.stdout)
	progress := regexp.MustCompile(`^\[(\d)/2\] seed (\d+): ok \(\d+ client calls, \d+ elections, linearizability ok\)$`)
	for i, want := range []string{"5", "6"} {
		m := progress.FindStringSubmatch(lines[i])
		require.NotNil(t, m, "progress line %q", lines[i])
		assert.Equal(t, want, m[2])
	}
	assert.Equal(t, "0 of 2 seeds failed", lines[2])
	entries, err := os.ReadDir(out)
	require.NoError(t, err)
	assert.Empty(t, entries, "no failures, so nothing to reproduce")
}

func TestCLIChaosBadFlags(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--seeds", "0"}, "--seeds must be at least 1"},
		{[]string{"--nodes", "10"}, "--nodes must be 1..9"},
		{[]string{"--nodes", "0"}, "--nodes must be 1..9"},
		{[]string{"--duration", "-1"}, "--duration must not be negative"},
		{[]string{"--seeds", "two"}, "two"},
		{[]string{"--speed", "3"}, "-speed"},
		{[]string{"extra"}, `unexpected argument "extra"`},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			r := cliRun(t, append([]string{"chaos"}, tc.args...)...)
			assert.Equal(t, 2, r.code)
			assert.Empty(t, r.stdout, "no seed ran")
			assert.True(t, strings.HasPrefix(r.stderr, "raftsim chaos: "), r.stderr)
			assert.Contains(t, r.stderr, tc.want)
		})
	}
}
