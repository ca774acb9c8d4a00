package raft

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"
)

// walDurable is the state a node would restart from if it crashed now: its
// saved snapshot and the synced prefix of its WAL.
func walDurable(t *testing.T, c *cluster, id ID) DurableState {
	t.Helper()
	w := c.wals[id]
	recs, _, err := ReadWAL(w.Bytes()[:w.Synced()])
	require.NoError(t, err, "the synced prefix of a WAL is whole")
	st, err := Recover(c.snaps[id], recs)
	require.NoError(t, err)
	return st
}

// walCompact makes id take a snapshot at its applied index, saving it as a
// host must before calling Compact.
func walCompact(t *testing.T, c *cluster, id ID) {
	t.Helper()
	n := c.nodes[id]
	data := fmt.Appendf(nil, "snapshot of %d at %d", id, n.AppliedIndex())
	require.NoError(t, errOf(n.Compact(n.AppliedIndex(), data)))
	c.snaps[id] = &Snapshot{Meta: n.Status().Snapshot, Data: data}
	c.deliver(0) // write the snapshot marker
}

// walRecoveredFields is the part of Status that recovery must give back
// exactly: everything durable, and what follows from it.
func walRecoveredFields(s Status) Status {
	return Status{
		ID: s.ID, Term: s.Term, Vote: s.Vote,
		Entries: s.Entries, FirstIndex: s.FirstIndex, LastIndex: s.LastIndex,
		CommitIndex: s.CommitIndex, StableIndex: s.StableIndex, Snapshot: s.Snapshot,
		Membership: s.Membership, ConfigIndex: s.ConfigIndex,
	}
}

// TestRestartRecoversDurableState: when everything a node wrote is synced,
// a crash and restart gives back exactly its term, vote, log, commit index,
// snapshot and membership; it comes back as a follower and re-applies its
// committed entries from the snapshot on.
func TestRestartRecoversDurableState(t *testing.T) {
	for _, tt := range []struct {
		name    string
		id      ID
		compact bool
	}{
		{"follower", 2, false},
		{"leader", 1, false},
		{"follower with snapshot", 3, true},
		{"leader with snapshot", 1, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := defaultCluster(t, 3, nil)
			c.electLeader(1)
			c.propose(1, "a")
			c.propose(1, "b")
			c.tick(1)
			if tt.compact {
				walCompact(t, c, tt.id)
				require.Equal(t, uint64(3), c.nodes[tt.id].Status().Snapshot.Index)
			}
			c.propose(1, "c")
			c.tick(1)
			// The host may always sync more than it must; here it syncs
			// everything, so nothing is lost in the crash.
			c.wals[tt.id].Sync()

			before := c.nodes[tt.id].Status()
			require.Equal(t, uint64(4), before.CommitIndex, "everything committed")
			require.Equal(t, before.LastIndex, before.StableIndex)
			appliedBefore := c.applied[tt.id]

			c.crash(tt.id, 0)
			c.restart(tt.id)
			after := c.nodes[tt.id].Status()
			require.Equal(t, walRecoveredFields(before), walRecoveredFields(after))
			require.Equal(t, Follower, after.Role)
			require.Equal(t, None, after.Leader)
			require.Equal(t, before.Snapshot.Index, after.AppliedIndex, "the state machine restarts from the snapshot")

			c.process()
			require.Equal(t, before.CommitIndex, c.appliedIdx[tt.id], "committed entries are applied again")
			if tt.compact {
				require.Equal(t, c.snaps[tt.id].Data, c.applied[tt.id][0])
				require.Equal(t, appliedBefore[len(appliedBefore)-1:], c.applied[tt.id][1:])
			} else {
				require.Equal(t, appliedBefore, c.applied[tt.id])
			}

			// And it is a working member again.
			if tt.id == 1 {
				c.tick(30) // someone else times out and wins
			}
			l := c.leader()
			require.NotEqual(t, None, l, c.String())
			c.propose(l, "d")
			c.tick(1)
			lead := c.nodes[l]
			for _, id := range ids(3) {
				n := c.nodes[id]
				require.Equal(t, lead.LastIndex(), n.LastIndex(), "node %d\n%s", id, c)
				for i := max(lead.FirstIndex(), n.FirstIndex()); i <= n.LastIndex(); i++ {
					e, _ := n.EntryAt(i)
					le, _ := lead.EntryAt(i)
					require.Equal(t, le, e, "node %d entry %d", id, i)
				}
				require.Equal(t, lead.CommitIndex(), n.CommitIndex(), "node %d", id)
			}
		})
	}
}

// TestRestartLosesUnsyncedWrites: records that were written but not synced
// are gone after a crash, whether appended by hand or by a node that answers
// before it syncs (Rules.AckBeforeFsync), torn or not.
func TestRestartLosesUnsyncedWrites(t *testing.T) {
	t.Run("by hand", func(t *testing.T) {
		for _, torn := range []int{0, 1, 9, 1 << 20} {
			c := defaultCluster(t, 3, nil)
			c.electLeader(1)
			c.propose(1, "a")
			c.tick(1)
			c.wals[2].Sync()
			before := c.nodes[2].Status()

			next := before.LastIndex + 1
			c.wals[2].Append(
				Record{Type: RecordHardState, HardState: HardState{Term: 99, Vote: 3, Commit: next}},
				Record{Type: RecordEntry, Entry: Entry{Index: next, Term: 99, Data: []byte("ghost")}},
				Record{Type: RecordTruncate, Index: 1},
			)
			c.crash(2, torn)
			if torn > 0 {
				_, _, err := ReadWAL(c.wals[2].Bytes())
				require.ErrorIs(t, err, ErrTornRecord, "torn %d", torn)
			}
			c.restart(2)
			require.Equal(t, walRecoveredFields(before), walRecoveredFields(c.nodes[2].Status()), "torn %d", torn)
		}
	})

	t.Run("ack before fsync", func(t *testing.T) {
		c := newCluster(t, 3, func(id ID) Config {
			cfg := testConfig(id, ids(3)...)
			cfg.Rules.AckBeforeFsync = id == 3
			return cfg
		})
		c.electLeader(1)
		c.propose(1, "a")
		c.propose(1, "b")
		c.tick(1)
		st := c.nodes[3].Status()
		require.Equal(t, uint64(1), st.Term)
		require.Equal(t, ID(1), st.Vote, "node 3 voted for node 1")
		require.Equal(t, c.logTerms(1), c.logTerms(3), "and acknowledged every entry")
		require.Positive(t, c.wals[3].Size())
		require.Zero(t, c.wals[3].Synced(), "but synced nothing")

		c.crash(3, 0)
		require.Zero(t, c.wals[3].Size())
		c.restart(3)
		st = c.nodes[3].Status()
		require.Zero(t, st.Term, "the term is lost")
		require.Equal(t, None, st.Vote, "the vote is lost")
		require.Empty(t, st.Entries, "the acknowledged entries are lost")
	})
}

// TestRestartCutsTornTail: a follower crashes in the middle of writing a
// record that it was not required to sync (a new commit index); the torn
// tail is cut when it restarts, it loses nothing it had acknowledged, and it
// rejoins and catches up with what it missed.
func TestRestartCutsTornTail(t *testing.T) {
	for _, torn := range []int{1, 5, walHeaderLen, 1 << 20} {
		t.Run(fmt.Sprint(torn), func(t *testing.T) {
			c := defaultCluster(t, 3, nil)
			c.electLeader(1)
			c.propose(1, "a")
			c.propose(1, "b")
			w := c.wals[2]
			// The leader's commit of "b" reached node 2 in an empty
			// AppendEntries; the commit record it wrote need not be synced.
			require.Equal(t, uint64(3), c.nodes[2].CommitIndex())
			require.Greater(t, w.Size(), w.Synced(), "node 2 has an unsynced record")
			durable := walDurable(t, c, 2)
			require.Less(t, durable.HardState.Commit, uint64(3), "the durable commit index lags")
			before := c.nodes[2].Status()

			c.crash(2, torn)
			require.Greater(t, w.Size(), w.Synced(), "a torn fragment survives")
			_, valid, err := ReadWAL(w.Bytes())
			require.ErrorIs(t, err, ErrTornRecord)
			require.Equal(t, w.Synced(), valid)

			// The cluster moves on without node 2.
			c.propose(1, "c")
			c.propose(1, "d")

			c.restart(2)
			recs, valid, err := ReadWAL(w.Bytes())
			require.NoError(t, err, "restart cut the torn tail")
			require.Equal(t, w.Size(), valid)
			got, err := Recover(nil, recs)
			require.NoError(t, err)
			require.Equal(t, durable, got)
			st := c.nodes[2].Status()
			require.Equal(t, before.Entries, st.Entries, "acknowledged entries survive")
			require.Equal(t, durable.HardState.Commit, st.CommitIndex)
			require.Equal(t, before.Term, st.Term)
			require.Equal(t, before.Vote, st.Vote)

			c.tick(2)
			require.Equal(t, c.nodes[1].Status().Entries, c.nodes[2].Status().Entries, "node 2 caught up\n%s", c)
			require.Equal(t, uint64(5), c.nodes[2].CommitIndex())
			require.Equal(t, c.applied[1], c.applied[2])
			require.Equal(t, [][]byte{[]byte("a"), []byte("b"), []byte("c"), []byte("d")}, c.applied[2])
			_, _, err = ReadWAL(w.Bytes())
			require.NoError(t, err, "new records follow the cut cleanly")
		})
	}
}

// TestRestartTornLeader: the leader's own tail is torn; after restart it
// follows, and the log it acknowledged to itself is intact.
func TestRestartTornLeader(t *testing.T) {
	c := defaultCluster(t, 3, nil)
	c.electLeader(1)
	c.propose(1, "a")
	// Append a record by hand without syncing it and tear it.
	c.wals[1].Append(Record{Type: RecordHardState, HardState: HardState{Term: 1, Vote: 1, Commit: 2}})
	before := c.nodes[1].Status()
	c.crash(1, 3)
	_, _, err := ReadWAL(c.wals[1].Bytes())
	require.ErrorIs(t, err, ErrTornRecord)
	c.restart(1)
	after := c.nodes[1].Status()
	require.Equal(t, before.Entries, after.Entries)
	require.Equal(t, before.Term, after.Term)
	require.Equal(t, before.Vote, after.Vote)
	c.tick(30)
	l := c.leader()
	require.NotEqual(t, None, l)
	c.propose(l, "b")
	c.tick(1)
	for _, id := range ids(3) {
		require.Equal(t, [][]byte{[]byte("a"), []byte("b")}, c.applied[id], "node %d", id)
	}
}

// walHost drives a cluster like the harness does, but checks every Ready
// after its records are written (and synced, if it asks) and before its
// messages go out: each answer must be backed by the durable state a crash
// would leave.
type walHost struct {
	t          *testing.T
	c          *cluster
	violations []string
	// votes and acks count the granted votes and successful append
	// responses checked.
	votes, acks int
}

func (h *walHost) process() {
	for again := true; again; {
		again = false
		for _, id := range h.c.sortedIDs() {
			n := h.c.nodes[id]
			if n == nil {
				continue
			}
			for n.HasReady() {
				again = true
				rd := n.Ready()
				// handleReady writes the records, syncs if rd.MustSync, and
				// only queues the messages; Advance changes no term, vote
				// or entry, so the node can be checked after it.
				h.c.handleReady(id, rd)
				h.check(id, rd)
			}
		}
	}
}

func (h *walHost) check(id ID, rd Ready) {
	d := walDurable(h.t, h.c, id)
	n := h.c.nodes[id]
	base := uint64(0)
	if d.Snapshot != nil {
		base = d.Snapshot.Meta.Index
	}
	bad := func(m Message, why string, args ...any) {
		h.violations = append(h.violations, fmt.Sprintf("%d: %s to %d term %d (MustSync %v): %s", id, m.Type, m.To, m.Term, rd.MustSync, fmt.Sprintf(why, args...)))
	}
	for _, m := range rd.Messages {
		if !leaderMessage(m.Type) {
			bad(m, "sent before the sync, though not a leader's message of its term")
		}
	}
	for _, m := range rd.MessagesAfterSync {
		if m.Type != MsgRequestVoteResponse && m.Type != MsgAppendEntriesResponse {
			continue
		}
		if d.HardState.Term < m.Term {
			bad(m, "durable term is %d", d.HardState.Term)
			continue
		}
		if m.Reject || d.HardState.Term > m.Term {
			// A durable later term supersedes whatever this answer
			// promised in an earlier one.
			continue
		}
		switch m.Type {
		case MsgRequestVoteResponse:
			h.votes++
			if d.HardState.Vote != m.To {
				bad(m, "durable vote is %d", d.HardState.Vote)
			}
		case MsgAppendEntriesResponse:
			h.acks++
			last := base + uint64(len(d.Entries))
			if last < m.Index {
				bad(m, "acknowledges %d but the durable log ends at %d", m.Index, last)
				continue
			}
			for i := base + 1; i <= m.Index; i++ {
				if want, ok := n.TermAt(i); ok && d.Entries[i-base-1].Term != want {
					bad(m, "durable entry %d has term %d, not %d", i, d.Entries[i-base-1].Term, want)
				}
			}
		}
	}
}

func (h *walHost) deliver() {
	for range 100000 {
		h.process()
		if len(h.c.queue) == 0 {
			return
		}
		m := h.c.queue[0]
		h.c.queue = h.c.queue[1:]
		if h.c.drop != nil && h.c.drop(m) {
			continue
		}
		if n := h.c.nodes[m.To]; n != nil {
			require.NoError(h.t, n.Step(m))
		}
	}
	h.t.Fatal("the network did not settle")
}

func (h *walHost) tick(times int) {
	for range times {
		for _, id := range h.c.sortedIDs() {
			if n := h.c.nodes[id]; n != nil {
				n.Tick()
			}
		}
		h.deliver()
	}
}

func (h *walHost) campaign(id ID) {
	require.NoError(h.t, h.c.nodes[id].Campaign())
	h.deliver()
}

// propose proposes at id if it leads, and reports whether it did.
func (h *walHost) propose(id ID, data string) bool {
	if h.c.nodes[id].Role() != Leader {
		return false
	}
	_, _, err := h.c.nodes[id].Propose([]byte(data))
	require.NoError(h.t, err)
	h.deliver()
	return true
}

// walPersistScenario runs elections, replication, a partition with a
// competing leader whose log overwrites the old one, and a crash, through h.
// With strict it checks that each step went as planned.
func walPersistScenario(h *walHost, strict bool) {
	t, c := h.t, h.c
	req := func(ok bool, msg string) {
		if strict {
			require.True(t, ok, "%s\n%s", msg, c)
		}
	}
	h.campaign(1)
	req(h.propose(1, "a"), "node 1 leads term 1")
	h.propose(1, "b")

	c.partition([]ID{1, 2}, []ID{3, 4, 5})
	h.propose(1, "lost") // reaches node 2 only
	h.campaign(3)
	req(h.propose(3, "c"), "node 3 leads term 2")
	c.heal()
	h.tick(3) // node 1 and 2 learn term 2; their "lost" entries are replaced

	c.crash(4, 0)
	h.propose(3, "d")
	c.restart(4)
	h.tick(3)

	h.campaign(5)
	req(h.propose(5, "e"), "node 5 leads term 3")
	h.tick(3)
}

// TestPersistBeforeAnswer: a follower's AppendEntriesResponse and a voter's
// RequestVoteResponse leave only in a Ready whose records are durable by the
// time it is sent, so the state they promise survives a crash. The check is
// shown to bite by a cluster that breaks the rule on purpose.
func TestPersistBeforeAnswer(t *testing.T) {
	c := defaultCluster(t, 5, nil)
	h := &walHost{t: t, c: c}
	walPersistScenario(h, true)
	require.Empty(t, h.violations)
	require.GreaterOrEqual(t, h.votes, 6, "granted votes checked")
	require.GreaterOrEqual(t, h.acks, 20, "append acknowledgements checked")
	for _, id := range ids(5) {
		require.Equal(t, c.logTerms(5), c.logTerms(id), "node %d\n%s", id, c)
		require.Equal(t, c.applied[5], c.applied[id], "node %d", id)
	}
	require.Equal(t, [][]byte{[]byte("a"), []byte("b"), []byte("c"), []byte("d"), []byte("e")}, c.applied[5])

	t.Run("ack before fsync breaks it", func(t *testing.T) {
		c := defaultCluster(t, 5, func(cfg *Config) { cfg.Rules.AckBeforeFsync = true })
		h := &walHost{t: t, c: c}
		walPersistScenario(h, false)
		require.NotEmpty(t, h.violations)
		t.Logf("%d violations, e.g. %s", len(h.violations), h.violations[0])
	})
}

// TestMustSyncWhenAnswering checks the Ready contract directly, message by
// message: a Ready that carries a granted vote or an append acknowledgement
// together with new durable state (records other than a commit index, or a
// new term or vote) asks for a sync.
func TestMustSyncWhenAnswering(t *testing.T) {
	c := defaultCluster(t, 3, nil)
	step := func(m Message) Ready {
		n := c.nodes[2]
		require.NoError(t, n.Step(m))
		rd := n.Ready()
		n.Advance(&rd)
		require.Len(t, rd.MessagesAfterSync, 1)
		return rd
	}

	// A vote: the Ready holds the new term and vote, and must be synced.
	rd := step(Message{Type: MsgRequestVote, From: 1, To: 2, Term: 1})
	require.Equal(t, MsgRequestVoteResponse, rd.MessagesAfterSync[0].Type)
	require.False(t, rd.MessagesAfterSync[0].Reject)
	require.True(t, rd.MustSync)
	require.Equal(t, []Record{{Type: RecordHardState, HardState: HardState{Term: 1, Vote: 1}}}, rd.Records)

	// Entries: the Ready holds them, and must be synced.
	ents := []Entry{{Index: 1, Term: 1, Kind: EntryNoop}, {Index: 2, Term: 1, Data: []byte("x")}}
	rd = step(Message{Type: MsgAppendEntries, From: 1, To: 2, Term: 1, Entries: ents})
	require.False(t, rd.MessagesAfterSync[0].Reject)
	require.Equal(t, uint64(2), rd.MessagesAfterSync[0].Index)
	require.True(t, rd.MustSync)
	require.Equal(t, []Record{{Type: RecordEntry, Entry: ents[0]}, {Type: RecordEntry, Entry: ents[1]}}, rd.Records)

	// A repeat of entries it already holds, with a new commit index: the
	// entries were synced before, so only the commit record is new, and
	// that need not be synced.
	rd = step(Message{Type: MsgAppendEntries, From: 1, To: 2, Term: 1, Entries: ents, Commit: 1})
	require.False(t, rd.MessagesAfterSync[0].Reject)
	require.False(t, rd.MustSync)
	require.Equal(t, []Record{{Type: RecordHardState, HardState: HardState{Term: 1, Vote: 1, Commit: 1}}}, rd.Records)

	// A conflicting entry from a later leader: the truncation, the new
	// entry and the new term must be synced before the acknowledgement.
	rd = step(Message{Type: MsgAppendEntries, From: 3, To: 2, Term: 3, Index: 1, LogTerm: 1, Entries: []Entry{{Index: 2, Term: 3}}})
	require.False(t, rd.MessagesAfterSync[0].Reject)
	require.True(t, rd.MustSync)
	require.Equal(t, []Record{
		{Type: RecordTruncate, Index: 2},
		{Type: RecordEntry, Entry: Entry{Index: 2, Term: 3}},
		{Type: RecordHardState, HardState: HardState{Term: 3, Commit: 1}},
	}, rd.Records)

	// A vote refused to a stale log still persists the new term.
	rd = step(Message{Type: MsgRequestVote, From: 1, To: 2, Term: 4, Index: 2, LogTerm: 1})
	require.True(t, rd.MessagesAfterSync[0].Reject)
	require.True(t, rd.MustSync)
	require.Equal(t, []Record{{Type: RecordHardState, HardState: HardState{Term: 4, Commit: 1}}}, rd.Records)

	// A vote in that same term for a candidate with a good log: only the
	// vote is new, and it must be synced all the same.
	rd = step(Message{Type: MsgRequestVote, From: 3, To: 2, Term: 4, Index: 2, LogTerm: 3})
	require.False(t, rd.MessagesAfterSync[0].Reject)
	require.True(t, rd.MustSync)
	require.Equal(t, []Record{{Type: RecordHardState, HardState: HardState{Term: 4, Vote: 3, Commit: 1}}}, rd.Records)

	// Under Rules.AckBeforeFsync nothing is ever synced.
	c = defaultCluster(t, 3, func(cfg *Config) { cfg.Rules.AckBeforeFsync = true })
	rd = step(Message{Type: MsgRequestVote, From: 1, To: 2, Term: 1})
	require.False(t, rd.MessagesAfterSync[0].Reject)
	require.False(t, rd.MustSync)
}

// TestRestartAfterTruncation: nodes whose WALs hold entries, truncations
// and overwritten entries (from a partitioned leader's lost writes) recover
// exactly their in-memory state once synced.
func TestRestartAfterTruncation(t *testing.T) {
	c := defaultCluster(t, 5, nil)
	walPersistScenario(&walHost{t: t, c: c}, true)
	truncated := 0
	for _, id := range ids(5) {
		recs, _, err := ReadWAL(c.wals[id].Bytes())
		require.NoError(t, err)
		for _, r := range recs {
			if r.Type == RecordTruncate {
				truncated++
			}
		}
		c.wals[id].Sync()
		before := c.nodes[id].Status()
		c.crash(id, 0)
		c.restart(id)
		require.Equal(t, walRecoveredFields(before), walRecoveredFields(c.nodes[id].Status()), "node %d", id)
	}
	require.GreaterOrEqual(t, truncated, 2, "nodes 1 and 2 truncated their lost entry")
}
