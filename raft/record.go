package raft

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// RecordType names the kinds of write-ahead log record.
type RecordType uint8

const (
	// RecordHardState saves term, vote and commit index.
	RecordHardState RecordType = iota + 1
	// RecordEntry saves one log entry. An entry at an index the log already
	// has replaces it and everything after it.
	RecordEntry
	// RecordTruncate drops the entries from Index on.
	RecordTruncate
	// RecordSnapshot marks that a snapshot (saved beside the log) now stands
	// for the log up to its index.
	RecordSnapshot
)

func (t RecordType) String() string {
	switch t {
	case RecordHardState:
		return "hardstate"
	case RecordEntry:
		return "entry"
	case RecordTruncate:
		return "truncate"
	case RecordSnapshot:
		return "snapshot"
	}
	return fmt.Sprintf("RecordType(%d)", uint8(t))
}

// Record is one write-ahead log record; which field is meaningful depends on
// Type.
type Record struct {
	Type      RecordType
	HardState HardState    // RecordHardState
	Entry     Entry        // RecordEntry
	Index     uint64       // RecordTruncate: the first index dropped
	Snapshot  SnapshotMeta // RecordSnapshot
}

func (r Record) String() string {
	switch r.Type {
	case RecordHardState:
		return fmt.Sprintf("hardstate term=%d vote=%d commit=%d", r.HardState.Term, r.HardState.Vote, r.HardState.Commit)
	case RecordEntry:
		return fmt.Sprintf("entry %d term=%d %s", r.Entry.Index, r.Entry.Term, r.Entry.Kind)
	case RecordTruncate:
		return fmt.Sprintf("truncate from %d", r.Index)
	case RecordSnapshot:
		return fmt.Sprintf("snapshot to %d term=%d %s", r.Snapshot.Index, r.Snapshot.Term, r.Snapshot.Membership)
	}
	return r.Type.String()
}

// errMalformed reports a record or membership payload that does not decode.
var errMalformed = errors.New("malformed payload")

// maxMembers bounds the members a decoded membership may list, so that
// arbitrary bytes cannot ask for a huge allocation.
const maxMembers = 1 << 10

// Marshal encodes m for a config entry's Data.
func (m Membership) Marshal() []byte { return appendMembership(nil, m) }

// UnmarshalMembership decodes a config entry's Data.
func UnmarshalMembership(data []byte) (Membership, error) {
	d := decoder{buf: data}
	m := d.membership()
	if d.err != nil || len(d.buf) != 0 {
		return Membership{}, fmt.Errorf("raft: membership: %w", errMalformed)
	}
	return m, nil
}

func appendMembership(b []byte, m Membership) []byte {
	b = binary.AppendUvarint(b, uint64(len(m.Voters)))
	for _, id := range m.Voters {
		b = binary.AppendUvarint(b, uint64(id))
	}
	b = binary.AppendUvarint(b, uint64(len(m.Learners)))
	for _, id := range m.Learners {
		b = binary.AppendUvarint(b, uint64(id))
	}
	return b
}

// appendPayload encodes r without its type, length or checksum.
func (r *Record) appendPayload(b []byte) []byte {
	switch r.Type {
	case RecordHardState:
		b = binary.AppendUvarint(b, r.HardState.Term)
		b = binary.AppendUvarint(b, uint64(r.HardState.Vote))
		b = binary.AppendUvarint(b, r.HardState.Commit)
	case RecordEntry:
		b = binary.AppendUvarint(b, r.Entry.Index)
		b = binary.AppendUvarint(b, r.Entry.Term)
		b = append(b, byte(r.Entry.Kind))
		b = binary.AppendUvarint(b, uint64(len(r.Entry.Data)))
		b = append(b, r.Entry.Data...)
	case RecordTruncate:
		b = binary.AppendUvarint(b, r.Index)
	case RecordSnapshot:
		b = binary.AppendUvarint(b, r.Snapshot.Index)
		b = binary.AppendUvarint(b, r.Snapshot.Term)
		b = appendMembership(b, r.Snapshot.Membership)
	}
	return b
}

func decodePayload(t RecordType, payload []byte) (Record, error) {
	d := decoder{buf: payload}
	r := Record{Type: t}
	switch t {
	case RecordHardState:
		r.HardState = HardState{Term: d.uvarint(), Vote: ID(d.uvarint()), Commit: d.uvarint()}
	case RecordEntry:
		r.Entry.Index = d.uvarint()
		r.Entry.Term = d.uvarint()
		r.Entry.Kind = EntryKind(d.byte())
		if r.Entry.Kind > EntryConfig {
			return Record{}, fmt.Errorf("entry kind %d: %w", r.Entry.Kind, errMalformed)
		}
		n := d.uvarint()
		r.Entry.Data = d.bytes(n)
		if r.Entry.Index == 0 {
			return Record{}, fmt.Errorf("entry index 0: %w", errMalformed)
		}
	case RecordTruncate:
		r.Index = d.uvarint()
	case RecordSnapshot:
		r.Snapshot.Index = d.uvarint()
		r.Snapshot.Term = d.uvarint()
		r.Snapshot.Membership = d.membership()
	default:
		return Record{}, fmt.Errorf("record type %d: %w", t, errMalformed)
	}
	if d.err != nil || len(d.buf) != 0 {
		return Record{}, fmt.Errorf("%s record: %w", t, errMalformed)
	}
	return r, nil
}

// decoder reads uvarints and byte strings, remembering the first error so
// that callers check once at the end.
type decoder struct {
	buf []byte
	err error
}

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.buf)
	// A multi-byte varint ending in a zero byte is a longer spelling of a
	// shorter one. Encoding never writes it, so it is corruption; refusing
	// it keeps decoding the exact inverse of encoding.
	if n <= 0 || (n > 1 && d.buf[n-1] == 0) {
		d.err = errMalformed
		return 0
	}
	d.buf = d.buf[n:]
	return v
}

func (d *decoder) byte() byte {
	if d.err != nil || len(d.buf) == 0 {
		d.err = errMalformed
		return 0
	}
	b := d.buf[0]
	d.buf = d.buf[1:]
	return b
}

func (d *decoder) bytes(n uint64) []byte {
	if d.err != nil || n > uint64(len(d.buf)) {
		d.err = errMalformed
		return nil
	}
	if n == 0 {
		return nil
	}
	b := d.buf[:n:n] // shared: see readRecords
	d.buf = d.buf[n:]
	return b
}

func (d *decoder) ids() []ID {
	n := d.uvarint()
	if n > maxMembers {
		d.err = errMalformed
	}
	if d.err != nil || n == 0 {
		return nil
	}
	ids := make([]ID, 0, n)
	for range n {
		id := ID(d.uvarint())
		if id == None || (len(ids) > 0 && id <= ids[len(ids)-1]) {
			d.err = errMalformed // IDs are stored sorted and distinct
		}
		ids = append(ids, id)
	}
	return ids
}

func (d *decoder) membership() Membership {
	m := Membership{Voters: d.ids(), Learners: d.ids()}
	for _, id := range m.Learners {
		if m.IsVoter(id) {
			d.err = errMalformed
		}
	}
	return m
}
