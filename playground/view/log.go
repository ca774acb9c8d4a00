package view

// EntryKind says what a log entry carries.
type EntryKind uint8

const (
	// EntryNormal carries a client's command.
	EntryNormal EntryKind = iota
	// EntryNoop is the empty entry a new leader appends.
	EntryNoop
	// EntryConfig carries a new membership.
	EntryConfig
)

// Entry is one slot of a log.
type Entry struct {
	Index, Term uint64
	Kind        EntryKind
}

// LogTail is how many of a log's newest entries a view keeps: more than a
// screen shows in a row, so that the view of a long log stays small.
const LogTail = 256

// Log is a server's log as a screen shows it: the live log of a server
// that is up, or what the disk of a crashed one would recover.
type Log struct {
	// First is the first index held after the snapshot; SnapTerm is the
	// term of index First-1 (0 without a snapshot). Last is the last
	// index (First-1 when the log is empty).
	First, Last uint64
	SnapTerm    uint64
	// Commit and Applied are the commit and applied indexes (a crashed
	// server's commit is the one made durable; it has applied nothing).
	Commit, Applied uint64
	// Tail is the newest entries, at most LogTail of them, ending at Last.
	Tail []Entry
}

// Entry is the entry at index i, if the view holds it.
func (l *Log) Entry(i uint64) (Entry, bool) {
	n := uint64(len(l.Tail))
	if i > l.Last || i+n <= l.Last || i < l.First {
		return Entry{}, false
	}
	return l.Tail[n-(l.Last-i)-1], true
}

// TermAt is the term of the entry at index i, or of the snapshot's last
// entry at First-1, if the view holds it.
func (l *Log) TermAt(i uint64) (uint64, bool) {
	if i+1 == l.First {
		return l.SnapTerm, true
	}
	e, ok := l.Entry(i)
	return e.Term, ok
}
