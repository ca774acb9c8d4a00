package main

import (
	"bufio"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// goldenFile holds, for every output TestGoldenOutputs makes, its length
// and SHA-256. The outputs themselves are megabytes; their digests are
// enough to show that a change to the simulator's speed or memory did not
// change one byte of what it prints. RAFTLAB_GOLDEN=update rewrites it
// (only for a change that means to change the output: say why in the
// commit).
const goldenFile = "testdata/golden.txt"

// goldenLong is a scenario file longer and busier than the bundled ones:
// nodes servers, a put every 10 ms and a get every 50 ms for ms virtual
// milliseconds, crashes and restarts of followers and of the leader, and
// the features given (for example snapshots).
func goldenLong(nodes int, ms int64, features string) string {
	keys := "abcdefgh"
	var steps []string
	for at, i := int64(10), 0; at < ms; at, i = at+10, i+1 {
		steps = append(steps, fmt.Sprintf(`{"at": %d, "do": "put", "key": "%c", "value": "%d"}`, at, keys[i%8], i))
		if i%5 == 3 {
			steps = append(steps, fmt.Sprintf(`{"at": %d, "do": "get", "key": "%c"}`, at, keys[(i/5)%8]))
		}
	}
	for _, f := range []struct {
		permille int64
		do       string
		node     int
	}{{100, "crash", 1}, {101, "crash", 2}, {250, "restart", 1}, {300, "restart", 2}, {450, "crash", 3}, {500, "restart", 3}, {700, "crash", nodes}, {800, "restart", nodes}} {
		steps = append(steps, fmt.Sprintf(`{"at": %d, "do": "%s", "node": %d}`, ms*f.permille/1000+5, f.do, f.node))
	}
	slices.SortStableFunc(steps, func(a, b string) int { return cmp.Compare(goldenAt(a), goldenAt(b)) })
	return fmt.Sprintf(`{"name": "long", "nodes": %d, "until": %d, "features": {%s}, "steps": [%s]}`, nodes, ms, features, strings.Join(steps, ",\n"))
}

// goldenAt is a step's time, read back from its JSON.
func goldenAt(step string) int64 {
	var s struct{ At int64 }
	if err := json.Unmarshal([]byte(step), &s); err != nil {
		panic(err)
	}
	return s.At
}

// TestGoldenOutputs runs every bundled scenario, a few longer runs (with
// and without snapshots, 3, 5 and 9 servers) and chaos seeds, and compares
// every byte printed or written (the JSON result, the text summary, the
// trace) with the digests in goldenFile.
func TestGoldenOutputs(t *testing.T) {
	got := map[string][]byte{}
	scenarios, err := filepath.Glob(cliScenarios + "*.json")
	require.NoError(t, err)
	require.NotEmpty(t, scenarios)
	dir := t.TempDir()
	for _, name := range []string{"long3", "long5", "long9", "long5-snapshots"} {
		nodes := int(name[4] - '0')
		features := ""
		if strings.HasSuffix(name, "-snapshots") {
			features = `"snapshotEvery": 50`
		}
		path := filepath.Join(dir, name+".json")
		require.NoError(t, os.WriteFile(path, []byte(goldenLong(nodes, 20_000, features)), 0o644))
		scenarios = append(scenarios, path)
	}
	// A client load step (issue 14): 100 calls a second, a fifth of them
	// reads, on 5 servers.
	load := filepath.Join(dir, "load5.json")
	require.NoError(t, os.WriteFile(load, []byte(`{"name": "load", "nodes": 5, "until": 10000, "steps": [{"at": 100, "do": "load", "rate": 100, "readPct": 20}]}`), 0o644))
	scenarios = append(scenarios, load)
	for _, path := range scenarios {
		name := strings.TrimSuffix(filepath.Base(path), ".json")
		events := filepath.Join(dir, name+".jsonl")
		r := cliRun(t, "run", path, "--json", "--events", events)
		require.Contains(t, []int{0, 1}, r.code, "%s: %s", name, r.stderr)
		got[name+".json"] = []byte(r.stdout)
		trace, err := os.ReadFile(events)
		require.NoError(t, err)
		got[name+".jsonl"] = trace
		got[name+".txt"] = []byte(cliRun(t, "run", path).stdout)
	}
	for _, nodes := range []string{"3", "5", "9"} {
		r := cliRun(t, "chaos", "--seeds", "4", "--nodes", nodes, "--duration", "10000", "--out", filepath.Join(dir, "chaos"))
		got["chaos"+nodes+".txt"] = []byte(r.stdout)
	}

	if os.Getenv("RAFTLAB_GOLDEN") == "update" {
		var b strings.Builder
		for _, name := range slices.Sorted(maps.Keys(got)) {
			sum := sha256.Sum256(got[name])
			fmt.Fprintf(&b, "%s %d %s\n", name, len(got[name]), hex.EncodeToString(sum[:]))
		}
		require.NoError(t, os.WriteFile(goldenFile, []byte(b.String()), 0o644))
		return
	}
	want := readGolden(t)
	require.Len(t, got, len(want), "outputs made and digests kept")
	// A differing output is kept for a diff against the old binary's.
	keep := filepath.Join(os.TempDir(), "raftsim-golden")
	for _, name := range slices.Sorted(maps.Keys(got)) {
		sum := sha256.Sum256(got[name])
		line := fmt.Sprintf("%d %s", len(got[name]), hex.EncodeToString(sum[:]))
		if w, ok := want[name]; !ok || w != line {
			require.NoError(t, os.MkdirAll(keep, 0o755))
			require.NoError(t, os.WriteFile(filepath.Join(keep, name), got[name], 0o644))
			t.Errorf("%s: %s, want %q (the output is in %s)", name, line, w, filepath.Join(keep, name))
		}
	}
}

// readGolden reads goldenFile: output name to "length digest".
func readGolden(t *testing.T) map[string]string {
	f, err := os.Open(goldenFile)
	require.NoError(t, err)
	defer f.Close()
	want := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		name, rest, ok := strings.Cut(sc.Text(), " ")
		require.True(t, ok, "line %q", sc.Text())
		want[name] = rest
	}
	require.NoError(t, sc.Err())
	return want
}
