package raft

// raftLog is a node's log: a compacted prefix summarised by a snapshot, then
// the entries after it, and the indexes that mark how far they have got.
//
//	snap.Index <= applied <= committed <= lastIndex
//	              stable <= lastIndex
//
// The entries are held in chunks of logChunk, so that the log grows and is
// compacted without copying the entries it keeps: a growing log adds a
// chunk, compaction drops the chunks it covers. Entries are only ever
// appended or cut with their chunk's capacity (never written in place), so
// copies of the log can share the chunks.
type raftLog struct {
	// snap describes the compacted prefix.
	snap SnapshotMeta
	// chunks hold the entries after snap.Index, the first at
	// chunks[0][skip]; every chunk but the last is full (logChunk long).
	// The skip entries before it are compacted ones, kept until their
	// chunk goes. end is the position, counting from chunks[0][0], just
	// past the last entry.
	chunks    [][]Entry
	skip, end int
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

// logChunk is the number of entries in a full chunk of a log (12 KiB). A
// position p in the chunks is entry p&logChunkMask of chunk p>>logChunkBits.
const (
	logChunkBits = 8
	logChunk     = 1 << logChunkBits
	logChunkMask = logChunk - 1
)

// logFirstChunk is the capacity a fresh log's first chunk starts with; it
// doubles up to logChunk, so that a short log stays small.
const logFirstChunk = 8

func (l *raftLog) firstIndex() uint64 { return l.snap.Index + 1 }
func (l *raftLog) lastIndex() uint64  { return l.snap.Index + uint64(l.end-l.skip) }

// pos is the position of index i, which must be after the snapshot.
func (l *raftLog) pos(i uint64) int { return int(i-l.snap.Index-1) + l.skip }

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
	return l.entry(i).Term, true
}

func (l *raftLog) lastTerm() uint64 {
	t, _ := l.term(l.lastIndex())
	return t
}

// matchTerm reports whether the log holds an entry at i with term t.
func (l *raftLog) matchTerm(i, t uint64) bool {
	if i == l.snap.Index {
		return t == l.snap.Term
	}
	return i > l.snap.Index && i <= l.lastIndex() && l.entry(i).Term == t
}

// isUpToDate is the election restriction (§5.4.1): a log ending at
// (lastIndex, lastTerm) is at least as up to date as this one.
func (l *raftLog) isUpToDate(lastIndex, lastTerm uint64) bool {
	lt := l.lastTerm()
	return lastTerm > lt || (lastTerm == lt && lastIndex >= l.lastIndex())
}

// entry returns the entry at i, which must be in [firstIndex, lastIndex].
func (l *raftLog) entry(i uint64) *Entry {
	p := l.pos(i)
	return &l.chunks[p>>logChunkBits][p&logChunkMask]
}

// slice returns the entries in [lo, hi), clamped to the log; the caller
// must not change them.
func (l *raftLog) slice(lo, hi uint64) []Entry {
	lo = max(lo, l.firstIndex())
	hi = min(hi, l.lastIndex()+1)
	if lo >= hi {
		return nil
	}
	p, q := l.pos(lo), l.pos(hi)
	k := p >> logChunkBits
	if k != (q-1)>>logChunkBits {
		return l.copyRange(p, q)
	}
	// No copy: entries are never written in place (see raftLog), and the
	// capped capacity keeps appends to the result from reaching the log.
	q -= k << logChunkBits
	return l.chunks[k][p&logChunkMask : q : q]
}

// copyRange copies the entries (not their data) at positions [p, q),
// which span chunks.
func (l *raftLog) copyRange(p, q int) []Entry {
	out := make([]Entry, 0, q-p)
	for ; p < q; p += logChunk - p&logChunkMask {
		c := l.chunks[p>>logChunkBits]
		out = append(out, c[p&logChunkMask:min(len(c), p&logChunkMask+q-p)]...)
	}
	return out
}

// truncate drops the entries at from and after.
func (l *raftLog) truncate(from uint64) {
	if from <= l.snap.Index {
		from = l.snap.Index + 1
	}
	if from > l.lastIndex() {
		return
	}
	// Cut the capacity too, so that the next append copies the chunk
	// rather than overwriting it: clones share the chunks (see
	// Node.Clone), and only ever past their own length.
	p := l.pos(from)
	k, n := p>>logChunkBits, p&logChunkMask
	if n > 0 {
		l.chunks[k] = l.chunks[k][:n:n]
		k++
	}
	clear(l.chunks[k:]) // let the chunks go
	l.chunks = l.chunks[:k]
	l.end = p
	l.stable = min(l.stable, from-1)
}

// append adds a copy of e after the last entry; e.Index must be
// lastIndex+1. (A pointer: an Entry is 48 bytes, and a call that is not
// inlined would spill it.)
func (l *raftLog) append(e *Entry) {
	k := len(l.chunks) - 1
	if k < 0 || len(l.chunks[k]) == cap(l.chunks[k]) {
		k = l.makeRoom()
	}
	c := &l.chunks[k]
	*c = append(*c, *e)
	l.end++
}

// makeRoom gives the log a last chunk with room for one more entry, and
// returns its number: the last chunk grown, if it is not full (a fresh
// log's first chunk, or one a truncation or a clone capped), else a new
// one.
func (l *raftLog) makeRoom() int {
	if k := len(l.chunks) - 1; k >= 0 && len(l.chunks[k]) < logChunk {
		c := l.chunks[k]
		l.chunks[k] = append(make([]Entry, 0, min(logChunk, max(2*len(c), logFirstChunk))), c...)
		return k
	}
	size := logChunk
	if l.snap.Index == 0 && len(l.chunks) == 0 {
		size = logFirstChunk
	}
	l.chunks = append(l.chunks, make([]Entry, 0, size))
	return len(l.chunks) - 1
}

// compact discards the entries up to and including meta.Index, which the
// snapshot meta now stands for. Entries after it are kept, and so are the
// chunks that hold them.
func (l *raftLog) compact(meta SnapshotMeta) {
	if meta.Index > l.lastIndex() {
		clear(l.chunks)
		l.chunks, l.skip, l.end = l.chunks[:0], 0, 0
	} else if meta.Index > l.snap.Index {
		// Keep the chunk of the first entry kept, or, if none is, the last
		// chunk while it has room.
		p := l.pos(meta.Index + 1)
		k := p >> logChunkBits
		clear(l.chunks[:k]) // let the chunks go
		l.chunks = l.chunks[k:]
		l.skip, l.end = p-k<<logChunkBits, l.end-k<<logChunkBits
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
