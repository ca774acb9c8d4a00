package playground

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/raftlab/raftlab/playground/view"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestEveryActionRoundTrips: each row of actionTable writes an action in
// the file format and reads it back the same, keeping the fields its
// action uses and losing none of them (an action with every field set is
// written, read, and written again to the same bytes, and read to the
// same Action).
func TestEveryActionRoundTrips(t *testing.T) {
	one, two, lat := 0.25, 0.5, [2]int64{3, 4}
	up := true
	full := view.Action{At: 7, Node: 2, From: 1, To: 3, Groups: [][]view.ID{{1}, {2, 3}}, Voters: []view.ID{1, 2, 4}, Msg: 9,
		Network: view.NetworkChange{DropRate: &one, DuplicateRate: &two, LatencyMs: &lat}, FsyncMs: 5,
		Key: "k", Value: "v", Old: "o", New: "n", Mode: "local", Expect: view.Expect{Node: 2, Up: &up},
		On: true, Kind: "election", Nth: 2}
	for _, def := range actionTable {
		a := full
		a.Do = def.name
		data, err := json.Marshal(fileAction(a))
		require.NoError(t, err)
		back, err := decodeAction(data)
		require.NoError(t, err, "%s: %s", def.name, data)
		again, err := json.Marshal(fileAction(back))
		require.NoError(t, err)
		assert.JSONEq(t, string(data), string(again), def.name)
		assert.Equal(t, a.At, back.At, def.name)
		assert.Equal(t, def.name, back.Do)
		if def.name == "heal" {
			assert.Equal(t, view.Action{At: a.At, Do: a.Do}, back, "heal has no fields")
		} else {
			assert.NotEqual(t, view.Action{At: a.At, Do: a.Do}, back, "%s keeps its fields: %s", def.name, data)
		}
	}
}

// TestReadmeNamesEveryAction: the scenario format in README.md lists every
// action of actionTable, so that adding one is documented.
func TestReadmeNamesEveryAction(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	require.NoError(t, err)
	for _, def := range actionTable {
		assert.True(t, strings.Contains(string(readme), "`"+def.name+" {") || strings.Contains(string(readme), "`"+def.name+"`"),
			"README.md's list of actions has no %s", def.name)
	}
}
