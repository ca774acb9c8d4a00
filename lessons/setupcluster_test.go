package lessons

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestScriptsAreCheckedAgainstTheirCluster: a setup that goes on with an
// earlier step's cluster, and a show me, are checked when the file is read
// against that cluster as the lesson leaves it: its read mode (from the
// fresh setup that made it) and the servers that exist then.
func TestScriptsAreCheckedAgainstTheirCluster(t *testing.T) {
	first := func(features string) string {
		return "## Start\nkind: watch\nsetup: {\"nodes\": 3, \"seed\": 2" + features + ", \"steps\": [{\"at\": 0, \"do\": \"campaign\", \"node\": 1}]}\nuntil: leader\n\nx\n"
	}
	read := "## Read\nkind: watch\nsetup: {\"steps\": [{\"at\": 0, \"do\": \"get\", \"key\": \"x\", \"node\": 1, \"mode\": \"lease\"}]}\nuntil: elapsed >= 100\n\nx\n"

	_, err := Parse("t.md", []byte(lesson(first(`, "features": {"checkQuorum": true, "readMode": "lease"}`), read)))
	require.NoError(t, err, "a lease read where the cluster reads with leases")
	_, err = Parse("t.md", []byte(lesson(first(""), read)))
	require.Error(t, err)
	assert.Contains(t, err.Error(), `t.md:14: step 2 "Read": setup: action 1 (get)`)
	assert.Contains(t, err.Error(), "lease reads are off")

	// A server exists once an earlier step has added it, not before.
	add := "## Add\nkind: watch\nsetup: {\"steps\": [{\"at\": 0, \"do\": \"addNode\", \"node\": 4}]}\nuntil: elapsed >= 100\n\nx\n"
	crash := "## Crash\nkind: do\ngoal: not up(4)\nhint: h\nshowme: [{\"do\": \"crash\", \"node\": 4}]\n\nx\n"
	_, err = Parse("t.md", []byte(lesson(first(""), add, crash)))
	require.NoError(t, err)
	_, err = Parse("t.md", []byte(lesson(first(""), strings.Replace(add, `"node": 4`, `"node": 5`, 1), crash)))
	require.Error(t, err)
	assert.Contains(t, err.Error(), `step 3 "Crash": showme: action 1 (crash)`)
	assert.Contains(t, err.Error(), "no node 4")
}
