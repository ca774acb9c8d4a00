package playground

import (
	"testing"

	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// startScenario parses a scenario file and makes its world, as raftsim
// and the app do: the error either gives.
func startScenario(doc string) error {
	sc, err := ParseScenario([]byte(doc))
	if err != nil {
		return err
	}
	_, err = NewWorld(sc)
	return err
}

// TestActionsNameNodesThatExistThen: a step may name only a node that
// exists at its point of the script (one of the first nodes, or one an
// earlier addNode added); the error says which nodes exist then. These
// files used to run, naming servers the cluster never had.
func TestActionsNameNodesThatExistThen(t *testing.T) {
	for _, tc := range []struct{ name, steps, want string }{
		{"crash 7 of 3", `{"at": 0, "do": "crash", "node": 7}`,
			`steps[0] (crash): field "node": there is no node 7 at this step: the nodes are 1, 2, 3`},
		{"a partition naming 8", `{"at": 0, "do": "partition", "groups": [[1, 2], [3, 8]]}`,
			`steps[0] (partition): field "groups[1]": there is no node 8 at this step: the nodes are 1, 2, 3`},
		{"an expectation on leader 8", `{"at": 0, "do": "expect", "leader": 8}`,
			`steps[0] (expect): field "leader": there is no node 8 at this step: the nodes are 1, 2, 3`},
		{"leaderIn", `{"at": 0, "do": "expect", "leaderIn": [1, 5]}`,
			`steps[0] (expect): field "leaderIn": there is no node 5 at this step`},
		{"a link to 4", `{"at": 0, "do": "cut", "from": 1, "to": 4}`,
			`steps[0] (cut): field "to": there is no node 4 at this step`},
		{"a put sent to 9", `{"at": 0, "do": "put", "key": "k", "value": "v", "node": 9}`,
			`steps[0] (put): field "node": there is no node 9 at this step`},
		{"a disk of 6", `{"at": 0, "do": "disk", "node": 6, "fsyncMs": 5}`,
			`steps[0] (disk): field "node": there is no node 6 at this step`},
		{"before it is added", `{"at": 0, "do": "crash", "node": 4}, {"at": 10, "do": "addNode", "node": 4}`,
			`steps[0] (crash): field "node": there is no node 4 at this step: the nodes are 1, 2, 3`},
		{"removed then added again", `{"at": 0, "do": "removeNode", "node": 2}, {"at": 10, "do": "addNode", "node": 2}`,
			`steps[1] (addNode): field "node": S2: a removed server's ID is never reused; add another ID`},
		{"added twice", `{"at": 0, "do": "addNode", "node": 3}`,
			`steps[0] (addNode): field "node": S3 already exists`},
		{"a partition leaving out an added node", `{"at": 0, "do": "addNode", "node": 4}, {"at": 10, "do": "partition", "groups": [[1, 2], [3]]}`,
			`steps[1] (partition): field "groups": node 4 is in no group: every node must be in exactly one`},
		{"the list after a removal", `{"at": 0, "do": "addNode", "node": 5}, {"at": 0, "do": "removeNode", "node": 1}, {"at": 10, "do": "isolate", "node": 4}`,
			`steps[2] (isolate): field "node": there is no node 4 at this step: the nodes are 2, 3, 5`},
	} {
		err := startScenario(scFile("", tc.steps))
		if assert.Error(t, err, tc.name) {
			assert.Contains(t, err.Error(), tc.want, tc.name)
		}
	}
	_, err := ParseScenario([]byte(scFile("", `{"at": 0, "do": "crash", "node": 7}`)))
	assert.Error(t, err, "refused as the file is read, before any world is made")
	for _, steps := range []string{
		`{"at": 0, "do": "addNode", "node": 4}, {"at": 10, "do": "crash", "node": 4}, {"at": 20, "do": "partition", "groups": [[1, 2], [3, 4]]}`,
		`{"at": 0, "do": "removeNode", "node": 2}, {"at": 10, "do": "partition", "groups": [[1], [3]]}, {"at": 20, "do": "expect", "leaderIn": [1, 3]}`,
		// (A removed node may still be named: it exists until its
		// removal commits, which only the run can tell.)
		`{"at": 0, "do": "removeNode", "node": 2}, {"at": 10, "do": "restart", "node": 2}, {"at": 20, "do": "partition", "groups": [[1, 2], [3]]}`,
		`{"at": 0, "do": "addNode", "node": 9}, {"at": 10, "do": "expect", "node": 9, "up": true}, {"at": 20, "do": "transferLeader", "to": 9}`,
	} {
		assert.NoError(t, startScenario(scFile("", steps)), steps)
	}
}

// TestLeaseReadNeedsLeaseMode: a get that asks for a lease read in a
// cluster whose read mode is not lease is refused before the run (it used
// to be accepted, and to fail only when its moment came).
func TestLeaseReadNeedsLeaseMode(t *testing.T) {
	get := `{"at": 0, "do": "get", "key": "x", "node": 1, "mode": "lease"}`
	err := startScenario(scFile("", get))
	require.Error(t, err)
	assert.Equal(t, `steps[0] (get): field "mode": lease reads are off: set features.readMode to "lease" (a restarted node then waits an election timeout before it votes)`, err.Error())
	assert.NoError(t, startScenario(scFile(`"features": {"readMode": "lease"}`, get)))
	assert.NoError(t, startScenario(scFile("", `{"at": 0, "do": "get", "key": "x", "mode": "readIndex"}`)))
}

// TestStepDelaysAreBounded: a disk or network step whose time is past
// MaxDelayMs is refused with the limit named, before the run and when
// done by hand; near 2^63 it used to overflow the event queue's times.
func TestStepDelaysAreBounded(t *testing.T) {
	for _, tc := range []struct{ steps, want string }{
		{`{"at": 0, "do": "disk", "node": 1, "fsyncMs": 9223372036854775807}, {"at": 10, "do": "put", "key": "x", "value": "1"}`,
			`steps[0] (disk): field "fsyncMs": fsyncMs must be at most 60000 ms (one minute, the longest delay RaftLab simulates), not 9223372036854775807`},
		{`{"at": 0, "do": "network", "latencyMs": [9223372036854775000, 9223372036854775807]}`,
			`steps[0] (network): field "latencyMs": latencyMs must be at most 60000 ms (one minute, the longest delay RaftLab simulates), not 9223372036854775807`},
		{`{"at": 0, "do": "network", "latencyMs": [10, 60001]}`,
			`steps[0] (network): field "latencyMs": latencyMs must be at most 60000 ms`},
	} {
		_, err := ParseScenario([]byte(scFile("", tc.steps)))
		if assert.Error(t, err, tc.steps) {
			assert.Contains(t, err.Error(), tc.want)
		}
	}
	assert.NoError(t, startScenario(scFile("", `{"at": 0, "do": "disk", "node": 1, "fsyncMs": 60000}, {"at": 0, "do": "network", "latencyMs": [0, 60000]}`)))

	w, err := New(view.DefaultSettings())
	require.NoError(t, err)
	big := [2]int64{1, 1 << 62}
	assert.EqualError(t, w.Do(view.Action{Do: "disk", Node: 1, FsyncMs: 1 << 62}), "fsyncMs must be at most 60000 ms (one minute, the longest delay RaftLab simulates), not 4611686018427387904")
	assert.EqualError(t, w.Do(view.Action{Do: "network", Network: view.NetworkChange{LatencyMs: &big}}), "latencyMs must be at most 60000 ms (one minute, the longest delay RaftLab simulates), not 4611686018427387904")
	assert.Equal(t, view.DefaultSettings().FsyncMs, w.Node(1).Disk.FsyncMs, "a refused step changes nothing")
}

// TestParseActionsForARunningCluster: a list of actions for a cluster that
// already runs is checked against the nodes it has then and its read mode
// (a lesson's later setup adds to the cluster an earlier one made).
func TestParseActionsForARunningCluster(t *testing.T) {
	list := `[{"at": 0, "do": "partition", "groups": [[1, 2], [3, 4, 5]]}, {"at": 5, "do": "get", "key": "x", "mode": "lease"}]`
	actions, err := ParseActions([]byte(list), []raft.ID{1, 2, 3, 4, 5}, view.LeaseRead)
	require.NoError(t, err)
	assert.Equal(t, []view.Action{{Do: "partition", Groups: [][]view.ID{{1, 2}, {3, 4, 5}}}, {At: 5, Do: "get", Key: "x", Mode: "lease"}}, actions)

	_, err = ParseActions([]byte(list), []raft.ID{1, 2, 3}, view.LeaseRead)
	assert.EqualError(t, err, `steps[0] (partition): field "groups[1]": there is no node 4 at this step: the nodes are 1, 2, 3`)
	_, err = ParseActions([]byte(list), []raft.ID{1, 2, 3, 4, 5}, view.ReadIndexRead)
	assert.EqualError(t, err, `steps[1] (get): field "mode": lease reads are off: set features.readMode to "lease" (a restarted node then waits an election timeout before it votes)`)
	_, err = ParseActions([]byte(`{"do": "heal"}`), nil, view.ReadIndexRead)
	assert.Error(t, err, "a list, not an object")
}

// TestSavedSessionOpensAgain: what a session did by hand, saved as a
// scenario file, passes the file's checks: here a node added, a removal
// asked for and, before it commits, a restart and a partition naming the
// node that is leaving (the world still has it).
func TestSavedSessionOpensAgain(t *testing.T) {
	s := labSession(t, 3, 7, nil)
	labWaitLeader(t, s, 1000)
	labDo(t, s, view.Action{Do: "addNode", Node: 4})
	s.RunUntil(s.Now() + 1000)
	labDo(t, s, view.Action{Do: "removeNode", Node: 2})
	labDo(t, s, view.Action{Do: "crash", Node: 2})
	labDo(t, s, view.Action{Do: "partition", Groups: [][]view.ID{{1, 2}, {3, 4}}})
	labDo(t, s, view.Action{Do: "disk", Node: 4, FsyncMs: view.MaxDelayMs})
	sc := &view.Scenario{Name: "saved", Settings: s.World().Settings(), Until: s.Now() + 1000, Actions: s.Actions()}
	data, err := MarshalScenario(sc)
	require.NoError(t, err)
	require.NoError(t, startScenario(string(data)))
}
