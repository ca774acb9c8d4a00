package raft

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// readHandleNoAdvance does what the host does with id's Ready (persist, send)
// except calling Advance, which the test does later: until then the node
// has not applied the batch's entries.
func readHandleNoAdvance(c *cluster, id ID) Ready {
	rd := c.nodes[id].Ready()
	c.wals[id].Append(rd.Records...)
	if rd.MustSync {
		c.wals[id].Sync()
	}
	for _, m := range sentMessages(rd) {
		c.sent[m.Type]++
		c.queue = append(c.queue, m)
	}
	c.reads[id] = append(c.reads[id], rd.Reads...)
	return rd
}

// readDeliverHolding delivers messages until the network is quiet, like
// c.deliver, but never handles hold's Ready: messages reach hold, yet what
// it sends stays pending inside it.
func readDeliverHolding(c *cluster, hold ID) {
	for {
		for _, id := range c.sortedIDs() {
			if n := c.nodes[id]; n != nil && id != hold {
				for n.HasReady() {
					c.handleReady(id, n.Ready())
				}
			}
		}
		if len(c.queue) == 0 {
			return
		}
		m := c.queue[0]
		c.queue = c.queue[1:]
		if c.drop != nil && c.drop(m) {
			continue
		}
		if n := c.nodes[m.To]; n != nil {
			require.NoError(c.t, n.Step(m))
		}
	}
}

func readPending(n *Node) []PendingRead { return n.PendingReads() }

func TestReadIndexWaitsForQuorumAndApply(t *testing.T) {
	c := defaultCluster(t, 3, nil)
	c.electLeader(1)
	c.tick(1)
	l := c.nodes[1]

	// The leader appends X and both followers acknowledge it; the leader
	// commits X but has not yet handed it to its state machine.
	x, _, err := l.Propose([]byte("x"))
	require.NoError(t, err)
	rd := readHandleNoAdvance(c, 1)
	l.Advance(&rd)
	readDeliverHolding(c, 1)
	require.Equal(t, x, l.CommitIndex())
	require.Less(t, l.AppliedIndex(), x)

	// The read's index is the commit index; it waits for a round.
	require.NoError(t, l.ReadIndex(7, ReadIndex))
	p := readPending(l)
	require.Len(t, p, 1)
	require.Equal(t, PendingRead{ID: 7, Index: x, Seq: p[0].Seq, Phase: ReadWaitingForQuorum}, p[0])

	// The round is sent; the followers' answers are lost.
	c.drop = func(m Message) bool { return m.To == 1 }
	rd = readHandleNoAdvance(c, 1)
	require.Empty(t, rd.Reads)
	var beats int
	for _, m := range sentMessages(rd) {
		if m.IsHeartbeat() && m.Seq == p[0].Seq {
			beats++
		}
	}
	require.Equal(t, 2, beats, "a heartbeat round confirms the read")
	l.Advance(&rd) // applies X: only the quorum is missing now
	require.Equal(t, x, l.AppliedIndex())
	readDeliverHolding(c, 1)
	require.Equal(t, ReadWaitingForQuorum, readPending(l)[0].Phase, "no answers, no read")
	require.False(t, l.HasReady())

	// The followers' answers to the append of y, sent after the round,
	// confirm read 7 as well as a heartbeat would: it is answered.
	y, _, err := l.Propose([]byte("y"))
	require.NoError(t, err)
	c.heal()
	rd = readHandleNoAdvance(c, 1)
	l.Advance(&rd)
	readDeliverHolding(c, 1)
	require.Equal(t, y, l.CommitIndex())
	require.Empty(t, readPending(l))

	// A second read, whose index y the state machine has not reached:
	// confirmed by the quorum, it waits for apply.
	require.NoError(t, l.ReadIndex(8, ReadIndex))
	rd = readHandleNoAdvance(c, 1) // holds y to apply, and the round
	require.Equal(t, []ReadState{{ID: 7, Index: x}}, rd.Reads)
	require.Equal(t, []uint64{y}, readCommitted(rd))
	readDeliverHolding(c, 1)
	p = readPending(l)
	require.Len(t, p, 1)
	require.Equal(t, PendingRead{ID: 8, Index: y, Seq: p[0].Seq, Phase: ReadWaitingForApply}, p[0])

	// Applying y releases it.
	l.Advance(&rd)
	require.Empty(t, readPending(l))
	rd = l.Ready()
	require.Equal(t, []ReadState{{ID: 8, Index: y}}, rd.Reads)
	l.Advance(&rd)
}

// readCommitted lists the indexes of a Ready's committed entries.
func readCommitted(rd Ready) []uint64 {
	var out []uint64
	for _, e := range rd.CommittedEntries {
		out = append(out, e.Index)
	}
	return out
}

func TestReadIndexQuorumOfAnswers(t *testing.T) {
	// With five voters a read needs two followers' answers.
	c := defaultCluster(t, 5, nil)
	c.electLeader(1)
	c.tick(1)
	l := c.nodes[1]
	commit := l.CommitIndex()
	answered := map[ID]bool{}
	c.drop = func(m Message) bool {
		return m.Type == MsgAppendEntriesResponse && !answered[m.From]
	}
	require.NoError(t, l.ReadIndex(1, ReadIndex))
	c.deliver(0)
	require.Empty(t, c.reads[1])
	answered[2] = true
	c.tick(1)
	require.Empty(t, c.reads[1], "one answer and the leader make 2 of 5")
	answered[3] = true
	c.tick(1)
	require.Equal(t, []ReadState{{ID: 1, Index: commit}}, c.reads[1])
}

func TestReadIndexSingleVoter(t *testing.T) {
	c := defaultCluster(t, 1, nil)
	c.electLeader(1)
	idx := c.propose(1, "a")
	require.NoError(t, c.nodes[1].ReadIndex(3, ReadIndex))
	c.deliver(0)
	require.Equal(t, []ReadState{{ID: 3, Index: idx}}, c.reads[1])
}

func TestReadIndexNewLeaderWaitsForTermCommit(t *testing.T) {
	c := defaultCluster(t, 3, func(cfg *Config) { cfg.Rules.SkipLeaderNoop = true })
	c.electLeader(1)
	c.propose(1, "a")
	c.tick(1)
	c.electLeader(2)
	l := c.nodes[2]
	require.Equal(t, uint64(2), l.Term())
	require.Equal(t, uint64(1), l.CommitIndex(), "entry 1 of term 1 is committed")

	require.NoError(t, l.ReadIndex(5, ReadIndex))
	c.tick(5)
	require.Empty(t, c.reads[2], "no read before an entry of term 2 commits")
	p := readPending(l)
	require.Len(t, p, 1)
	require.Equal(t, ReadWaitingForTermCommit, p[0].Phase)

	idx := c.propose(2, "b")
	c.tick(1)
	require.Equal(t, []ReadState{{ID: 5, Index: idx}}, c.reads[2], "the read index is the first commit of the term")
}

func TestReadIndexDeposedLeader(t *testing.T) {
	for _, checkQuorum := range []bool{false, true} {
		c := defaultCluster(t, 3, func(cfg *Config) { cfg.CheckQuorum = checkQuorum })
		c.electLeader(1)
		c.tick(1)
		c.isolate(1)
		l := c.nodes[1]
		require.NoError(t, l.ReadIndex(9, ReadIndex))
		require.NoError(t, l.ReadIndex(10, ReadIndex))
		// The others elect a new leader, which serves writes; the old
		// one never confirms its reads.
		answered := func() bool {
			for _, r := range c.reads[1] {
				if !r.Failed {
					return true
				}
			}
			return false
		}
		c.tick(5)
		require.Empty(t, c.reads[1])
		c.tick(40)
		nl := c.leader()
		require.Contains(t, []ID{2, 3}, nl, "checkQuorum=%v\n%s", checkQuorum, c)
		c.propose(nl, "w")
		require.False(t, answered(), "checkQuorum=%v: an isolated leader answers no read", checkQuorum)
		if checkQuorum {
			// It stepped down on its own, failing the reads (and, cut
			// off, has been campaigning since).
			require.NotEqual(t, Leader, l.Role())
		} else {
			require.Equal(t, Leader, l.Role(), "without CheckQuorum it leads on, unaware")
			require.Len(t, readPending(l), 2)
			require.Empty(t, c.reads[1])
			c.heal()
			c.tick(1)
			require.Equal(t, Follower, l.Role())
		}
		require.Equal(t, []ReadState{{ID: 9, Failed: true}, {ID: 10, Failed: true}}, c.reads[1])
		require.Empty(t, readPending(l))
		require.ErrorIs(t, l.ReadIndex(11, ReadIndex), ErrNotLeader)
	}
}

func TestReadIndexNotLeader(t *testing.T) {
	c := defaultCluster(t, 3, func(cfg *Config) { cfg.PreVote = true })
	require.ErrorIs(t, c.nodes[1].ReadIndex(1, ReadIndex), ErrNotLeader, "no leader yet")
	c.electLeader(1)
	require.ErrorIs(t, c.nodes[2].ReadIndex(1, ReadIndex), ErrNotLeader, "follower")
	c.isolate(3)
	require.NoError(t, c.nodes[3].Campaign())
	require.Equal(t, PreCandidate, c.nodes[3].Role())
	require.ErrorIs(t, c.nodes[3].ReadIndex(1, ReadIndex), ErrNotLeader, "pre-candidate")
	require.Empty(t, readPending(c.nodes[2]))
	require.Empty(t, readPending(c.nodes[3]))
}

// readLeaseCluster is a cluster of three in lease mode, with a leader
// whose no-op is committed and a heartbeat round answered just after a
// CheckQuorum check (so the next check is a full election timeout away).
func readLeaseCluster(t *testing.T) *cluster {
	c := defaultCluster(t, 3, func(cfg *Config) { cfg.CheckQuorum = true; cfg.LeaseReads = true })
	c.electLeader(1)
	l := c.nodes[1]
	for range 3 * l.cfg.ElectionTick {
		c.tick(1)
		if l.Status().ElectionElapsed == 0 {
			return c
		}
	}
	require.FailNow(t, "the leader never ran a CheckQuorum check")
	return nil
}

func TestReadLeaseAnswersAtOnce(t *testing.T) {
	c := readLeaseCluster(t)
	l := c.nodes[1]
	require.NoError(t, l.ReadIndex(1, ReadLease))
	rd := l.Ready()
	require.Equal(t, []ReadState{{ID: 1, Index: l.CommitIndex()}}, rd.Reads)
	require.Empty(t, sentMessages(rd), "no heartbeat round needed")
	c.handleReady(1, rd)
}

func TestReadLeaseExpires(t *testing.T) {
	c := readLeaseCluster(t)
	l := c.nodes[1]
	et := l.cfg.ElectionTick
	// From now on the followers hear the leader but their answers are lost;
	// only the leader's clock runs.
	c.drop = func(m Message) bool { return m.To == 1 }
	for range et - 2 {
		l.Tick()
		c.deliver(0)
	}
	// The last answered round was sent ElectionTick-2 ticks ago: the lease,
	// which keeps a tick of slack, still holds.
	require.NoError(t, l.ReadIndex(1, ReadLease))
	rd := l.Ready()
	require.Equal(t, []ReadState{{ID: 1, Index: l.CommitIndex()}}, rd.Reads)
	c.handleReady(1, rd)

	// One tick later it has expired: the read falls back to a round.
	l.Tick()
	c.deliver(0)
	require.Equal(t, Leader, l.Role(), "CheckQuorum has not run yet")
	require.NoError(t, l.ReadIndex(2, ReadLease))
	rd = l.Ready()
	require.Empty(t, rd.Reads)
	p := readPending(l)
	require.Len(t, p, 1)
	require.Equal(t, ReadWaitingForQuorum, p[0].Phase)
	var beats int
	for _, m := range sentMessages(rd) {
		if m.IsHeartbeat() && m.Seq == p[0].Seq {
			beats++
		}
	}
	require.Equal(t, 2, beats)
	c.handleReady(1, rd)
	c.deliver(0)
	require.Empty(t, c.reads[1][1:], "answers still lost")

	// The answers to the round confirm it, and renew the lease.
	c.heal()
	l.Tick()
	c.deliver(0)
	require.Equal(t, []ReadState{{ID: 2, Index: l.CommitIndex()}}, c.reads[1][1:])
	require.NoError(t, l.ReadIndex(3, ReadLease))
	rd = l.Ready()
	require.Equal(t, []ReadState{{ID: 3, Index: l.CommitIndex()}}, rd.Reads)
	c.handleReady(1, rd)
}

func TestReadLeaseNotDuringTransfer(t *testing.T) {
	// A transferring leader holds no lease: its target may win at once.
	c := readLeaseCluster(t)
	c.crash(3, 0)
	l := c.nodes[1]
	require.NoError(t, l.TransferLeadership(3))
	require.NoError(t, l.ReadIndex(1, ReadLease))
	rd := l.Ready()
	require.Empty(t, rd.Reads)
	require.Equal(t, ReadWaitingForQuorum, readPending(l)[0].Phase)
	c.handleReady(1, rd)
	c.deliver(0)
	require.Equal(t, []ReadState{{ID: 1, Index: l.CommitIndex()}}, c.reads[1], "confirmed by a round instead")
}

func TestReadLeaseNewLeader(t *testing.T) {
	// A new leader has no lease until a round of its own is answered.
	c := defaultCluster(t, 3, func(cfg *Config) { cfg.CheckQuorum = true; cfg.LeaseReads = true })
	c.electLeader(1)
	l := c.nodes[1]
	require.NoError(t, l.ReadIndex(1, ReadLease))
	rd := l.Ready()
	require.Empty(t, rd.Reads)
	require.Equal(t, ReadWaitingForQuorum, readPending(l)[0].Phase)
	c.handleReady(1, rd)
	c.deliver(0)
	require.Equal(t, []ReadState{{ID: 1, Index: l.CommitIndex()}}, c.reads[1])
}

func TestReadLeaseNeedsToBeEnabled(t *testing.T) {
	c := defaultCluster(t, 3, func(cfg *Config) { cfg.CheckQuorum = true })
	c.electLeader(1)
	require.ErrorIs(t, c.nodes[1].ReadIndex(1, ReadLease), ErrLeaseReadsOff)
	require.Empty(t, readPending(c.nodes[1]), "the refused read is not queued")
	require.NoError(t, c.nodes[1].ReadIndex(2, ReadIndex))
	_, err := New(Config{ID: 1, Peers: []ID{1, 2, 3}, ElectionTick: 10, HeartbeatTick: 1, LeaseReads: true}, DurableState{})
	require.ErrorIs(t, err, ErrConfigLeaseRead, "a lease without CheckQuorum is refused")
}

// TestLeaseSurvivesFollowerRestart: a follower that acknowledged the
// leader's lease and then crashed must not vote for another candidate
// before the lease could have run out, or the old leader would serve a
// stale lease read. (Found in review: a restart forgot the lease.)
func TestLeaseSurvivesFollowerRestart(t *testing.T) {
	for _, lease := range []bool{true, false} {
		c := defaultCluster(t, 3, func(cfg *Config) { cfg.CheckQuorum = true; cfg.LeaseReads = lease })
		c.electLeader(1)
		c.tick(1)
		c.crash(2, 0)
		c.restart(2)
		// S3 campaigns at once (as after a partition cut it off): S2, just
		// restarted, must refuse while a lease it granted may still hold.
		c.isolate(1)
		require.NoError(t, c.nodes[3].Campaign())
		c.deliver(0)
		if lease {
			require.NotEqual(t, Leader, c.nodes[3].Role(), "S2 refused: S1's lease may still hold")
			for range c.nodes[2].cfg.ElectionTick {
				c.nodes[2].Tick()
			}
			require.NoError(t, c.nodes[3].Campaign())
			c.deliver(0)
			require.Equal(t, Leader, c.nodes[3].Role(), "once the lease has run out S2 votes")
		} else {
			require.Equal(t, Leader, c.nodes[3].Role(), "without lease reads a restarted node votes at once")
		}
	}
}

// TestNoLeaseAfterTimeoutNow: once a leader has sent TimeoutNow its target
// may win through the voters' leases, so the leader holds no lease for the
// rest of its term, even after it abandons the transfer. (Found in review.)
func TestNoLeaseAfterTimeoutNow(t *testing.T) {
	c := readLeaseCluster(t)
	l := c.nodes[1]
	// The TimeoutNow is lost, and the transfer is abandoned.
	c.drop = func(m Message) bool { return m.Type == MsgTimeoutNow }
	require.NoError(t, l.TransferLeadership(2))
	c.deliver(0)
	for range l.cfg.ElectionTick {
		c.tick(1)
	}
	require.Equal(t, Leader, l.Role())
	require.Equal(t, None, l.LeadTransferee(), "the transfer was abandoned")
	require.NoError(t, l.ReadIndex(7, ReadLease))
	require.Equal(t, ReadWaitingForQuorum, readPending(l)[0].Phase, "no lease: a heartbeat round confirms the read")
}
