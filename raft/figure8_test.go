package raft

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/require"
)

// Figure 8 of the Raft paper: why a leader must not commit an entry from an
// earlier term by counting the servers that store it.
//
//	(a) S1 leads term 2 and replicates index 2 to S2 only.
//	(b) S1 crashes; S5 is elected in term 3 by S3, S4 and itself, and
//	    appends a different entry at index 2.
//	(c) S5 crashes; S1 restarts, is elected in term 4, and replicates its
//	    term-2 entry to S3: a majority (S1, S2, S3) now stores it. S1 also
//	    has a term-4 entry at index 3, which nobody else has yet.
//	(d) S1 crashes; S5 is elected in term 5 by S2, S3 and S4 and overwrites
//	    index 2 everywhere with its term-3 entry.
//	(e) Alternatively, S1 replicates its term-4 entry to a majority before
//	    crashing: then indexes 2 and 3 are committed, and S5 cannot win.
//
// The figure draws the entries as client commands, and S1 has only a term-4
// command (not also a no-op) at index 3 in (c). With leader no-ops (the
// default), S1's first AppendEntries in term 4 to S2 would carry its term-4
// no-op along with the term-2 entry, so S2 could not store index 2 without
// index 3, and would then refuse S5 its vote in (d). So the figure's scenes
// (a)-(d) run with Rules.SkipLeaderNoop, which exists for teaching scenes like
// this one, and every entry is a client proposal. Scene (e) runs both ways: a
// leader's no-op is exactly an "entry of its own term" that carries the older
// entries to commitment.

// fig8World is a five-node cluster scripted through Figure 8.
type fig8World struct {
	t        *testing.T
	c        *cluster
	skipNoop bool
	// block, when set, loses messages in flight (the cluster's drop filter
	// calls it after noting votes).
	block func(m Message) bool
	// granted lists the voters that granted each candidate's RequestVote,
	// by candidate and term.
	granted map[fig8Ballot][]ID
	// committed records, for every index, each term any node ever reported
	// committed there: State Machine Safety says there is only one.
	committed map[uint64]map[uint64]bool
}

type fig8Ballot struct {
	candidate ID
	term      uint64
}

func newFig8World(t *testing.T, skipNoop, counting bool) *fig8World {
	w := &fig8World{t: t, skipNoop: skipNoop, granted: map[fig8Ballot][]ID{}, committed: map[uint64]map[uint64]bool{}}
	w.c = defaultCluster(t, 5, func(cfg *Config) {
		cfg.Rules.SkipLeaderNoop = skipNoop
		cfg.Rules.CommitOldTermsByCounting = counting
	})
	w.c.drop = func(m Message) bool {
		if m.Type == MsgRequestVoteResponse && !m.Reject {
			b := fig8Ballot{m.To, m.Term}
			w.granted[b] = append(w.granted[b], m.From)
		}
		return w.block != nil && w.block(m)
	}
	return w
}

// elect campaigns id until it wins (a campaign can end undecided when some
// voters already voted in that term) and checks the term it wins.
func (w *fig8World) elect(id ID, term uint64) {
	w.t.Helper()
	for i := 0; i < 5 && w.c.nodes[id].Role() != Leader; i++ {
		w.c.campaign(id)
	}
	require.Equal(w.t, Leader, w.c.nodes[id].Role(), "S%d should lead\n%s", id, w.c)
	require.Equal(w.t, term, w.c.nodes[id].Term(), "S%d's term", id)
}

// leaderEntry makes the leader id add an entry of its term: a client command
// when no-ops are off; with no-ops on, the no-op it appended on election is
// that entry already.
func (w *fig8World) leaderEntry(id ID, data string) {
	if w.skipNoop {
		w.c.propose(id, data)
	}
}

// observe notes, for every up node, the term of each entry it has committed.
func (w *fig8World) observe() {
	for _, id := range w.c.sortedIDs() {
		n := w.c.nodes[id]
		if n == nil {
			continue
		}
		for i := n.FirstIndex(); i <= n.CommitIndex(); i++ {
			term, ok := n.TermAt(i)
			require.True(w.t, ok)
			if w.committed[i] == nil {
				w.committed[i] = map[uint64]bool{}
			}
			w.committed[i][term] = true
		}
	}
}

// logs checks the terms of each node's log (nil for a node that is down).
func (w *fig8World) logs(want map[ID][]uint64) {
	w.t.Helper()
	for id, terms := range want {
		require.Equal(w.t, terms, w.c.logTerms(id), "S%d's log\n%s", id, w.c)
	}
}

// commits checks each node's commit index.
func (w *fig8World) commits(want map[ID]uint64) {
	w.t.Helper()
	for id, ci := range want {
		require.Equal(w.t, ci, w.c.nodes[id].CommitIndex(), "S%d's commit index\n%s", id, w.c)
	}
}

// match returns the leader's Match for follower id.
func (w *fig8World) match(leader, id ID) uint64 {
	for _, p := range w.c.nodes[leader].Status().Progress {
		if p.ID == id {
			return p.Match
		}
	}
	w.t.Fatalf("S%d has no progress for S%d", leader, id)
	return 0
}

// appliedData is what id's state machine applied at index i (which must be
// a normal entry, as every entry is when no-ops are off).
func (w *fig8World) appliedData(id ID, i uint64) string {
	w.t.Helper()
	require.GreaterOrEqual(w.t, w.c.appliedIdx[id], i, "S%d has applied %d", id, i)
	return string(w.c.applied[id][i-1])
}

// stepsAB plays the prelude and scenes (a) and (b).
func (w *fig8World) stepsAB() {
	t, c := w.t, w.c
	// Prelude: index 1 (term 1) is committed everywhere. S2 leads term 1,
	// so that S1 can win term 2 in an ordinary election.
	w.elect(2, 1)
	w.leaderEntry(2, "t1")
	c.tick(1) // a heartbeat carries the commit index
	for _, id := range ids(5) {
		require.Equal(t, []uint64{1}, c.logTerms(id), "S%d", id)
		require.Equal(t, uint64(1), c.nodes[id].CommitIndex(), "S%d", id)
	}
	w.observe()

	// (a) S1 leads term 2; its entry at index 2 reaches S2 only.
	w.block = func(m Message) bool { return m.Type == MsgAppendEntries && m.From == 1 && m.To != 2 }
	w.elect(1, 2)
	w.leaderEntry(1, "t2")
	w.logs(map[ID][]uint64{1: {1, 2}, 2: {1, 2}, 3: {1}, 4: {1}, 5: {1}})
	w.commits(map[ID]uint64{1: 1})
	w.observe()

	// (b) S1 crashes. S5 is elected in term 3 by S3, S4 and itself (S2's
	// log is more up to date, so S2 refuses), and appends index 2 in term 3,
	// which reaches nobody.
	c.crash(1, 0)
	w.block = func(m Message) bool { return m.Type == MsgAppendEntries && m.From == 5 }
	w.elect(5, 3)
	require.ElementsMatch(t, []ID{3, 4}, w.granted[fig8Ballot{5, 3}], "S5's voters in term 3")
	w.leaderEntry(5, "t3")
	w.logs(map[ID][]uint64{2: {1, 2}, 3: {1}, 4: {1}, 5: {1, 3}})
	w.observe()
}

// stepC plays scene (c): S5 crashes, S1 restarts and leads term 4. In the
// figure (alt false) S1's term-2 entry reaches S3 but neither its term-4
// entry nor any news of a commit leaves S1 before it crashes again. In the
// alternative (e) (alt true) the term-4 entry reaches S2 and S3 too.
func (w *fig8World) stepC(alt bool) {
	c := w.c
	c.crash(5, 0)
	c.restart(1)
	w.block = func(m Message) bool {
		if m.Type != MsgAppendEntries || m.From != 1 {
			return false
		}
		if m.To == 4 {
			return true // S4 hears nothing from S1 in term 4
		}
		if alt {
			return false
		}
		hasTerm4 := slices.ContainsFunc(m.Entries, func(e Entry) bool { return e.Term == 4 })
		return hasTerm4 || m.Commit >= 2
	}
	// S1 first tries term 3, in which S3 and S4 already voted for S5, so
	// that election stays undecided; it wins term 4.
	w.elect(1, 4)
	w.leaderEntry(1, "t4")
}

// TestFigure8 plays (a)-(d) with the commit rule of §5.4.2 and with the
// teaching switch that breaks it.
func TestFigure8(t *testing.T) {
	for _, counting := range []bool{false, true} {
		name := map[bool]string{false: "commit-rule", true: "count-old-terms"}[counting]
		t.Run(name, func(t *testing.T) {
			w := newFig8World(t, true, counting)
			c := w.c
			w.stepsAB()
			w.stepC(false)

			// (c) A majority (S1, S2, S3) stores the term-2 entry at
			// index 2, and the leader knows it.
			w.logs(map[ID][]uint64{1: {1, 2, 4}, 2: {1, 2}, 3: {1, 2}, 4: {1}})
			require.Equal(t, uint64(2), w.match(1, 2), "S1 knows S2 stores index 2")
			require.Equal(t, uint64(2), w.match(1, 3), "S1 knows S3 stores index 2")
			w.commits(map[ID]uint64{2: 1, 3: 1})
			if !counting {
				// The commit rule: an entry of an earlier term is never
				// committed by counting replicas.
				w.commits(map[ID]uint64{1: 1})
				require.Equal(t, uint64(1), c.appliedIdx[1])
			} else {
				// Counting commits it, and S1 applies it.
				w.commits(map[ID]uint64{1: 2})
				require.Equal(t, "t2", w.appliedData(1, 2), "S1 applied the term-2 entry")
			}
			w.observe()

			// (d) S1 crashes; S5 restarts and is elected in term 5 by S2,
			// S3 and S4 (its last term, 3, beats their 2 and 1; in term 4
			// they had voted for S1). It overwrites index 2 everywhere.
			c.crash(1, 0)
			c.restart(5)
			w.block = nil
			w.elect(5, 5)
			require.ElementsMatch(t, []ID{2, 3, 4}, w.granted[fig8Ballot{5, 5}], "S5's voters in term 5")
			w.leaderEntry(5, "t5")
			c.tick(1)
			w.logs(map[ID][]uint64{2: {1, 3, 5}, 3: {1, 3, 5}, 4: {1, 3, 5}, 5: {1, 3, 5}})
			w.commits(map[ID]uint64{2: 3, 3: 3, 4: 3, 5: 3})
			for _, id := range []ID{2, 3, 4, 5} {
				require.Equal(t, "t3", w.appliedData(id, 2), "S%d applied S5's term-3 entry at index 2", id)
			}
			w.observe()

			if !counting {
				// Legal: nothing at index 2 had been committed. Every index
				// was only ever committed with one term, and when S1 comes
				// back its uncommitted entries are replaced too.
				c.restart(1)
				c.tick(2)
				w.logs(map[ID][]uint64{1: {1, 3, 5}})
				w.commits(map[ID]uint64{1: 3})
				require.Equal(t, "t3", w.appliedData(1, 2))
				w.observe()
				for i, terms := range w.committed {
					require.Len(t, terms, 1, "index %d was committed with terms %v", i, terms)
				}
				return
			}
			// A lost committed entry: S1 reported index 2 committed with
			// term 2 and applied it; the entry was then replaced on S2 and
			// S3, which stored it, and the cluster committed and applied a
			// different entry at index 2.
			require.Equal(t, map[uint64]bool{2: true, 3: true}, w.committed[2], "terms committed at index 2")
		})
	}
}

// TestFigure8Alternative is scene (e): once S1 replicates an entry of its own
// term 4 to a majority, that entry and the term-2 entry before it are
// committed, and S5 can no longer be elected.
func TestFigure8Alternative(t *testing.T) {
	for _, skipNoop := range []bool{true, false} {
		name := map[bool]string{true: "client-entry", false: "leader-noop"}[skipNoop]
		t.Run(name, func(t *testing.T) {
			w := newFig8World(t, skipNoop, false)
			c := w.c
			w.stepsAB()
			w.stepC(true)
			w.logs(map[ID][]uint64{1: {1, 2, 4}, 2: {1, 2, 4}, 3: {1, 2, 4}, 4: {1}})
			w.commits(map[ID]uint64{1: 3})
			w.observe()

			// S1 crashes; S5 restarts and campaigns again and again. S2 and
			// S3 refuse it (their last term 4 beats its 3) and S4 alone
			// cannot make it a majority.
			c.crash(1, 0)
			c.restart(5)
			w.block = nil
			for range 3 {
				c.campaign(5)
				require.NotEqual(t, Leader, c.nodes[5].Role(), "S5 must not be elected\n%s", c)
			}
			s4 := 0
			for b, voters := range w.granted {
				if b.candidate == 5 && b.term > 4 {
					require.Subset(t, []ID{4}, voters, "only S4 may vote for S5 in term %d", b.term)
					s4 += len(voters)
				}
			}
			require.Positive(t, s4, "S4, whose log is shorter, does vote for S5")

			// The committed entries survive: S2 can win, and it brings S5
			// in line with them.
			w.elect(2, c.nodes[5].Term()+1)
			w.leaderEntry(2, "t-next")
			c.tick(1)
			for _, id := range []ID{2, 3, 4, 5} {
				require.Equal(t, []uint64{1, 2, 4}, c.logTerms(id)[:3], "S%d keeps the committed prefix", id)
				require.GreaterOrEqual(t, c.nodes[id].CommitIndex(), uint64(3), "S%d", id)
			}
			w.observe()
			for i, terms := range w.committed {
				require.Len(t, terms, 1, "index %d was committed with terms %v", i, terms)
			}
		})
	}
}
