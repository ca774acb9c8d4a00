package view

import "slices"

// Node is what a screen shows of one server at one moment. A server that
// is down has only ID, Up, Log (its disk's) and Disk.
type Node struct {
	ID ID
	Up bool

	Role Role
	Term uint64
	// Vote is the server voted for in Term; Leader the leader it knows.
	Vote, Leader ID
	// Votes are the answers to the current (pre-)election.
	Votes   []Vote
	Members Membership
	// ElectionElapsed counts the milliseconds since the server last heard
	// from a leader (or started an election); it times out at
	// ElectionTimeout (0: it has no timer, as a leader).
	ElectionElapsed, ElectionTimeout int

	Log Log
	// Progress is a leader's view of each other member, by ID; nil on
	// other servers.
	Progress []Progress

	Disk Disk
	// KV is the server's state machine: its keys in order, and the store's
	// revision.
	KV       []KeyValue
	Revision int64
}

// PeerProgress is a leader's progress for a member.
func (n *Node) PeerProgress(id ID) (Progress, bool) {
	i := slices.IndexFunc(n.Progress, func(p Progress) bool { return p.ID == id })
	if i < 0 {
		return Progress{}, false
	}
	return n.Progress[i], true
}

// Vote is one answer received in an election.
type Vote struct {
	From    ID
	Granted bool
}

// Membership is a configuration: who votes and who only follows, each
// sorted.
type Membership struct {
	Voters, Learners []ID
	// Outgoing, while a joint configuration is in force (etcd's engine),
	// are the voters of the configuration being left; Voters are then
	// the incoming ones. Every decision needs a majority of each.
	Outgoing []ID
}

// IsVoter reports whether id votes in m.
func (m Membership) IsVoter(id ID) bool { return slices.Contains(m.Voters, id) }

// IsLearner reports whether id is a non-voting member of m.
func (m Membership) IsLearner(id ID) bool { return slices.Contains(m.Learners, id) }

// Contains reports whether id is a member of m.
func (m Membership) Contains(id ID) bool { return m.IsVoter(id) || m.IsLearner(id) }

// Members are the voters and the learners, in order.
func (m Membership) Members() []ID {
	all := append(slices.Clone(m.Voters), m.Learners...)
	slices.Sort(all)
	return all
}

// ProgressState is how a leader replicates to a follower, as etcd names
// it.
type ProgressState uint8

const (
	// StateProbe sends one AppendEntries at a time until one matches.
	StateProbe ProgressState = iota
	// StateReplicate streams entries.
	StateReplicate
	// StateSnapshot waits for an InstallSnapshot to be answered.
	StateSnapshot
)

// Progress is a leader's view of one follower: the highest index known
// to match (Match) and the next one to send (Next).
type Progress struct {
	ID          ID
	Match, Next uint64
	State       ProgressState
	// Inflight holds the last index of each AppendEntries in flight while
	// replicating, oldest first; at most Window of them may be.
	Inflight []uint64
	Window   int
}

// KeyValue is one key of a state machine, with etcd's revisions.
type KeyValue struct {
	Key, Value           string
	ModRevision, Version int64
}
