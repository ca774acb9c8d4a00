package view

// ReadMode chooses how a get is served.
type ReadMode uint8

const (
	// ReadIndexRead confirms leadership with a heartbeat round (ReadIndex).
	ReadIndexRead ReadMode = iota
	// LeaseRead serves from the leader while its lease holds.
	LeaseRead
	// LocalRead answers from whatever node receives it, with no check: a
	// stale read waiting to happen, for teaching.
	LocalRead
)

var readModeNames = [...]string{ReadIndexRead: "readIndex", LeaseRead: "lease", LocalRead: "local"}

func (m ReadMode) String() string {
	if int(m) < len(readModeNames) {
		return readModeNames[m]
	}
	return "ReadMode(?)"
}

// ParseReadMode parses "readIndex", "lease" or "local".
func ParseReadMode(s string) (ReadMode, bool) {
	for m, name := range readModeNames {
		if name == s {
			return ReadMode(m), true
		}
	}
	return 0, false
}
