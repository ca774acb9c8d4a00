package ui

import (
	"testing"

	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// jointLeader is a leader, S4, in the joint configuration that replaces
// S5 with S6: the voters {S1...S5} being left, {S1...S4, S6} going to.
func jointLeader() view.Node {
	return view.Node{ID: 4, Up: true, Role: view.Leader, Term: 1, Leader: 4,
		Members: view.Membership{Voters: []view.ID{1, 2, 3, 4, 6}, Outgoing: []view.ID{1, 2, 3, 4, 5}},
		Progress: []view.Progress{
			{ID: 1, Match: 4, Next: 5, State: view.StateReplicate, Inflight: []uint64{}, Window: 4},
			{ID: 2, Match: 2, Next: 5, State: view.StateReplicate, Inflight: []uint64{3, 4}, Window: 4},
			{ID: 3, Match: 4, Next: 5, State: view.StateReplicate, Window: 4},
			{ID: 5, Match: 4, Next: 5, State: view.StateReplicate, Inflight: []uint64{4}, Window: 4},
			{ID: 6, Match: 0, Next: 1, State: view.StateProbe, Window: 4},
		}}
}

// TestInspectorShowsJointHalves: a server in a joint configuration shows
// both halves under its members, the voters being left first; the leader
// lists the progress of the voters being left too.
func TestInspectorShowsJointHalves(t *testing.T) {
	n := jointLeader()
	lines := rendered(inspectorText(i18n.English, &n))
	assert.Contains(t, lines, "members: voters {1,2,3,4,6}")
	assert.Contains(t, lines, "  joint: {S1, S2, S3, S4, S5} → {S1, S2, S3, S4, S6}")
	assert.Contains(t, lines, "  S5  match 4  next 5  replicate  inflight 1/4", "the voter being left still counts")
	zh := rendered(inspectorText(i18n.Chinese, &n))
	assert.Contains(t, zh, "  联合配置：{S1, S2, S3, S4, S5} → {S1, S2, S3, S4, S6}")

	n.Members.Outgoing = nil // left: one configuration again
	for _, l := range rendered(inspectorText(i18n.English, &n)) {
		assert.NotContains(t, l, "joint")
	}
}

// TestInspectorShowsInflight: each of a leader's followers shows its
// replication state and its flow-control window: the AppendEntries in
// flight, of at most so many.
func TestInspectorShowsInflight(t *testing.T) {
	n := jointLeader()
	lines := rendered(inspectorText(i18n.English, &n))
	assert.Contains(t, lines, "  S2  match 2  next 5  replicate  inflight 2/4")
	assert.Contains(t, lines, "  S1  match 4  next 5  replicate  inflight 0/4")
	assert.Contains(t, lines, "  S6  match 0  next 1  probe  inflight 0/4")
	zh := rendered(inspectorText(i18n.Chinese, &n))
	assert.Contains(t, zh, "  S2  match 2  next 5  复制（replicate）  在途（inflight）2/4")

	n.Progress = []view.Progress{{ID: 1, Match: 4, Next: 5, State: view.StateSnapshot}}
	assert.Contains(t, rendered(inspectorText(i18n.English, &n)), "  S1  match 4  next 5  snapshot", "no window, no inflight")
}

// TestClusterMarksJointHalves: given a world whose leader is in a joint
// configuration, the server only in the half being left is marked
// leaving, the one only in the half going to joining, each in its own
// colour, and the others keep their roles; the words fit a label in
// English and Chinese. Once the leader leaves the joint configuration, the
// marks go, even while a follower has yet to learn it.
func TestClusterMarksJointHalves(t *testing.T) {
	withCJKFont(t)
	g := testGame(t, "")
	w := &view.World{Nodes: []view.Node{
		{ID: 1, Up: true, Role: view.Follower, Members: jointLeader().Members},
		jointLeader(),
		{ID: 5, Up: true, Role: view.Follower, Members: jointLeader().Members},
		{ID: 6, Up: true, Role: view.Follower},
	}}
	joint := jointConfig(w)
	sides := map[view.ID]jointSide{}
	for _, n := range w.Nodes {
		sides[n.ID] = sideOf(joint, n.ID)
	}
	assert.Equal(t, map[view.ID]jointSide{1: jointNone, 4: jointNone, 5: jointLeaving, 6: jointJoining}, sides)
	for _, l := range i18n.Langs {
		g.SetLang(l)
		leaving, leavingCol := g.roleLine(w.Node(5), jointLeaving)
		joining, joiningCol := g.roleLine(w.Node(6), jointJoining)
		follower, _ := g.roleLine(w.Node(1), jointNone)
		assert.Equal(t, g.tr("help.role.follower"), follower)
		assert.NotEqual(t, leaving, joining)
		assert.NotEqual(t, leavingCol, joiningCol)
		for _, word := range []string{leaving, joining} {
			assert.LessOrEqual(t, textWidth(word, face(11.5, false)), labelW, "%s: %q fits a label", l, word)
		}
	}

	w.Nodes[1].Members.Outgoing = nil
	joint = jointConfig(w)
	for _, n := range w.Nodes {
		assert.Equal(t, jointNone, sideOf(joint, n.ID), "S%d", n.ID)
	}
	w.Nodes[1].Up = false // no leader: a server in the joint configuration says
	assert.Equal(t, jointLeaving, sideOf(jointConfig(w), 5))
}

// TestJointChangeOnScreen: on etcd's engine, a voter's menu replaces it
// with a new server in one joint change; while the leader is in the joint
// configuration the cluster marks the replaced server leaving and the new
// one joining, and the leader's inspector shows both halves.
func TestJointChangeOnScreen(t *testing.T) {
	sc, err := playground.ParseScenario([]byte(`{"name": "joint", "nodes": 3, "engine": "etcd", "until": 60000}`))
	require.NoError(t, err)
	g := testGameWith(t, Options{Scenario: sc})
	g.SeekTo(1000)
	leader, ok := g.view().Leader()
	require.True(t, ok)
	var victim view.ID
	for _, id := range g.view().IDs() {
		if id != leader {
			victim = id
		}
	}
	spot, ok := g.lay.Node(victim)
	require.True(t, ok)
	g.click(spot.X, spot.Y, false)
	clickItem(t, g, "menu-replace")
	var seen bool
	for ms := g.sess.Now(); ms < 3000 && !seen; ms++ {
		g.SeekTo(ms)
		joint := jointConfig(g.view())
		if len(joint.Outgoing) == 0 {
			continue
		}
		seen = true
		assert.Equal(t, jointLeaving, sideOf(joint, victim))
		assert.Equal(t, jointJoining, sideOf(joint, 4), "S4, the new server")
		assert.Equal(t, jointNone, sideOf(joint, leader))
		g.selected = leader
		assert.Contains(t, rendered(inspectorText(i18n.English, g.view().Node(leader))), "  joint: "+nameSet(joint.Outgoing)+" → "+nameSet(joint.Voters))
	}
	assert.True(t, seen, "the cluster went through a joint configuration")
}
