package raft

// Unit tests derived from the Raft paper (Figure 2 and section 5) and the
// dissertation's PreVote and CheckQuorum (section 9.6), one rule at a time.
// Most tests drive a single node directly with hand-made messages and read
// its Ready output; the rest use the in-memory cluster of harness_test.go.

import (
	"fmt"
	"math"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// paperEntries returns normal entries at indexes 1, 2, ... with the given
// terms.
func paperEntries(terms ...uint64) []Entry {
	out := make([]Entry, len(terms))
	for i, t := range terms {
		out[i] = Entry{Index: uint64(i + 1), Term: t, Kind: EntryNormal, Data: fmt.Appendf(nil, "e%d", i+1)}
	}
	return out
}

// paperEntriesAt returns normal entries at indexes from, from+1, ... with the
// given terms.
func paperEntriesAt(from uint64, terms ...uint64) []Entry {
	out := make([]Entry, len(terms))
	for i, t := range terms {
		out[i] = Entry{Index: from + uint64(i), Term: t, Kind: EntryNormal, Data: fmt.Appendf(nil, "new%d", from+uint64(i))}
	}
	return out
}

// paperNode creates node id of a cluster of peers from durable state st,
// with testConfig tweaked by tweak, and handles its initial output.
func paperNode(t *testing.T, id ID, peers []ID, st DurableState, tweak func(*Config)) *Node {
	t.Helper()
	cfg := testConfig(id, peers...)
	if tweak != nil {
		tweak(&cfg)
	}
	n, err := New(cfg, st)
	require.NoError(t, err)
	paperFlush(n)
	return n
}

// paperFlush handles every pending Ready of n the way a host would (nothing
// is sent anywhere) and returns them in order.
func paperFlush(n *Node) []Ready {
	var out []Ready
	for n.HasReady() {
		rd := n.Ready()
		out = append(out, rd)
		n.Advance(&rd)
	}
	return out
}

func paperMessages(rds []Ready) []Message {
	var out []Message
	for _, rd := range rds {
		out = append(out, sentMessages(rd)...)
	}
	return out
}

// paperStep steps m into n, then returns the Readies it produced.
func paperStep(t *testing.T, n *Node, m Message) []Ready {
	t.Helper()
	require.NoError(t, n.Step(m))
	return paperFlush(n)
}

// paperOnly returns the single message in msgs, failing otherwise.
func paperOnly(t *testing.T, msgs []Message) Message {
	t.Helper()
	require.Len(t, msgs, 1, "messages: %+v", msgs)
	return msgs[0]
}

// paperInRole returns node 1 of a cluster of peers in the given role. It
// starts as a follower in term 2 with an empty log; the candidate and leader
// are then in term 3, the pre-candidate still in term 2.
func paperInRole(t *testing.T, role Role, peers []ID, tweak func(*Config)) *Node {
	t.Helper()
	n := paperNode(t, 1, peers, DurableState{HardState: HardState{Term: 2}}, func(c *Config) {
		c.PreVote = role == PreCandidate
		if tweak != nil {
			tweak(c)
		}
	})
	if role != Follower {
		require.NoError(t, n.Campaign())
	}
	if role == Candidate || role == Leader {
		// With PreVote switched on by tweak, win the pre-election first.
		for _, p := range peers {
			if p != 1 && n.Role() == PreCandidate {
				require.NoError(t, n.Step(Message{Type: MsgPreVoteResponse, From: p, To: 1, Term: n.Term() + 1}))
			}
		}
	}
	if role == Leader {
		for _, p := range peers {
			if p != 1 && n.Role() != Leader {
				require.NoError(t, n.Step(Message{Type: MsgRequestVoteResponse, From: p, To: 1, Term: n.Term()}))
			}
		}
	}
	require.Equal(t, role, n.Role())
	paperFlush(n)
	return n
}

func paperTermsOf(n *Node) []uint64 {
	var out []uint64
	for i := n.FirstIndex(); i <= n.LastIndex(); i++ {
		t, _ := n.TermAt(i)
		out = append(out, t)
	}
	return out
}

func paperProgress(n *Node, id ID) (Progress, bool) {
	for _, p := range n.Status().Progress {
		if p.ID == id {
			return p, true
		}
	}
	return Progress{}, false
}

func paperHardStateRecords(rds []Ready) []HardState {
	var out []HardState
	for _, rd := range rds {
		for _, r := range rd.Records {
			if r.Type == RecordHardState {
				out = append(out, r.HardState)
			}
		}
	}
	return out
}

var paperPeers = []ID{1, 2, 3}

// Figure 2, Rules for Servers, all servers: "If RPC request or response
// contains term T > currentTerm: set currentTerm = T, convert to follower."
// The new term is made durable before anything is sent. Only AppendEntries
// and InstallSnapshot come from a leader of that term; nothing else tells the
// node who leads. A PreVote is only a question about a future term, and a
// granted PreVoteResponse carries that future term: neither is news.
func TestPaperHigherTermUpdatesTermAndStepsDown(t *testing.T) {
	const newTerm = 10
	snap := &Snapshot{Meta: SnapshotMeta{Index: 5, Term: 9, Membership: Membership{Voters: paperPeers}}, Data: []byte("snap")}
	type tc struct {
		name       string
		msg        Message
		changes    bool // whether the term changes to newTerm
		setsLeader bool // whether the sender becomes the known leader
	}
	cases := []tc{
		{name: "AppendEntries", msg: Message{Type: MsgAppendEntries}, changes: true, setsLeader: true},
		{name: "InstallSnapshot", msg: Message{Type: MsgInstallSnapshot, Snapshot: snap}, changes: true, setsLeader: true},
		{name: "RequestVote", msg: Message{Type: MsgRequestVote, Index: 100, LogTerm: 9}, changes: true},
		{name: "RequestVoteResponse", msg: Message{Type: MsgRequestVoteResponse, Reject: true}, changes: true},
		{name: "AppendEntriesResponse", msg: Message{Type: MsgAppendEntriesResponse, Index: 0, Reject: true}, changes: true},
		{name: "InstallSnapshotResponse", msg: Message{Type: MsgInstallSnapshotResponse, Index: 0}, changes: true},
		{name: "rejected PreVoteResponse", msg: Message{Type: MsgPreVoteResponse, Reject: true}, changes: true},
		{name: "PreVote", msg: Message{Type: MsgPreVote, Index: 100, LogTerm: 9}, changes: false},
	}
	for _, role := range []Role{Follower, PreCandidate, Candidate, Leader} {
		for _, c := range cases {
			t.Run(fmt.Sprintf("%s/%s", role, c.name), func(t *testing.T) {
				n := paperInRole(t, role, paperPeers, nil)
				before := n.Status()
				require.Less(t, before.Term, uint64(newTerm))

				m := c.msg
				m.From, m.To, m.Term = 2, 1, newTerm
				rds := paperStep(t, n, m)
				st := n.Status()

				if !c.changes {
					assert.Equal(t, before.Term, st.Term, "term must not change")
					assert.Equal(t, before.Role, st.Role, "role must not change")
					assert.Equal(t, before.Leader, st.Leader, "leader must not change")
					assert.Equal(t, before.Vote, st.Vote, "vote must not change")
					assert.Empty(t, paperHardStateRecords(rds), "nothing to persist")
					for _, rd := range rds {
						assert.False(t, rd.MustSync)
					}
					return
				}
				assert.Equal(t, uint64(newTerm), st.Term)
				assert.Equal(t, Follower, st.Role)
				if c.setsLeader {
					assert.Equal(t, ID(2), st.Leader)
				} else {
					assert.Equal(t, None, st.Leader)
				}
				if m.Type == MsgRequestVote {
					assert.Equal(t, ID(2), st.Vote, "the up-to-date candidate gets the vote")
				} else {
					assert.Equal(t, None, st.Vote, "a new term starts without a vote")
				}
				// The new term is persisted, with a sync, in the same
				// Ready as any response it causes.
				require.NotEmpty(t, rds)
				assert.True(t, rds[0].MustSync)
				hs := paperHardStateRecords(rds[:1])
				require.NotEmpty(t, hs)
				assert.Equal(t, uint64(newTerm), hs[len(hs)-1].Term)
				for _, msg := range paperMessages(rds[1:]) {
					assert.Failf(t, "message sent before the term was saved", "%+v", msg)
				}
				for _, msg := range paperMessages(rds) {
					assert.Equal(t, uint64(newTerm), msg.Term, "responses carry the new term: %+v", msg)
				}
			})
		}
	}
}

// A granted PreVoteResponse carries the term the pre-candidate would
// campaign in, one above its own. It is counted as a vote, not taken as a
// newer term (that would be a term increase without an election).
func TestPaperGrantedPreVoteResponseIsNotANewTerm(t *testing.T) {
	peers := []ID{1, 2, 3, 4, 5}
	n := paperInRole(t, PreCandidate, peers, nil)
	require.Equal(t, uint64(2), n.Term())
	paperStep(t, n, Message{Type: MsgPreVoteResponse, From: 2, To: 1, Term: 3})
	st := n.Status()
	assert.Equal(t, uint64(2), st.Term)
	assert.Equal(t, PreCandidate, st.Role)
	assert.Contains(t, st.Votes, Vote{From: 2, Granted: true})

	// One more grant makes a quorum of 3: now the node campaigns for real.
	paperStep(t, n, Message{Type: MsgPreVoteResponse, From: 3, To: 1, Term: 3})
	assert.Equal(t, Candidate, n.Role())
	assert.Equal(t, uint64(3), n.Term())
}

// A follower learns who leads from AppendEntries and InstallSnapshot of its
// current term too, and a candidate that hears from the leader of its term
// steps down (§5.2); a vote request in the current term says nothing about
// who leads.
func TestPaperSameTermLeaderDiscovery(t *testing.T) {
	t.Run("candidate steps down on AppendEntries", func(t *testing.T) {
		n := paperInRole(t, Candidate, paperPeers, nil)
		term := n.Term()
		rds := paperStep(t, n, Message{Type: MsgAppendEntries, From: 2, To: 1, Term: term})
		assert.Equal(t, Follower, n.Role())
		assert.Equal(t, term, n.Term())
		assert.Equal(t, ID(2), n.Leader())
		resp := paperOnly(t, paperMessages(rds))
		assert.Equal(t, MsgAppendEntriesResponse, resp.Type)
		assert.False(t, resp.Reject)
	})
	t.Run("precandidate steps down on AppendEntries", func(t *testing.T) {
		n := paperInRole(t, PreCandidate, paperPeers, nil)
		paperStep(t, n, Message{Type: MsgAppendEntries, From: 3, To: 1, Term: n.Term()})
		assert.Equal(t, Follower, n.Role())
		assert.Equal(t, ID(3), n.Leader())
	})
	t.Run("follower learns the leader", func(t *testing.T) {
		n := paperInRole(t, Follower, paperPeers, nil)
		require.Equal(t, None, n.Leader())
		paperStep(t, n, Message{Type: MsgAppendEntries, From: 3, To: 1, Term: n.Term()})
		assert.Equal(t, ID(3), n.Leader())
	})
	t.Run("vote request does not set the leader", func(t *testing.T) {
		n := paperInRole(t, Follower, paperPeers, nil)
		paperStep(t, n, Message{Type: MsgRequestVote, From: 3, To: 1, Term: n.Term()})
		assert.Equal(t, None, n.Leader())
		assert.Equal(t, ID(3), n.Status().Vote)
	})
}

// Figure 2, receiver implementations: "Reply false if term < currentTerm"
// for every request, and the reply carries currentTerm "for the sender to
// update itself". Stale requests change nothing; stale responses and a stale
// TimeoutNow are dropped without an answer.
func TestPaperStaleTermRejected(t *testing.T) {
	const term, stale = 5, 3
	st := DurableState{HardState: HardState{Term: term}, Entries: paperEntries(1, 1, 2)}
	type tc struct {
		msg      Message
		respType MessageType // 0: no response at all
	}
	cases := []tc{
		{msg: Message{Type: MsgAppendEntries, Index: 3, LogTerm: 2, Entries: paperEntriesAt(4, 3), Commit: 4}, respType: MsgAppendEntriesResponse},
		{msg: Message{Type: MsgAppendEntries, Index: 1, LogTerm: 1, Entries: paperEntriesAt(2, 3), Commit: 2}, respType: MsgAppendEntriesResponse},
		{msg: Message{Type: MsgRequestVote, Index: 10, LogTerm: 3}, respType: MsgRequestVoteResponse},
		{msg: Message{Type: MsgPreVote, Index: 10, LogTerm: 3}, respType: MsgPreVoteResponse},
		{msg: Message{Type: MsgInstallSnapshot, Snapshot: &Snapshot{Meta: SnapshotMeta{Index: 10, Term: 3, Membership: Membership{Voters: paperPeers}}}}, respType: MsgInstallSnapshotResponse},
		{msg: Message{Type: MsgRequestVoteResponse}},
		{msg: Message{Type: MsgPreVoteResponse}},
		{msg: Message{Type: MsgAppendEntriesResponse, Index: 3}},
		{msg: Message{Type: MsgInstallSnapshotResponse, Index: 3}},
		{msg: Message{Type: MsgTimeoutNow}},
	}
	for i, c := range cases {
		t.Run(fmt.Sprintf("%d-%s", i, c.msg.Type), func(t *testing.T) {
			n := paperNode(t, 1, paperPeers, st, nil)
			before := n.Status()
			m := c.msg
			m.From, m.To, m.Term = 2, 1, stale
			rds := paperStep(t, n, m)

			after := n.Status()
			assert.Equal(t, before, after, "a stale message changes nothing")
			assert.Empty(t, paperHardStateRecords(rds))
			for _, rd := range rds {
				assert.Nil(t, rd.Snapshot)
				assert.Empty(t, rd.Records)
				assert.Empty(t, rd.CommittedEntries)
			}
			msgs := paperMessages(rds)
			if c.respType == 0 {
				assert.Empty(t, msgs)
				return
			}
			resp := paperOnly(t, msgs)
			assert.Equal(t, c.respType, resp.Type)
			assert.Equal(t, ID(2), resp.To)
			assert.True(t, resp.Reject, "stale request must be rejected")
			assert.Equal(t, uint64(term), resp.Term, "the reply carries the newer term")
		})
	}
}

// The sender of a stale request learns the newer term from the rejection
// and steps down: a deposed leader stops leading.
func TestPaperStaleLeaderStepsDownOnRejection(t *testing.T) {
	n := paperInRole(t, Leader, paperPeers, nil)
	term := n.Term()
	paperStep(t, n, Message{Type: MsgAppendEntriesResponse, From: 2, To: 1, Term: term + 2, Index: 0, Reject: true})
	assert.Equal(t, Follower, n.Role())
	assert.Equal(t, term+2, n.Term())
	assert.Equal(t, None, n.Leader())
}

// Responses from an earlier term answer requests of an election or a
// leadership that is over; counting them would be counting votes or
// acknowledgements given to someone else.
func TestPaperStaleResponsesIgnored(t *testing.T) {
	t.Run("candidate ignores an old granted vote", func(t *testing.T) {
		n := paperInRole(t, Candidate, paperPeers, nil)
		term := n.Term()
		rds := paperStep(t, n, Message{Type: MsgRequestVoteResponse, From: 2, To: 1, Term: term - 1})
		assert.Equal(t, Candidate, n.Role(), "one stale grant must not make a leader")
		assert.Equal(t, []Vote{{From: 1, Granted: true}}, n.Status().Votes)
		assert.Empty(t, paperMessages(rds))
		// The same vote in the current term does win.
		paperStep(t, n, Message{Type: MsgRequestVoteResponse, From: 2, To: 1, Term: term})
		assert.Equal(t, Leader, n.Role())
	})
	t.Run("precandidate ignores an old granted pre-vote", func(t *testing.T) {
		n := paperInRole(t, PreCandidate, paperPeers, nil)
		paperStep(t, n, Message{Type: MsgPreVoteResponse, From: 2, To: 1, Term: n.Term() - 1})
		assert.Equal(t, PreCandidate, n.Role())
		assert.Equal(t, []Vote{{From: 1, Granted: true}}, n.Status().Votes)
	})
	t.Run("leader ignores an old acknowledgement", func(t *testing.T) {
		n := paperInRole(t, Leader, paperPeers, nil)
		term := n.Term()
		require.Equal(t, uint64(1), n.LastIndex(), "the leader's no-op")
		paperStep(t, n, Message{Type: MsgAppendEntriesResponse, From: 2, To: 1, Term: term - 1, Index: 1})
		pr, ok := paperProgress(n, 2)
		require.True(t, ok)
		assert.Equal(t, uint64(0), pr.Match)
		assert.Equal(t, uint64(0), n.CommitIndex())
		// The same acknowledgement in the current term counts.
		paperStep(t, n, Message{Type: MsgAppendEntriesResponse, From: 2, To: 1, Term: term, Index: 1})
		pr, _ = paperProgress(n, 2)
		assert.Equal(t, uint64(1), pr.Match)
		assert.Equal(t, uint64(1), n.CommitIndex())
	})
}

// A real vote of an election the node has given up is no pre-vote: a
// candidate that times out with PreVote on becomes a pre-candidate in the
// same term, and a late RequestVoteResponse of that term must not count
// toward its pre-election.
func TestPaperLateVoteIsNotAPreVote(t *testing.T) {
	n := paperInRole(t, Candidate, []ID{1, 2, 3, 4, 5}, func(c *Config) { c.PreVote = true })
	term := n.Term()
	require.NoError(t, n.Campaign()) // timed out: a new pre-election
	require.Equal(t, PreCandidate, n.Role())
	require.Equal(t, term, n.Term())
	paperFlush(n)
	for _, from := range []ID{2, 3} {
		paperStep(t, n, Message{Type: MsgRequestVoteResponse, From: from, To: 1, Term: term})
	}
	assert.Equal(t, PreCandidate, n.Role(), "two late votes plus its own would be a quorum of 5")
	assert.Equal(t, []Vote{{From: 1, Granted: true}}, n.Status().Votes)
}

// §5.2: "Each server will vote for at most one candidate in a given term, on
// a first-come-first-served basis." Repeating the same vote is fine (the
// first answer may have been lost).
func TestPaperOneVotePerTerm(t *testing.T) {
	n := paperNode(t, 1, []ID{1, 2, 3, 4, 5}, DurableState{HardState: HardState{Term: 4}}, nil)
	vote := func(from ID, term uint64) Message {
		rds := paperStep(t, n, Message{Type: MsgRequestVote, From: from, To: 1, Term: term})
		return paperOnly(t, paperMessages(rds))
	}
	r := vote(2, 5)
	assert.False(t, r.Reject, "first candidate of term 5 gets the vote")
	r = vote(3, 5)
	assert.True(t, r.Reject, "second candidate of term 5 is refused")
	assert.Equal(t, uint64(5), r.Term)
	r = vote(2, 5)
	assert.False(t, r.Reject, "the same candidate may ask again")
	r = vote(3, 6)
	assert.False(t, r.Reject, "a new term brings a new vote")
	assert.Equal(t, ID(3), n.Status().Vote)
}

// The vote must be durable before the candidate hears of it (Figure 2:
// "Persistent state on all servers: updated on stable storage before
// responding to RPCs"), so that a restarted server does not vote twice in a
// term.
func TestPaperVoteSurvivesRestart(t *testing.T) {
	c := defaultCluster(t, 3, nil)
	require.NoError(t, c.nodes[3].Step(Message{Type: MsgRequestVote, From: 1, To: 3, Term: 1}))
	rd := c.nodes[3].Ready()
	assert.True(t, rd.MustSync, "a vote must be synced")
	require.NotEmpty(t, rd.Records)
	last := rd.Records[len(rd.Records)-1]
	assert.Equal(t, Record{Type: RecordHardState, HardState: HardState{Term: 1, Vote: 1}}, last)
	grant := paperOnly(t, rd.MessagesAfterSync)
	assert.Equal(t, Message{Type: MsgRequestVoteResponse, From: 3, To: 1, Term: 1}, grant,
		"the grant goes out with the record that saves it")

	c.handleReady(3, rd) // append, sync, queue the grant
	c.queue = nil
	require.Equal(t, c.wals[3].Size(), c.wals[3].Synced())
	c.crash(3, 0)
	c.restart(3)

	n := c.nodes[3]
	assert.Equal(t, HardState{Term: 1, Vote: 1}, n.HardState())
	paperFlush(n)
	rds := paperStep(t, n, Message{Type: MsgRequestVote, From: 2, To: 3, Term: 1})
	r := paperOnly(t, paperMessages(rds))
	assert.Equal(t, MsgRequestVoteResponse, r.Type)
	assert.True(t, r.Reject, "after a restart the node must remember it voted for 1 in term 1")
	rds = paperStep(t, n, Message{Type: MsgRequestVote, From: 1, To: 3, Term: 1})
	assert.False(t, paperOnly(t, paperMessages(rds)).Reject, "its own candidate may ask again")
}

// §5.4.1, the election restriction: a vote goes only to a candidate whose
// log is at least as up to date as the voter's: a later last term, or the
// same last term and a log at least as long.
func TestPaperElectionRestriction(t *testing.T) {
	// The voter's log ends at index 3, term 2.
	voterLog := paperEntries(1, 1, 2)
	cases := []struct {
		lastIndex, lastTerm uint64
		skip                bool
		grant               bool
	}{
		{3, 2, false, true},   // identical
		{4, 2, false, true},   // same term, longer
		{2, 2, false, false},  // same term, shorter
		{0, 0, false, false},  // empty
		{10, 1, false, false}, // longer but older last term
		{1, 3, false, true},   // shorter but newer last term
		{3, 1, false, false},  // same length, older term
		{0, 0, true, true},    // the rule switched off
		{10, 1, true, true},   // the rule switched off
	}
	for _, typ := range []MessageType{MsgRequestVote, MsgPreVote} {
		for _, c := range cases {
			t.Run(fmt.Sprintf("%s/%d-%d-skip=%v", typ, c.lastIndex, c.lastTerm, c.skip), func(t *testing.T) {
				n := paperNode(t, 1, paperPeers, DurableState{HardState: HardState{Term: 2}, Entries: voterLog},
					func(cfg *Config) { cfg.Rules.SkipElectionRestriction = c.skip })
				rds := paperStep(t, n, Message{Type: typ, From: 2, To: 1, Term: 3, Index: c.lastIndex, LogTerm: c.lastTerm})
				r := paperOnly(t, paperMessages(rds))
				assert.Equal(t, c.grant, !r.Reject)
				if typ == MsgRequestVote {
					want := None
					if c.grant {
						want = 2
					}
					assert.Equal(t, want, n.Status().Vote)
					assert.Equal(t, uint64(3), n.Term(), "the term is adopted either way")
				} else {
					assert.Equal(t, uint64(2), n.Term(), "a pre-vote never changes the term")
					assert.Equal(t, None, n.Status().Vote)
				}
			})
		}
	}
}

// Figure 2, AppendEntries receiver: 2. reply false if the log does not
// contain an entry at prevLogIndex whose term matches prevLogTerm (with the
// conflict hints of §5.3's optimisation); 3. if an existing entry conflicts
// with a new one, delete it and all that follow; 4. append new entries not
// already in the log; 5. commitIndex = min(leaderCommit, index of last new
// entry).
func TestPaperAppendEntriesReceiver(t *testing.T) {
	// The follower's log: terms 1 1 2 2 2 at indexes 1..5, current term 3.
	base := []uint64{1, 1, 2, 2, 2}
	cases := []struct {
		name              string
		prevIndex         uint64
		prevTerm          uint64
		entries           []uint64 // terms of new entries from prevIndex+1
		commit            uint64
		reject            bool
		conflictTerm      uint64
		conflictIndex     uint64
		respIndex         uint64
		wantLog           []uint64
		wantCommit        uint64
		wantTruncatedFrom uint64 // 0: no truncation
	}{
		{name: "prev beyond log", prevIndex: 7, prevTerm: 3, reject: true, conflictIndex: 6, respIndex: 7, wantLog: base},
		{name: "prev just beyond log", prevIndex: 6, prevTerm: 2, entries: []uint64{4}, commit: 5, reject: true, conflictIndex: 6, respIndex: 6, wantLog: base},
		{name: "term mismatch at last", prevIndex: 5, prevTerm: 3, entries: []uint64{4}, commit: 5, reject: true, conflictTerm: 2, conflictIndex: 3, respIndex: 5, wantLog: base},
		{name: "term mismatch in middle of term", prevIndex: 4, prevTerm: 3, reject: true, conflictTerm: 2, conflictIndex: 3, respIndex: 4, wantLog: base},
		{name: "term mismatch in first term", prevIndex: 2, prevTerm: 2, reject: true, conflictTerm: 1, conflictIndex: 1, respIndex: 2, wantLog: base},
		{name: "append at end", prevIndex: 5, prevTerm: 2, entries: []uint64{4, 4}, respIndex: 7, wantLog: []uint64{1, 1, 2, 2, 2, 4, 4}},
		{name: "conflict truncates the suffix", prevIndex: 3, prevTerm: 2, entries: []uint64{2, 4, 4}, respIndex: 6,
			wantLog: []uint64{1, 1, 2, 2, 4, 4}, wantTruncatedFrom: 5},
		{name: "conflict at first new entry", prevIndex: 2, prevTerm: 1, entries: []uint64{4}, commit: 3, respIndex: 3,
			wantLog: []uint64{1, 1, 4}, wantCommit: 3, wantTruncatedFrom: 3},
		{name: "matching entries keep the suffix", prevIndex: 1, prevTerm: 1, entries: []uint64{1, 2}, commit: 5, respIndex: 3,
			wantLog: base, wantCommit: 3},
		{name: "heartbeat at start", prevIndex: 0, prevTerm: 0, commit: 5, respIndex: 0, wantLog: base, wantCommit: 0},
		{name: "heartbeat commits to prev", prevIndex: 5, prevTerm: 2, commit: 4, respIndex: 5, wantLog: base, wantCommit: 4},
		{name: "commit capped by last new entry", prevIndex: 3, prevTerm: 2, commit: 5, respIndex: 3, wantLog: base, wantCommit: 3},
		{name: "commit capped by leader commit", prevIndex: 5, prevTerm: 2, entries: []uint64{4}, commit: 2, respIndex: 6,
			wantLog: []uint64{1, 1, 2, 2, 2, 4}, wantCommit: 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			n := paperNode(t, 1, paperPeers, DurableState{HardState: HardState{Term: 3}, Entries: paperEntries(base...)}, nil)
			m := Message{Type: MsgAppendEntries, From: 2, To: 1, Term: 4, Index: c.prevIndex, LogTerm: c.prevTerm,
				Entries: paperEntriesAt(c.prevIndex+1, c.entries...), Commit: c.commit, Seq: 7}
			rds := paperStep(t, n, m)

			assert.Equal(t, uint64(4), n.Term())
			assert.Equal(t, ID(2), n.Leader(), "a rejected append still comes from the leader")
			resp := paperOnly(t, paperMessages(rds))
			assert.Equal(t, MsgAppendEntriesResponse, resp.Type)
			assert.Equal(t, c.reject, resp.Reject)
			assert.Equal(t, c.respIndex, resp.Index)
			assert.Equal(t, uint64(7), resp.Seq, "the response echoes the round")
			if c.reject {
				assert.Equal(t, c.conflictTerm, resp.ConflictTerm, "ConflictTerm")
				assert.Equal(t, c.conflictIndex, resp.ConflictIndex, "ConflictIndex")
			}
			assert.Equal(t, c.wantLog, paperTermsOf(n))
			assert.Equal(t, c.wantCommit, n.CommitIndex())

			var truncs []uint64
			for _, rd := range rds {
				for _, r := range rd.Records {
					if r.Type == RecordTruncate {
						truncs = append(truncs, r.Index)
					}
				}
			}
			if c.wantTruncatedFrom == 0 {
				assert.Empty(t, truncs)
			} else {
				assert.Equal(t, []uint64{c.wantTruncatedFrom}, truncs)
			}
			// New entries carry the leader's data; existing entries that
			// match (before any truncation point) are kept as they were.
			if !c.reject {
				for _, e := range m.Entries {
					got, ok := n.EntryAt(e.Index)
					require.True(t, ok, "entry %d", e.Index)
					kept := e.Index <= uint64(len(base)) && (c.wantTruncatedFrom == 0 || e.Index < c.wantTruncatedFrom)
					if kept {
						assert.Equal(t, fmt.Appendf(nil, "e%d", e.Index), got.Data, "entry %d kept", e.Index)
					} else {
						assert.Equal(t, e.Data, got.Data, "entry %d replaced", e.Index)
					}
				}
			}
			// The node applies committed entries in order.
			var applied []uint64
			for _, rd := range rds {
				for _, e := range rd.CommittedEntries {
					applied = append(applied, e.Index)
				}
			}
			var want []uint64
			for i := uint64(1); i <= c.wantCommit; i++ {
				want = append(want, i)
			}
			assert.Equal(t, want, applied)
		})
	}
}

// An AppendEntries that arrives late (a duplicate, or overtaken by a newer
// one) must not truncate entries that came after it: its entries all match.
// Otherwise a follower could lose an entry it had acknowledged, and which
// the leader may have counted towards a commit.
func TestPaperStaleAppendDoesNotTruncate(t *testing.T) {
	n := paperNode(t, 1, paperPeers, DurableState{HardState: HardState{Term: 1}}, nil)
	older := Message{Type: MsgAppendEntries, From: 2, To: 1, Term: 1, Index: 0, LogTerm: 0, Entries: paperEntries(1, 1)}
	newer := Message{Type: MsgAppendEntries, From: 2, To: 1, Term: 1, Index: 0, LogTerm: 0, Entries: paperEntries(1, 1, 1, 1)}

	rds := paperStep(t, n, newer)
	assert.Equal(t, uint64(4), paperOnly(t, paperMessages(rds)).Index)
	rds = paperStep(t, n, older)
	r := paperOnly(t, paperMessages(rds))
	assert.False(t, r.Reject)
	assert.Equal(t, uint64(2), r.Index, "the ack covers only what the message carried")
	assert.Equal(t, []uint64{1, 1, 1, 1}, paperTermsOf(n), "the newer entries survive")
	for _, rd := range rds {
		assert.Empty(t, rd.Records, "nothing to write for a duplicate")
	}

	// Commit never goes back either.
	paperStep(t, n, Message{Type: MsgAppendEntries, From: 2, To: 1, Term: 1, Index: 4, LogTerm: 1, Commit: 4})
	require.Equal(t, uint64(4), n.CommitIndex())
	paperStep(t, n, Message{Type: MsgAppendEntries, From: 2, To: 1, Term: 1, Index: 4, LogTerm: 1, Commit: 2})
	assert.Equal(t, uint64(4), n.CommitIndex())
}

// §5.3/§5.4.2: once an entry of the leader's current term is committed, all
// entries before it are committed too (Log Matching), and every node applies
// them in log order.
func TestPaperCommitPrecedingEntries(t *testing.T) {
	c := defaultCluster(t, 3, nil)
	c.electLeader(1)
	c.propose(1, "a")
	// The followers store x and y, but the leader never hears back.
	c.drop = func(m Message) bool { return m.Type == MsgAppendEntriesResponse }
	c.propose(1, "x")
	c.propose(1, "y")
	for _, id := range ids(3) {
		require.Equal(t, []uint64{1, 1, 1, 1}, c.logTerms(id), "node %d", id)
		require.Equal(t, [][]byte{[]byte("a")}, c.applied[id], "node %d applied only a: %s", id, c)
	}
	require.Equal(t, uint64(2), c.nodes[1].CommitIndex())
	c.heal()

	// Node 2 takes over in term 2; its no-op commits x and y with it.
	c.electLeader(2)
	require.Equal(t, uint64(2), c.nodes[2].Term())
	require.Equal(t, []uint64{1, 1, 1, 1, 2}, c.logTerms(2))
	c.tick(1)
	for _, id := range ids(3) {
		n := c.nodes[id]
		assert.Equal(t, uint64(5), n.CommitIndex(), "node %d", id)
		assert.Equal(t, uint64(5), c.appliedIdx[id], "node %d", id)
		assert.Equal(t, [][]byte{[]byte("a"), []byte("x"), []byte("y")}, c.applied[id], "node %d applies in order", id)
	}
}

// §5.4.2 (Figure 8): a leader never commits an entry of an earlier term by
// counting replicas; only by committing one of its own term after it. The
// teaching switch CommitOldTermsByCounting breaks exactly this rule.
func TestPaperOnlyCurrentTermCommitsByCounting(t *testing.T) {
	for _, byCounting := range []bool{false, true} {
		t.Run(fmt.Sprintf("byCounting=%v", byCounting), func(t *testing.T) {
			c := defaultCluster(t, 3, func(cfg *Config) {
				cfg.Rules.SkipLeaderNoop = true // no own-term entry to hide behind
				cfg.Rules.CommitOldTermsByCounting = byCounting
			})
			c.electLeader(1)
			c.propose(1, "a") // committed at once: x and y below are the open question
			c.drop = func(m Message) bool { return m.Type == MsgAppendEntriesResponse }
			c.propose(1, "x")
			c.propose(1, "y")
			c.heal()
			for _, id := range ids(3) {
				require.Equal(t, []uint64{1, 1, 1}, c.logTerms(id), "node %d", id)
				require.Equal(t, uint64(1), c.nodes[id].CommitIndex(), "node %d", id)
			}

			c.electLeader(2)
			c.tick(3) // heartbeats and their acks: every node reports index 3
			l := c.nodes[2]
			require.Equal(t, uint64(2), l.Term())
			require.Equal(t, uint64(3), l.LastIndex(), "no no-op of term 2")
			for _, p := range l.Status().Progress {
				require.Equal(t, uint64(3), p.Match, "node %d stores every entry", p.ID)
			}
			want := uint64(1)
			if byCounting {
				want = 3
			}
			for _, id := range ids(3) {
				assert.Equal(t, want, c.nodes[id].CommitIndex(), "node %d", id)
				assert.Len(t, c.applied[id], int(want), "node %d", id)
			}

			// An entry of the current term commits, and everything before it.
			idx := c.propose(2, "z")
			c.tick(1)
			for _, id := range ids(3) {
				assert.Equal(t, idx, c.nodes[id].CommitIndex(), "node %d", id)
				assert.Equal(t, [][]byte{[]byte("a"), []byte("x"), []byte("y"), []byte("z")}, c.applied[id], "node %d", id)
			}
		})
	}
}

// paperTimeouts returns the first election timeout of a fresh node and the
// next count ones, each drawn when it starts an election.
func paperTimeouts(t *testing.T, id ID, seed uint64, count int, tweak func(*Config)) []int {
	n := paperNode(t, id, []ID{1, 2, 3, 4, 5}, DurableState{}, func(c *Config) {
		c.Seed = seed
		if tweak != nil {
			tweak(c)
		}
	})
	out := []int{n.Status().ElectionTimeout}
	for range count {
		require.NoError(t, n.Campaign())
		require.Equal(t, Candidate, n.Role())
		out = append(out, n.Status().ElectionTimeout)
	}
	return out
}

// §5.2: election timeouts are chosen randomly from a fixed interval, so that
// split votes are rare; here reproducibly, from a seed and the node's ID.
func TestPaperRandomizedElectionTimeout(t *testing.T) {
	const draws = 300
	t.Run("within range and covering it", func(t *testing.T) {
		for _, r := range []struct{ lo, hi, cfgHi int }{{10, 20, 20}, {10, 20, 0}, {5, 7, 7}, {6, 6, 6}} {
			seq := paperTimeouts(t, 1, 42, draws, func(c *Config) {
				c.ElectionTick, c.ElectionTickMax, c.HeartbeatTick = r.lo, r.cfgHi, 1
			})
			for _, v := range seq {
				require.GreaterOrEqual(t, v, r.lo)
				require.LessOrEqual(t, v, r.hi)
			}
			// With hundreds of draws over at most 11 values, both ends turn
			// up unless the range is wrong (e.g. half-open).
			assert.Equal(t, r.lo, slices.Min(seq), "range %v", r)
			assert.Equal(t, r.hi, slices.Max(seq), "range %v", r)
		}
	})
	t.Run("different IDs differ", func(t *testing.T) {
		seqs := map[ID][]int{}
		for _, id := range []ID{1, 2, 3, 4, 5} {
			seqs[id] = paperTimeouts(t, id, 42, 30, nil)
		}
		for a := ID(1); a <= 5; a++ {
			for b := a + 1; b <= 5; b++ {
				assert.NotEqual(t, seqs[a], seqs[b], "nodes %d and %d", a, b)
			}
		}
		firsts := map[int]bool{}
		for _, s := range seqs {
			firsts[s[0]] = true
		}
		assert.Greater(t, len(firsts), 1, "five nodes should not all start with the same timeout")
	})
	t.Run("same seed and ID reproduce", func(t *testing.T) {
		assert.Equal(t, paperTimeouts(t, 3, 7, 50, nil), paperTimeouts(t, 3, 7, 50, nil))
		assert.NotEqual(t, paperTimeouts(t, 3, 7, 50, nil), paperTimeouts(t, 3, 8, 50, nil), "another seed, another sequence")
	})
	t.Run("clone shares the random future", func(t *testing.T) {
		n := paperNode(t, 2, paperPeers, DurableState{}, nil)
		cl := n.Clone()
		for range 20 {
			require.NoError(t, n.Campaign())
			require.NoError(t, cl.Campaign())
			require.Equal(t, n.Status().ElectionTimeout, cl.Status().ElectionTimeout)
		}
	})
	t.Run("fixed", func(t *testing.T) {
		for _, id := range []ID{1, 2, 3} {
			for _, v := range paperTimeouts(t, id, 42, 50, func(c *Config) { c.Rules.FixedElectionTimeout = true }) {
				require.Equal(t, 10, v)
			}
		}
	})
	t.Run("a follower times out after its drawn timeout", func(t *testing.T) {
		n := paperNode(t, 1, paperPeers, DurableState{}, nil)
		timeout := n.Status().ElectionTimeout
		for i := 1; i < timeout; i++ {
			n.Tick()
			require.Equal(t, Follower, n.Role(), "tick %d of %d", i, timeout)
		}
		n.Tick()
		assert.Equal(t, Candidate, n.Role())
	})
}

// paperIsolation is what paperIsolate observed: the leader's term before,
// the highest term the isolated node reached, the (pre-)votes it sent, and
// whether the leader led throughout.
type paperIsolation struct {
	termBefore   uint64
	maxTermF     uint64
	preVotesF    int
	votesF       int
	leaderAlways bool // l led in termBefore throughout the isolation
	c            *cluster
}

// paperIsolate isolates follower f of a 3-node cluster led by l for
// isolatedTicks ticks (the leader writing meanwhile if writes), then heals the
// network and returns, leaving the cluster to the caller.
func paperIsolate(t *testing.T, l, f ID, hb, isolatedTicks int, writes, preVote, checkQuorum bool) paperIsolation {
	c := defaultCluster(t, 3, func(cfg *Config) {
		cfg.PreVote, cfg.CheckQuorum, cfg.HeartbeatTick = preVote, checkQuorum, hb
	})
	c.electLeader(l)
	c.tick(1)
	res := paperIsolation{termBefore: c.nodes[l].Term(), leaderAlways: true, c: c}
	c.drop = func(m Message) bool {
		if m.From == f && m.Type == MsgPreVote {
			res.preVotesF++
		}
		if m.From == f && m.Type == MsgRequestVote {
			res.votesF++
		}
		return m.From == f || m.To == f
	}
	for i := range isolatedTicks {
		if writes && i%7 == 0 {
			c.propose(l, fmt.Sprintf("w%d", i))
		}
		c.tick(1)
		res.maxTermF = max(res.maxTermF, c.nodes[f].Term())
		if c.nodes[l].Role() != Leader || c.nodes[l].Term() != res.termBefore {
			res.leaderAlways = false
		}
	}
	c.heal()
	return res
}

// Dissertation §9.6: with PreVote, a server that was cut off does not
// increase its term while it cannot win, so when it comes back it does not
// depose the leader. The harness runs the rejoin at many phases of the
// isolated node's timer, with and without the leader's log moving on.
func TestPaperPreVoteDoesNotDisrupt(t *testing.T) {
	for _, lf := range [][2]ID{{1, 3}, {3, 1}, {2, 1}} {
		for _, hb := range []int{1, 4} {
			for _, writes := range []bool{false, true} {
				for ticks := 60; ticks <= 80; ticks++ {
					l, f := lf[0], lf[1]
					name := fmt.Sprintf("leader=%d/follower=%d/hb=%d/writes=%v/ticks=%d", l, f, hb, writes, ticks)
					r := paperIsolate(t, l, f, hb, ticks, writes, true, false)
					c := r.c
					require.True(t, r.leaderAlways, name)
					require.GreaterOrEqual(t, r.preVotesF, 2, "%s: the isolated node timed out repeatedly", name)
					require.Equal(t, 0, r.votesF, "%s: no real election without a pre-vote quorum", name)
					require.Equal(t, r.termBefore, r.maxTermF, "%s: the isolated node's term never rose", name)

					for i := range 40 {
						c.tick(1)
						require.Equal(t, Leader, c.nodes[l].Role(), "%s: tick %d after heal:\n%s", name, i, c)
						require.Equal(t, r.termBefore, c.nodes[l].Term(), "%s: tick %d after heal:\n%s", name, i, c)
					}
					for _, id := range ids(3) {
						require.Equal(t, r.termBefore, c.nodes[id].Term(), "%s: node %d", name, id)
						require.Equal(t, l, c.nodes[id].Leader(), "%s: node %d", name, id)
					}
					require.Equal(t, c.logTerms(l), c.logTerms(f), "%s: the rejoined node caught up", name)
				}
			}
		}
	}
}

// The control case: without PreVote the cut-off node's term climbs with
// every timeout, and on rejoining it forces the leader out of its term.
func TestPaperWithoutPreVoteRejoinDisrupts(t *testing.T) {
	r := paperIsolate(t, 1, 3, 1, 60, false, false, false)
	c := r.c
	require.True(t, r.leaderAlways)
	assert.Greater(t, r.maxTermF, r.termBefore+1, "the isolated node's term rises with its timeouts")
	c.tick(40)
	assert.Greater(t, c.nodes[1].Term(), r.termBefore, "the rejoin deposed the leader's term:\n%s", c)
	assert.NotEqual(t, None, c.leader())
}

// Dissertation §6.2/§9.6, CheckQuorum: a leader that has not heard from a
// quorum for an election timeout steps down, so clients of a partitioned
// leader find the real one. Without it the old leader leads on in its term.
func TestPaperCheckQuorumIsolatedLeader(t *testing.T) {
	for _, cq := range []bool{true, false} {
		t.Run(fmt.Sprintf("checkQuorum=%v", cq), func(t *testing.T) {
			c := defaultCluster(t, 3, func(cfg *Config) { cfg.CheckQuorum = cq })
			c.electLeader(1)
			term := c.nodes[1].Term()
			et := c.nodes[1].cfg.ElectionTick
			c.isolate(1)
			// It heard from everyone just before: no step-down within the
			// first election timeout.
			for i := 1; i < et; i++ {
				c.tick(1)
				require.Equal(t, Leader, c.nodes[1].Role(), "tick %d", i)
			}
			if cq {
				stepped := 0
				for i := et; i <= 2*et && stepped == 0; i++ {
					c.tick(1)
					if c.nodes[1].Role() != Leader {
						stepped = i
					}
				}
				require.NotZero(t, stepped, "still leading after %d ticks", 2*et)
				assert.Equal(t, Follower, c.nodes[1].Role(), "stepped down at tick %d", stepped)
				assert.Equal(t, term, c.nodes[1].Term(), "on its own, not because of a newer term")
				assert.Equal(t, None, c.nodes[1].Leader())
				c.tick(2 * et)
				l := c.leader()
				assert.Contains(t, []ID{2, 3}, l, "the majority elected a new leader:\n%s", c)
			} else {
				c.tick(10 * et)
				assert.Equal(t, Leader, c.nodes[1].Role())
				assert.Equal(t, term, c.nodes[1].Term())
			}
		})
	}
}

// paperLeasedFollower returns follower 2 of a 3-node cluster in term 1 that
// has just heard from leader 1, with an election timeout longer than
// ElectionTick so that its lease can run out before it campaigns.
func paperLeasedFollower(t *testing.T, tweak func(*Config)) *Node {
	n := paperNode(t, 2, paperPeers, DurableState{HardState: HardState{Term: 1}}, func(c *Config) {
		c.ElectionTickMax = 1000
		if tweak != nil {
			tweak(c)
		}
	})
	paperStep(t, n, Message{Type: MsgAppendEntries, From: 1, To: 2, Term: 1})
	require.Equal(t, ID(1), n.Leader())
	require.Greater(t, n.Status().ElectionTimeout, n.cfg.ElectionTick+1, "pick another seed")
	return n
}

// Dissertation §9.6 (and §4.2.3): a server that heard from a current leader
// within the minimum election timeout does not help depose it. With
// CheckQuorum it ignores RequestVote; with PreVote it refuses pre-votes.
// Once the lease has run out, it answers as usual.
func TestPaperLeaseIgnoresVoteRequests(t *testing.T) {
	cases := []struct {
		name    string
		typ     MessageType
		tweak   func(*Config)
		ignored bool
	}{
		{"RequestVote/CheckQuorum", MsgRequestVote, func(c *Config) { c.CheckQuorum = true }, true},
		{"RequestVote/no CheckQuorum", MsgRequestVote, nil, false},
		{"PreVote/PreVote", MsgPreVote, func(c *Config) { c.PreVote = true }, true},
		{"PreVote/PreVote+CheckQuorum", MsgPreVote, func(c *Config) { c.PreVote = true; c.CheckQuorum = true }, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			n := paperLeasedFollower(t, c.tweak)
			req := Message{Type: c.typ, From: 3, To: 2, Term: 2, Index: 5, LogTerm: 1}
			rds := paperStep(t, n, req)
			msgs := paperMessages(rds)
			if c.ignored {
				for _, m := range msgs {
					assert.True(t, m.Reject, "no vote while the leader is alive: %+v", m)
				}
				assert.Equal(t, uint64(1), n.Term(), "the term is not bumped")
				assert.Equal(t, ID(1), n.Leader())
				assert.Equal(t, None, n.Status().Vote)
				assert.Empty(t, paperHardStateRecords(rds))

				// A leadership transfer's election is let through.
				if c.typ == MsgRequestVote {
					cl := n.Clone()
					tr := req
					tr.Transfer = true
					rds := paperStep(t, cl, tr)
					assert.False(t, paperOnly(t, paperMessages(rds)).Reject, "transfer vote granted")
				}

				// The lease runs out after ElectionTick ticks of silence.
				for range n.cfg.ElectionTick {
					n.Tick()
				}
				require.Equal(t, Follower, n.Role(), "must not have campaigned yet")
				rds = paperStep(t, n, req)
				msgs = paperMessages(rds)
			}
			r := paperOnly(t, msgs)
			assert.Equal(t, c.typ+1, r.Type, "the matching response type")
			assert.False(t, r.Reject, "granted once no leader is heard from")
			if c.typ == MsgPreVote {
				assert.Equal(t, uint64(1), n.Term())
			} else {
				assert.Equal(t, uint64(2), n.Term())
				assert.Equal(t, ID(3), n.Status().Vote)
			}
		})
	}
}

// A leader is a live leader: with PreVote it must not grant a pre-vote any
// more than a follower that hears from it does (dissertation §9.6: a
// pre-vote is granted only by servers that have not heard from a valid
// leader for an election timeout). Otherwise, in a three-node cluster, the
// leader's grant alone gives a rejoining, up-to-date node a pre-vote quorum,
// and the real election that follows deposes the leader.
func TestPaperLeaderRefusesPreVote(t *testing.T) {
	for _, cq := range []bool{false, true} {
		t.Run(fmt.Sprintf("checkQuorum=%v", cq), func(t *testing.T) {
			n := paperInRole(t, Leader, paperPeers, func(c *Config) { c.PreVote = true; c.CheckQuorum = cq })
			term := n.Term()
			last, lastTerm := n.LastIndex(), term
			rds := paperStep(t, n, Message{Type: MsgPreVote, From: 3, To: 1, Term: term + 1, Index: last, LogTerm: lastTerm})
			for _, m := range paperMessages(rds) {
				assert.False(t, m.Type == MsgPreVoteResponse && !m.Reject, "leader granted a pre-vote: %+v", m)
			}
			assert.Equal(t, Leader, n.Role())
			assert.Equal(t, term, n.Term())
		})
	}
}

// §5.2 with one server: it is its own majority, so it elects itself when its
// timer fires and commits what it writes alone (once the write is durable).
func TestPaperSingleNodeCluster(t *testing.T) {
	for _, preVote := range []bool{false, true} {
		t.Run(fmt.Sprintf("preVote=%v", preVote), func(t *testing.T) {
			c := defaultCluster(t, 1, func(cfg *Config) { cfg.PreVote = preVote; cfg.CheckQuorum = true })
			n := c.nodes[1]
			timeout := n.Status().ElectionTimeout
			c.tick(timeout)
			require.Equal(t, Leader, n.Role())
			assert.Equal(t, uint64(1), n.Term(), "one election, one term")
			assert.Equal(t, uint64(1), n.CommitIndex(), "the no-op commits alone")
			assert.Empty(t, c.queue)
			assert.Zero(t, c.sent[MsgRequestVote]+c.sent[MsgPreVote], "nobody to ask")

			idx := c.propose(1, "solo")
			assert.Equal(t, uint64(2), idx)
			assert.Equal(t, idx, n.CommitIndex())
			assert.Equal(t, [][]byte{[]byte("solo")}, c.applied[1])
			c.tick(100)
			assert.Equal(t, Leader, n.Role(), "CheckQuorum counts the leader itself")
			assert.Equal(t, uint64(1), n.Term())
		})
	}
}

// The leader counts its own log toward a commit only once it is durable.
func TestPaperSingleNodeCommitsOnlyDurableEntries(t *testing.T) {
	n := paperNode(t, 1, []ID{1}, DurableState{}, nil)
	require.NoError(t, n.Campaign())
	require.Equal(t, Leader, n.Role())
	rd := n.Ready()
	require.True(t, rd.MustSync)
	assert.Equal(t, uint64(0), n.CommitIndex(), "the no-op is not durable yet")
	assert.Empty(t, rd.CommittedEntries)
	n.Advance(&rd)
	assert.Equal(t, uint64(1), n.CommitIndex())
	rd = n.Ready()
	require.Len(t, rd.CommittedEntries, 1)
	assert.Equal(t, EntryNoop, rd.CommittedEntries[0].Kind)
	n.Advance(&rd)
}

// The leader's own log counts toward a quorum only once it is durable
// (Figure 2: persistent state is updated on stable storage first): a
// follower's acknowledgement plus a leader entry still in the page cache is
// one durable copy, not two.
func TestPaperLeaderCountsOnlyDurableSelf(t *testing.T) {
	n := paperInRole(t, Leader, paperPeers, nil)
	term := n.Term()
	// The no-op commits once node 2 has it.
	paperStep(t, n, Message{Type: MsgAppendEntriesResponse, From: 2, To: 1, Term: term, Index: 1})
	require.Equal(t, uint64(1), n.CommitIndex())

	idx, _, err := n.Propose([]byte("p"))
	require.NoError(t, err)
	rd := n.Ready() // written but not yet synced: no Advance
	require.True(t, rd.MustSync)
	require.NoError(t, n.Step(Message{Type: MsgAppendEntriesResponse, From: 2, To: 1, Term: term, Index: idx}))
	assert.Equal(t, uint64(1), n.CommitIndex(), "only node 2 holds the entry durably")
	n.Advance(&rd)
	assert.Equal(t, idx, n.CommitIndex(), "now the leader's copy counts")
}

// A node whose term is the largest a term can be never campaigns: the next
// term would be out of range (near 2^64 it would wrap to 0, and every vote
// ever cast would look new again). Neither its timer nor Campaign starts an
// election, and it still follows a leader of that term. A disk with a term
// beyond that is refused.
func TestTermAtItsLargestNeverWraps(t *testing.T) {
	for _, preVote := range []bool{false, true} {
		n := paperNode(t, 1, paperPeers, DurableState{HardState: HardState{Term: MaxTerm}}, func(c *Config) { c.PreVote = preVote })
		require.ErrorIs(t, n.Campaign(), ErrTermExhausted)
		n.TickN(10 * n.cfg.ElectionTickMax)
		assert.Equal(t, uint64(MaxTerm), n.Term(), "preVote=%v", preVote)
		assert.Equal(t, Follower, n.Role(), "preVote=%v", preVote)
		assert.Empty(t, paperMessages(paperFlush(n)), "no vote requests, preVote=%v", preVote)

		require.NoError(t, n.Step(Message{Type: MsgAppendEntries, From: 2, To: 1, Term: MaxTerm}))
		assert.Equal(t, ID(2), n.Leader(), "preVote=%v", preVote)
	}
	_, err := New(testConfig(1, paperPeers...), DurableState{HardState: HardState{Term: math.MaxUint64}})
	require.ErrorContains(t, err, "durable term 18446744073709551615 is beyond the largest term")
}
