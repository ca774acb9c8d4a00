package raft

import (
	"cmp"
	"slices"
)

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
//
// The last chunks (at least logHotChunks) hold Entry values: they are
// where entries are appended, sent from and applied, as slices of the
// chunk without a copy. Older chunks are sealed into a packed form (see
// packedChunk), a third of the size or less; the few reads that reach them
// (a follower far behind, a status) get copies.
type raftLog struct {
	// snap describes the compacted prefix.
	snap SnapshotMeta
	// chunks hold the entries after snap.Index, the first at position
	// skip; every chunk but the last is full (logChunk long). The skip
	// entries before it are compacted ones, kept until their chunk goes.
	// end is the position, counting from the first entry of chunks[0],
	// just past the last entry.
	chunks    []chunk
	skip, end int
	// hot is how many chunks at the end stay unsealed beyond
	// logHotChunks: enough for the entries the latest compaction
	// covered. Sealing copies every entry's data once more, which pays
	// only for the entries a log keeps long; a log compacted every so
	// many entries keeps each about that long, and seals none.
	hot int
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

// chunk is logChunk entries of a log (the last one may hold fewer): as
// Entry values (ents), or, once sealed, packed. Exactly one is set, but
// for an empty last chunk.
type chunk struct {
	ents   []Entry
	packed *packedChunk
}

// packedChunk is a full chunk of entries in 4 bytes per entry plus its
// data, where an Entry takes 48 bytes plus its data's own allocation: the
// index is implied by the position, the term and kind are stored once per
// run of entries sharing them (a term's entries are consecutive), and the
// data of every entry are one block of bytes. It is never changed, so the
// copies of a log share it.
type packedChunk struct {
	// runs are the maximal runs of entries with the same term and kind,
	// in order.
	runs []termRun
	// ends[j] is the offset in data just past the data of entry j.
	ends []uint32
	data []byte
}

// termRun is the term and kind of the entries of a packedChunk from
// position start until the next run.
type termRun struct {
	start int
	term  uint64
	kind  EntryKind
}

// logChunk is the number of entries in a full chunk of a log (12 KiB of
// Entry values). A position p in the chunks is entry p&logChunkMask of
// chunk p>>logChunkBits.
const (
	logChunkBits = 8
	logChunk     = 1 << logChunkBits
	logChunkMask = logChunk - 1
)

// logFirstChunk is the capacity a fresh log's first chunk starts with; it
// doubles up to logChunk, so that a short log stays small.
const logFirstChunk = 8

// logHotChunks is how many chunks at the end of a log hold Entry values
// at least: two, so that the entries just before a chunk boundary, which
// followers are still being sent and the host still applies, are not yet
// sealed.
const logHotChunks = 2

// logMaxHotChunks bounds how many chunks a log keeps hot (see
// raftLog.hot): 16,384 entries, 768 KiB of Entry values.
const logMaxHotChunks = 64

// seal packs a full chunk's entries, or returns nil if their data are too
// large for packedChunk's offsets (the chunk then stays as it is).
func seal(ents []Entry) *packedChunk {
	size := 0
	for i := range ents {
		size += len(ents[i].Data)
	}
	if uint64(size) > 1<<32-1 {
		return nil
	}
	p := &packedChunk{ends: make([]uint32, len(ents)), data: make([]byte, 0, size)}
	for i := range ents {
		e := &ents[i]
		if k := len(p.runs) - 1; k < 0 || p.runs[k].term != e.Term || p.runs[k].kind != e.Kind {
			p.runs = append(p.runs, termRun{start: i, term: e.Term, kind: e.Kind})
		}
		p.data = append(p.data, e.Data...)
		p.ends[i] = uint32(len(p.data))
	}
	p.runs = slices.Clip(p.runs)
	return p
}

// run returns the run that holds the entry at position j.
func (p *packedChunk) run(j int) *termRun {
	k, found := slices.BinarySearchFunc(p.runs, j, func(r termRun, j int) int { return cmp.Compare(r.start, j) })
	if !found {
		k-- // the run starting before j
	}
	return &p.runs[k]
}

// entry rebuilds the entry at position j, whose index is i. Its data are
// a slice of the chunk's, nil when empty (as a decoded WAL record's).
func (p *packedChunk) entry(j int, i uint64) Entry {
	r := p.run(j)
	e := Entry{Index: i, Term: r.term, Kind: r.kind}
	start := 0
	if j > 0 {
		start = int(p.ends[j-1])
	}
	if end := int(p.ends[j]); end > start {
		e.Data = p.data[start:end:end]
	}
	return e
}

// unpack returns the first n entries of p as Entry values, for a chunk a
// truncation makes the last one again.
func (p *packedChunk) unpack(n int, first uint64) []Entry {
	ents := make([]Entry, n)
	for j := range ents {
		ents[j] = p.entry(j, first+uint64(j))
	}
	return ents
}

func (l *raftLog) firstIndex() uint64 { return l.snap.Index + 1 }
func (l *raftLog) lastIndex() uint64  { return l.snap.Index + uint64(l.end-l.skip) }

// pos is the position of index i, which must be after the snapshot.
func (l *raftLog) pos(i uint64) int { return int(i-l.snap.Index-1) + l.skip }

// index is the index of the entry at position p.
func (l *raftLog) index(p int) uint64 { return l.snap.Index + 1 + uint64(p-l.skip) }

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
	return l.termAt(l.pos(i)), true
}

// termAt is the term of the entry at position p.
func (l *raftLog) termAt(p int) uint64 {
	c := &l.chunks[p>>logChunkBits]
	if c.packed != nil {
		return c.packed.run(p & logChunkMask).term
	}
	return c.ents[p&logChunkMask].Term
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
	return i > l.snap.Index && i <= l.lastIndex() && l.termAt(l.pos(i)) == t
}

// isUpToDate is the election restriction (§5.4.1): a log ending at
// (lastIndex, lastTerm) is at least as up to date as this one.
func (l *raftLog) isUpToDate(lastIndex, lastTerm uint64) bool {
	lt := l.lastTerm()
	return lastTerm > lt || (lastTerm == lt && lastIndex >= l.lastIndex())
}

// entry returns the entry at i, which must be in [firstIndex, lastIndex];
// the caller must not change its data.
func (l *raftLog) entry(i uint64) Entry {
	p := l.pos(i)
	c := &l.chunks[p>>logChunkBits]
	if c.packed != nil {
		return c.packed.entry(p&logChunkMask, i)
	}
	return c.ents[p&logChunkMask]
}

// lastConfig returns the index of the last config entry at or before i,
// or 0 when the log holds none there. It steps over a packed chunk's runs
// rather than its entries.
func (l *raftLog) lastConfig(i uint64) uint64 {
	if i <= l.snap.Index {
		return 0
	}
	for p := l.pos(min(i, l.lastIndex())); p >= l.skip; p-- {
		c, j := &l.chunks[p>>logChunkBits], p&logChunkMask
		if c.packed == nil {
			if c.ents[j].Kind == EntryConfig {
				return l.index(p)
			}
			continue
		}
		r := c.packed.run(j)
		if r.kind == EntryConfig {
			return l.index(p)
		}
		p -= j - r.start // to the run's first entry; the loop steps past it
	}
	return 0
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
	if k != (q-1)>>logChunkBits || l.chunks[k].packed != nil {
		return l.copyRange(p, q)
	}
	// No copy: entries are never written in place (see raftLog), and the
	// capped capacity keeps appends to the result from reaching the log.
	q -= k << logChunkBits
	return l.chunks[k].ents[p&logChunkMask : q : q]
}

// copyRange copies the entries (not their data) at positions [p, q),
// which span chunks or lie in a packed one.
func (l *raftLog) copyRange(p, q int) []Entry {
	out := make([]Entry, 0, q-p)
	for ; p < q; p += logChunk - p&logChunkMask {
		c := &l.chunks[p>>logChunkBits]
		j, n := p&logChunkMask, min(logChunk-p&logChunkMask, q-p)
		if c.packed == nil {
			out = append(out, c.ents[j:j+n]...)
			continue
		}
		for i := l.index(p); n > 0; i, j, n = i+1, j+1, n-1 {
			out = append(out, c.packed.entry(j, i))
		}
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
		c := &l.chunks[k]
		if c.packed != nil {
			c.ents, c.packed = c.packed.unpack(n, l.index(p-n)), nil
		} else {
			c.ents = c.ents[:n:n]
		}
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
	if k < 0 || len(l.chunks[k].ents) == cap(l.chunks[k].ents) {
		k = l.makeRoom()
	}
	c := &l.chunks[k].ents
	*c = append(*c, *e)
	l.end++
}

// makeRoom gives the log a last chunk with room for one more entry, and
// returns its number: the last chunk grown, if it is not full (a fresh
// log's first chunk, or one a truncation or a clone capped) nor sealed (a
// truncation can leave a sealed one last), else a new one, after which it
// seals the chunk that stopped being hot.
func (l *raftLog) makeRoom() int {
	if k := len(l.chunks) - 1; k >= 0 && l.chunks[k].packed == nil && len(l.chunks[k].ents) < logChunk {
		c := l.chunks[k].ents
		l.chunks[k].ents = append(make([]Entry, 0, min(logChunk, max(2*len(c), logFirstChunk))), c...)
		return k
	}
	size := logChunk
	if l.snap.Index == 0 && len(l.chunks) == 0 {
		size = logFirstChunk
	}
	l.chunks = append(l.chunks, chunk{ents: make([]Entry, 0, size)})
	l.sealCold()
	return len(l.chunks) - 1
}

// sealCold seals the chunks before the hot ones. Sealed chunks are a
// prefix of the chunks: it goes back to the last one sealed.
func (l *raftLog) sealCold() {
	for k := len(l.chunks) - 1 - logHotChunks - l.hot; k >= 0 && l.chunks[k].packed == nil; k-- {
		p := seal(l.chunks[k].ents)
		if p == nil {
			return
		}
		l.chunks[k] = chunk{packed: p}
	}
}

// clone returns a copy of l that shares its entries: capping the last
// chunk makes the copy's own appends copy that one.
func (l *raftLog) clone() raftLog {
	c := *l
	c.chunks = slices.Clone(l.chunks)
	if k := len(c.chunks); k > 0 {
		c.chunks[k-1].ents = slices.Clip(c.chunks[k-1].ents)
	}
	c.snap.Membership = l.snap.Membership.Clone()
	return c
}

// compact discards the entries up to and including meta.Index, which the
// snapshot meta now stands for. Entries after it are kept, and so are the
// chunks that hold them.
func (l *raftLog) compact(meta SnapshotMeta) {
	if meta.Index > l.snap.Index {
		l.hot = int(min((meta.Index-l.snap.Index)/logChunk, logMaxHotChunks))
	}
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
	l.sealCold() // hot may have shrunk
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
