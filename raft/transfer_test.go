package raft

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// transferWatch records, without dropping anything, the target's last index
// when each TimeoutNow reaches it and which voters granted a RequestVote.
type transferWatch struct {
	timeoutNowAt []uint64 // the target's LastIndex as each TimeoutNow arrives
	leaderLastAt []uint64 // the sender's LastIndex at the same moment
	granted      map[ID][]ID
	transferVote int // RequestVotes carrying the Transfer flag
	inner        func(Message) bool
}

func transferObserve(c *cluster) *transferWatch {
	w := &transferWatch{granted: map[ID][]ID{}, inner: c.drop}
	c.drop = func(m Message) bool {
		if w.inner != nil && w.inner(m) {
			return true
		}
		switch m.Type {
		case MsgTimeoutNow:
			if n := c.nodes[m.To]; n != nil {
				w.timeoutNowAt = append(w.timeoutNowAt, n.LastIndex())
				w.leaderLastAt = append(w.leaderLastAt, c.nodes[m.From].LastIndex())
			}
		case MsgRequestVote:
			if m.Transfer {
				w.transferVote++
			}
		case MsgRequestVoteResponse:
			if !m.Reject {
				w.granted[m.To] = append(w.granted[m.To], m.From)
			}
		}
		return false
	}
	return w
}

func TestTransferToUpToDateFollower(t *testing.T) {
	c := defaultCluster(t, 3, nil)
	c.electLeader(1)
	c.propose(1, "a")
	c.tick(1)
	w := transferObserve(c)
	l := c.nodes[1]

	require.NoError(t, l.TransferLeadership(2))
	require.Equal(t, ID(2), l.LeadTransferee())
	// Proposals and config changes are refused while it runs.
	_, _, err := l.Propose([]byte("refused"))
	require.ErrorIs(t, err, ErrTransferring)
	_, err = l.ProposeConfChange(ConfChange{Type: AddLearner, Node: 4})
	require.ErrorIs(t, err, ErrTransferring)
	// The target is up to date, so TimeoutNow goes out at once.
	rd := l.Ready()
	require.Len(t, rd.Messages, 1)
	require.Equal(t, MsgTimeoutNow, rd.Messages[0].Type)
	require.Equal(t, ID(2), rd.Messages[0].To)
	c.handleReady(1, rd)

	c.deliver(0)
	require.Equal(t, Leader, c.nodes[2].Role())
	require.Equal(t, uint64(2), c.nodes[2].Term(), "the target wins the next term")
	require.Equal(t, Follower, l.Role())
	require.Equal(t, ID(2), l.Leader())
	require.Equal(t, None, l.LeadTransferee())
	require.Equal(t, 2, w.transferVote, "one election, its requests flagged as a transfer")
	require.Len(t, w.timeoutNowAt, 1)

	idx := c.propose(2, "b")
	c.tick(1)
	for _, id := range ids(3) {
		require.Equal(t, idx, c.nodes[id].CommitIndex())
		require.Equal(t, []string{"a", "b"}, memberStrings(c.applied[id]))
	}
}

func TestTransferToLaggingFollower(t *testing.T) {
	c := defaultCluster(t, 3, nil)
	c.electLeader(1)
	c.tick(1)
	c.crash(3, 0)
	for _, s := range []string{"a", "b", "c", "d", "e", "f"} {
		c.propose(1, s)
	}
	c.restart(3)
	l := c.nodes[1]
	require.Less(t, c.nodes[3].LastIndex(), l.LastIndex())
	w := transferObserve(c)

	require.NoError(t, l.TransferLeadership(3))
	for _, m := range sentMessages(l.Ready()) {
		require.NotEqual(t, MsgTimeoutNow, m.Type, "no TimeoutNow to a lagging target")
	}
	c.tick(5)
	require.Equal(t, Leader, c.nodes[3].Role(), c.String())
	require.Equal(t, uint64(2), c.nodes[3].Term())
	require.Len(t, w.timeoutNowAt, 1)
	require.Equal(t, w.leaderLastAt[0], w.timeoutNowAt[0], "TimeoutNow only once the target caught up")
	require.Equal(t, []string{"a", "b", "c", "d", "e", "f"}, memberStrings(c.applied[3]))
}

func TestTransferAbortsWhenTargetUnreachable(t *testing.T) {
	c := defaultCluster(t, 3, nil)
	c.electLeader(1)
	c.tick(1)
	c.crash(3, 0)
	l := c.nodes[1]
	require.NoError(t, l.TransferLeadership(3))
	et := l.cfg.ElectionTick

	c.tick(et - 1)
	require.Equal(t, ID(3), l.LeadTransferee(), "still trying")
	_, _, err := l.Propose([]byte("x"))
	require.ErrorIs(t, err, ErrTransferring)

	c.tick(1)
	require.Equal(t, None, l.LeadTransferee(), "abandoned after an election timeout")
	require.Equal(t, Leader, l.Role())
	require.Equal(t, uint64(1), l.Term())
	idx := c.propose(1, "after")
	c.tick(1)
	require.Equal(t, idx, c.nodes[2].CommitIndex(), "proposals are accepted again")
}

func TestTransferWithCheckQuorum(t *testing.T) {
	// With CheckQuorum, followers that hear from a leader ignore vote
	// requests. The target's campaign carries the Transfer flag, which
	// they honour: with five voters the target needs two of them besides
	// the old leader.
	for _, preVote := range []bool{false, true} {
		c := defaultCluster(t, 5, func(cfg *Config) { cfg.CheckQuorum = true; cfg.PreVote = preVote })
		c.electLeader(1)
		c.tick(1)
		w := transferObserve(c)

		// Control: an ordinary campaign by 2 now fails, since 3, 4 and 5
		// are in their lease.
		if !preVote {
			require.NoError(t, c.nodes[2].Campaign())
			c.deliver(0)
			require.NotEqual(t, Leader, c.nodes[2].Role())
			require.NotContains(t, w.granted[2], ID(3))
			c.tick(25)
		}
		l := c.leader()
		require.NotEqual(t, None, l)
		term := c.nodes[l].Term()
		target := ID(5)
		if l == target {
			target = 4
		}
		require.NoError(t, c.nodes[l].TransferLeadership(target))
		c.deliver(0)
		require.Equal(t, Leader, c.nodes[target].Role(), "preVote=%v\n%s", preVote, c.String())
		require.Equal(t, term+1, c.nodes[target].Term(), "no pre-election for a transfer")
		var fromFollowers int
		for _, id := range w.granted[target] {
			if id != l {
				fromFollowers++
			}
		}
		require.GreaterOrEqual(t, fromFollowers, 1, "followers in their lease granted the transfer vote")
		require.Equal(t, Follower, c.nodes[l].Role())
	}
}

func TestTransferErrors(t *testing.T) {
	c := memberCluster(t, 3, nil)
	c.electLeader(1)
	l := c.nodes[1]
	require.ErrorIs(t, c.nodes[2].TransferLeadership(3), ErrNotLeader)
	require.ErrorIs(t, l.TransferLeadership(9), ErrNotMember)
	require.NoError(t, l.TransferLeadership(1), "to itself: nothing to do")
	require.Equal(t, None, l.LeadTransferee())

	memberJoin(t, c, 4)
	memberChange(t, c, 1, ConfChange{Type: AddLearner, Node: 4})
	require.ErrorIs(t, l.TransferLeadership(4), ErrNotMember, "a learner cannot lead")
	require.Equal(t, None, l.LeadTransferee())
}

func TestTransferTimeoutNow(t *testing.T) {
	for _, tc := range []struct {
		name     string
		preVote  bool
		msgTerm  uint64
		learner  bool
		wantRole Role
		wantTerm uint64
	}{
		{"campaigns at once", false, 1, false, Candidate, 2},
		{"skips the pre-election", true, 1, false, Candidate, 2},
		{"stale term ignored", false, 0, false, Follower, 1},
		{"learner ignores it", false, 1, true, Follower, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := memberCluster(t, 3, func(cfg *Config) { cfg.PreVote = tc.preVote })
			c.electLeader(1)
			target := ID(2)
			if tc.learner {
				memberJoin(t, c, 4)
				memberChange(t, c, 1, ConfChange{Type: AddLearner, Node: 4})
				target = 4
			}
			c.tick(1)
			n := c.nodes[target]
			c.nodes[1].Ready() // discard the leader's pending output
			// A stale TimeoutNow comes from a leader of an older term:
			// move the target ahead first.
			if tc.msgTerm == 0 {
				require.NoError(t, n.Step(Message{Type: MsgAppendEntries, From: 3, To: target, Term: 1, Index: n.LastIndex(), LogTerm: 1}))
				n.Advance(new(n.Ready()))
				require.NoError(t, n.Step(Message{Type: MsgRequestVote, From: 3, To: target, Term: 2, Index: 0, LogTerm: 0}))
				n.Advance(new(n.Ready()))
				tc.wantTerm = 2
				tc.msgTerm = 1
			}
			require.NoError(t, n.Step(Message{Type: MsgTimeoutNow, From: 1, To: target, Term: tc.msgTerm}))
			require.Equal(t, tc.wantRole, n.Role())
			require.Equal(t, tc.wantTerm, n.Term())
			if tc.wantRole == Candidate {
				var reqs int
				for _, m := range sentMessages(n.Ready()) {
					require.Equal(t, MsgRequestVote, m.Type)
					require.True(t, m.Transfer)
					reqs++
				}
				require.Equal(t, 2, reqs)
			}
		})
	}
}
