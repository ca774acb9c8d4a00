package etcdraft_test

import (
	"testing"

	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The engines' known differences in behaviour, each shown by a run on both
// and explained. (TestDifferential checks that none changes what commits
// or what a client sees in the bundled scenarios.)

// onBoth runs a scenario file on each engine to until, and hands each
// session to check.
func onBoth(t *testing.T, file string, until int64, check func(t *testing.T, e view.Engine, s *playground.Session)) {
	t.Helper()
	for _, e := range view.Engines {
		sc, err := playground.ParseScenario([]byte(file))
		require.NoError(t, err)
		sc.Settings.Engine = e
		w, err := playground.NewWorld(sc)
		require.NoError(t, err)
		s := playground.NewSession(w, sc.Actions)
		s.RunUntil(until)
		t.Run(e.String(), func(t *testing.T) { check(t, e, s) })
	}
}

// TestPreVoteWithoutCheckQuorum: with PreVote on and CheckQuorum off, a
// follower whose log is up to date times out while the leader is alive.
// RaftLab's engine does as the Raft thesis (9.6) says: a server that heard
// from a leader within the election timeout does not grant a pre-vote, so
// the others ignore it. etcd ties that check to CheckQuorum
// (raft.go: inLease := r.checkQuorum && ...), so without it the others
// grant the pre-vote, and the follower may go on to depose a healthy
// leader: the disruption PreVote is meant to prevent.
func TestPreVoteWithoutCheckQuorum(t *testing.T) {
	const file = `{"name": "prevote", "nodes": 3, "until": 1500,
		"features": {"preVote": true, "checkQuorum": false},
		"steps": [{"at": 0, "do": "campaign", "node": 1}, {"at": 1000, "do": "campaign", "node": 3}]}`
	onBoth(t, file, 1500, func(t *testing.T, e view.Engine, s *playground.Session) {
		granted := 0
		for _, ev := range s.World().Trace() {
			if ev.AtMs >= 1000 && ev.Type == view.EvSend && ev.Flight != nil && ev.Flight.Raft.Type == raft.MsgPreVoteResponse && !ev.Flight.Raft.Reject {
				granted++
			}
		}
		if e == view.EngineEtcd {
			assert.Equal(t, 2, granted, "etcd grants the pre-vote (S1 and S2)")
		} else {
			assert.Zero(t, granted, "RaftLab's engine ignores it: a leader was heard")
		}
	})
}

// TestConfigOnApply: RaftLab's engine, as the Raft paper, puts a new
// configuration in force as soon as its entry is appended; etcd only once
// it is committed and applied (the application calls ApplyConfChange).
// So the moment the leader first counts the new learner, its entry is
// still uncommitted on RaftLab's engine, and committed on etcd's.
func TestConfigOnApply(t *testing.T) {
	const file = `{"name": "config", "nodes": 3, "until": 1000,
		"steps": [{"at": 0, "do": "campaign", "node": 1}, {"at": 500, "do": "addNode", "node": 4}]}`
	onBoth(t, file, 500, func(t *testing.T, e view.Engine, s *playground.Session) {
		for at := int64(500); at <= 1000; at++ {
			s.RunUntil(at)
			l := s.World().Node(1).Raft
			if !l.Membership().Contains(4) {
				continue
			}
			committed := l.CommitIndex() >= l.LastIndex()
			if e == view.EngineEtcd {
				assert.True(t, committed, "at %d ms etcd's leader counts S4 only once the change is applied", at)
			} else {
				assert.False(t, committed, "at %d ms RaftLab's leader counts S4 as soon as the change is appended", at)
			}
			return
		}
		t.Fatal("S4 never joined")
	})
}
