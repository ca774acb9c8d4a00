package view

// Disk is a server's emulated disk as a screen shows it.
type Disk struct {
	FsyncMs int64
	// Syncing is set while an fsync is under way.
	Syncing bool
	// Bytes and SyncedBytes are the write-ahead log's size and its durable
	// part.
	Bytes, SyncedBytes int
	Files              []DiskFile
	// WALTail is the write-ahead log's last records; the first Durable of
	// them are durable.
	WALTail []Record
	Durable int
}

// WALTailLen is how many of the write-ahead log's last records a view
// keeps.
const WALTailLen = 8

// DiskFile is one file on an emulated disk, named as etcd names it in a
// member's data directory, so that a learner sees where etcd keeps what.
type DiskFile struct {
	// Path is relative to the data directory.
	Path string
	// Records and Bytes are what is written; SyncedRecords and SyncedBytes
	// the durable part of it (a crash loses the rest). A snapshot file
	// has no records and is saved whole, so it is all durable.
	Records, SyncedRecords int
	Bytes, SyncedBytes     int
	// Snapshot is set for the snapshot file; Index and Term are then the
	// snapshot's: it stands for the log up to Index.
	Snapshot    bool
	Index, Term uint64
}

// RecordType says what a write-ahead log record holds.
type RecordType uint8

const (
	// RecordHardState holds Term, Vote and Commit.
	RecordHardState RecordType = iota + 1
	// RecordEntry holds the entry at Index, of Term and Kind.
	RecordEntry
	// RecordTruncate drops the entries from Index on.
	RecordTruncate
	// RecordSnapshot marks a snapshot up to Index, of Term, with Members.
	RecordSnapshot
)

// Record is one record of a write-ahead log; which fields count is said
// by Type.
type Record struct {
	Type         RecordType
	Term, Commit uint64
	Vote         ID
	Index        uint64
	Kind         EntryKind
	Members      Membership
}
