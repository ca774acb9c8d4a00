package playground

import (
	"strings"
	"testing"

	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const challengeFileText = `{"name": "Lost write", "nodes": 3, "rules": {"ackBeforeFsync": true},
	"steps": [{"at": 100, "do": "put", "key": "x", "value": "1"}],
	"challenge": {"goal": "Make the cluster lose an acknowledged write.", "pass": "violations >= 1", "fail": "elapsed >= 50s", "forbid": ["drop", "network"], "withinMs": 60000}}`

// TestChallengeRoundTrip: a scenario's challenge is read and written back
// as it was.
func TestChallengeRoundTrip(t *testing.T) {
	sc, err := ParseScenario([]byte(challengeFileText))
	require.NoError(t, err)
	want := &view.Challenge{Goal: "Make the cluster lose an acknowledged write.", Pass: "violations >= 1", Fail: "elapsed >= 50s", Forbid: []string{"drop", "network"}, WithinMs: 60000}
	assert.Equal(t, want, sc.Challenge)
	data, err := MarshalScenario(sc)
	require.NoError(t, err)
	again, err := ParseScenario(data)
	require.NoError(t, err)
	assert.Equal(t, want, again.Challenge)

	plain, err := LoadBundled("figure7")
	require.NoError(t, err)
	assert.Nil(t, plain.Challenge)
	data, err = MarshalScenario(plain)
	require.NoError(t, err)
	assert.NotContains(t, string(data), "challenge", "a scenario without one writes none")
}

// TestChallengeErrors: a challenge's mistakes are one line naming the field.
func TestChallengeErrors(t *testing.T) {
	for _, c := range []struct{ from, to, want string }{
		{`"goal": "Make the cluster lose an acknowledged write."`, `"goal": " "`, `field "challenge.goal": required`},
		{`"pass": "violations >= 1"`, `"pass": ""`, `field "challenge.pass": required`},
		{`"pass": "violations >= 1"`, `"pass": "` + strings.Repeat("x", 501) + `"`, `field "challenge.pass": 501 bytes: at most 500`},
		{`"forbid": ["drop", "network"]`, `"forbid": ["explode"]`, `field "challenge.forbid": unknown action "explode"`},
		{`"forbid": ["drop", "network"]`, `"forbid": ["drop", "drop"]`, `field "challenge.forbid": "drop" is forbidden twice`},
		{`"withinMs": 60000`, `"withinMs": -5`, `field "challenge.withinMs": must be between 0 (no limit) and 3600000 ms, not -5`},
		{`"withinMs": 60000`, `"withinMs": 60000, "extra": 1`, `field "extra": unknown field`},
		{`"nodes": 3,`, `"nodes": 3, "until": 30000,`, `field "challenge.withinMs": 60000 ms is past the scenario's end (until: 30000 ms)`},
	} {
		_, err := ParseScenario([]byte(strings.Replace(challengeFileText, c.from, c.to, 1)))
		require.Error(t, err, c.want)
		assert.Contains(t, err.Error(), c.want)
		assert.NotContains(t, err.Error(), "\n")
		assert.NotEqual(t, err.Error(), i18n.ErrorIn(err, i18n.Chinese), "said in Chinese too: %s", c.want)
	}
}

// TestChallengeRunsAsLongAsItTakes: a challenge's file without until runs
// for the longest a scenario may (a second after its last step would end
// the student's play at once).
func TestChallengeRunsAsLongAsItTakes(t *testing.T) {
	sc, err := ParseScenario([]byte(challengeFileText))
	require.NoError(t, err)
	assert.Equal(t, int64(MaxDurationMs), sc.Until)
	plain, err := ParseScenario([]byte(`{"name": "p", "nodes": 3, "steps": [{"at": 100, "do": "put", "key": "x", "value": "1"}]}`))
	require.NoError(t, err)
	assert.Equal(t, int64(1100), plain.Until, "without a challenge: a second after the last step")
}
