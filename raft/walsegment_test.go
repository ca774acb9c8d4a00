package raft

import (
	"bytes"
	"math/rand/v2"
	"sync"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/require"
)

// segEntry is a record of entry i with a few bytes of data whose length
// varies with i, so that records end at every kind of place in a segment.
func segEntry(i, term uint64) Record {
	r := Record{Type: RecordEntry, Entry: Entry{Index: i, Term: term}}
	if n := int(i * 37 % 200); n > 0 {
		r.Entry.Data = bytes.Repeat([]byte{byte(i)}, n)
	}
	return r
}

func segHardState(term, commit uint64) Record {
	return Record{Type: RecordHardState, HardState: HardState{Term: term, Vote: 1, Commit: commit}}
}

// segLog is what a node writes for entries from..to of term: each entry,
// then the hard state that commits the one before it.
func segLog(from, to, term uint64) []Record {
	var recs []Record
	for i := from; i <= to; i++ {
		recs = append(recs, segEntry(i, term), segHardState(term, i-1))
	}
	return recs
}

func encodeAll(recs []Record) []byte {
	var b []byte
	for _, r := range recs {
		b = append(b, encodeRecord(r)...)
	}
	return b
}

// TestWALSegments: a long file is held in segments of whole records (a
// record that would straddle a segment's end starts the next one, a record
// larger than a segment gets its own), yet reads, counts and encodes
// exactly as one file; and appending never moves the bytes written.
func TestWALSegments(t *testing.T) {
	big := Record{Type: RecordEntry, Entry: Entry{Index: 1001, Term: 1, Data: make([]byte, walSegmentSize+5)}}
	recs := append(segLog(1, 1000, 1), big)
	recs = append(recs, segLog(1002, 2500, 1)...)

	var w WAL
	w.Append(recs[:1000]...)
	starts := map[int]*byte{} // the first byte of each full segment
	for i := range w.segs[:len(w.segs)-1] {
		starts[i] = unsafe.SliceData(w.segs[i].buf)
	}
	w.Append(recs[1000:]...)
	w.Sync()
	require.Greater(t, len(w.segs), 4)
	for i, p := range starts {
		require.Same(t, p, unsafe.SliceData(w.segs[i].buf), "segment %d did not move", i)
	}

	ownSegment := false
	for i, s := range w.segs {
		got, valid, err := ReadWAL(s.buf)
		require.NoError(t, err, "segment %d holds whole records", i)
		require.Equal(t, len(s.buf), valid)
		require.Len(t, s.offs, len(got))
		if len(got) == 1 && got[0].Entry.Index == big.Entry.Index {
			ownSegment = true
		} else {
			require.LessOrEqual(t, len(s.buf), walSegmentSize, "segment %d", i)
		}
		if i > 0 {
			require.Equal(t, w.segs[i-1].end(), s.start)
		}
	}
	require.True(t, ownSegment, "the large record has a segment of its own")

	require.Equal(t, encodeAll(recs), w.Bytes(), "the byte format is the same as one file's")
	got, valid, err := w.Read()
	require.NoError(t, err)
	require.Equal(t, w.Size(), valid)
	require.Equal(t, recs, got)
	written, synced := w.Records()
	require.Equal(t, [2]int{len(recs), len(recs)}, [2]int{written, synced})
	tail, durable := w.Tail(5)
	require.Equal(t, recs[len(recs)-5:], tail)
	require.Equal(t, 5, durable)
}

// fillSegment appends the entries from..to until one starts a new segment,
// and returns the index of that entry: it is the first of the last segment.
func fillSegment(t *testing.T, w *WAL, from uint64) uint64 {
	segs := len(w.segs)
	for i := from; ; i++ {
		w.Append(segEntry(i, 1))
		if len(w.segs) > segs && segs > 0 {
			require.Len(t, w.segs[len(w.segs)-1].offs, 1)
			return i
		}
		segs = len(w.segs)
	}
}

// TestWALTornCrashAtSegmentEdge: a crash whose first lost record starts a
// segment, or ends one, leaves the torn fragment where one file would.
func TestWALTornCrashAtSegmentEdge(t *testing.T) {
	t.Run("the lost record starts a segment", func(t *testing.T) {
		var w WAL
		next := fillSegment(t, &w, 1)
		edge := w.segs[len(w.segs)-1].start
		w.cut(edge)
		w.Sync() // everything before entry next
		w.Append(segEntry(next, 1), segEntry(next+1, 1))
		require.Equal(t, edge, w.segs[len(w.segs)-1].start, "entry next starts a segment again")
		w.Crash(5)
		require.Equal(t, edge+5, w.Size())
		written, synced := w.Records()
		require.Equal(t, [2]int{int(next), int(next) - 1}, [2]int{written, synced})
		recs, cut := w.Repair()
		require.Equal(t, 5, cut)
		require.Equal(t, edge, w.Size())
		require.Len(t, recs, int(next)-1)
		require.Equal(t, segEntry(next-1, 1), recs[len(recs)-1])
		require.Equal(t, encodeAll(recs), w.Bytes())
	})

	t.Run("the lost record ends a segment", func(t *testing.T) {
		var w WAL
		w.Append(segHardState(1, 0))
		w.Sync()
		next := fillSegment(t, &w, 1)
		// Sync all but the last record of the full segment, whose end is
		// the segment's: the crash keeps at most all but one of its bytes,
		// and nothing of the next segment.
		full := &w.segs[len(w.segs)-2]
		lastStart := full.start + int(full.offs[len(full.offs)-1])
		w.cut(lastStart)
		w.Sync()
		w.Append(segEntry(next-1, 1), segEntry(next, 1), segEntry(next+1, 1))
		end := full.end()
		require.Equal(t, end, w.segs[len(w.segs)-1].start, "the entry after it starts the next segment")
		w.Crash(1 << 20)
		require.Equal(t, end-1, w.Size())
		require.Equal(t, full.start, w.segs[len(w.segs)-1].start, "the next segment is gone")
		recs, cut := w.Repair()
		require.Equal(t, end-1-lastStart, cut)
		require.Equal(t, segEntry(next-2, 1), recs[len(recs)-1])

		// The cut segment takes records again, in a copy.
		w.Append(segEntry(next-1, 1))
		w.Sync()
		got, _, err := w.Read()
		require.NoError(t, err)
		require.Equal(t, append(recs, segEntry(next-1, 1)), got)
	})
}

// TestWALCloneThenBothAppend: a clone and its original share the segments
// written before the clone, yet each one's appends, crashes and repairs
// leave the other as it was; they may run at once (go test -race).
func TestWALCloneThenBothAppend(t *testing.T) {
	var w WAL
	w.Append(segLog(1, 600, 1)...)
	w.Sync()
	w.Append(segLog(601, 610, 1)...) // unsynced, in the shared segment
	c := w.Clone()

	// Each does its own appends, crash and repair; reference runs the same
	// steps on a WAL of its own.
	run := func(w *WAL, term uint64) {
		w.Append(segLog(611, 1400, term)...)
		w.Crash(7)
		w.Repair()
		w.Append(segLog(611, 700, term+1)...)
		w.Sync()
	}
	reference := func(term uint64) []byte {
		var r WAL
		r.Append(segLog(1, 600, 1)...)
		r.Sync()
		r.Append(segLog(601, 610, 1)...)
		run(&r, term)
		return r.Bytes()
	}
	var wg sync.WaitGroup
	wg.Go(func() { run(&w, 2) })
	wg.Go(func() { run(c, 5) })
	wg.Wait()
	require.Equal(t, reference(2), w.Bytes())
	require.Equal(t, reference(5), c.Bytes())
}

// TestWALReleaseTo: releasing the segments a durable snapshot covers
// keeps what Repair and Recover need, so that they rebuild the same state,
// and leaves offsets and counts where they were.
func TestWALReleaseTo(t *testing.T) {
	mark := func(i, term uint64) Record {
		return Record{Type: RecordSnapshot, Snapshot: SnapshotMeta{Index: i, Term: term, Membership: Membership{Voters: []ID{1, 2, 3}}}}
	}
	snap := func(i, term uint64) *Snapshot { return &Snapshot{Meta: mark(i, term).Snapshot} }
	recover := func(t *testing.T, w *WAL, s *Snapshot) DurableState {
		recs, _ := w.Clone().Repair()
		st, err := Recover(s, recs)
		require.NoError(t, err)
		return st
	}

	t.Run("covered segments go, the rest recovers the same", func(t *testing.T) {
		var w WAL
		w.Append(segLog(1, 2000, 1)...)
		w.Append(mark(1500, 1))
		w.Append(segLog(2001, 2100, 1)...)
		w.Sync()
		w.Append(segLog(2101, 2110, 1)...)
		s := snap(1500, 1)
		want := recover(t, &w, s)
		size, synced := w.Size(), w.Synced()
		written, durable := w.Records()
		tail, tailDurable := w.Tail(8)
		segs := len(w.segs)

		released := w.ReleaseTo(1500)
		require.Positive(t, released)
		require.Equal(t, released, w.Released())
		require.Less(t, len(w.segs), segs)
		require.Equal(t, w.Released(), w.segs[0].start)
		require.Equal(t, [2]int{size, synced}, [2]int{w.Size(), w.Synced()})
		gotWritten, gotDurable := w.Records()
		require.Equal(t, [2]int{written, durable}, [2]int{gotWritten, gotDurable})
		gotTail, gotTailDurable := w.Tail(8)
		require.Equal(t, tail, gotTail)
		require.Equal(t, tailDurable, gotTailDurable)
		first, _, err := ReadWAL(w.segs[0].buf)
		require.NoError(t, err)
		require.LessOrEqual(t, first[0].Entry.Index, uint64(1501), "entries after the snapshot stay")
		require.Equal(t, want, recover(t, &w, s))

		// Released again, nothing more goes; a crash, repair and new
		// records after it recover as they would have.
		require.Zero(t, w.ReleaseTo(1500))
		w.Crash(3)
		w.Repair()
		w.Append(segLog(2101, 2200, 2)...)
		w.Sync()
		var ref WAL
		ref.Append(segLog(1, 2000, 1)...)
		ref.Append(mark(1500, 1))
		ref.Append(segLog(2001, 2100, 1)...)
		ref.Append(segLog(2101, 2200, 2)...)
		require.Equal(t, recover(t, &ref, s), recover(t, &w, s))
		require.Equal(t, ref.Size(), w.Size())
	})

	t.Run("not before the marker is durable", func(t *testing.T) {
		var w WAL
		w.Append(segLog(1, 2000, 1)...)
		w.Sync()
		w.Append(mark(1500, 1))
		require.Zero(t, w.ReleaseTo(1500))
		w.Sync()
		require.Zero(t, w.ReleaseTo(1000), "a marker after the index does not count")
		require.Positive(t, w.ReleaseTo(1500))
	})

	t.Run("not the last hard state", func(t *testing.T) {
		var w WAL
		w.Append(segHardState(1, 0))
		for i := uint64(1); i <= 2000; i++ {
			w.Append(segEntry(i, 1))
		}
		w.Append(mark(1500, 1))
		w.Sync()
		require.Zero(t, w.ReleaseTo(1500), "the first segment holds the only hard state")
		w.Append(segHardState(1, 1500))
		w.Sync()
		require.Positive(t, w.ReleaseTo(1500))
		require.Equal(t, HardState{Term: 1, Vote: 1, Commit: 1500}, recover(t, &w, snap(1500, 1)).HardState)
	})

	t.Run("a log that conflicts with the snapshot still goes", func(t *testing.T) {
		// The snapshot was installed, and the records that discard the
		// log were lost: the entry at its index, of another term, must
		// stay for Recover to see the conflict.
		var w WAL
		w.Append(segLog(1, 1000, 1)...)
		w.Append(mark(600, 1))
		w.Append(segLog(1001, 3000, 1)...)
		w.Sync()
		s := snap(2000, 2)
		want := recover(t, &w, s)
		require.Empty(t, want.Entries)
		require.Positive(t, w.ReleaseTo(2000))
		require.Equal(t, want, recover(t, &w, s))
	})
}

// TestWALReadSharesData: Read and Repair hand out entries whose data are
// the WAL's own bytes (a restarted node holds its log's data once), while
// ReadWAL copies from a buffer its caller may change.
func TestWALReadSharesData(t *testing.T) {
	var w WAL
	w.Append(segLog(1, 3, 1)...)
	w.Sync()
	inWAL := func(data []byte) bool {
		s := w.segs[0].buf
		p, lo := uintptr(unsafe.Pointer(unsafe.SliceData(data))), uintptr(unsafe.Pointer(unsafe.SliceData(s)))
		return p >= lo && p < lo+uintptr(len(s))
	}
	recs, _, err := w.Read()
	require.NoError(t, err)
	require.True(t, inWAL(recs[0].Entry.Data))
	recs, _ = w.Repair()
	require.True(t, inWAL(recs[2].Entry.Data))
	require.Equal(t, len(recs[2].Entry.Data), cap(recs[2].Entry.Data), "appending to the data cannot reach the next record")
	copied, _, err := ReadWAL(w.segs[0].buf)
	require.NoError(t, err)
	require.False(t, inWAL(copied[0].Entry.Data))
	require.Equal(t, recs, copied)
}

// TestWALReleaseToKeepsRecovery writes random logs as a node would (entries
// of a few KB, so that they span many segments; hard states; conflicts
// that replace or truncate entries; snapshot markers; syncs), releases
// them to their snapshot, and checks that Repair and Recover give what
// they gave before, also after a crash, torn or not.
func TestWALReleaseToKeepsRecovery(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	released := 0
	for run := range 200 {
		var w WAL
		var terms []uint64 // terms[i-1] is the term of entry i
		term, snapIndex, snapTerm := uint64(1), uint64(0), uint64(0)
		entry := func(i uint64) Record {
			return Record{Type: RecordEntry, Entry: Entry{Index: i, Term: term, Data: make([]byte, rng.IntN(4000))}}
		}
		for range 100 + rng.IntN(200) {
			switch k := rng.IntN(20); {
			case k < 12:
				i := uint64(len(terms)) + 1
				w.Append(entry(i))
				terms = append(terms, term)
			case k < 15:
				w.Append(Record{Type: RecordHardState, HardState: HardState{Term: term, Commit: uint64(rng.IntN(len(terms) + 1))}})
			case k < 16 && len(terms) > 0:
				// A new leader's entry replaces a suffix, or a truncation
				// drops it.
				term++
				i := uint64(rng.IntN(len(terms))) + 1
				terms = terms[:i-1]
				if rng.IntN(2) == 0 {
					w.Append(Record{Type: RecordTruncate, Index: i})
				} else {
					w.Append(entry(i))
					terms = append(terms, term)
				}
			case k < 18 && uint64(len(terms)) > snapIndex:
				// A snapshot, saved before its marker is written.
				snapIndex += uint64(rng.IntN(len(terms)-int(snapIndex))) + 1
				snapTerm = terms[snapIndex-1]
				if rng.IntN(5) == 0 {
					snapTerm++ // installed from a leader whose log differs
				}
				w.Append(Record{Type: RecordSnapshot, Snapshot: SnapshotMeta{Index: snapIndex, Term: snapTerm}})
			default:
				w.Sync()
			}
		}
		var snap *Snapshot
		if snapIndex > 0 {
			snap = &Snapshot{Meta: SnapshotMeta{Index: snapIndex, Term: snapTerm}}
		}
		recovered := func(w *WAL, torn int) (DurableState, error) {
			w = w.Clone()
			if torn >= 0 {
				w.Crash(torn)
			}
			recs, _ := w.Repair()
			return Recover(snap, recs)
		}
		torn := rng.IntN(3) * rng.IntN(5000) // none, or some bytes
		want, wantErr := recovered(&w, -1)
		wantCrash, wantCrashErr := recovered(&w, torn)

		released += w.ReleaseTo(snapIndex - uint64(rng.IntN(2))*snapIndex/2)
		got, gotErr := recovered(&w, -1)
		require.Equal(t, wantErr, gotErr, "run %d", run)
		require.Equal(t, want, got, "run %d", run)
		got, gotErr = recovered(&w, torn)
		require.Equal(t, wantCrashErr, gotErr, "run %d, crash", run)
		require.Equal(t, wantCrash, got, "run %d, crash", run)
	}
	require.Positive(t, released, "the runs release segments")
}
