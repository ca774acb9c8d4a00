package raft

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
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
type WAL struct {
	buf    []byte
	synced int
	// offsets holds the start of every record appended, for TornCrash.
	offsets []int
}

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

// Append writes records after the existing ones. They are not durable until
// Sync.
func (w *WAL) Append(recs ...Record) {
	w.offsets = growFor(w.offsets, len(recs))
	for i := range recs { // by index: a Record is 152 bytes
		r := &recs[i]
		w.offsets = append(w.offsets, len(w.buf))
		// Room for the record (its payload's varints are short), so that
		// the file grows by doubling.
		w.buf = appendRecord(growFor(w.buf, walHeaderLen+64+len(r.Entry.Data)), r)
	}
}

// Sync makes every record appended so far durable.
func (w *WAL) Sync() { w.synced = len(w.buf) }

// Size is the number of bytes written; Synced the number that are durable.
func (w *WAL) Size() int   { return len(w.buf) }
func (w *WAL) Synced() int { return w.synced }

// Records is the number of records written, and how many of them are
// durable (a record is durable once all of its bytes are). A torn fragment
// a crash left behind counts as a record written, not durable, until
// Repair cuts it.
func (w *WAL) Records() (written, synced int) {
	written = len(w.offsets)
	synced = written
	for synced > 0 && w.recordEnd(synced-1) > w.synced {
		synced--
	}
	return written, synced
}

// recordEnd is the offset just past record i.
func (w *WAL) recordEnd(i int) int {
	if i+1 < len(w.offsets) {
		return w.offsets[i+1]
	}
	return len(w.buf)
}

// Bytes returns the file's contents as they stand (durable or not). The
// caller must not modify them.
func (w *WAL) Bytes() []byte { return w.buf }

// Crash loses everything not synced. If torn is positive, that many bytes of
// the first unsynced record survive (at most all but one of them), the way a
// half-finished write leaves a torn sector; restart must detect and cut it.
func (w *WAL) Crash(torn int) {
	keep := w.synced
	if torn > 0 && w.synced < len(w.buf) {
		end := len(w.buf)
		for _, off := range w.offsets {
			if off > w.synced {
				end = off
				break
			}
		}
		keep = w.synced + min(torn, end-w.synced-1)
	}
	w.buf = w.buf[:keep:keep]
	w.synced = min(w.synced, keep)
	n := len(w.offsets)
	for n > 0 && w.offsets[n-1] >= keep {
		n--
	}
	w.offsets = w.offsets[:n:n]
}

// Repair cuts the file back to its whole, valid records (a torn or corrupt
// tail is removed, as a restarting node must before it writes again) and
// returns them with the number of bytes cut.
func (w *WAL) Repair() (recs []Record, cut int) {
	recs, valid, _ := ReadWAL(w.buf)
	cut = len(w.buf) - valid
	w.buf = w.buf[:valid:valid]
	w.synced = min(w.synced, valid)
	w.offsets = nil // not [:0]: clones may share the old array
	for off := 0; off < valid; {
		w.offsets = append(w.offsets, off)
		off += walHeaderLen + int(binary.LittleEndian.Uint32(w.buf[off:]))
	}
	return recs, cut
}

// Clone returns an independent copy of w. The file is append-only (a crash
// or repair cuts it with its capacity), so the copy shares the bytes
// written so far; capping its capacity makes its own appends copy.
func (w *WAL) Clone() *WAL {
	return &WAL{
		buf:     w.buf[:len(w.buf):len(w.buf)],
		synced:  w.synced,
		offsets: w.offsets[:len(w.offsets):len(w.offsets)],
	}
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
	off := 0
	for off < len(data) {
		if len(data)-off < walHeaderLen+1 {
			return recs, off, fmt.Errorf("%w at offset %d: %d bytes of header", ErrTornRecord, off, len(data)-off)
		}
		n := int(binary.LittleEndian.Uint32(data[off:]))
		sum := binary.LittleEndian.Uint32(data[off+4:])
		if n < 1 || n > maxRecordLen || n > len(data)-off-walHeaderLen {
			return recs, off, fmt.Errorf("%w at offset %d: length %d", ErrTornRecord, off, n)
		}
		body := data[off+walHeaderLen : off+walHeaderLen+n]
		if crc32.Checksum(body, crcTable) != sum {
			return recs, off, fmt.Errorf("%w at offset %d: checksum mismatch", ErrTornRecord, off)
		}
		r, derr := decodePayload(RecordType(body[0]), body[1:])
		if derr != nil {
			return recs, off, fmt.Errorf("%w at offset %d: %v", ErrTornRecord, off, derr)
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
	start := max(0, len(w.offsets)-n)
	for i, off := range w.offsets[start:] {
		end := len(w.buf)
		if start+i+1 < len(w.offsets) {
			end = w.offsets[start+i+1]
		}
		rs, _, _ := ReadWAL(w.buf[off:end])
		if len(rs) == 1 {
			recs = append(recs, rs[0])
			if end <= w.synced {
				durable++
			}
		}
	}
	return recs, durable
}
