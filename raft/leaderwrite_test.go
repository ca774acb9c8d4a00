package raft

// A leader writes its log in parallel with replicating it (Raft dissertation
// 10.2.1; etcd's server sends a leader's messages before it saves): its
// AppendEntries leave before its own fsync, while everything that promises
// durable state (votes, acknowledgements) waits for the sync. The leader
// counts itself towards a commit only once its entry is durable (see
// TestPaperLeaderCountsOnlyDurableSelf).

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// onlyTypes reports the types of msgs, in order.
func onlyTypes(msgs []Message) []MessageType {
	var out []MessageType
	for _, m := range msgs {
		out = append(out, m.Type)
	}
	return out
}

// replicatingLeader returns node 1 leading peers, every follower holding
// its no-op, so that a proposal is sent at once (a follower still being
// probed would get nothing until it answers).
func replicatingLeader(t *testing.T, peers []ID) *Node {
	l := paperInRole(t, Leader, peers, nil)
	for _, p := range peers[1:] {
		require.NoError(t, l.Step(Message{Type: MsgAppendEntriesResponse, From: p, To: 1, Term: l.Term(), Index: 1}))
	}
	paperFlush(l)
	require.Equal(t, uint64(1), l.CommitIndex())
	return l
}

// The leader's AppendEntries for an entry not yet durable may leave at
// once; the follower's acknowledgement of it waits for the follower's sync.
func TestLeaderSendsAppendBeforeItsSync(t *testing.T) {
	l := replicatingLeader(t, paperPeers)
	idx, _, err := l.Propose([]byte("x"))
	require.NoError(t, err)
	rd := l.Ready()
	require.True(t, rd.MustSync, "the new entry must be synced")
	require.Len(t, rd.Messages, 2, "an AppendEntries to each follower, before the sync")
	for _, m := range rd.Messages {
		assert.Equal(t, MsgAppendEntries, m.Type)
		require.Len(t, m.Entries, 1)
		assert.Equal(t, idx, m.Entries[0].Index)
	}
	assert.Empty(t, rd.MessagesAfterSync)

	f := paperNode(t, 2, paperPeers, DurableState{HardState: HardState{Term: l.Term()}}, nil)
	app := rd.Messages[0]
	app.To = 2
	app.Index, app.LogTerm, app.Entries = 0, 0, l.log.slice(1, idx+1)
	require.NoError(t, f.Step(app))
	frd := f.Ready()
	require.True(t, frd.MustSync)
	assert.Empty(t, frd.Messages, "a follower sends nothing before its sync")
	require.Equal(t, []MessageType{MsgAppendEntriesResponse}, onlyTypes(frd.MessagesAfterSync))
	assert.Equal(t, idx, frd.MessagesAfterSync[0].Index)
	assert.False(t, frd.MessagesAfterSync[0].Reject)
}

// Of five servers, three followers holding an entry commit it while the
// leader's own write of it is still syncing; the leader applies it only
// once Advance has made its copy durable.
func TestLeaderCommitsBeforeItsOwnSync(t *testing.T) {
	peers := []ID{1, 2, 3, 4, 5}
	l := replicatingLeader(t, peers)
	term := l.Term()

	idx, _, err := l.Propose([]byte("x"))
	require.NoError(t, err)
	rd := l.Ready() // written, not synced: no Advance yet
	require.True(t, rd.MustSync)
	for _, p := range peers[1:3] {
		require.NoError(t, l.Step(Message{Type: MsgAppendEntriesResponse, From: p, To: 1, Term: term, Index: idx}))
	}
	assert.Equal(t, uint64(1), l.CommitIndex(), "two followers and an unsynced leader are two durable copies of five")
	require.NoError(t, l.Step(Message{Type: MsgAppendEntriesResponse, From: 4, To: 1, Term: term, Index: idx}))
	assert.Equal(t, idx, l.CommitIndex(), "three followers of five are a majority")
	assert.Empty(t, rd.CommittedEntries)
	l.Advance(&rd)
	rd = l.Ready()
	require.Len(t, rd.CommittedEntries, 1, "applied once the leader's copy is durable")
	assert.Equal(t, idx, rd.CommittedEntries[0].Index)
}

// What a node sends after stepping down waits for the sync, even in the
// batch in which, still leading, it sent AppendEntries that need not.
func TestStepDownHoldsLaterMessages(t *testing.T) {
	l := replicatingLeader(t, paperPeers)
	term := l.Term()
	_, _, err := l.Propose([]byte("x"))
	require.NoError(t, err)
	require.NoError(t, l.Step(Message{Type: MsgRequestVote, From: 2, To: 1, Term: term + 1, Index: l.LastIndex(), LogTerm: term}))
	require.Equal(t, Follower, l.Role())
	rd := l.Ready()
	require.True(t, rd.MustSync)
	assert.Equal(t, []MessageType{MsgAppendEntries, MsgAppendEntries}, onlyTypes(rd.Messages), "sent while it led")
	require.Equal(t, []MessageType{MsgRequestVoteResponse}, onlyTypes(rd.MessagesAfterSync), "the vote waits for the sync")
	assert.False(t, rd.MessagesAfterSync[0].Reject)
}

// A candidate's RequestVote waits for its new term and vote to be durable;
// so does a new leader's first AppendEntries, when the term it won is not
// durable yet (here it wins before the host has handled its campaign): a
// crash could otherwise make it forget the term it led, and lead it again.
func TestNewTermWaitsForTheSync(t *testing.T) {
	n := paperNode(t, 1, paperPeers, DurableState{HardState: HardState{Term: 2}}, nil)
	require.NoError(t, n.Campaign())
	for _, p := range []ID{2, 3} {
		require.NoError(t, n.Step(Message{Type: MsgRequestVoteResponse, From: p, To: 1, Term: 3}))
	}
	require.Equal(t, Leader, n.Role())
	rd := n.Ready()
	require.True(t, rd.MustSync)
	assert.Empty(t, rd.Messages, "its term 3 is not durable yet")
	assert.Equal(t, []MessageType{MsgRequestVote, MsgRequestVote, MsgAppendEntries, MsgAppendEntries}, onlyTypes(rd.MessagesAfterSync))
	n.Advance(&rd)

	for _, p := range []ID{2, 3} {
		require.NoError(t, n.Step(Message{Type: MsgAppendEntriesResponse, From: p, To: 1, Term: 3, Index: 1}))
	}
	paperFlush(n)
	_, _, err := n.Propose([]byte("x"))
	require.NoError(t, err)
	rd = n.Ready()
	assert.Equal(t, []MessageType{MsgAppendEntries, MsgAppendEntries}, onlyTypes(rd.Messages), "now its term is durable")
	assert.Empty(t, rd.MessagesAfterSync)
}
