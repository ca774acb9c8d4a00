package lessons

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCasValuesAreNotServers: a cas action's from and to are the values it
// compares and sets, so a lesson's setup and show me accept any text there
// ("1", even "leader"), while its node may still say "leader". A lesson that
// writes x = 1, compares-and-sets it to 2 in its setup and to 3 in show me
// plays to its end.
func TestCasValuesAreNotServers(t *testing.T) {
	src := lesson(`## Write and swap
kind: watch
setup: {"nodes": 3, "seed": 1, "steps": [{"at": 0, "do": "campaign", "node": 1}, {"at": 100, "do": "put", "key": "x", "value": "1", "node": 1}, {"at": 300, "do": "cas", "key": "x", "from": "1", "to": "2", "node": 1}]}
until: value(1, x) = 2 and value(2, x) = 2

x
`, `## Swap again
kind: do
goal: value(1, x) = 3
hint: h
showme: [{"do": "cas", "key": "x", "from": "2", "to": "3", "node": "leader"}]

x
`)
	l, err := Parse("cas.md", []byte(src))
	require.NoError(t, err)
	require.NoError(t, AutoPlay(l).Err())

	obj := map[string]json.RawMessage{}
	require.NoError(t, json.Unmarshal([]byte(`{"do": "cas", "key": "k", "from": "leader", "to": "7", "node": "leader"}`), &obj))
	refs, err := leaderRefs(obj, 3)
	require.NoError(t, err)
	assert.Equal(t, []string{"node"}, refs)
	assert.JSONEq(t, `"leader"`, string(obj["from"]))
	assert.JSONEq(t, `"7"`, string(obj["to"]))

	// Any other action's from and to are still servers.
	obj = map[string]json.RawMessage{}
	require.NoError(t, json.Unmarshal([]byte(`{"do": "cut", "from": "1", "to": 2}`), &obj))
	_, err = leaderRefs(obj, 3)
	assert.ErrorContains(t, err, `field "from": "1" is not a server`)
}
