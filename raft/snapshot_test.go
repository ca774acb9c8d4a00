package raft

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// snapState renders id's state machine as one string. A snapshot's data is
// the comma-joined commands it covers (see snapCompact), so a node restored
// from a snapshot and a node that applied every entry render the same.
func snapState(c *cluster, id ID) string {
	parts := make([]string, 0, len(c.applied[id]))
	for _, d := range c.applied[id] {
		if len(d) > 0 {
			parts = append(parts, string(d))
		}
	}
	return strings.Join(parts, ",")
}

// snapCompact has id's host snapshot its state machine at the index it has
// applied and compact the log there. The host saves the snapshot Compact
// returns (c.snaps) before it handles the next Ready, which carries the
// snapshot's marker record to the WAL.
func snapCompact(t *testing.T, c *cluster, id ID) *Snapshot {
	t.Helper()
	n := c.nodes[id]
	index := c.appliedIdx[id]
	require.Equal(t, index, n.AppliedIndex(), "host and node agree on applied")
	data := []byte(snapState(c, id))
	s, err := n.Compact(index, data)
	require.NoError(t, err)
	require.Equal(t, index, s.Meta.Index)
	require.Equal(t, s.Meta, n.Status().Snapshot)
	require.Equal(t, data, s.Data)
	c.snaps[id] = s
	c.process()
	return s
}

// snapProposeN proposes n commands named prefix0.. at the leader.
func snapProposeN(c *cluster, leader ID, prefix string, n int) {
	for i := range n {
		c.propose(leader, fmt.Sprintf("%s%d", prefix, i))
	}
}

func snapWALHas(t *testing.T, w *WAL, typ RecordType) []Record {
	t.Helper()
	recs, _, err := ReadWAL(w.Bytes())
	require.NoError(t, err)
	var out []Record
	for _, r := range recs {
		if r.Type == typ {
			out = append(out, r)
		}
	}
	return out
}

func TestSnapshotCompactDiscardsPrefix(t *testing.T) {
	c := defaultCluster(t, 3, nil)
	c.electLeader(1)
	snapProposeN(c, 1, "x", 5)
	n := c.nodes[1]
	require.Equal(t, uint64(6), n.AppliedIndex()) // no-op + 5 commands
	last := n.LastIndex()

	s := snapCompact(t, c, 1)
	require.Equal(t, uint64(6), s.Meta.Index)
	require.Equal(t, uint64(1), s.Meta.Term)
	require.Equal(t, []ID{1, 2, 3}, s.Meta.Membership.Voters)
	require.Equal(t, "x0,x1,x2,x3,x4", string(s.Data))

	require.Equal(t, uint64(7), n.FirstIndex())
	require.Equal(t, last, n.LastIndex(), "compaction keeps the tail")
	_, ok := n.EntryAt(6)
	require.False(t, ok, "entry 6 is compacted")
	term, ok := n.TermAt(6)
	require.True(t, ok, "the snapshot's own index keeps its term")
	require.Equal(t, uint64(1), term)
	_, ok = n.TermAt(5)
	require.False(t, ok)
	require.Empty(t, n.Status().Entries)

	marks := snapWALHas(t, c.wals[1], RecordSnapshot)
	require.Len(t, marks, 1, "the WAL gets a snapshot marker")
	require.Equal(t, s.Meta.Index, marks[0].Snapshot.Index)

	// The cluster keeps working on top of the compacted log.
	idx := c.propose(1, "y")
	c.tick(1)
	for _, id := range ids(3) {
		require.Equal(t, idx, c.nodes[id].CommitIndex())
		require.Equal(t, "x0,x1,x2,x3,x4,y", snapState(c, id))
	}
}

func TestSnapshotCompactErrors(t *testing.T) {
	c := defaultCluster(t, 3, nil)
	c.electLeader(1)
	snapProposeN(c, 1, "x", 3) // applied 4
	n := c.nodes[1]
	require.NoError(t, errOf(n.Compact(2, nil)))
	for _, tc := range []struct {
		name  string
		index uint64
	}{
		{"at the snapshot", 2},
		{"before the snapshot", 1},
		{"zero", 0},
		{"beyond applied", 5},
		{"far beyond", 1 << 40},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := n.Compact(tc.index, nil)
			require.ErrorIs(t, err, ErrCompact)
			require.Equal(t, uint64(3), n.FirstIndex(), "a failed compaction changes nothing")
		})
	}
}

// snapLaggingFollower builds a cluster where 3 was down while leader 1 wrote
// 10 commands and compacted past everything 3 has, then wrote two more.
func snapLaggingFollower(t *testing.T) (*cluster, *Snapshot) {
	c := defaultCluster(t, 3, nil)
	c.electLeader(1)
	c.propose(1, "a")
	c.tick(1)
	c.crash(3, 0)
	snapProposeN(c, 1, "b", 10)
	s := snapCompact(t, c, 1)
	require.Equal(t, uint64(12), s.Meta.Index)
	c.propose(1, "c0")
	c.propose(1, "c1")
	c.restart(3)
	require.Equal(t, uint64(2), c.nodes[3].LastIndex(), "3 missed everything after the first command")
	return c, s
}

func TestSnapshotInstallOnLaggingFollower(t *testing.T) {
	c, s := snapLaggingFollower(t)

	// Hold back the InstallSnapshot to inspect what it does.
	var held []Message
	c.drop = func(m Message) bool {
		if m.Type == MsgInstallSnapshot {
			held = append(held, m)
			return true
		}
		return false
	}
	c.tick(1)
	require.Len(t, held, 1, "the leader sends one snapshot: 3 needs compacted entries")
	c.heal()
	m := held[0]
	require.Equal(t, ID(3), m.To)
	require.Equal(t, s.Meta, m.Snapshot.Meta)
	require.Equal(t, s.Data, m.Snapshot.Data)
	require.Equal(t, StateSnapshot, xProgress(t, c.nodes[1], 3).State)

	f := c.nodes[3]
	require.NoError(t, f.Step(m))
	rd := f.Ready()
	require.NotNil(t, rd.Snapshot, "Ready hands the snapshot to the host")
	require.Equal(t, s.Meta.Index, rd.Snapshot.Meta.Index)
	require.True(t, rd.MustSync)
	require.Empty(t, rd.CommittedEntries, "entries up to the snapshot come from it, not the log")
	require.Equal(t, s.Meta.Index, rd.HardState.Commit)
	var types []RecordType
	for _, r := range rd.Records {
		types = append(types, r.Type)
	}
	require.Contains(t, types, RecordSnapshot)
	require.Len(t, rd.MessagesAfterSync, 1)
	require.Equal(t, MsgInstallSnapshotResponse, rd.MessagesAfterSync[0].Type)
	require.Equal(t, s.Meta.Index, rd.MessagesAfterSync[0].Index)
	require.False(t, rd.MessagesAfterSync[0].Reject)
	c.handleReady(3, rd)

	require.Equal(t, s.Meta.Index, f.CommitIndex())
	require.Equal(t, s.Meta.Index, f.AppliedIndex())
	require.Equal(t, s.Meta.Index+1, f.FirstIndex())
	require.Equal(t, s.Meta.Index, f.LastIndex())
	require.Equal(t, s.Meta, f.Status().Snapshot)
	require.Equal(t, "a,b0,b1,b2,b3,b4,b5,b6,b7,b8,b9", snapState(c, 3), "state machine restored from the snapshot")

	// Then it catches up with the entries after the snapshot.
	c.deliver(0)
	c.tick(1)
	l := c.nodes[1]
	require.Equal(t, l.LastIndex(), f.LastIndex())
	require.Equal(t, l.CommitIndex(), f.CommitIndex())
	require.Equal(t, snapState(c, 1), snapState(c, 3))
	require.Equal(t, "a,b0,b1,b2,b3,b4,b5,b6,b7,b8,b9,c0,c1", snapState(c, 3))
	pr := xProgress(t, l, 3)
	require.Equal(t, StateReplicate, pr.State)
	require.Equal(t, l.LastIndex(), pr.Match)

	// And keeps replicating normally.
	idx := c.propose(1, "d")
	c.tick(1)
	require.Equal(t, idx, f.CommitIndex())
	require.Equal(t, snapState(c, 1), snapState(c, 3))
	require.Equal(t, 1, c.sent[MsgInstallSnapshot])
}

// xProgress returns the leader's progress for id.
func xProgress(t *testing.T, l *Node, id ID) Progress {
	t.Helper()
	for _, p := range l.Status().Progress {
		if p.ID == id {
			return p
		}
	}
	require.FailNow(t, "no progress", "leader %d has no progress for %d", l.ID(), id)
	return Progress{}
}

// snapFollower is a lone follower (2 of {1,2,3}) whose log holds entries
// 1..8 of term 1 from leader 1, with only 2 committed.
func snapFollower(t *testing.T) *Node {
	t.Helper()
	f, err := New(testConfig(2, 1, 2, 3), DurableState{})
	require.NoError(t, err)
	var ents []Entry
	for i := uint64(1); i <= 8; i++ {
		ents = append(ents, Entry{Index: i, Term: 1, Data: []byte{byte(i)}})
	}
	require.NoError(t, f.Step(Message{Type: MsgAppendEntries, From: 1, To: 2, Term: 1, Entries: ents, Commit: 2}))
	for f.HasReady() {
		f.Advance(new(f.Ready()))
	}
	require.Equal(t, uint64(8), f.LastIndex())
	require.Equal(t, uint64(2), f.CommitIndex())
	return f
}

func TestSnapshotInstallAgainstExistingLog(t *testing.T) {
	wider := Membership{Voters: []ID{1, 2, 3, 4}}
	for _, tc := range []struct {
		name      string
		msgTerm   uint64
		meta      SnapshotMeta
		installed bool     // Ready carries the snapshot
		first     uint64   // FirstIndex after
		last      uint64   // LastIndex after
		commit    uint64   // CommitIndex after
		applied   []uint64 // indexes of the entries applied from the log by the step
		members   Membership
	}{
		{
			name: "log holds the snapshot's last entry: keep the suffix", msgTerm: 1,
			meta: SnapshotMeta{Index: 5, Term: 1, Membership: wider},
			// Nothing is installed: entries 3..5 are applied from the log
			// and 6..8 are kept.
			first: 1, last: 8, commit: 5, applied: []uint64{3, 4, 5},
			members: Membership{Voters: []ID{1, 2, 3}},
		},
		{
			name: "snapshot covers the whole log", msgTerm: 1,
			meta:  SnapshotMeta{Index: 8, Term: 1, Membership: wider},
			first: 1, last: 8, commit: 8, applied: []uint64{3, 4, 5, 6, 7, 8},
			members:   Membership{Voters: []ID{1, 2, 3}},
			installed: false,
		},
		{
			name: "conflicting term at the snapshot's index: discard the log", msgTerm: 2,
			meta:      SnapshotMeta{Index: 5, Term: 2, Membership: wider},
			installed: true, first: 6, last: 5, commit: 5,
			members: wider,
		},
		{
			name: "log too short: discard it", msgTerm: 3,
			meta:      SnapshotMeta{Index: 12, Term: 3, Membership: wider},
			installed: true, first: 13, last: 12, commit: 12,
			members: wider,
		},
		{
			name: "already committed: nothing to do", msgTerm: 1,
			meta:  SnapshotMeta{Index: 2, Term: 1, Membership: wider},
			first: 1, last: 8, commit: 2,
			members: Membership{Voters: []ID{1, 2, 3}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := snapFollower(t)
			s := &Snapshot{Meta: tc.meta, Data: []byte("image")}
			require.NoError(t, f.Step(Message{Type: MsgInstallSnapshot, From: 1, To: 2, Term: tc.msgTerm, Snapshot: s}))
			var applied []uint64
			var got *Snapshot
			var resp []Message
			for f.HasReady() {
				rd := f.Ready()
				if rd.Snapshot != nil {
					got = rd.Snapshot
				}
				for _, e := range rd.CommittedEntries {
					applied = append(applied, e.Index)
				}
				resp = append(resp, sentMessages(rd)...)
				f.Advance(&rd)
			}
			if tc.installed {
				require.Same(t, s, got)
				require.Equal(t, tc.meta, f.Status().Snapshot)
			} else {
				require.Nil(t, got)
			}
			require.Equal(t, tc.first, f.FirstIndex())
			require.Equal(t, tc.last, f.LastIndex())
			require.Equal(t, tc.commit, f.CommitIndex())
			require.Equal(t, tc.commit, f.AppliedIndex())
			require.Equal(t, tc.applied, applied)
			require.Equal(t, tc.members, f.Membership())
			require.Len(t, resp, 1)
			require.Equal(t, MsgInstallSnapshotResponse, resp[0].Type)
			require.False(t, resp[0].Reject)
			require.Equal(t, tc.commit, resp[0].Index)
			require.Equal(t, ID(1), f.Leader())
		})
	}
}

func TestSnapshotStaleTermRejected(t *testing.T) {
	f := snapFollower(t)
	require.NoError(t, f.Step(Message{Type: MsgAppendEntries, From: 3, To: 2, Term: 4, Index: 8, LogTerm: 1, Commit: 2}))
	f.Advance(new(f.Ready()))
	s := &Snapshot{Meta: SnapshotMeta{Index: 20, Term: 2, Membership: Membership{Voters: []ID{1, 2, 3}}}}
	require.NoError(t, f.Step(Message{Type: MsgInstallSnapshot, From: 1, To: 2, Term: 2, Snapshot: s}))
	rd := f.Ready()
	require.Nil(t, rd.Snapshot, "a snapshot from a stale leader is not installed")
	require.Len(t, rd.MessagesAfterSync, 1)
	require.True(t, rd.MessagesAfterSync[0].Reject)
	require.Equal(t, uint64(4), rd.MessagesAfterSync[0].Term)
	require.Equal(t, uint64(8), f.LastIndex())
}

func TestSnapshotRestart(t *testing.T) {
	for _, tc := range []struct {
		name string
		node ID // the node to crash: 3 installed the snapshot, 1 made it
		torn int
	}{
		{"follower that installed", 3, 0},
		{"follower that installed, torn tail", 3, 7},
		{"leader that compacted", 1, 0},
		{"leader that compacted, torn tail", 1, 5},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, s := snapLaggingFollower(t)
			c.tick(2)
			require.Equal(t, s.Meta, c.nodes[3].Status().Snapshot)
			require.Equal(t, s.Meta, c.snaps[3].Meta)
			id := tc.node
			before := c.nodes[id].Status()
			want := snapState(c, id)

			// Leave an unsynced record behind so that the torn variants
			// have something to tear.
			c.wals[id].Append(Record{Type: RecordHardState, HardState: HardState{Term: before.Term, Vote: before.Vote, Commit: before.CommitIndex}})
			c.crash(id, tc.torn)
			c.restart(id)
			n := c.nodes[id]
			st := n.Status()
			require.Equal(t, s.Meta, st.Snapshot, "recovered from the snapshot")
			require.Equal(t, s.Meta.Index+1, st.FirstIndex)
			require.Equal(t, before.LastIndex, st.LastIndex, "and the entries after it from the WAL")
			require.Equal(t, before.Term, st.Term)
			require.Equal(t, before.Vote, st.Vote)
			require.Equal(t, before.Entries, st.Entries)
			require.Equal(t, s.Meta.Index, st.AppliedIndex)
			require.GreaterOrEqual(t, st.CommitIndex, s.Meta.Index)
			require.Equal(t, before.Membership, st.Membership)

			// It rejoins: a new leader may be needed if the leader restarted.
			c.tick(30)
			l := c.leader()
			require.NotEqual(t, None, l, c.String())
			idx := c.propose(l, "after")
			c.tick(1)
			require.Equal(t, idx, n.CommitIndex(), c.String())
			require.Equal(t, want+",after", snapState(c, id))
			require.Equal(t, snapState(c, l), snapState(c, id))
		})
	}
}

func TestSnapshotLostIsRetried(t *testing.T) {
	c, s := snapLaggingFollower(t)
	lost := 0
	c.drop = func(m Message) bool {
		if m.Type == MsgInstallSnapshot && lost == 0 {
			lost++
			return true
		}
		return false
	}
	c.tick(1)
	require.Equal(t, 1, lost)
	require.Equal(t, 1, c.sent[MsgInstallSnapshot])
	require.Equal(t, uint64(2), c.nodes[3].LastIndex(), "3 got nothing yet")
	require.Equal(t, StateSnapshot, xProgress(t, c.nodes[1], 3).State)

	// The leader waits for an answer for an election timeout...
	c.tick(c.nodes[1].cfg.ElectionTick - 2)
	require.Equal(t, 1, c.sent[MsgInstallSnapshot], "no retry before the timeout")
	require.Equal(t, StateSnapshot, xProgress(t, c.nodes[1], 3).State)

	// ... then probes again and sends the snapshot again.
	c.tick(3)
	require.Equal(t, 2, c.sent[MsgInstallSnapshot])
	f := c.nodes[3]
	require.Equal(t, s.Meta, f.Status().Snapshot)
	require.Equal(t, c.nodes[1].LastIndex(), f.LastIndex())
	require.Equal(t, snapState(c, 1), snapState(c, 3))
	require.Equal(t, StateReplicate, xProgress(t, c.nodes[1], 3).State)
}

func TestSnapshotNewMemberLearnsFromSnapshot(t *testing.T) {
	// A node joining after the leader compacted its whole history learns
	// the data and the membership from a snapshot.
	c := newCluster(t, 3, func(id ID) Config {
		if id > 3 {
			return testConfig(id)
		}
		return testConfig(id, 1, 2, 3)
	})
	c.electLeader(1)
	snapProposeN(c, 1, "v", 4)
	s := snapCompact(t, c, 1)
	c.wals[4] = &WAL{}
	n4, err := New(c.cfg(4), DurableState{})
	require.NoError(t, err)
	c.nodes[4] = n4
	_, err = c.nodes[1].ProposeConfChange(ConfChange{Type: AddLearner, Node: 4})
	require.NoError(t, err)
	c.deliver(0)
	c.tick(2)
	require.GreaterOrEqual(t, c.sent[MsgInstallSnapshot], 1)
	require.Equal(t, s.Meta, n4.Status().Snapshot)
	require.Equal(t, Membership{Voters: []ID{1, 2, 3}, Learners: []ID{4}}, n4.Membership())
	require.Equal(t, c.nodes[1].LastIndex(), n4.LastIndex())
	require.Equal(t, "v0,v1,v2,v3", snapState(c, 4))
	require.True(t, errors.Is(n4.Campaign(), ErrNotMember), "a learner does not campaign")
}
