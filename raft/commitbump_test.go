package raft

// A follower whose acknowledgement reaches the leader after the entry
// committed is sent the new commit index at once, as etcd 3.6 does
// (raft.go, stepLeader on MsgAppResp: Progress.CanBumpCommit), and not
// only with the next entry or heartbeat: the commit-time broadcast reached
// it as a heartbeat anchored at its old match, which it takes no further.
// A follower already sent the commit index gets nothing more.

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var fivePeers = []ID{1, 2, 3, 4, 5}

// takenCommit is the commit index a follower holding the leader's log up to
// match takes from m: an append commits it no further than its anchor plus
// its entries (handleAppend).
func takenCommit(m Message, match uint64) uint64 {
	if m.Type != MsgAppendEntries || m.Index > match {
		return 0 // it would not hold the anchor, and would reject
	}
	return min(m.Commit, m.Index+uint64(len(m.Entries)))
}

// messagesTo returns the messages of rds addressed to id.
func messagesTo(rds []Ready, id ID) []Message {
	var out []Message
	for _, m := range paperMessages(rds) {
		if m.To == id {
			out = append(out, m)
		}
	}
	return out
}

// committedOnThree returns node 1 leading five voters, with a write at idx
// durable on it and acknowledged by 2 and 3 (so committed), but not yet by
// 4 and 5, and what the commit sent 4.
func committedOnThree(t *testing.T) (l *Node, idx uint64, toFour []Message) {
	l = replicatingLeader(t, fivePeers)
	idx, _, err := l.Propose([]byte("x"))
	require.NoError(t, err)
	paperFlush(l)
	var rds []Ready
	for _, p := range []ID{2, 3} {
		rds = append(rds, paperStep(t, l, Message{Type: MsgAppendEntriesResponse, From: p, To: 1, Term: l.Term(), Index: idx})...)
	}
	require.Equal(t, idx, l.CommitIndex(), "the leader, 2 and 3 are three of five")
	return l, idx, messagesTo(rds, 4)
}

// The fourth follower's acknowledgement, arriving after the commit, brings it
// an append from which it takes the new commit index, with no tick between.
func TestLateAckIsSentTheCommitAtOnce(t *testing.T) {
	l, idx, toFour := committedOnThree(t)
	require.Len(t, toFour, 1, "the commit told 4 as well")
	assert.Less(t, takenCommit(toFour[0], idx-1), idx, "but anchored at its old match, it could not take the commit")

	rds := paperStep(t, l, Message{Type: MsgAppendEntriesResponse, From: 4, To: 1, Term: l.Term(), Index: idx})
	m := paperOnly(t, messagesTo(rds, 4))
	assert.Equal(t, MsgAppendEntries, m.Type)
	assert.Empty(t, m.Entries, "there is nothing new to send")
	assert.Equal(t, idx, m.Index, "anchored at what 4 now holds")
	assert.Equal(t, idx, takenCommit(m, idx), "4 takes the commit index from it")
	assert.Empty(t, messagesTo(rds, 5), "only the acknowledging follower is sent anything")

	// A real follower holding the entry commits it from that message.
	ents := l.log.slice(1, idx+1)
	f := paperNode(t, 4, fivePeers, DurableState{HardState: HardState{Term: l.Term(), Commit: idx - 1}, Entries: ents}, nil)
	require.NoError(t, f.Step(m))
	assert.Equal(t, idx, f.CommitIndex())
}

// The same with a second entry still in flight to the follower: the commit
// index rides on an append anchored at its match, as the commit-time
// broadcast does (see sendAppend), which it takes up to the committed
// entry; the answer for the second entry then brings it that one's commit.
func TestLateAckWithEntriesInFlight(t *testing.T) {
	l := replicatingLeader(t, fivePeers)
	term := l.Term()
	first, _, err := l.Propose([]byte("x"))
	require.NoError(t, err)
	second, _, err := l.Propose([]byte("y"))
	require.NoError(t, err)
	paperFlush(l)
	for _, p := range []ID{2, 3} {
		paperStep(t, l, Message{Type: MsgAppendEntriesResponse, From: p, To: 1, Term: term, Index: second})
	}
	require.Equal(t, second, l.CommitIndex())

	rds := paperStep(t, l, Message{Type: MsgAppendEntriesResponse, From: 4, To: 1, Term: term, Index: first})
	m := paperOnly(t, messagesTo(rds, 4))
	assert.Equal(t, first, m.Index, "anchored at the match: the second entry may still be on the wire")
	assert.Equal(t, first, takenCommit(m, first))

	rds = paperStep(t, l, Message{Type: MsgAppendEntriesResponse, From: 4, To: 1, Term: term, Index: second})
	m = paperOnly(t, messagesTo(rds, 4))
	assert.Equal(t, second, takenCommit(m, second))
}

// The follower whose acknowledgement makes the commit is told of it once, by
// the commit's broadcast, and not again.
func TestCommittingAckIsToldOnce(t *testing.T) {
	l := replicatingLeader(t, fivePeers)
	idx, _, err := l.Propose([]byte("x"))
	require.NoError(t, err)
	paperFlush(l)
	paperStep(t, l, Message{Type: MsgAppendEntriesResponse, From: 2, To: 1, Term: l.Term(), Index: idx})
	rds := paperStep(t, l, Message{Type: MsgAppendEntriesResponse, From: 3, To: 1, Term: l.Term(), Index: idx})
	require.Equal(t, idx, l.CommitIndex())
	m := paperOnly(t, messagesTo(rds, 3))
	assert.Equal(t, idx, takenCommit(m, idx))
}

// A follower already sent the commit index, here with the next entry,
// gets no empty append for it when its late acknowledgement arrives (a
// leader that resent the commit index on every late acknowledgement would
// send one to each), nor when it acknowledges the next entry.
func TestNoRedundantCommitAppend(t *testing.T) {
	l, idx, _ := committedOnThree(t)
	next, _, err := l.Propose([]byte("y"))
	require.NoError(t, err)
	rds := paperFlush(l)
	for _, p := range []ID{4, 5} {
		m := paperOnly(t, messagesTo(rds, p))
		require.Len(t, m.Entries, 1)
		require.Equal(t, next, m.Entries[0].Index)
		require.Equal(t, idx, takenCommit(m, idx), "the next entry carries the commit index to %d", p)
	}
	for _, p := range []ID{4, 5} {
		rds = paperStep(t, l, Message{Type: MsgAppendEntriesResponse, From: p, To: 1, Term: l.Term(), Index: idx})
		assert.Empty(t, messagesTo(rds, p), "%d was already sent the commit index", p)
	}
	rds = paperStep(t, l, Message{Type: MsgAppendEntriesResponse, From: 4, To: 1, Term: l.Term(), Index: next})
	assert.Empty(t, messagesTo(rds, 4), "the next entry is not committed: there is no news")
}

// Across a cluster on a FIFO network, a write reaches every follower's
// commit index without waiting for a heartbeat: the two whose
// acknowledgements come after the commit are sent it at once.
func TestEveryFollowerCommitsWithoutATick(t *testing.T) {
	c := defaultCluster(t, 5, nil)
	c.electLeader(1)
	idx := c.propose(1, "x")
	for _, id := range fivePeers {
		assert.Equal(t, idx, c.nodes[id].CommitIndex(), "node %d", id)
		assert.Equal(t, idx, c.appliedIdx[id], "node %d applied", id)
	}
}

// SentCommit falls back with Next when the leader probes again, since what
// was sent past the new Next was most likely not taken, and is the
// snapshot's index once a snapshot goes: canBumpCommit then lets the next
// acknowledgement send the commit index again.
func TestSentCommitFollowsProbeAndSnapshot(t *testing.T) {
	p := Progress{Match: 4, Next: 9, State: StateReplicate, SentCommit: 8}
	assert.False(t, p.canBumpCommit(8), "8 was sent")
	assert.False(t, p.canBumpCommit(12), "a commit index beyond Next-1 cannot raise the follower's")
	p.becomeProbe()
	assert.Equal(t, uint64(4), p.SentCommit)
	assert.False(t, p.canBumpCommit(8), "nothing past the match is sent")
	p.maybeUpdate(6)
	p.becomeReplicate()
	assert.True(t, p.canBumpCommit(8), "the follower holds 6, and may not have been told of the commit")

	p.becomeSnapshot(20, 0)
	assert.Equal(t, uint64(20), p.SentCommit, "the snapshot commits up to its index")
	p.becomeProbe()
	assert.Equal(t, uint64(20), p.SentCommit, "the follower probed after its snapshot still holds it")
}
