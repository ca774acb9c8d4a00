package raft

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"
)

// Figure 7 of the Raft paper: a leader elected in term 8 meets followers
// whose logs are missing entries, hold extra uncommitted entries, or both.
// The leader must bring every one of them to exactly its own log.

// fig7Leader is the log (terms of indexes 1..10) of the leader in Figure 7.
var fig7Leader = []uint64{1, 1, 1, 4, 4, 5, 5, 6, 6, 6}

// fig7Followers are the follower logs (a)-(f) of Figure 7.
var fig7Followers = []struct {
	name string
	log  []uint64
}{
	{"a", []uint64{1, 1, 1, 4, 4, 5, 5, 6, 6}},
	{"b", []uint64{1, 1, 1, 4}},
	{"c", []uint64{1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 6}},
	{"d", []uint64{1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 7, 7}},
	{"e", []uint64{1, 1, 1, 4, 4, 4, 4}},
	{"f", []uint64{1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3}},
}

// figEntries builds log entries with the given terms from index 1. An entry's
// data is derived from its index and term only, so that two logs that agree on
// a term at an index agree on the whole entry, as the Log Matching Property
// says they must.
func figEntries(terms []uint64) []Entry {
	out := make([]Entry, len(terms))
	for i, t := range terms {
		idx := uint64(i + 1)
		out[i] = Entry{Index: idx, Term: t, Kind: EntryNormal, Data: fmt.Appendf(nil, "%d@%d", idx, t)}
	}
	return out
}

// figInstall replaces node id of c with one recovered from st, and gives it a
// WAL whose durable contents are exactly st, as if it had restarted from them.
func figInstall(t *testing.T, c *cluster, id ID, st DurableState) {
	t.Helper()
	n, err := New(c.cfg(id), st)
	require.NoError(t, err)
	w := &WAL{}
	w.Append(Record{Type: RecordHardState, HardState: st.HardState})
	for _, e := range st.Entries {
		w.Append(Record{Type: RecordEntry, Entry: e})
	}
	w.Sync()
	c.nodes[id] = n
	c.wals[id] = w
}

// figCommonPrefix is the length of the longest prefix on which two logs agree.
// By the Log Matching Property, the logs agree on every index up to the last
// index at which they hold the same term.
func figCommonPrefix(a, b []uint64) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// figDistinctTerms counts the different terms in terms.
func figDistinctTerms(terms []uint64) int {
	seen := map[uint64]bool{}
	for _, t := range terms {
		seen[t] = true
	}
	return len(seen)
}

// figRepair runs one Figure 7 case: node 1 holds the leader's log in term 7
// and campaigns for term 8; node 2 holds the follower's log; node 3 holds
// the leader's log too, so that node 1 can win even when the follower's log
// is more up to date than its own (cases c and d, whose last entries are
// newer) and refuses its vote. It returns how many AppendEntries node 2
// rejected while being repaired, and the prevLogIndex of the first one it
// accepted.
func figRepair(t *testing.T, follower []uint64, fast bool) (rejects int, anchor uint64) {
	t.Helper()
	c := defaultCluster(t, 3, func(cfg *Config) { cfg.FastBacktrack = fast })
	figInstall(t, c, 1, DurableState{HardState: HardState{Term: 7}, Entries: figEntries(fig7Leader)})
	figInstall(t, c, 3, DurableState{HardState: HardState{Term: 7}, Entries: figEntries(fig7Leader)})
	// The follower has seen no term beyond the last one in its log.
	figInstall(t, c, 2, DurableState{HardState: HardState{Term: follower[len(follower)-1]}, Entries: figEntries(follower)})

	otherRejects := 0
	var probes []uint64 // prevLogIndex of each AppendEntries to node 2
	var voted []bool    // node 2's answers to node 1's RequestVote
	c.drop = func(m Message) bool {
		if m.Type == MsgAppendEntries && m.To == 2 {
			probes = append(probes, m.Index)
		}
		if m.Type == MsgRequestVoteResponse && m.From == 2 {
			voted = append(voted, !m.Reject)
		}
		if m.Type == MsgAppendEntriesResponse && m.Reject {
			if m.From == 2 {
				rejects++
			} else {
				otherRejects++
			}
		}
		return false
	}
	c.electLeader(1)
	require.Equal(t, uint64(8), c.nodes[1].Term())
	// The election restriction: the follower votes for the leader unless its
	// own log is more up to date (a newer last term, or the same last term
	// and a longer log), as in cases (c) and (d).
	lastTerm := follower[len(follower)-1]
	newer := lastTerm > 6 || (lastTerm == 6 && len(follower) > len(fig7Leader))
	require.Equal(t, []bool{!newer}, voted, "node 2's vote")
	c.tick(1) // a heartbeat carries the commit index of the no-op to everyone

	want := append(figEntries(fig7Leader), Entry{Index: 11, Term: 8, Kind: EntryNoop})
	leader := c.nodes[1].Status()
	require.Equal(t, want, leader.Entries, "leader log")
	require.Equal(t, uint64(11), leader.CommitIndex, "the leader commits its no-op")
	for _, id := range []ID{2, 3} {
		st := c.nodes[id].Status()
		require.Equal(t, want, st.Entries, "node %d log is repaired to the leader's", id)
		require.Equal(t, uint64(11), st.CommitIndex, "node %d commit", id)
		require.Equal(t, uint64(8), st.Term, "node %d term", id)
		require.Equal(t, ID(1), st.Leader, "node %d leader", id)
	}
	require.Zero(t, otherRejects, "node 3 already matches the leader")
	// The leader probes one AppendEntries at a time, so the first one
	// accepted is the one after the last rejection.
	require.Greater(t, len(probes), rejects)
	return rejects, probes[rejects]
}

func TestFigure7LogRepair(t *testing.T) {
	leaderLast := len(fig7Leader)
	for _, f := range fig7Followers {
		t.Run(f.name, func(t *testing.T) {
			prefix := figCommonPrefix(fig7Leader, f.log)

			// Paper (Figure 2): the leader starts with nextIndex = 11, one
			// past its last entry, so its first probe has prevLogIndex 10.
			// Every rejection decrements nextIndex by one, and the first
			// probe to succeed is the one whose prevLogIndex is the end of
			// the common prefix. So the walk-back costs exactly
			// 10 - prefix rejections: (a) 1, (b) 6, (c) 0, (d) 0, (e) 5,
			// (f) 7.
			wantSlow := leaderLast - prefix

			// With conflict hints a rejection either says "my log is too
			// short" (which can only happen once: the next probe lies within
			// the follower's log) or names the term of the follower's
			// conflicting entry, after which the leader skips every entry of
			// that term. So at most one rejection per term among the
			// follower's entries past the common prefix, plus one if its log
			// is shorter than the leader's.
			bound := figDistinctTerms(f.log[prefix:])
			if len(f.log) < leaderLast {
				bound++
			}

			slow, slowAnchor := figRepair(t, f.log, false)
			fast, fastAnchor := figRepair(t, f.log, true)
			t.Logf("Figure 7 (%s): common prefix %d, one-step rejections %d, fast rejections %d (bound %d)", f.name, prefix, slow, fast, bound)

			// In every case of the figure, and in both modes, the accepted
			// probe is anchored exactly at the end of the common prefix: the
			// leader sends again no entry the follower already has. In fast
			// mode that takes the leader's own lookup of the conflicting
			// term (in case e the follower names term 4, which the leader
			// holds up to index 5; the follower's hint alone, index 4, would
			// undershoot).
			require.Equal(t, uint64(prefix), slowAnchor, "one-step: accepted prevLogIndex")
			require.Equal(t, uint64(prefix), fastAnchor, "fast: accepted prevLogIndex")

			require.Equal(t, wantSlow, slow, "one-step backtracking rejections")
			require.LessOrEqual(t, fast, bound, "fast backtracking rejections")
			if wantSlow > bound {
				require.Less(t, fast, slow, "fast backtracking beats one-step on a long divergence")
			}
		})
	}
}

// The expected counts written out, so that a change in behaviour shows up as
// a plain diff of numbers as well as a broken bound.
func TestFigure7RejectionCounts(t *testing.T) {
	want := map[string][2]int{ // case: {one-step, fast}
		"a": {1, 1},
		"b": {6, 1},
		"c": {0, 0},
		"d": {0, 0},
		"e": {5, 2},
		"f": {7, 2},
	}
	for _, f := range fig7Followers {
		slow, _ := figRepair(t, f.log, false)
		fast, _ := figRepair(t, f.log, true)
		got := [2]int{slow, fast}
		require.Equal(t, want[f.name], got, "case %s: {one-step, fast} rejections", f.name)
	}
}
