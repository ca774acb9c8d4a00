package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCLIRunOnEtcd: raftsim run --engine etcd passes the project's
// scenarios, the bundled ones (those that need a teaching switch are
// refused with the reason) and the long busy runs of TestGoldenOutputs:
// crashes and restarts of the leader and followers, snapshots, 3 to 9
// servers, a put every 10 ms. A bundled scenario run twice prints the same
// bytes.
func TestCLIRunOnEtcd(t *testing.T) {
	scenarios, err := filepath.Glob(cliScenarios + "*.json")
	require.NoError(t, err)
	dir := t.TempDir()
	for _, name := range []string{"long3", "long5", "long9", "long5-snapshots"} {
		features := ""
		if strings.HasSuffix(name, "-snapshots") {
			features = `"snapshotEvery": 50`
		}
		path := filepath.Join(dir, name+".json")
		require.NoError(t, os.WriteFile(path, []byte(goldenLong(int(name[4]-'0'), 20_000, features)), 0o644))
		scenarios = append(scenarios, path)
	}
	refused := i18n.Errorf("scenario.settings.etcd-rules").Error()
	ran := 0
	for _, path := range scenarios {
		name := filepath.Base(path)
		r := cliRun(t, "run", path, "--engine", "etcd")
		if strings.Contains(r.stderr, refused) {
			assert.Equal(t, 2, r.code, name)
			continue
		}
		ran++
		assert.Equal(t, 0, r.code, "%s: %s%s", name, r.stdout, r.stderr)
		assert.Contains(t, r.stdout, "no safety violations", name)
		assert.NotContains(t, r.stdout, "failed:", name)
		if !strings.HasPrefix(name, "long") { // (the long ones take a second each)
			assert.Equal(t, r.stdout, cliRun(t, "run", path, "--engine", "etcd").stdout, "%s: run again", name)
		}
	}
	assert.GreaterOrEqual(t, ran, 17)
}

// TestCLIEngineFlag: a misspelt engine is a one-line error naming it.
func TestCLIEngineFlag(t *testing.T) {
	r := cliRun(t, "run", cliScenarios+"leader-crash.json", "--engine", "etdc")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, `--engine: unknown engine "etdc" (the engines: raftlab, etcd)`)
}
