package raft

import (
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"slices"
)

// WAL is an emulated write-ahead log file: an append-only run of bytes of
// which a prefix is durable. Append writes into the (volatile) page cache,
// Sync makes everything written so far durable, and Crash throws away what
// was not synced, possibly leaving a torn fragment of the next record behind,
// as a power cut can. It does no I/O: the playground keeps one per node.
//
// On disk each record is framed as
//
//	length uint32 (little endian; counts the type byte and payload)
//	crc    uint32 (CRC-32C of the type byte and payload)
//	type   byte
//	payload
//
// so that ReadWAL can tell a whole record from a torn or corrupt one.
//
// In memory the file is a run of segments (see walSegment), as etcd keeps
// its WAL in files: a long log grows by adding segments, never by copying
// the bytes it holds, and ReleaseTo drops the segments a snapshot covers.
// Offsets (Size, Synced) count from the start of the file as first
// written, released bytes included, so that releasing does not move them.
type WAL struct {
	segs []walSegment
	// released is the number of bytes, and releasedRecs the number of
	// records, that ReleaseTo dropped before segs[0].
	released, releasedRecs int
	size, synced           int
}

// walSegment is a part of the file holding whole records: a record never
// spans two segments. Only the last segment of a WAL is ever appended to;
// the others, and the part of the last one written before a Clone, are
// never written again, so clones share them. A segment holds up to
// walSegmentSize bytes, or a single record larger than that.
type walSegment struct {
	// start is the file offset of buf[0].
	start int
	buf   []byte
	// offs holds the start (in buf) of every record written, a torn
	// fragment included, for Crash, Records and Tail.
	offs []uint16
}

func (s *walSegment) end() int { return s.start + len(s.buf) }

// recordEnd is the offset in buf just past record i.
func (s *walSegment) recordEnd(i int) int {
	if i+1 < len(s.offs) {
		return int(s.offs[i+1])
	}
	return len(s.buf)
}

// walSegmentSize is the size of a full segment: an hour at 100 writes/s
// fills some 2,000, and the last one, the only one ever copied (after a
// Clone or a Crash), is cheap to copy. A segment goes (ReleaseTo) once a
// snapshot covers all of it: small segments go soon after a snapshot, so
// that the checkpoints of a long session, each holding the segments of its
// moment, hold little. etcd's are 64 MB files.
const walSegmentSize = 16 << 10

// walFirstSegmentSize is where a WAL's first segment starts: it doubles up
// to walSegmentSize as it fills, so that a short log stays small.
const walFirstSegmentSize = 1 << 10

const walHeaderLen = 8

// maxRecordLen bounds a record's framed length; a larger length field is
// corruption, not a record.
const maxRecordLen = 64 << 20

var crcTable = crc32.MakeTable(crc32.Castagnoli)

func appendRecord(b []byte, r *Record) []byte {
	start := len(b)
	b = append(b, make([]byte, walHeaderLen)...)
	b = append(b, byte(r.Type))
	b = r.appendPayload(b)
	body := b[start+walHeaderLen:]
	binary.LittleEndian.PutUint32(b[start:], uint32(len(body)))
	binary.LittleEndian.PutUint32(b[start+4:], crc32.Checksum(body, crcTable))
	return b
}

// maxFrameLen bounds the framed length of r, so that Append can choose a
// segment with room for r before it encodes it.
func (r *Record) maxFrameLen() int {
	ids := len(r.Snapshot.Membership.Voters) + len(r.Snapshot.Membership.Learners)
	// Type and entry kind, then at most three varints and the data, or two
	// varints and a membership (two counts and its IDs).
	return walHeaderLen + 2 + (5+ids)*binary.MaxVarintLen64 + len(r.Entry.Data)
}

// Append writes records after the existing ones. They are not durable until
// Sync.
func (w *WAL) Append(recs ...Record) {
	for i := range recs { // by index: a Record is 152 bytes
		r := &recs[i]
		n := r.maxFrameLen()
		var s *walSegment
		if k := len(w.segs); k > 0 && cap(w.segs[k-1].buf)-len(w.segs[k-1].buf) >= n {
			s = &w.segs[k-1] // the common case, kept out of segmentFor
		} else {
			s = w.segmentFor(n)
		}
		off := len(s.buf)
		s.offs = append(s.offs, uint16(off))
		s.buf = appendRecord(s.buf, r)
		if off == 0 && cap(s.buf) > walSegmentSize {
			s.buf = s.buf[:len(s.buf):len(s.buf)] // a large record's own segment
		}
		w.size += len(s.buf) - off
	}
}

// segmentFor returns the segment to write a record of up to n bytes to
// when the last one has no room left: the last one grown, or a new one.
// Only a first segment still under walSegmentSize (or a last one a Crash
// or Clone capped) is copied as it grows.
func (w *WAL) segmentFor(n int) *walSegment {
	if k := len(w.segs); k > 0 {
		s := &w.segs[k-1]
		if len(s.buf)+n <= walSegmentSize {
			// Not slices.Grow, which may round past walSegmentSize.
			s.buf = append(make([]byte, 0, min(walSegmentSize, max(2*cap(s.buf), len(s.buf)+n))), s.buf...)
			return s
		}
	}
	size := walSegmentSize
	if w.size == 0 {
		size = walFirstSegmentSize
	}
	w.segs = append(w.segs, walSegment{start: w.size, buf: make([]byte, 0, max(size, n))})
	return &w.segs[len(w.segs)-1]
}

// Sync makes every record appended so far durable.
func (w *WAL) Sync() { w.synced = w.size }

// Size is the offset just past the last byte written; Synced the offset up
// to which the file is durable. Both count released bytes.
func (w *WAL) Size() int   { return w.size }
func (w *WAL) Synced() int { return w.synced }

// Released is the number of bytes ReleaseTo dropped from the front of the
// file: the WAL holds Size()-Released() bytes.
func (w *WAL) Released() int { return w.released }

// Records is the number of records written, and how many of them are
// durable (a record is durable once all of its bytes are). A torn fragment
// a crash left behind counts as a record written, not durable, until
// Repair cuts it. Both count released records.
func (w *WAL) Records() (written, synced int) {
	written = w.releasedRecs
	for i := range w.segs {
		written += len(w.segs[i].offs)
	}
	synced = written
	for k := len(w.segs) - 1; k >= 0; k-- {
		s := &w.segs[k]
		for i := len(s.offs) - 1; i >= 0; i-- {
			if s.start+s.recordEnd(i) <= w.synced {
				return written, synced
			}
			synced--
		}
	}
	return written, synced
}

// Bytes returns a copy of the file's contents as they stand (durable or
// not), from the first byte not released: one buffer, which the WAL does
// not keep. Read decodes the records without it.
func (w *WAL) Bytes() []byte {
	b := make([]byte, 0, w.size-w.released)
	for i := range w.segs {
		b = append(b, w.segs[i].buf...)
	}
	return b
}

// Read decodes the records the WAL holds, as ReadWAL decodes Bytes():
// up to the first that is torn or corrupt, with the offset (counting
// released bytes) just past the last whole one, and ErrTornRecord
// (wrapped) when a bad tail was found. It does not change the WAL. The
// entries' data are not copied: they share the WAL's bytes, which are
// never written again.
func (w *WAL) Read() (recs []Record, valid int, err error) {
	valid = w.released
	for i := range w.segs {
		s := &w.segs[i]
		var n int
		recs, n, err = readRecords(recs, s.buf, s.start, true)
		valid = s.start + n
		if err != nil {
			break
		}
	}
	return recs, valid, err
}

// Crash loses everything not synced. If torn is positive, that many bytes of
// the first unsynced record survive (at most all but one of them), the way a
// half-finished write leaves a torn sector; restart must detect and cut it.
func (w *WAL) Crash(torn int) {
	keep := w.synced
	if torn > 0 && w.synced < w.size {
		keep = w.synced + min(torn, w.recordEndAfter(w.synced)-w.synced-1)
	}
	w.cut(keep)
}

// recordEndAfter returns the end of the record that holds the byte at off,
// which must be one the WAL holds.
func (w *WAL) recordEndAfter(off int) int {
	k, _ := slices.BinarySearchFunc(w.segs, off, func(s walSegment, off int) int {
		return cmp.Compare(s.end(), off+1) // the first segment ending after off
	})
	s := &w.segs[k]
	i, _ := slices.BinarySearchFunc(s.offs, off-s.start, func(o uint16, at int) int {
		if int(o) <= at {
			return -1
		}
		return 1 // the first record starting after off
	})
	if i < len(s.offs) {
		return s.start + int(s.offs[i])
	}
	return s.end()
}

// cut drops the bytes from offset keep on (keep is not before the
// released bytes). It caps what it keeps of the last segment, so that the
// next append copies it rather than writing over bytes a clone may share.
func (w *WAL) cut(keep int) {
	k := len(w.segs)
	for k > 0 && w.segs[k-1].start >= keep {
		k--
	}
	clear(w.segs[k:]) // let the segments' bytes go
	w.segs = w.segs[:k]
	if k > 0 {
		s := &w.segs[k-1]
		n := keep - s.start
		s.buf = s.buf[:n:n]
		i := len(s.offs)
		for i > 0 && int(s.offs[i-1]) >= n {
			i--
		}
		s.offs = s.offs[:i:i]
	}
	w.size = keep
	w.synced = min(w.synced, keep)
}

// Repair cuts the file back to its whole, valid records (a torn or corrupt
// tail is removed, as a restarting node must before it writes again) and
// returns them with the number of bytes cut. Like Read, it does not copy
// the entries' data.
func (w *WAL) Repair() (recs []Record, cut int) {
	recs, valid, _ := w.Read()
	cut = w.size - valid
	if cut > 0 {
		w.cut(valid)
	}
	return recs, cut
}

// ReleaseTo drops the segments that hold only what a snapshot at or before
// index stands for, as etcd purges the WAL files older than its latest
// snapshot: a host calls it once it has saved a snapshot at index. A
// segment goes only if a durable snapshot marker at or before index
// follows it, and it holds no entry after that marker's index and not the
// last durable hard state; the segments after the first one kept all stay.
// Records Recover skips or overrides are all that go, so Repair and Recover
// rebuild the same DurableState after it as before, from the same
// snapshot. It returns the number of bytes released.
func (w *WAL) ReleaseTo(index uint64) int {
	markOff, markIndex, hsOff := -1, uint64(0), w.synced
	maxEntry := make([]uint64, 0, len(w.segs)) // per segment, over its durable records
scan:
	for k := range w.segs {
		s := &w.segs[k]
		maxEntry = append(maxEntry, 0)
		for i, o := range s.offs {
			start, end := int(o), s.recordEnd(i)
			if s.start+end > w.synced {
				break scan
			}
			t, first, ok := peekRecord(s.buf[start:end])
			switch {
			case !ok:
				break scan // a corrupt record: Repair will cut from here
			case t == RecordHardState:
				hsOff = s.start + start
			case t == RecordEntry:
				maxEntry[k] = max(maxEntry[k], first)
			case t == RecordSnapshot && first <= index:
				markOff, markIndex = s.start+start, first
			}
		}
	}
	before, k := w.released, 0
	for k < len(maxEntry) && w.segs[k].end() <= min(markOff, hsOff) && maxEntry[k] <= markIndex {
		w.released = w.segs[k].end()
		w.releasedRecs += len(w.segs[k].offs)
		k++
	}
	w.segs = slices.Delete(w.segs, 0, k)
	return w.released - before
}

// peekRecord returns the type of the record framed in b and the first
// varint of its payload (an entry's index, a snapshot marker's index),
// and false if its checksum or those fail to read.
func peekRecord(b []byte) (t RecordType, first uint64, ok bool) {
	if len(b) <= walHeaderLen || crc32.Checksum(b[walHeaderLen:], crcTable) != binary.LittleEndian.Uint32(b[4:]) {
		return 0, 0, false
	}
	first, n := binary.Uvarint(b[walHeaderLen+1:])
	return RecordType(b[walHeaderLen]), first, n > 0
}

// Clone returns an independent copy of w. Segments are only appended to,
// and cut with their capacity, so the copy shares the bytes written so
// far; capping the capacity of its last segment makes its own appends
// copy that one.
func (w *WAL) Clone() *WAL {
	c := *w
	c.segs = slices.Clone(w.segs)
	if k := len(c.segs); k > 0 {
		s := &c.segs[k-1]
		s.buf = s.buf[:len(s.buf):len(s.buf)]
		s.offs = s.offs[:len(s.offs):len(s.offs)]
	}
	return &c
}

// ErrTornRecord reports a WAL that ends in an incomplete record or in a
// record whose checksum does not match: the tail of a crashed write.
var ErrTornRecord = errors.New("raft: wal: torn or corrupt record")

// ReadWAL decodes the records in data up to the first one that is
// incomplete, fails its checksum or does not decode. It returns the records
// read, the length of the valid prefix, and ErrTornRecord (wrapped, with the
// offset) when a bad tail was found. It never returns a record whose
// checksum does not match.
func ReadWAL(data []byte) (recs []Record, valid int, err error) {
	return readRecords(nil, data, 0, false)
}

// readRecords is ReadWAL for data found at offset base of a file: it
// appends to recs, and names offsets in the file in its errors. If share
// is set, the entries' data are slices of data, which must never change
// (as a WAL's bytes do not); else copies.
func readRecords(recs []Record, data []byte, base int, share bool) (_ []Record, valid int, err error) {
	off := 0
	for off < len(data) {
		if len(data)-off < walHeaderLen+1 {
			return recs, off, fmt.Errorf("%w at offset %d: %d bytes of header", ErrTornRecord, base+off, len(data)-off)
		}
		n := int(binary.LittleEndian.Uint32(data[off:]))
		sum := binary.LittleEndian.Uint32(data[off+4:])
		if n < 1 || n > maxRecordLen || n > len(data)-off-walHeaderLen {
			return recs, off, fmt.Errorf("%w at offset %d: length %d", ErrTornRecord, base+off, n)
		}
		body := data[off+walHeaderLen : off+walHeaderLen+n]
		if crc32.Checksum(body, crcTable) != sum {
			return recs, off, fmt.Errorf("%w at offset %d: checksum mismatch", ErrTornRecord, base+off)
		}
		r, derr := decodePayload(RecordType(body[0]), body[1:])
		if derr != nil {
			return recs, off, fmt.Errorf("%w at offset %d: %v", ErrTornRecord, base+off, derr)
		}
		if !share {
			r.Entry.Data = slices.Clone(r.Entry.Data)
		}
		recs = append(recs, r)
		off += walHeaderLen + n
	}
	return recs, off, nil
}

// DurableState is what a node restarts from: its hard state, its latest
// snapshot (nil if none) and the log entries after the snapshot.
type DurableState struct {
	HardState HardState
	Snapshot  *Snapshot
	Entries   []Entry
}

// ErrWALGap reports WAL records that do not form one log: an entry that
// skips an index, or a snapshot marker for a snapshot that is not there.
var ErrWALGap = errors.New("raft: wal: records do not form a log")

// Recover rebuilds durable state from the latest snapshot (nil if none) and
// the WAL records, in order. Records the snapshot already covers are
// skipped. A snapshot marker beyond the given snapshot is an error: the
// snapshot is always saved before its marker is written.
func Recover(snap *Snapshot, recs []Record) (DurableState, error) {
	var st DurableState
	base := uint64(0)
	if snap != nil {
		st.Snapshot = snap
		base = snap.Meta.Index
	}
	last := func() uint64 { return base + uint64(len(st.Entries)) }
	// baseTerm is the term of the last entry written at the snapshot's
	// index, if it still stands: a different one means the log conflicts
	// with the snapshot (an install whose records were lost in a crash
	// after the snapshot was saved), and what follows it must go.
	var baseTerm uint64
	for i, r := range recs {
		switch r.Type {
		case RecordHardState:
			st.HardState = r.HardState
		case RecordEntry:
			e := r.Entry
			if e.Index == base && base > 0 {
				baseTerm = e.Term
			}
			if e.Index <= base {
				continue
			}
			if e.Index > last()+1 {
				return DurableState{}, fmt.Errorf("%w: record %d holds entry %d after entry %d", ErrWALGap, i, e.Index, last())
			}
			st.Entries = append(st.Entries[:e.Index-base-1], e)
		case RecordTruncate:
			if r.Index <= base {
				st.Entries = st.Entries[:0]
				baseTerm = 0
			} else if r.Index <= last() {
				st.Entries = st.Entries[:r.Index-base-1]
			}
		case RecordSnapshot:
			if r.Snapshot.Index > base {
				return DurableState{}, fmt.Errorf("%w: record %d marks snapshot %d but the saved snapshot is at %d", ErrWALGap, i, r.Snapshot.Index, base)
			}
			if r.Snapshot.Index == base {
				baseTerm = 0 // the marker confirms the log as it stands
			}
		}
	}
	if snap != nil && baseTerm != 0 && baseTerm != snap.Meta.Term {
		st.Entries = st.Entries[:0]
	}
	st.HardState.Commit = min(max(st.HardState.Commit, base), last())
	st.Entries = append([]Entry(nil), st.Entries...)
	return st, nil
}

// Tail returns the last n records written and how many of them, counted from
// the start of the returned slice, are durable: for showing a log's end with
// its fsync point.
func (w *WAL) Tail(n int) (recs []Record, durable int) {
	// Find the segment and record n records back from the end.
	k, i := len(w.segs), 0
	for left := n; k > 0 && left > 0; {
		k--
		i = max(0, len(w.segs[k].offs)-left)
		left -= len(w.segs[k].offs) - i
	}
	for ; k < len(w.segs); k, i = k+1, 0 {
		s := &w.segs[k]
		for ; i < len(s.offs); i++ {
			end := s.recordEnd(i)
			rs, _, _ := ReadWAL(s.buf[s.offs[i]:end])
			if len(rs) == 1 {
				recs = append(recs, rs[0])
				if s.start+end <= w.synced {
					durable++
				}
			}
		}
	}
	return recs, durable
}
