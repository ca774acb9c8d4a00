package raft

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestElectAndReplicate(t *testing.T) {
	for _, preVote := range []bool{false, true} {
		c := defaultCluster(t, 3, func(cfg *Config) { cfg.PreVote = preVote; cfg.CheckQuorum = true })
		c.electLeader(1)
		require.Equal(t, uint64(1), c.nodes[1].Term())
		idx := c.propose(1, "x=1")
		c.tick(1) // a heartbeat carries the new commit index to followers
		for _, id := range ids(3) {
			require.Equal(t, idx, c.nodes[id].CommitIndex(), "node %d commit", id)
			require.Equal(t, [][]byte{[]byte("x=1")}, c.applied[id], "node %d state", id)
		}
	}
}

func TestElectionByTimeout(t *testing.T) {
	c := defaultCluster(t, 5, func(cfg *Config) { cfg.PreVote = true; cfg.CheckQuorum = true })
	c.tick(50)
	l := c.leader()
	require.NotEqual(t, None, l, c.String())
	for _, id := range ids(5) {
		require.Equal(t, l, c.nodes[id].Leader(), "node %d knows the leader", id)
	}
}
