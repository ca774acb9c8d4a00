package playground

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// scMinimal is the smallest valid scenario file body; scFile wraps extra
// top-level fields and steps around it.
const scMinimal = `{"name": "t", "nodes": 3}`

func scFile(extra, steps string) string {
	s := `{"name": "t", "nodes": 3`
	if extra != "" {
		s += ", " + extra
	}
	if steps != "" {
		s += `, "steps": [` + steps + `]`
	}
	return s + "}"
}

// TestParseScenarioErrors: every bad file is rejected with a ScenarioError
// that says where (the step and its action) and what (the field).
func TestParseScenarioErrors(t *testing.T) {
	okSteps := `{"at": 0, "do": "campaign", "node": 1}, {"at": 10, "do": "heal"}, {"at": 20, "do": "put", "key": "k", "value": "v"}`
	for _, tc := range []struct {
		name  string
		in    string
		step  int    // -1: not in a step
		do    string // the action named, if any
		field string
		want  []string // substrings of Error()
	}{
		{name: "missing name", in: `{"nodes": 3}`, step: -1, field: "name", want: []string{`field "name": required`}},
		{name: "blank name", in: `{"name": "  ", "nodes": 3}`, step: -1, field: "name", want: []string{`field "name": required`}},
		{name: "missing nodes", in: `{"name": "t"}`, step: -1, field: "nodes", want: []string{`field "nodes": required`}},
		{name: "zero nodes", in: `{"name": "t", "nodes": 0}`, step: -1, field: "nodes", want: []string{`field "nodes": must be 1..9, not 0`}},
		{name: "ten nodes", in: `{"name": "t", "nodes": 10}`, step: -1, field: "nodes", want: []string{`field "nodes": must be 1..9, not 10`}},
		{name: "unknown top-level field", in: scFile(`"nodez": 4`, ""), step: -1, field: "nodez", want: []string{`field "nodez": unknown field`}},
		{name: "unknown timing field", in: scFile(`"timing": {"heartbeat": 5}`, ""), step: -1, field: "heartbeat", want: []string{`"heartbeat": unknown field`}},
		{name: "string for a number", in: `{"name": "t", "nodes": "3"}`, step: -1, field: "nodes", want: []string{`field "nodes": expected a whole number, got string`}},
		{name: "string for a nested number", in: scFile(`"timing": {"heartbeatMs": "50"}`, ""), step: -1, field: "timing.heartbeatMs", want: []string{`field "timing.heartbeatMs": expected a whole number, got string`}},
		{name: "string for a rate", in: scFile(`"network": {"dropRate": "0.1"}`, ""), step: -1, field: "network.dropRate", want: []string{`field "network.dropRate": expected a number, got string`}},
		{name: "fraction for a whole number", in: scFile(`"seed": 1.5`, ""), step: -1, field: "seed", want: []string{`field "seed": expected a whole number, got number 1.5`}},
		{name: "number for a list", in: scFile(`"timing": {"latencyMs": 10}`, ""), step: -1, field: "timing.latencyMs", want: []string{`expected a list, got number`}},
		{name: "bad heartbeat", in: scFile(`"timing": {"heartbeatMs": 0}`, ""), step: -1, field: "timing.heartbeatMs", want: []string{`field "timing.heartbeatMs": heartbeatMs must be at least 1, not 0`}},
		{name: "election timeout below heartbeat", in: scFile(`"timing": {"electionTimeoutMs": [40, 60]}`, ""), step: -1, field: "timing.electionTimeoutMs", want: []string{`timing.electionTimeoutMs`, `[40 60]`}},
		{name: "negative fsync", in: scFile(`"timing": {"fsyncMs": -1}`, ""), step: -1, field: "timing.fsyncMs", want: []string{`timing.fsyncMs`}},
		{name: "drop rate above 1", in: scFile(`"network": {"dropRate": 1.5}`, ""), step: -1, field: "network.dropRate", want: []string{`network.dropRate`, `not 1.5`}},
		{name: "bad readMode", in: scFile(`"features": {"readMode": "eventual"}`, ""), step: -1, field: "features.readMode", want: []string{`field "features.readMode"`, `not "eventual"`}},
		{name: "lease without checkQuorum", in: scFile(`"features": {"readMode": "lease", "checkQuorum": false}`, ""), step: -1, field: "features.readMode", want: []string{`field "features.readMode"`, `checkQuorum`}},
		{name: "initial key not a node", in: scFile(`"initial": {"4": {"term": 1}}`, ""), step: -1, field: "initial", want: []string{`field "initial": key "4" is not a node ID in 1..3`}},
		{name: "initial key not a number", in: scFile(`"initial": {"one": {"term": 1}}`, ""), step: -1, field: "initial", want: []string{`key "one"`}},
		{name: "initial key not canonical", in: scFile(`"initial": {"1": {"term": 1}, "01": {"term": 2}}`, ""), step: -1, field: "initial", want: []string{`key "01" is not a node ID in 1..3`}},
		{name: "initial key with a sign", in: scFile(`"initial": {"+2": {"term": 1}}`, ""), step: -1, field: "initial", want: []string{`key "+2"`}},
		{name: "initial decreasing terms", in: scFile(`"initial": {"2": {"term": 3, "log": [1, 3, 2]}}`, ""), step: -1, field: "initial.2", want: []string{`field "initial.2": log[2]`, `not 2 after 3`}},
		{name: "initial zero term", in: scFile(`"initial": {"2": {"term": 3, "log": [0, 1]}}`, ""), step: -1, field: "initial.2", want: []string{`field "initial.2": log[0]`}},
		{name: "initial term below log", in: scFile(`"initial": {"1": {"term": 1, "log": [1, 2]}}`, ""), step: -1, field: "initial.1", want: []string{`term 1 is below the last log term 2`}},
		{name: "initial commit beyond log", in: scFile(`"initial": {"3": {"term": 2, "log": [1, 2], "commitIndex": 3}}`, ""), step: -1, field: "initial.3", want: []string{`field "initial.3": commitIndex 3 is beyond the log's 2 entries`}},
		{name: "until before last step", in: scFile(`"until": 15`, okSteps), step: -1, field: "until", want: []string{`field "until": 15 is before the last step at 20`}},
		{name: "negative until", in: scFile(`"until": -1`, ""), step: -1, field: "until", want: []string{`field "until"`}},
		{name: "trailing garbage", in: scMinimal + ` {"name": "u"}`, step: -1, want: []string{"unexpected data after the JSON object"}},
		{name: "trailing brace", in: scMinimal + `}`, step: -1, want: []string{"after the JSON object"}},
		{name: "invalid JSON", in: `{"name": "t", "nodes": 3,}`, step: -1, want: []string{"invalid JSON at byte"}},
		{name: "truncated JSON", in: `{"name": "t", "nodes": 3`, step: -1, want: []string{"unexpected EOF"}},
		{name: "not an object", in: `[1, 2]`, step: -1, want: []string{"expected an object, got array"}},

		{name: "node out of range", in: scFile("", okSteps+`, {"at": 30, "do": "crash", "node": 12}`), step: 3, do: "crash", field: "node",
			want: []string{`steps[3] (crash): field "node": must be a node ID in 1..9, not 12`}},
		{name: "node missing", in: scFile("", `{"at": 0, "do": "restart"}`), step: 0, do: "restart", field: "node", want: []string{`steps[0] (restart): field "node": must be a node ID in 1..9, not 0`}},
		{name: "unknown field in a step", in: scFile("", okSteps+`, {"at": 30, "do": "crash", "nodes": 1}`), step: 3, do: "crash", field: "nodes",
			want: []string{`steps[3] (crash): field "nodes": unknown field`}},
		{name: "field of another action", in: scFile("", `{"at": 5, "do": "heal", "node": 1}`), step: 0, do: "heal", field: "node", want: []string{`steps[0] (heal): field "node": unknown field`}},
		{name: "unknown action", in: scFile("", okSteps+`, {"at": 30, "do": "explode", "node": 1}`), step: 3, field: "do", want: []string{`steps[3]: field "do": unknown action "explode"`}},
		{name: "missing action", in: scFile("", `{"at": 30, "node": 1}`), step: 0, field: "do", want: []string{`steps[0]: field "do": required`}},
		{name: "number for an action", in: scFile("", `{"at": 30, "do": 7}`), step: 0, field: "do", want: []string{`steps[0]: field "do": expected a string, got number`}},
		{name: "string for a step number", in: scFile("", okSteps+`, {"at": 30, "do": "crash", "node": "2"}`), step: 3, do: "crash", field: "node",
			want: []string{`steps[3] (crash): field "node": expected a whole number, 0 or more, got string`}},
		{name: "string for at", in: scFile("", `{"at": "5", "do": "heal"}`), step: 0, do: "heal", field: "at", want: []string{`steps[0] (heal): field "at": expected a whole number, got string`}},
		{name: "negative node", in: scFile("", `{"at": 0, "do": "crash", "node": -1}`), step: 0, do: "crash", field: "node", want: []string{`field "node": expected a whole number, 0 or more, got number -1`}},
		{name: "step not an object", in: scFile("", `"crash"`), step: 0, want: []string{`steps[0]: `, "expected an object"}},
		{name: "decreasing at", in: scFile("", okSteps+`, {"at": 19, "do": "heal"}`), step: 3, do: "heal", field: "at",
			want: []string{`steps[3] (heal): field "at": 19 is before the previous step's 20`}},
		{name: "negative at", in: scFile("", `{"at": -5, "do": "heal"}`), step: 0, do: "heal", field: "at", want: []string{`steps[0] (heal): field "at": must not be negative, not -5`}},
		{name: "partition missing a node", in: scFile("", `{"at": 0, "do": "partition", "groups": [[1], [2]]}`), step: 0, do: "partition", field: "groups",
			want: []string{`steps[0] (partition): field "groups": node 3 is in no group`}},
		{name: "partition listing a node twice", in: scFile("", okSteps+`, {"at": 40, "do": "partition", "groups": [[1, 2], [2, 3]]}`), step: 3, do: "partition", field: "groups",
			want: []string{`steps[3] (partition): field "groups": node 2 is in two groups`}},
		{name: "partition of one group", in: scFile("", `{"at": 0, "do": "partition", "groups": [[1, 2, 3]]}`), step: 0, do: "partition", field: "groups", want: []string{"at least two groups"}},
		{name: "partition bad node", in: scFile("", `{"at": 0, "do": "partition", "groups": [[1, 2, 3], [0]]}`), step: 0, do: "partition", field: "groups[1]", want: []string{`field "groups[1]": must be a node ID`}},
		{name: "cut from itself", in: scFile("", okSteps+`, {"at": 40, "do": "cut", "from": 2, "to": 2}`), step: 3, do: "cut", field: "to",
			want: []string{`steps[3] (cut): field "to": a link joins two different nodes`}},
		{name: "link to nowhere", in: scFile("", `{"at": 0, "do": "link", "from": 2, "to": 10}`), step: 0, do: "link", field: "to", want: []string{`steps[0] (link): field "to": must be a node ID in 1..9, not 10`}},
		{name: "network with no field", in: scFile("", okSteps+`, {"at": 40, "do": "network"}`), step: 3, do: "network",
			want: []string{`steps[3] (network): `, "dropRate, duplicateRate, latencyMs"}},
		{name: "network bad drop rate", in: scFile("", `{"at": 0, "do": "network", "dropRate": -0.5}`), step: 0, do: "network", field: "dropRate", want: []string{`steps[0] (network): field "dropRate": must be in 0..1, not -0.5`}},
		{name: "network bad latency", in: scFile("", `{"at": 0, "do": "network", "latencyMs": [20, 10]}`), step: 0, do: "network", field: "latencyMs", want: []string{`field "latencyMs"`}},
		{name: "disk without fsyncMs", in: scFile("", `{"at": 0, "do": "disk", "node": 1}`), step: 0, do: "disk", field: "fsyncMs", want: []string{`steps[0] (disk): field "fsyncMs": required`}},
		{name: "disk negative fsyncMs", in: scFile("", `{"at": 0, "do": "disk", "node": 1, "fsyncMs": -3}`), step: 0, do: "disk", field: "fsyncMs", want: []string{`field "fsyncMs": must not be negative`}},
		{name: "put without value", in: scFile("", `{"at": 0, "do": "put", "key": "k"}`), step: 0, do: "put", field: "value", want: []string{`steps[0] (put): field "value": required`}},
		{name: "put without key", in: scFile("", `{"at": 0, "do": "put", "value": "v"}`), step: 0, do: "put", field: "key", want: []string{`steps[0] (put): field "key": required`}},
		{name: "get with empty key", in: scFile("", `{"at": 0, "do": "get", "key": ""}`), step: 0, do: "get", field: "key", want: []string{`field "key": must not be empty`}},
		{name: "get bad mode", in: scFile("", `{"at": 0, "do": "get", "key": "k", "mode": "dirty"}`), step: 0, do: "get", field: "mode", want: []string{`steps[0] (get): field "mode"`, `not "dirty"`}},
		{name: "cas without to", in: scFile("", `{"at": 0, "do": "cas", "key": "k", "from": "a"}`), step: 0, do: "cas", field: "to", want: []string{`steps[0] (cas): field "to": required`}},
		{name: "transfer to nobody", in: scFile("", `{"at": 0, "do": "transferLeader"}`), step: 0, do: "transferLeader", field: "to", want: []string{`steps[0] (transferLeader): field "to"`}},
		{name: "bad role in expect", in: scFile("", okSteps+`, {"at": 50, "do": "expect", "node": 1, "role": "boss"}`), step: 3, do: "expect", field: "role",
			want: []string{`steps[3] (expect): field "role": must be follower, precandidate, candidate or leader, not "boss"`}},
		{name: "expect node fields without node", in: scFile("", okSteps+`, {"at": 50, "do": "expect", "term": 2}`), step: 3, do: "expect", field: "node",
			want: []string{`steps[3] (expect): field "node": required with role, term`}},
		{name: "expect kv without node", in: scFile("", `{"at": 50, "do": "expect", "kv": {"x": "1"}}`), step: 0, do: "expect", field: "node", want: []string{`field "node": required`}},
		{name: "expect nothing", in: scFile("", `{"at": 50, "do": "expect"}`), step: 0, do: "expect", want: []string{`steps[0] (expect): `, "expects nothing"}},
		{name: "expect bad leader", in: scFile("", `{"at": 50, "do": "expect", "leader": 11}`), step: 0, do: "expect", field: "leader", want: []string{`field "leader": must be a node ID in 1..9, not 11`}},
		{name: "expect empty leaderIn", in: scFile("", `{"at": 50, "do": "expect", "leaderIn": []}`), step: 0, do: "expect", field: "leaderIn", want: []string{`steps[0] (expect): field "leaderIn": must list at least one node`}},
		{name: "expect bad leaderIn", in: scFile("", `{"at": 50, "do": "expect", "leaderIn": [1, 0]}`), step: 0, do: "expect", field: "leaderIn", want: []string{`field "leaderIn"`}},
		{name: "expect unknown field", in: scFile("", `{"at": 50, "do": "expect", "node": 1, "commit": 3}`), step: 0, do: "expect", field: "commit", want: []string{`steps[0] (expect): field "commit": unknown field`}},
		{name: "expect wrong type", in: scFile("", `{"at": 50, "do": "expect", "node": 1, "up": "yes"}`), step: 0, do: "expect", field: "up", want: []string{`steps[0] (expect): field "up": expected true or false, got string`}},
		{name: "expect negative index", in: scFile("", `{"at": 50, "do": "expect", "node": 1, "commitIndex": -1}`), step: 0, do: "expect", field: "commitIndex", want: []string{`steps[0] (expect): field "commitIndex": expected a whole number, 0 or more, got number -1`}},
		{name: "expect bad log", in: scFile("", `{"at": 50, "do": "expect", "node": 1, "log": [1, "2"]}`), step: 0, do: "expect", field: "log", want: []string{`steps[0] (expect): field "log": expected a whole number, 0 or more, got string`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sc, err := ParseScenario([]byte(tc.in))
			require.Error(t, err, "accepted: %+v", sc)
			assert.Nil(t, sc)
			var se *ScenarioError
			require.True(t, errors.As(err, &se), "%T: %v", err, err)
			assert.Equal(t, tc.step, se.Step, "step")
			assert.Equal(t, tc.do, se.Action, "action")
			assert.Equal(t, tc.field, se.Field, "field")
			msg := err.Error()
			for _, w := range tc.want {
				assert.Contains(t, msg, w)
			}
			assert.NotContains(t, msg, "\n", "one line")
			assert.NotContains(t, msg, "json:", "no Go package prefixes")
			assert.NotContains(t, msg, "playground.", "no Go type names")
			assert.Equal(t, msg, i18n.ErrorIn(err, i18n.English))
			assert.Regexp(t, han, se.Msg.In(i18n.Chinese), "the problem itself is said in Chinese")
			assert.NotContains(t, i18n.ErrorIn(err, i18n.Pseudo), "[scenario.", "every key is in the catalogue")
		})
	}
}

// TestScenarioErrorFormat pins the message layout for each combination of
// step, action and field.
func TestScenarioErrorFormat(t *testing.T) {
	req := i18n.Msg("scenario.required")
	for _, tc := range []struct {
		err      ScenarioError
		want, zh string
	}{
		{ScenarioError{Step: 3, Action: "crash", Field: "node", Msg: req}, `steps[3] (crash): field "node": required`, `steps[3]（crash）：字段 "node"：必填`},
		{ScenarioError{Step: 0, Field: "do", Msg: req}, `steps[0]: field "do": required`, `steps[0]：字段 "do"：必填`},
		{ScenarioError{Step: 2, Action: "network", Msg: req}, `steps[2] (network): required`, `steps[2]（network）：必填`},
		{ScenarioError{Step: 1, Msg: req}, `steps[1]: required`, `steps[1]：必填`},
		{ScenarioError{Step: -1, Field: "nodes", Msg: req}, `field "nodes": required`, `字段 "nodes"：必填`},
		{ScenarioError{Step: -1, Msg: req}, `required`, `必填`},
	} {
		assert.Equal(t, tc.want, tc.err.Error())
		assert.Equal(t, tc.zh, i18n.ErrorIn(&tc.err, i18n.Chinese))
	}
}

func TestParseScenarioDefaults(t *testing.T) {
	sc, err := ParseScenario([]byte(scFile("", `{"at": 0, "do": "campaign", "node": 1}, {"at": 750, "do": "heal"}`)))
	require.NoError(t, err)
	assert.Equal(t, "t", sc.Name)
	s := sc.Settings
	assert.Equal(t, 3, s.Nodes)
	assert.Equal(t, int64(1), s.Seed)
	assert.Equal(t, [2]int64{150, 300}, s.ElectionTimeoutMs)
	assert.Equal(t, int64(50), s.HeartbeatMs)
	assert.Equal(t, [2]int64{10, 20}, s.LatencyMs)
	assert.Equal(t, int64(1), s.FsyncMs)
	assert.True(t, s.PreVote)
	assert.True(t, s.CheckQuorum)
	assert.True(t, s.LeaderNoop)
	assert.True(t, s.FastBacktrack)
	assert.Zero(t, s.SnapshotEvery)
	assert.Equal(t, view.ReadIndexRead, s.ReadMode)
	assert.Equal(t, view.Rules{}, s.Rules)
	assert.Zero(t, s.DropRate)
	assert.Zero(t, s.DuplicateRate)
	assert.Equal(t, int64(1750), sc.Until, "until defaults to the last step + 1000")
	assert.Len(t, sc.Actions, 2)

	// No steps: until is 1000.
	sc, err = ParseScenario([]byte(scMinimal))
	require.NoError(t, err)
	assert.Equal(t, int64(1000), sc.Until)
	assert.Empty(t, sc.Actions)

	// A step near the end of the longest run: until stays within the
	// limit, so that the run saved reads again.
	sc, err = ParseScenario([]byte(scFile("", `{"at": 3599500, "do": "heal"}`)))
	require.NoError(t, err)
	assert.Equal(t, int64(MaxDurationMs), sc.Until)

	// Explicit values win, and unspecified ones in the same group keep
	// their defaults.
	sc, err = ParseScenario([]byte(scFile(`"seed": 42, "until": 5000, "timing": {"heartbeatMs": 20, "latencyMs": [1, 2]},
		"features": {"preVote": false, "readMode": "local", "snapshotEvery": 7},
		"rules": {"ackBeforeFsync": true}, "network": {"duplicateRate": 0.25}`, "")))
	require.NoError(t, err)
	s = sc.Settings
	assert.Equal(t, int64(42), s.Seed)
	assert.Equal(t, int64(5000), sc.Until)
	assert.Equal(t, int64(20), s.HeartbeatMs)
	assert.Equal(t, [2]int64{150, 300}, s.ElectionTimeoutMs)
	assert.Equal(t, [2]int64{1, 2}, s.LatencyMs)
	assert.False(t, s.PreVote)
	assert.True(t, s.CheckQuorum)
	assert.Equal(t, view.LocalRead, s.ReadMode)
	assert.Equal(t, uint64(7), s.SnapshotEvery)
	assert.Equal(t, view.Rules{AckBeforeFsync: true}, s.Rules)
	assert.Equal(t, 0.25, s.DuplicateRate)
	assert.Zero(t, s.DropRate)
}

// TestParseScenarioSteps: each action's arguments land in the Step.
func TestParseScenarioSteps(t *testing.T) {
	sc, err := ParseScenario([]byte(scFile(`"initial": {"2": {"term": 2, "votedFor": 1, "log": [1, 2], "commitIndex": 1}}`, `
		{"at": 0, "do": "partition", "groups": [[1, 2], [3]]},
		{"at": 0, "do": "cut", "from": 1, "to": 3},
		{"at": 5, "do": "network", "latencyMs": [3, 4]},
		{"at": 6, "do": "disk", "node": 2, "fsyncMs": 0},
		{"at": 7, "do": "put", "key": "k", "value": "v", "node": 2},
		{"at": 8, "do": "get", "key": "k", "mode": "local"},
		{"at": 9, "do": "cas", "key": "k", "from": "v", "to": "w"},
		{"at": 10, "do": "drop", "msg": 17},
		{"at": 11, "do": "expect", "node": 2, "up": true, "log": [1, 2], "kv": {"k": "w"}}`)))
	require.NoError(t, err)
	up := true
	assert.Equal(t, []view.Action{
		{At: 0, Do: "partition", Groups: [][]view.ID{{1, 2}, {3}}},
		{At: 0, Do: "cut", From: 1, To: 3},
		{At: 5, Do: "network", Network: view.NetworkChange{LatencyMs: &[2]int64{3, 4}}},
		{At: 6, Do: "disk", Node: 2, FsyncMs: 0},
		{At: 7, Do: "put", Key: "k", Value: "v", Node: 2},
		{At: 8, Do: "get", Key: "k", Mode: "local"},
		{At: 9, Do: "cas", Key: "k", Old: "v", New: "w"},
		{At: 10, Do: "drop", Msg: 17},
		{At: 11, Do: "expect", Expect: view.Expect{Node: 2, Up: &up, Log: []uint64{1, 2}, KV: map[string]string{"k": "w"}}},
	}, sc.Actions)
	assert.Equal(t, map[view.ID]view.Initial{2: {Term: 2, VotedFor: 1, Log: []uint64{1, 2}, CommitIndex: 1}}, sc.Initial)
}

// TestScenarioRoundTrip: Marshal then ParseScenario gives back the same
// scenario, for every bundled one and for one that sets everything.
func TestScenarioRoundTrip(t *testing.T) {
	check := func(t *testing.T, sc *view.Scenario) {
		t.Helper()
		data, err := MarshalScenario(sc)
		require.NoError(t, err)
		back, err := ParseScenario(data)
		require.NoError(t, err, "%s", data)
		require.Equal(t, sc, back)
		// And again: the encoding is stable.
		again, err := MarshalScenario(back)
		require.NoError(t, err)
		require.Equal(t, string(data), string(again))
	}
	names := BundledScenarios()
	require.NotEmpty(t, names)
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			sc, err := LoadBundled(name)
			require.NoError(t, err)
			check(t, sc)
		})
	}
	t.Run("everything", func(t *testing.T) {
		sc, err := ParseScenario([]byte(`{"name": "all", "description": "d", "nodes": 4, "seed": -3, "until": 9000,
			"timing": {"electionTimeoutMs": [100, 100], "heartbeatMs": 10, "latencyMs": [0, 7], "fsyncMs": 0},
			"features": {"preVote": false, "checkQuorum": true, "leaderNoop": false, "fastBacktrack": false, "snapshotEvery": 5, "readMode": "lease"},
			"rules": {"commitOldTermsByCounting": true, "skipElectionRestriction": true, "fixedElectionTimeout": true, "ackBeforeFsync": true},
			"network": {"dropRate": 0.1, "duplicateRate": 0.3},
			"initial": {"1": {"term": 2, "votedFor": 2, "log": [1, 1, 2], "commitIndex": 2}, "4": {"term": 1}},
			"steps": [
				{"at": 0, "do": "campaign", "node": 1}, {"at": 1, "do": "crash", "node": 2}, {"at": 2, "do": "restart", "node": 2},
				{"at": 3, "do": "isolate", "node": 3}, {"at": 4, "do": "snapshot", "node": 1}, {"at": 5, "do": "addNode", "node": 5},
				{"at": 6, "do": "removeNode", "node": 5}, {"at": 7, "do": "partition", "groups": [[1, 2], [3, 4]]},
				{"at": 8, "do": "cut", "from": 1, "to": 2}, {"at": 9, "do": "link", "from": 1, "to": 2}, {"at": 10, "do": "heal"},
				{"at": 11, "do": "network", "dropRate": 0}, {"at": 12, "do": "network", "duplicateRate": 1, "latencyMs": [1, 1]},
				{"at": 13, "do": "disk", "node": 3, "fsyncMs": 9}, {"at": 14, "do": "put", "key": "a", "value": "", "node": 4},
				{"at": 15, "do": "delete", "key": "a"}, {"at": 16, "do": "get", "key": "a", "node": 2, "mode": "readIndex"},
				{"at": 17, "do": "cas", "key": "a", "from": "", "to": "b"}, {"at": 18, "do": "transferLeader", "to": 3},
				{"at": 19, "do": "drop", "msg": 4},
				{"at": 20, "do": "expect", "node": 1, "role": "leader", "term": 0, "commitIndex": 0, "appliedIndex": 0, "up": false, "log": [1], "kv": {"a": ""}},
				{"at": 20, "do": "expect", "leader": 1}, {"at": 20, "do": "expect", "leaderIn": [1, 2]},
				{"at": 20, "do": "expect", "noLeader": true}, {"at": 20, "do": "expect", "violations": 0}
			]}`))
		require.NoError(t, err)
		require.Len(t, sc.Actions, 25)
		check(t, sc)
	})
}

// scBrokenSeeds are malformed scenario files that seed the fuzzer.
var scBrokenSeeds = []string{
	``, `{`, `null`, `[]`, `{"name": "x"}`, scMinimal + `x`,
	`{"name": "x", "nodes": 9, "steps": [{"at": 0, "do": "partition", "groups": [[1], [1]]}]}`,
	`{"name": "x", "nodes": 2, "initial": {"1": {"term": 1, "log": [2]}}}`,
	`{"name": "x", "nodes": 3, "steps": [{"at": 5, "do": "expect"}, {"at": 1, "do": "heal"}]}`,
	`{"name": "x", "nodes": 1, "timing": {"electionTimeoutMs": [2, 3], "heartbeatMs": 1, "latencyMs": [0, 0], "fsyncMs": 0}, "steps": [{"at": 0, "do": "put", "key": "k", "value": "v"}, {"at": 1, "do": "get", "key": "k", "mode": "lease"}]}`,
	`{"name": "x", "nodes": 3, "features": {"snapshotEvery": 1}, "network": {"dropRate": 1, "duplicateRate": 1}, "steps": [{"at": 0, "do": "addNode", "node": 9}, {"at": 1, "do": "removeNode", "node": 1}, {"at": 2, "do": "transferLeader", "to": 9}, {"at": 3, "do": "drop", "msg": 1}]}`,
	`{"name": "x", "nodes": 2, "initial": {"1": {"term": 5, "votedFor": 9, "log": [1, 5], "commitIndex": 2}, "2": {"term": 5, "log": [1, 4, 4], "commitIndex": 3}}}`,
	`{"name": "x", "nodes": 3, "steps": [{"at": 9223372036854775807, "do": "heal"}]}`,
	`{"name": "x", "nodes": 3, "steps": [{"at": 0, "do": "expect", "node": 1, "log": [], "kv": {}}]}`,
	`{"name": "x", "nodes": 3, "initial": {"1": {"term": 1}, "01": {"term": 2}, "3": {"term": 2, "log": []}}}`,
	`{"name": "x", "nodes": 3, "timing": {"latencyMs": [0, 9223372036854775807], "fsyncMs": 9223372036854775807}, "steps": [{"at": 0, "do": "campaign", "node": 1}]}`,
}

// FuzzParseScenario: ParseScenario never panics, and whatever it accepts
// can be built and run.
func FuzzParseScenario(f *testing.F) {
	for _, name := range BundledScenarios() {
		data, err := BundledScenarioFile(name)
		require.NoError(f, err)
		f.Add(data)
	}
	for _, s := range scBrokenSeeds {
		f.Add([]byte(s))
	}
	for _, c := range hostileFiles {
		if len(c.file) < 64<<10 { // (the fuzzer mutates the small ones best)
			f.Add([]byte(c.file))
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		sc, err := ParseScenario(data)
		if err != nil {
			var se *ScenarioError
			if !errors.As(err, &se) {
				t.Fatalf("error is a %T, not a *ScenarioError: %v", err, err)
			}
			if msg := err.Error(); msg == "" || strings.Contains(msg, "\n") {
				t.Fatalf("error message %q is not one line", msg)
			}
			return
		}
		if sc == nil {
			t.Fatal("nil scenario without an error")
		}
		// What it accepts, it can write back out as a file that means the
		// same (chaos runs and share links are saved with Marshal).
		out, err := MarshalScenario(sc)
		if err != nil {
			t.Fatalf("Marshal: %v", err)
		}
		back, err := ParseScenario(out)
		if err != nil {
			t.Fatalf("the marshalled scenario does not parse: %v\n%s", err, out)
		}
		if !reflect.DeepEqual(sc, back) {
			t.Fatalf("round trip changed the scenario:\n%+v\n%+v\n%s", sc, back, out)
		}
		w, err := NewWorld(sc)
		if err != nil {
			// Initial states the raft package refuses are reported, not
			// panicked on.
			return
		}
		s := NewSession(w, sc.Actions)
		end := min(sc.Until, 2000)
		s.RunUntil(end)
		// (In manual network mode an action's consequences run at once
		// and may carry the present past the end, never short of it.)
		manual := slices.ContainsFunc(sc.Actions, func(a view.Action) bool { return a.Do == "manual" })
		if s.Now() != end && !(manual && s.Now() > end) {
			t.Fatalf("ran to %d, not %d", s.Now(), end)
		}
		_ = s.World().Result(sc.Name)
	})
}
