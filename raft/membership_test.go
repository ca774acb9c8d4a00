package raft

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// memberCluster is a cluster bootstrapped with voters 1..boot; nodes with
// a higher ID start with no Peers and must learn their membership from a
// leader. Only the bootstrap nodes are created; see memberJoin.
func memberCluster(t *testing.T, boot int, tweak func(*Config)) *cluster {
	return newCluster(t, boot, func(id ID) Config {
		c := testConfig(id)
		if int(id) <= boot {
			c = testConfig(id, ids(boot)...)
		}
		if tweak != nil {
			tweak(&c)
		}
		return c
	})
}

// memberJoin starts a fresh node id with an empty disk and no Peers.
func memberJoin(t *testing.T, c *cluster, id ID) *Node {
	t.Helper()
	c.wals[id] = &WAL{}
	n, err := New(c.cfg(id), DurableState{})
	require.NoError(t, err)
	require.Empty(t, n.Membership().Members(), "a joining node knows no members")
	c.nodes[id] = n
	return n
}

// memberChange proposes cc at the leader and settles the network.
func memberChange(t *testing.T, c *cluster, leader ID, cc ConfChange) uint64 {
	t.Helper()
	idx, err := c.nodes[leader].ProposeConfChange(cc)
	require.NoError(t, err, "%s %d", cc.Type, cc.Node)
	c.deliver(0)
	return idx
}

func memberVoters(vs ...ID) Membership { return Membership{Voters: vs} }

func TestMembershipAddLearner(t *testing.T) {
	c := memberCluster(t, 3, nil)
	c.electLeader(1)
	c.propose(1, "a")
	n4 := memberJoin(t, c, 4)

	idx := memberChange(t, c, 1, ConfChange{Type: AddLearner, Node: 4})
	c.tick(1)
	want := Membership{Voters: []ID{1, 2, 3}, Learners: []ID{4}}
	for _, id := range ids(4) {
		require.Equal(t, want, c.nodes[id].Membership(), "node %d", id)
		require.Equal(t, idx, c.nodes[id].CommitIndex(), "node %d", id)
	}
	// The learner replicates the log, learns its membership from it, and
	// applies entries.
	require.Equal(t, c.logTerms(1), c.logTerms(4))
	require.Equal(t, [][]byte{[]byte("a")}, c.applied[4])
	require.True(t, xProgress(t, c.nodes[1], 4).Learner)

	// It never campaigns, however long it hears nothing.
	require.ErrorIs(t, n4.Campaign(), ErrNotMember)
	votes := c.sent[MsgRequestVote]
	c.isolate(4)
	c.tick(100)
	require.Equal(t, Follower, n4.Role())
	require.Equal(t, uint64(1), n4.Term(), "a learner does not start elections")
	require.Equal(t, votes, c.sent[MsgRequestVote])
	c.heal()

	// It does not count toward commit: with both other voters cut off,
	// the leader and the learner hold an entry, which stays uncommitted.
	c.partition([]ID{1, 4}, []ID{2, 3})
	commit := c.nodes[1].CommitIndex()
	idx = c.propose(1, "b")
	c.tick(3)
	require.Equal(t, idx, n4.LastIndex(), "the learner has the entry")
	require.Equal(t, commit, c.nodes[1].CommitIndex(), "leader + learner are no quorum")
	c.heal()
	c.tick(1)
	require.Equal(t, idx, c.nodes[1].CommitIndex())
	require.Equal(t, idx, n4.CommitIndex())
}

func TestMembershipLearnerVoteIgnored(t *testing.T) {
	// A candidate counts only voters: a learner's grant does not help it
	// win, even when the learner would make a majority of members.
	c := memberCluster(t, 3, nil)
	c.electLeader(1)
	memberJoin(t, c, 4)
	memberChange(t, c, 1, ConfChange{Type: AddLearner, Node: 4})
	c.tick(1)

	n2 := c.nodes[2]
	require.NoError(t, n2.Campaign())
	require.Equal(t, Candidate, n2.Role())
	term := n2.Term()
	for _, m := range sentMessages(n2.Ready()) {
		require.NotEqual(t, ID(4), m.To, "no vote request to a learner")
	}
	require.NoError(t, n2.Step(Message{Type: MsgRequestVoteResponse, From: 4, To: 2, Term: term}))
	require.Equal(t, Candidate, n2.Role(), "a learner's vote does not count")
	require.NoError(t, n2.Step(Message{Type: MsgRequestVoteResponse, From: 3, To: 2, Term: term}))
	require.Equal(t, Leader, n2.Role(), "a voter's does")
}

func TestMembershipPromoteLearner(t *testing.T) {
	c := memberCluster(t, 3, nil)
	c.electLeader(1)
	memberJoin(t, c, 4)
	memberChange(t, c, 1, ConfChange{Type: AddLearner, Node: 4})
	idx := memberChange(t, c, 1, ConfChange{Type: AddVoter, Node: 4})
	c.tick(1)
	for _, id := range ids(4) {
		require.Equal(t, memberVoters(1, 2, 3, 4), c.nodes[id].Membership(), "node %d", id)
		require.Equal(t, idx, c.nodes[id].CommitIndex())
	}
	require.False(t, xProgress(t, c.nodes[1], 4).Learner)

	// Four voters: the quorum is three. The leader and 4 alone cannot
	// commit; with 2 as well they can.
	c.partition([]ID{1, 4}, []ID{2, 3})
	commit := c.nodes[1].CommitIndex()
	c.propose(1, "b")
	c.tick(2)
	require.Equal(t, commit, c.nodes[1].CommitIndex(), "2 of 4 voters are no quorum")
	c.partition([]ID{1, 2, 4}, []ID{3})
	c.tick(2)
	require.Equal(t, c.nodes[1].LastIndex(), c.nodes[1].CommitIndex(), "3 of 4 are")

	// The new voter can now win an election.
	c.heal()
	c.tick(1)
	c.electLeader(4)
}

func TestMembershipAddVoter(t *testing.T) {
	c := memberCluster(t, 3, nil)
	c.electLeader(1)
	c.propose(1, "a")
	n4 := memberJoin(t, c, 4)
	idx := memberChange(t, c, 1, ConfChange{Type: AddVoter, Node: 4})
	c.tick(1)
	require.Equal(t, memberVoters(1, 2, 3, 4), n4.Membership())
	require.Equal(t, idx, n4.CommitIndex())
	require.Equal(t, [][]byte{[]byte("a")}, c.applied[4])

	// 1, 2 and 4 form a quorum of four without 3.
	c.crash(3, 0)
	idx = c.propose(1, "b")
	c.tick(1)
	require.Equal(t, idx, c.nodes[1].CommitIndex())
	require.Equal(t, idx, n4.CommitIndex())
}

func TestMembershipRemoveFollower(t *testing.T) {
	c := memberCluster(t, 3, nil)
	c.electLeader(1)
	idx := memberChange(t, c, 1, ConfChange{Type: RemoveNode, Node: 3})
	c.tick(1)
	for _, id := range []ID{1, 2} {
		require.Equal(t, memberVoters(1, 2), c.nodes[id].Membership())
		require.Equal(t, idx, c.nodes[id].CommitIndex())
	}
	for _, p := range c.nodes[1].Status().Progress {
		require.NotEqual(t, ID(3), p.ID, "the leader tracks no removed node")
	}

	// The leader sends nothing to the removed node, and the two remaining
	// voters commit on their own.
	var to3 int
	c.drop = func(m Message) bool {
		if m.To == 3 {
			to3++
		}
		return false
	}
	c.crash(3, 0) // the operator shuts the removed server down
	idx = c.propose(1, "b")
	c.tick(3)
	require.Zero(t, to3)
	require.Equal(t, idx, c.nodes[2].CommitIndex())
}

func TestMembershipRemoveLeader(t *testing.T) {
	c := memberCluster(t, 3, nil)
	c.electLeader(1)
	c.propose(1, "a")
	c.tick(1)
	c.crash(3, 0)

	// The removal takes effect at once: 1 keeps leading but no longer
	// counts itself, so with 3 down (1 and 2 hold the entry) it cannot
	// commit.
	idx, err := c.nodes[1].ProposeConfChange(ConfChange{Type: RemoveNode, Node: 1})
	require.NoError(t, err)
	c.deliver(0)
	c.tick(3)
	l := c.nodes[1]
	require.Equal(t, Leader, l.Role())
	require.Equal(t, memberVoters(2, 3), l.Membership())
	require.Equal(t, idx, c.nodes[2].LastIndex(), "2 holds the removal")
	require.Less(t, l.CommitIndex(), idx, "the leader does not count itself")
	require.Equal(t, uint64(1), l.Term())

	// It still leads (and takes proposals) until the removal commits.
	pidx := c.propose(1, "b")
	require.Greater(t, pidx, idx)

	c.restart(3)
	c.tick(1)
	require.GreaterOrEqual(t, l.CommitIndex(), idx, c.String())
	require.NotEqual(t, Leader, l.Role(), "stepped down once its removal committed")
	require.ErrorIs(t, l.Campaign(), ErrNotMember)

	// 2 and 3 elect a new leader among themselves.
	c.tick(50)
	nl := c.leader()
	require.Contains(t, []ID{2, 3}, nl, c.String())
	require.Greater(t, c.nodes[nl].Term(), uint64(1))
	idx = c.propose(nl, "c")
	c.tick(1)
	for _, id := range []ID{2, 3} {
		require.Equal(t, idx, c.nodes[id].CommitIndex())
		require.Equal(t, memberVoters(2, 3), c.nodes[id].Membership())
		require.Equal(t, []string{"a", "b", "c"}, memberStrings(c.applied[id]), "node %d", id)
	}
	require.Equal(t, Follower, l.Role())
}

func memberStrings(bs [][]byte) []string {
	out := make([]string, len(bs))
	for i, b := range bs {
		out[i] = string(b)
	}
	return out
}

func TestMembershipOneChangeAtATime(t *testing.T) {
	c := memberCluster(t, 3, nil)
	c.electLeader(1)
	l := c.nodes[1]
	idx, err := l.ProposeConfChange(ConfChange{Type: AddLearner, Node: 4})
	require.NoError(t, err)
	_, err = l.ProposeConfChange(ConfChange{Type: AddLearner, Node: 5})
	require.ErrorIs(t, err, ErrConfChangePending)
	require.Equal(t, idx, l.LastIndex(), "the refused change was not appended")

	// Still pending while it cannot commit.
	c.partition([]ID{1}, []ID{2, 3, 4})
	c.tick(3)
	_, err = l.ProposeConfChange(ConfChange{Type: RemoveNode, Node: 3})
	require.ErrorIs(t, err, ErrConfChangePending)

	// Once it commits the next change is accepted.
	c.heal()
	c.tick(1)
	require.GreaterOrEqual(t, l.CommitIndex(), idx)
	memberChange(t, c, 1, ConfChange{Type: AddLearner, Node: 5})
	require.Equal(t, Membership{Voters: []ID{1, 2, 3}, Learners: []ID{4, 5}}, l.Membership())
}

func TestMembershipNoChangeBeforeCommitInTerm(t *testing.T) {
	c := memberCluster(t, 3, func(cfg *Config) { cfg.Rules.SkipLeaderNoop = true })
	c.electLeader(1)
	l := c.nodes[1]
	_, err := l.ProposeConfChange(ConfChange{Type: AddLearner, Node: 4})
	require.ErrorIs(t, err, ErrNoCommitInTerm)
	require.Zero(t, l.LastIndex())

	c.propose(1, "a")
	_, err = l.ProposeConfChange(ConfChange{Type: AddLearner, Node: 4})
	require.NoError(t, err)
	c.deliver(0)

	// A new leader inherits committed entries of term 1 only: it must
	// commit one of its own term first.
	c.tick(1)
	c.electLeader(2)
	n2 := c.nodes[2]
	require.Equal(t, uint64(2), n2.Term())
	_, err = n2.ProposeConfChange(ConfChange{Type: RemoveNode, Node: 3})
	require.ErrorIs(t, err, ErrNoCommitInTerm)
	c.propose(2, "b")
	_, err = n2.ProposeConfChange(ConfChange{Type: RemoveNode, Node: 3})
	require.NoError(t, err)

	// Without SkipLeaderNoop the no-op does the job.
	c2 := memberCluster(t, 3, nil)
	c2.electLeader(1)
	_, err = c2.nodes[1].ProposeConfChange(ConfChange{Type: AddLearner, Node: 4})
	require.NoError(t, err)
}

func TestMembershipTakesEffectOnAppend(t *testing.T) {
	c := memberCluster(t, 3, nil)
	c.electLeader(1)
	// 2 and 3 receive the change but their acknowledgements are lost, so
	// it stays uncommitted.
	c.drop = func(m Message) bool { return m.To == 1 }
	idx, err := c.nodes[1].ProposeConfChange(ConfChange{Type: RemoveNode, Node: 3})
	require.NoError(t, err)
	require.Equal(t, memberVoters(1, 2), c.nodes[1].Membership(), "in force at the leader on append")
	c.deliver(0)
	for _, id := range []ID{1, 2} {
		n := c.nodes[id]
		require.Less(t, n.CommitIndex(), idx)
		require.Equal(t, idx, n.Status().ConfigIndex, "node %d", id)
	}
	require.Equal(t, memberVoters(1, 2), c.nodes[2].Membership(), "in force at a follower on append")
	// 3 never got it: the leader stopped replicating to it at once.
	require.Equal(t, memberVoters(1, 2, 3), c.nodes[3].Membership())
}

func TestMembershipRolledBackOnTruncate(t *testing.T) {
	c := memberCluster(t, 5, nil)
	c.electLeader(1)
	c.tick(1)
	base := c.nodes[1].LastIndex()

	// Leader 1 appends a removal that reaches only 2, and is cut off.
	c.drop = func(m Message) bool {
		return (m.From == 1 && m.To != 2) || (m.From == 2 && m.To == 1)
	}
	idx, err := c.nodes[1].ProposeConfChange(ConfChange{Type: RemoveNode, Node: 5})
	require.NoError(t, err)
	c.deliver(0)
	require.Equal(t, base+1, idx)
	for _, id := range []ID{1, 2} {
		require.Equal(t, memberVoters(1, 2, 3, 4), c.nodes[id].Membership(), "node %d", id)
	}

	// 3, 4 and 5 elect 3, whose log lacks the change; its no-op lands at
	// the same index.
	c.partition([]ID{1, 2}, []ID{3, 4, 5})
	c.electLeader(3)
	c.tick(1)
	require.Equal(t, idx, c.nodes[3].CommitIndex())

	// Once healed, 1 and 2 truncate the uncommitted change and fall back
	// to the configuration before it.
	c.heal()
	c.tick(2)
	for _, id := range ids(5) {
		n := c.nodes[id]
		require.Equal(t, memberVoters(1, 2, 3, 4, 5), n.Membership(), "node %d", id)
		require.Equal(t, uint64(0), n.Status().ConfigIndex, "node %d: back to the bootstrap peers", id)
		tm, _ := n.TermAt(idx)
		require.Equal(t, uint64(2), tm, "node %d holds the new leader's entry", id)
	}
	require.Equal(t, Follower, c.nodes[1].Role())

	// And the WAL says the same after a restart.
	c.crash(2, 0)
	c.restart(2)
	require.Equal(t, memberVoters(1, 2, 3, 4, 5), c.nodes[2].Membership())
}

func TestMembershipRolledBackToEarlierConfigEntry(t *testing.T) {
	// A truncated change falls back to the latest config entry before it,
	// not to the bootstrap peers.
	c := memberCluster(t, 3, nil)
	c.electLeader(1)
	memberJoin(t, c, 4)
	first := memberChange(t, c, 1, ConfChange{Type: AddLearner, Node: 4})
	c.tick(1)
	// A follower holds an uncommitted promotion, from a leader of term 1.
	f := c.nodes[2]
	last := f.LastIndex()
	promoted := Membership{Voters: []ID{1, 2, 3, 4}}
	require.NoError(t, f.Step(Message{Type: MsgAppendEntries, From: 1, To: 2, Term: 1, Index: last, LogTerm: 1,
		Entries: []Entry{{Index: last + 1, Term: 1, Kind: EntryConfig, Data: promoted.Marshal()}}}))
	require.Equal(t, promoted, f.Membership())
	// A leader of term 2 overwrites it.
	require.NoError(t, f.Step(Message{Type: MsgAppendEntries, From: 3, To: 2, Term: 2, Index: last, LogTerm: 1,
		Entries: []Entry{{Index: last + 1, Term: 2, Kind: EntryNoop}}}))
	require.Equal(t, Membership{Voters: []ID{1, 2, 3}, Learners: []ID{4}}, f.Membership())
	require.Equal(t, first, f.Status().ConfigIndex)
	rd := f.Ready()
	var truncs []uint64
	for _, r := range rd.Records {
		if r.Type == RecordTruncate {
			truncs = append(truncs, r.Index)
		}
	}
	require.Equal(t, []uint64{last + 1}, truncs)
}

func TestMembershipInvalidChanges(t *testing.T) {
	three := memberVoters(1, 2, 3)
	withLearner := Membership{Voters: []ID{1, 2, 3}, Learners: []ID{4}}
	for _, tc := range []struct {
		name    string
		m       Membership
		cc      ConfChange
		want    Membership
		wantErr error // checked with ErrorIs when set
		bad     bool
	}{
		{"add learner", three, ConfChange{AddLearner, 4}, withLearner, nil, false},
		{"add voter", three, ConfChange{AddVoter, 4}, memberVoters(1, 2, 3, 4), nil, false},
		{"promote learner", withLearner, ConfChange{AddVoter, 4}, memberVoters(1, 2, 3, 4), nil, false},
		{"demote voter", three, ConfChange{AddLearner, 3}, three, nil, true},
		{"remove voter", three, ConfChange{RemoveNode, 2}, memberVoters(1, 3), nil, false},
		{"remove learner", withLearner, ConfChange{RemoveNode, 4}, three, nil, false},
		{"add existing voter", three, ConfChange{AddVoter, 2}, three, nil, true},
		{"add existing learner", withLearner, ConfChange{AddLearner, 4}, withLearner, nil, true},
		{"remove stranger", three, ConfChange{RemoveNode, 9}, three, ErrNotMember, true},
		{"remove last voter", memberVoters(1), ConfChange{RemoveNode, 1}, memberVoters(1), nil, true},
		{"remove last voter with a learner", Membership{Voters: []ID{1}, Learners: []ID{2}}, ConfChange{RemoveNode, 1}, Membership{Voters: []ID{1}, Learners: []ID{2}}, nil, true},
		{"no node", three, ConfChange{AddVoter, None}, three, nil, true},
		{"unknown type", three, ConfChange{ConfChangeType(9), 4}, three, nil, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := tc.m.Clone()
			got, err := tc.cc.Apply(tc.m)
			require.Equal(t, before, tc.m, "Apply does not modify its input")
			if !tc.bad {
				require.NoError(t, err)
				require.True(t, tc.want.Equal(got), "got %s, want %s", got, tc.want)
				return
			}
			require.Error(t, err)
			if tc.wantErr != nil {
				require.ErrorIs(t, err, tc.wantErr)
			}

			// A leader refuses the same change and appends nothing.
			c := newCluster(t, len(tc.m.Voters), func(id ID) Config { return testConfig(id, tc.m.Voters...) })
			c.electLeader(1)
			if len(tc.m.Learners) > 0 {
				memberChange(t, c, 1, ConfChange{AddLearner, tc.m.Learners[0]})
			}
			l := c.nodes[1]
			require.True(t, tc.m.Equal(l.Membership()))
			last := l.LastIndex()
			_, err = l.ProposeConfChange(tc.cc)
			require.Error(t, err)
			if tc.wantErr != nil {
				require.ErrorIs(t, err, tc.wantErr)
			}
			require.Equal(t, last, l.LastIndex())
			require.True(t, tc.m.Equal(l.Membership()))
		})
	}
}

func TestMembershipProposeErrors(t *testing.T) {
	c := memberCluster(t, 3, nil)
	c.electLeader(1)
	_, err := c.nodes[2].ProposeConfChange(ConfChange{Type: AddLearner, Node: 4})
	require.ErrorIs(t, err, ErrNotLeader)
	require.NoError(t, c.nodes[1].TransferLeadership(2))
	_, err = c.nodes[1].ProposeConfChange(ConfChange{Type: AddLearner, Node: 4})
	require.ErrorIs(t, err, ErrTransferring)
}

func TestMembershipJoinerLearnsFromLeader(t *testing.T) {
	c := memberCluster(t, 3, nil)
	c.electLeader(1)
	for i := range 5 {
		c.propose(1, string(rune('a'+i)))
	}
	n4 := memberJoin(t, c, 4)
	// Until someone tells it, it knows nothing and does nothing.
	c.tick(50)
	require.Equal(t, uint64(0), n4.Term())
	require.Equal(t, None, n4.Leader())
	require.Zero(t, n4.LastIndex())

	memberChange(t, c, 1, ConfChange{Type: AddVoter, Node: 4})
	c.tick(1)
	require.Equal(t, memberVoters(1, 2, 3, 4), n4.Membership())
	require.Equal(t, ID(1), n4.Leader())
	require.Equal(t, c.logTerms(1), c.logTerms(4))
	require.Equal(t, []string{"a", "b", "c", "d", "e"}, memberStrings(c.applied[4]))

	// The membership survives a restart, although its config has no Peers.
	c.crash(4, 0)
	c.restart(4)
	require.Empty(t, c.nodes[4].cfg.Peers)
	require.Equal(t, memberVoters(1, 2, 3, 4), c.nodes[4].Membership())
	c.tick(1)
	c.electLeader(4)
}
