package raft

import "slices"

// raftLog is a node's log: a compacted prefix summarised by a snapshot, then
// the entries after it, and the indexes that mark how far they have got.
//
//	snap.Index <= applied <= committed <= lastIndex
//	              stable <= lastIndex
//
// Its entries are only ever appended to or cut with their capacity (never
// written in place), so copies of the log can share them.
type raftLog struct {
	// snap describes the compacted prefix; entries[0].Index == snap.Index+1.
	snap    SnapshotMeta
	entries []Entry
	// committed is the highest index known to be committed.
	committed uint64
	// applied is the highest index the host has applied.
	applied uint64
	// applying is the highest index handed to the host to apply; it runs
	// ahead of applied between Ready and Advance.
	applying uint64
	// stable is the highest index the host has made durable.
	stable uint64
}

func (l *raftLog) firstIndex() uint64 { return l.snap.Index + 1 }
func (l *raftLog) lastIndex() uint64  { return l.snap.Index + uint64(len(l.entries)) }

// term returns the term of the entry at i, and false when i is compacted
// away (other than the snapshot's own index) or beyond the log. Index 0 has
// term 0 until the log is compacted; after that it is compacted like any
// other index, so that a leader asked to send from index 1 sends a snapshot
// rather than an append anchored at 0 with entries that do not follow it.
func (l *raftLog) term(i uint64) (uint64, bool) {
	switch {
	case i == l.snap.Index:
		return l.snap.Term, true
	case i < l.snap.Index || i > l.lastIndex():
		return 0, false
	}
	return l.entries[i-l.snap.Index-1].Term, true
}

func (l *raftLog) lastTerm() uint64 {
	t, _ := l.term(l.lastIndex())
	return t
}

// matchTerm reports whether the log holds an entry at i with term t.
func (l *raftLog) matchTerm(i, t uint64) bool {
	lt, ok := l.term(i)
	return ok && lt == t
}

// isUpToDate is the election restriction (§5.4.1): a log ending at
// (lastIndex, lastTerm) is at least as up to date as this one.
func (l *raftLog) isUpToDate(lastIndex, lastTerm uint64) bool {
	lt := l.lastTerm()
	return lastTerm > lt || (lastTerm == lt && lastIndex >= l.lastIndex())
}

// entry returns the entry at i, which must be in [firstIndex, lastIndex].
func (l *raftLog) entry(i uint64) *Entry { return &l.entries[i-l.snap.Index-1] }

// slice returns the entries in [lo, hi), clamped to the log; the caller
// must not change them.
func (l *raftLog) slice(lo, hi uint64) []Entry {
	lo = max(lo, l.firstIndex())
	hi = min(hi, l.lastIndex()+1)
	if lo >= hi {
		return nil
	}
	// No copy: entries are never written in place (see raftLog), and the
	// capped capacity keeps appends to the result from reaching the log.
	return l.entries[lo-l.snap.Index-1 : hi-l.snap.Index-1 : hi-l.snap.Index-1]
}

// truncate drops the entries at from and after.
func (l *raftLog) truncate(from uint64) {
	if from <= l.snap.Index {
		from = l.snap.Index + 1
	}
	if from > l.lastIndex() {
		return
	}
	// Re-slice with the capacity cut too, so that the next append copies
	// rather than overwriting: clones share the backing array (see
	// Node.Clone), and only ever past their own length.
	k := from - l.snap.Index - 1
	l.entries = l.entries[:k:k]
	l.stable = min(l.stable, from-1)
}

// append adds e after the last entry; e.Index must be lastIndex+1.
func (l *raftLog) append(e Entry) { l.entries = append(growFor(l.entries, 1), e) }

// growFor returns s with room for n more elements, doubling its capacity
// when it must grow. append grows a long slice by about a quarter at a
// time, so an append-only log would be copied, and its old arrays left
// for the collector, four times over; doubling makes it about once.
func growFor[S ~[]E, E any](s S, n int) S {
	if cap(s)-len(s) >= n {
		return s
	}
	return slices.Grow(s, max(n, len(s)))
}

// compact discards the entries up to and including meta.Index, which the
// snapshot meta now stands for. Entries after it are kept.
func (l *raftLog) compact(meta SnapshotMeta) {
	if meta.Index >= l.lastIndex() {
		l.entries = nil
	} else if meta.Index > l.snap.Index {
		l.entries = append([]Entry(nil), l.entries[meta.Index-l.snap.Index:]...)
	}
	l.snap = meta
	l.committed = max(l.committed, meta.Index)
	l.stable = max(l.stable, meta.Index)
}

// firstIndexOfTerm returns the first index at or before i whose entry has the
// same term as the entry at i, stopping at the start of the log.
func (l *raftLog) firstIndexOfTerm(i uint64) uint64 {
	t, _ := l.term(i)
	for i > l.firstIndex() {
		if pt, _ := l.term(i - 1); pt != t {
			break
		}
		i--
	}
	return i
}

// lastIndexOfTerm returns the last index at or before i holding term t, or 0
// when the log (as far as it is not compacted) has no entry of term t there.
func (l *raftLog) lastIndexOfTerm(i, t uint64) uint64 {
	i = min(i, l.lastIndex())
	for ; i >= l.snap.Index && i > 0; i-- {
		lt, ok := l.term(i)
		if !ok || lt < t {
			return 0
		}
		if lt == t {
			return i
		}
	}
	return 0
}
