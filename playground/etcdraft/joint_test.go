package etcdraft_test

import (
	"testing"

	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const jointScenario = `{"name": "joint", "nodes": 3, "engine": "etcd", "until": 4000, "steps": [
	{"at": 800, "do": "put", "key": "x", "value": "1"},
	{"at": 1000, "do": "reconfigure", "voters": [1, 2, 4]},
	{"at": 2500, "do": "put", "key": "y", "value": "2"}]}`

// TestJointChange replaces S3 with a new S4 in one joint change on etcd's
// engine: the cluster passes through a joint configuration (old voters
// S1-S3, new S1, S2, S4), leaves it by itself, and S3 shuts down. S4 holds
// everything committed, and the checkers see nothing wrong.
func TestJointChange(t *testing.T) {
	sc, err := playground.ParseScenario([]byte(jointScenario))
	require.NoError(t, err)
	w, err := playground.NewWorld(sc)
	require.NoError(t, err)
	s := playground.NewSession(w, sc.Actions)
	var sawJoint bool
	for at := int64(1000); at <= sc.Until; at += 5 {
		s.RunUntil(at)
		for _, id := range s.World().Nodes() {
			if n := s.World().Node(id); n.Up && !n.Removed {
				if in, out := n.Raft.Joint(); out != nil {
					sawJoint = true
					assert.Equal(t, []raft.ID{1, 2, 4}, in)
					assert.Equal(t, []raft.ID{1, 2, 3}, out)
					for _, v := range s.World().View().Nodes {
						if v.ID == view.ID(id) {
							assert.Equal(t, []view.ID{1, 2, 3}, v.Members.Outgoing, "the view of S%d", id)
						}
					}
				}
			}
		}
	}
	require.True(t, sawJoint, "no server was ever in a joint configuration")
	res := s.World().Result(sc.Name)
	assert.Empty(t, res.Violations)
	for _, e := range res.Expectations {
		assert.True(t, e.OK, e.Message)
	}
	for _, n := range res.Nodes {
		if n.ID == 3 {
			assert.False(t, n.Up, "S3 shut down once removed")
			continue
		}
		assert.Equal(t, []raft.ID{1, 2, 4}, n.Members, "S%d", n.ID)
		assert.Equal(t, map[string]string{"x": "1", "y": "2"}, n.KV, "S%d", n.ID)
	}
}

// TestJointNeedsEtcd: RaftLab's engine changes one server at a time, and
// says so.
func TestJointNeedsEtcd(t *testing.T) {
	sc, err := playground.ParseScenario([]byte(jointScenario))
	require.NoError(t, err)
	sc.Settings.Engine = view.EngineRaftLab
	w, err := playground.NewWorld(sc)
	require.NoError(t, err)
	err = w.Do(view.Action{Do: "reconfigure", Voters: []view.ID{1, 2, 4}})
	require.Error(t, err)
	assert.Equal(t, i18n.Errorf("scenario.action.joint-engine").Error(), err.Error())
}
