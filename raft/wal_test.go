package raft

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"testing"

	"github.com/stretchr/testify/require"
)

// walSampleRecords holds at least one record of every type, with zero,
// small and large field values.
func walSampleRecords() []Record {
	conf := Membership{Voters: []ID{1, 2, 3}, Learners: []ID{4}}
	return []Record{
		{Type: RecordHardState, HardState: HardState{Term: 7, Vote: 3, Commit: 42}},
		{Type: RecordHardState, HardState: HardState{}},
		{Type: RecordHardState, HardState: HardState{Term: 1 << 62, Vote: ID(1<<64 - 1), Commit: 1 << 40}},
		{Type: RecordEntry, Entry: Entry{Index: 1, Term: 1, Kind: EntryNormal, Data: []byte("x=1")}},
		{Type: RecordEntry, Entry: Entry{Index: 2, Term: 1, Kind: EntryNoop}},
		{Type: RecordEntry, Entry: Entry{Index: 3, Term: 2, Kind: EntryConfig, Data: conf.Marshal()}},
		{Type: RecordEntry, Entry: Entry{Index: 1 << 50, Term: 1 << 33, Kind: EntryNormal, Data: make([]byte, 1000)}},
		{Type: RecordTruncate, Index: 3},
		{Type: RecordTruncate, Index: 0},
		{Type: RecordSnapshot, Snapshot: SnapshotMeta{Index: 9, Term: 4, Membership: conf}},
		{Type: RecordSnapshot, Snapshot: SnapshotMeta{Index: 1, Term: 1, Membership: Membership{Voters: []ID{5}}}},
	}
}

// encodeRecord frames r as a WAL stores it.
func encodeRecord(r Record) []byte { return appendRecord(nil, &r) }

// walOf returns a synced WAL whose file is data: the whole records at its
// start as Append writes them, then the bytes after them as one torn
// record.
func walOf(data []byte) *WAL {
	recs, valid, _ := ReadWAL(data)
	w := &WAL{}
	w.Append(recs...)
	if valid < len(data) {
		w.segs = append(w.segs, walSegment{start: valid, buf: bytes.Clone(data[valid:]), offs: []uint16{0}})
		w.size = len(data)
	}
	w.Sync()
	return w
}

// corrupt flips the given bits of the byte at offset off of w's file, in
// place, as failing media would.
func corrupt(w *WAL, off int, bits byte) {
	for i := range w.segs {
		if s := &w.segs[i]; off < s.end() {
			s.buf[off-s.start] ^= bits
			return
		}
	}
}

func TestWALRecordRoundTrip(t *testing.T) {
	recs := walSampleRecords()
	seen := map[RecordType]bool{}
	for _, r := range recs {
		t.Run(r.String(), func(t *testing.T) {
			b := encodeRecord(r)
			require.Equal(t, walHeaderLen+int(binary.LittleEndian.Uint32(b)), len(b), "length field")
			got, valid, err := ReadWAL(b)
			require.NoError(t, err)
			require.Equal(t, len(b), valid)
			require.Equal(t, []Record{r}, got)
			seen[r.Type] = true
		})
	}
	require.Len(t, seen, 4, "every record type is covered")

	// Many records in one file come back in order.
	var w WAL
	w.Append(recs...)
	w.Sync()
	got, valid, err := ReadWAL(w.Bytes())
	require.NoError(t, err)
	require.Equal(t, w.Size(), valid)
	require.Equal(t, recs, got)
}

// TestWALUndecodableRecord: a record whose checksum is right but whose
// contents do not decode is treated as a bad tail, not returned.
func TestWALUndecodableRecord(t *testing.T) {
	frame := func(body []byte) []byte {
		b := binary.LittleEndian.AppendUint32(nil, uint32(len(body)))
		b = binary.LittleEndian.AppendUint32(b, crc32.Checksum(body, crcTable))
		return append(b, body...)
	}
	good := encodeRecord(Record{Type: RecordTruncate, Index: 4})
	for name, body := range map[string][]byte{
		"unknown type":      {99, 1},
		"entry index 0":     {byte(RecordEntry), 0, 1, 0, 0},
		"entry kind 9":      {byte(RecordEntry), 1, 1, 9, 0},
		"trailing bytes":    {byte(RecordTruncate), 1, 2},
		"short payload":     {byte(RecordHardState), 1},
		"unsorted voters":   {byte(RecordSnapshot), 1, 1, 2, 3, 2, 0},
		"data beyond frame": {byte(RecordEntry), 1, 1, 0, 5, 'a'},
	} {
		t.Run(name, func(t *testing.T) {
			data := append(append([]byte(nil), good...), frame(body)...)
			recs, valid, err := ReadWAL(data)
			require.ErrorIs(t, err, ErrTornRecord)
			require.Equal(t, len(good), valid)
			require.Equal(t, []Record{{Type: RecordTruncate, Index: 4}}, recs)
		})
	}
}

func TestWALCrashKeepsSyncedBytes(t *testing.T) {
	recs := walSampleRecords()
	var w WAL
	w.Append(recs[:3]...)
	w.Sync()
	synced := w.Size()
	require.Equal(t, synced, w.Synced())
	w.Append(recs[3:]...)
	require.Greater(t, w.Size(), synced)
	require.Equal(t, synced, w.Synced(), "Append alone makes nothing durable")

	w.Crash(0)
	require.Equal(t, synced, w.Size())
	require.Equal(t, synced, w.Synced())
	got, valid, err := ReadWAL(w.Bytes())
	require.NoError(t, err)
	require.Equal(t, synced, valid)
	require.Equal(t, recs[:3], got)

	// Nothing was synced at all: nothing survives.
	var empty WAL
	empty.Append(recs...)
	empty.Crash(0)
	require.Zero(t, empty.Size())

	// Everything was synced: a crash loses nothing, torn or not.
	var full WAL
	full.Append(recs...)
	full.Sync()
	full.Crash(5)
	got, _, err = ReadWAL(full.Bytes())
	require.NoError(t, err)
	require.Equal(t, recs, got)
}

func TestWALTornTail(t *testing.T) {
	recs := walSampleRecords()
	head, torn, after := recs[:2], recs[6], recs[7:] // torn is the big entry
	tornLen := len(encodeRecord(torn))
	for _, keep := range []int{1, walHeaderLen - 1, walHeaderLen, walHeaderLen + 1, tornLen / 2, tornLen - 1, tornLen, 10 * tornLen} {
		t.Run("", func(t *testing.T) {
			var w WAL
			w.Append(head...)
			w.Sync()
			synced := w.Size()
			w.Append(torn)
			w.Append(after...)
			w.Crash(keep)

			// At most all but one byte of the first unsynced record
			// survives, and nothing after it.
			left := min(keep, tornLen-1)
			require.Equal(t, synced+left, w.Size(), "bytes left")
			require.Equal(t, synced, w.Synced())

			got, valid, err := ReadWAL(w.Bytes())
			require.ErrorIs(t, err, ErrTornRecord)
			require.Equal(t, synced, valid)
			require.Equal(t, head, got, "the torn record is never returned")

			got, cut := w.Repair()
			require.Equal(t, head, got)
			require.Equal(t, left, cut)
			require.Equal(t, synced, w.Size())
			_, _, err = ReadWAL(w.Bytes())
			require.NoError(t, err, "a repaired file is clean")

			// The repaired file takes new records, and a later torn crash
			// is cut at the right place too.
			w.Append(recs[7])
			w.Sync()
			w.Append(recs[8])
			w.Crash(3)
			got, cut = w.Repair()
			require.Equal(t, 3, cut)
			require.Equal(t, append(append([]Record(nil), head...), recs[7]), got)
		})
	}
}

// TestWALBitFlip flips, one at a time, every bit of the last record of a
// synced file: the checksum (or the framing) catches each one, and that
// record, alone, is dropped.
func TestWALBitFlip(t *testing.T) {
	recs := walSampleRecords()
	for _, last := range []Record{recs[0], recs[3], recs[5], recs[7], recs[9]} {
		var w WAL
		w.Append(recs[:3]...)
		w.Append(last)
		w.Sync()
		start := len(encodeRecord(recs[0])) + len(encodeRecord(recs[1])) + len(encodeRecord(recs[2]))
		clean := append([]byte(nil), w.Bytes()...)
		for i := start; i < len(clean); i++ {
			for bit := range 8 {
				data := append([]byte(nil), clean...)
				data[i] ^= 1 << bit
				got, valid, err := ReadWAL(data)
				require.ErrorIs(t, err, ErrTornRecord, "%s: bit %d of byte %d", last, bit, i-start)
				require.Equal(t, start, valid)
				require.Equal(t, recs[:3], got)
			}
		}

		// The same, in place in the file, through Repair.
		corrupt(&w, len(clean)-1, 0x10) // media corruption
		got, cut := w.Repair()
		require.Equal(t, recs[:3], got)
		require.Equal(t, len(clean)-start, cut)
	}
}

// TestWALCorruptMiddle: a bad record in the middle ends the readable log;
// nothing after it is trusted.
func TestWALCorruptMiddle(t *testing.T) {
	recs := walSampleRecords()
	var w WAL
	w.Append(recs...)
	w.Sync()
	off := len(encodeRecord(recs[0])) + len(encodeRecord(recs[1]))
	data := append([]byte(nil), w.Bytes()...)
	data[off+walHeaderLen+1] ^= 0x80
	got, valid, err := ReadWAL(data)
	require.ErrorIs(t, err, ErrTornRecord)
	require.Equal(t, off, valid)
	require.Equal(t, recs[:2], got)
}

func TestRecover(t *testing.T) {
	hs := func(term uint64, vote ID, commit uint64) Record {
		return Record{Type: RecordHardState, HardState: HardState{Term: term, Vote: vote, Commit: commit}}
	}
	ent := func(i, term uint64) Record {
		return Record{Type: RecordEntry, Entry: Entry{Index: i, Term: term, Data: []byte{byte(i), byte(term)}}}
	}
	e := func(i, term uint64) Entry { return ent(i, term).Entry }
	trunc := func(i uint64) Record { return Record{Type: RecordTruncate, Index: i} }
	mark := func(i, term uint64) Record {
		return Record{Type: RecordSnapshot, Snapshot: SnapshotMeta{Index: i, Term: term, Membership: Membership{Voters: []ID{1, 2, 3}}}}
	}
	snap := func(i, term uint64) *Snapshot {
		return &Snapshot{Meta: mark(i, term).Snapshot, Data: []byte("state")}
	}

	tests := []struct {
		name    string
		snap    *Snapshot
		recs    []Record
		want    DurableState
		wantErr error
	}{
		{
			name: "empty",
			want: DurableState{},
		},
		{
			name: "hard state and entries",
			recs: []Record{hs(1, 1, 0), ent(1, 1), ent(2, 1), hs(2, 3, 1), ent(3, 2)},
			want: DurableState{HardState: HardState{2, 3, 1}, Entries: []Entry{e(1, 1), e(2, 1), e(3, 2)}},
		},
		{
			name: "truncate",
			recs: []Record{hs(1, 1, 1), ent(1, 1), ent(2, 1), ent(3, 1), trunc(2), ent(2, 3), hs(3, 2, 1)},
			want: DurableState{HardState: HardState{3, 2, 1}, Entries: []Entry{e(1, 1), e(2, 3)}},
		},
		{
			name: "truncate beyond the log is a no-op",
			recs: []Record{ent(1, 1), trunc(5)},
			want: DurableState{Entries: []Entry{e(1, 1)}},
		},
		{
			name: "an entry replaces its index and everything after",
			recs: []Record{ent(1, 1), ent(2, 1), ent(3, 1), ent(4, 1), ent(2, 2)},
			want: DurableState{Entries: []Entry{e(1, 1), e(2, 2)}},
		},
		{
			name: "commit is clamped to the log",
			recs: []Record{ent(1, 1), ent(2, 1), hs(1, 0, 2), trunc(2)},
			want: DurableState{HardState: HardState{1, 0, 1}, Entries: []Entry{e(1, 1)}},
		},
		{
			name: "snapshot covers entries, which are skipped",
			snap: snap(3, 2),
			recs: []Record{hs(1, 1, 0), ent(1, 1), ent(2, 1), ent(3, 2), ent(4, 2), hs(2, 1, 3), mark(3, 2), ent(5, 2)},
			want: DurableState{HardState: HardState{2, 1, 3}, Snapshot: snap(3, 2), Entries: []Entry{e(4, 2), e(5, 2)}},
		},
		{
			name: "snapshot raises the commit index to its own",
			snap: snap(3, 2),
			recs: []Record{ent(1, 1), ent(2, 1), ent(3, 2), hs(2, 2, 1), mark(3, 2)},
			want: DurableState{HardState: HardState{2, 2, 3}, Snapshot: snap(3, 2)},
		},
		{
			name: "truncate below the snapshot clears the entries after it",
			snap: snap(2, 1),
			recs: []Record{ent(1, 1), ent(2, 1), ent(3, 1), mark(2, 1), ent(4, 1), trunc(1), mark(2, 1), ent(3, 3)},
			want: DurableState{HardState: HardState{0, 0, 2}, Snapshot: snap(2, 1), Entries: []Entry{e(3, 3)}},
		},
		{
			name: "installed snapshot after the log",
			snap: snap(10, 4),
			recs: []Record{hs(3, 1, 2), ent(1, 1), ent(2, 3), trunc(1), mark(10, 4), hs(4, 0, 10), ent(11, 4)},
			want: DurableState{HardState: HardState{4, 0, 10}, Snapshot: snap(10, 4), Entries: []Entry{e(11, 4)}},
		},
		{
			name: "older snapshot marker",
			snap: snap(5, 2),
			recs: []Record{mark(3, 2), ent(6, 2)},
			want: DurableState{HardState: HardState{0, 0, 5}, Snapshot: snap(5, 2), Entries: []Entry{e(6, 2)}},
		},
		{
			name:    "marker beyond the saved snapshot",
			snap:    snap(3, 1),
			recs:    []Record{ent(4, 1), mark(5, 1)},
			wantErr: ErrWALGap,
		},
		{
			name:    "marker without a snapshot",
			recs:    []Record{ent(1, 1), mark(1, 1)},
			wantErr: ErrWALGap,
		},
		{
			name:    "entry gap",
			recs:    []Record{ent(1, 1), ent(3, 1)},
			wantErr: ErrWALGap,
		},
		{
			name:    "gap after the snapshot",
			snap:    snap(3, 1),
			recs:    []Record{ent(5, 1)},
			wantErr: ErrWALGap,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Recover(tt.snap, tt.recs)
			if tt.wantErr != nil {
				require.ErrorIs(t, err, tt.wantErr)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tt.want.HardState, got.HardState)
			require.Equal(t, tt.want.Snapshot, got.Snapshot)
			require.Equal(t, len(tt.want.Entries), len(got.Entries), "entries %v", got.Entries)
			for i := range tt.want.Entries {
				require.Equal(t, tt.want.Entries[i], got.Entries[i])
			}

			// The same records through an encoded file give the same state,
			// and a node built from it reports exactly that state.
			var w WAL
			w.Append(tt.recs...)
			recs, _, err := ReadWAL(w.Bytes())
			require.NoError(t, err)
			again, err := Recover(tt.snap, recs)
			require.NoError(t, err)
			require.Equal(t, got, again)

			n, err := New(Config{ID: 1, Peers: []ID{1, 2, 3}, ElectionTick: 10, HeartbeatTick: 1}, got)
			require.NoError(t, err)
			st := n.Status()
			require.Equal(t, got.HardState.Term, st.Term)
			require.Equal(t, got.HardState.Vote, st.Vote)
			require.Equal(t, got.HardState.Commit, st.CommitIndex)
			require.Equal(t, len(got.Entries), len(st.Entries))
			for i := range got.Entries {
				require.Equal(t, got.Entries[i], st.Entries[i])
			}
			base := uint64(0)
			if tt.snap != nil {
				base = tt.snap.Meta.Index
				require.Equal(t, tt.snap.Meta, st.Snapshot)
			}
			require.Equal(t, base+1, st.FirstIndex)
			require.Equal(t, base+uint64(len(got.Entries)), st.LastIndex)
		})
	}
}

// TestRecoverDoesNotAlias: the recovered entries are a fresh slice, so
// appending to them cannot scribble over anything else.
func TestRecoverDoesNotAlias(t *testing.T) {
	recs := []Record{
		{Type: RecordEntry, Entry: Entry{Index: 1, Term: 1}},
		{Type: RecordEntry, Entry: Entry{Index: 2, Term: 1}},
		{Type: RecordTruncate, Index: 2},
	}
	st, err := Recover(nil, recs)
	require.NoError(t, err)
	require.Len(t, st.Entries, 1)
	require.Equal(t, len(st.Entries), cap(st.Entries))
}

// TestRecoverDropsLogConflictingWithSnapshot: a node saves a snapshot from
// its leader, then crashes before the records that discard its conflicting
// log are durable. On restart the snapshot stands and the old log after it,
// which disagrees with the snapshot at its index, must not come back.
// (Found in review.)
func TestRecoverDropsLogConflictingWithSnapshot(t *testing.T) {
	snap := &Snapshot{Meta: SnapshotMeta{Index: 3, Term: 2, Membership: Membership{Voters: []ID{1, 2, 3}}}}
	var recs []Record
	for i := uint64(1); i <= 5; i++ {
		recs = append(recs, Record{Type: RecordEntry, Entry: Entry{Index: i, Term: 1}})
	}
	st, err := Recover(snap, recs)
	require.NoError(t, err)
	require.Empty(t, st.Entries, "entries 4-5 followed a term-1 entry 3; the snapshot says term 2")
	require.Equal(t, uint64(3), st.HardState.Commit)

	// A log that agrees with the snapshot at its index keeps its suffix.
	recs[2].Entry.Term = 2
	recs[3].Entry.Term, recs[4].Entry.Term = 2, 2
	st, err = Recover(snap, recs)
	require.NoError(t, err)
	require.Len(t, st.Entries, 2)
	require.Equal(t, uint64(4), st.Entries[0].Index)
}

func TestWALRecordsCountsDurableOnes(t *testing.T) {
	var w WAL
	rec := func(i uint64) Record {
		return Record{Type: RecordEntry, Entry: Entry{Index: i, Term: 1, Data: []byte("abc")}}
	}
	w.Append(rec(1), rec(2), rec(3))
	w.Sync()
	w.Append(rec(4), rec(5))
	written, synced := w.Records()
	require.Equal(t, [2]int{5, 3}, [2]int{written, synced})
	w.Crash(0)
	written, synced = w.Records()
	require.Equal(t, [2]int{3, 3}, [2]int{written, synced})
	w.Append(rec(4))
	w.Crash(2) // a torn fragment of record 4 stays until Repair
	written, synced = w.Records()
	require.Equal(t, [2]int{4, 3}, [2]int{written, synced})
	w.Repair()
	written, synced = w.Records()
	require.Equal(t, [2]int{3, 3}, [2]int{written, synced})
}
