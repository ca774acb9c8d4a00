package raft

import (
	"fmt"
	"slices"
	"strings"
)

// ID names a node. The zero ID, None, means "nobody".
type ID uint64

// None is the ID of no node: no vote cast, no known leader.
const None ID = 0

// EntryKind says what a log entry carries.
type EntryKind uint8

const (
	// EntryNormal carries a command for the state machine.
	EntryNormal EntryKind = iota
	// EntryNoop is the empty entry a new leader appends so that it can commit
	// an entry of its own term (and with it everything before).
	EntryNoop
	// EntryConfig carries a new cluster membership, encoded with
	// Membership.Marshal.
	EntryConfig
)

func (k EntryKind) String() string {
	switch k {
	case EntryNormal:
		return "normal"
	case EntryNoop:
		return "noop"
	case EntryConfig:
		return "config"
	}
	return fmt.Sprintf("EntryKind(%d)", uint8(k))
}

// Entry is one slot of the replicated log.
type Entry struct {
	Index uint64
	Term  uint64
	Kind  EntryKind
	// Data is the command (EntryNormal) or the encoded membership
	// (EntryConfig). It is never modified once the entry exists.
	Data []byte
}

// HardState is the part of a node's state that must survive a crash before the
// node answers anyone: the current term, the vote cast in it, and the commit
// index (which is only an optimisation: it may be relearned).
type HardState struct {
	Term   uint64
	Vote   ID
	Commit uint64
}

// Membership is a cluster configuration: who votes and who only follows.
// Both lists are sorted and disjoint.
type Membership struct {
	Voters   []ID
	Learners []ID
}

// IsVoter reports whether id votes in m.
func (m Membership) IsVoter(id ID) bool {
	_, ok := slices.BinarySearch(m.Voters, id)
	return ok
}

// IsLearner reports whether id is a non-voting member of m.
func (m Membership) IsLearner(id ID) bool {
	_, ok := slices.BinarySearch(m.Learners, id)
	return ok
}

// Contains reports whether id is a voter or a learner of m.
func (m Membership) Contains(id ID) bool { return m.IsVoter(id) || m.IsLearner(id) }

// quorum is the number of voters that make a majority.
func (m Membership) quorum() int { return len(m.Voters)/2 + 1 }

// Members lists voters and learners together, in ascending order.
func (m Membership) Members() []ID {
	all := append(slices.Clone(m.Voters), m.Learners...)
	slices.Sort(all)
	return all
}

// Equal reports whether m and o have the same voters and learners.
func (m Membership) Equal(o Membership) bool {
	return slices.Equal(m.Voters, o.Voters) && slices.Equal(m.Learners, o.Learners)
}

// Clone returns a copy of m that shares no memory with it.
func (m Membership) Clone() Membership {
	return Membership{Voters: slices.Clone(m.Voters), Learners: slices.Clone(m.Learners)}
}

func (m Membership) String() string {
	var b strings.Builder
	b.WriteString("voters ")
	writeIDs(&b, m.Voters)
	if len(m.Learners) > 0 {
		b.WriteString(" learners ")
		writeIDs(&b, m.Learners)
	}
	return b.String()
}

func writeIDs(b *strings.Builder, ids []ID) {
	b.WriteByte('{')
	for i, id := range ids {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprint(b, uint64(id))
	}
	b.WriteByte('}')
}

// SnapshotMeta identifies a snapshot: the last log entry it covers and the
// membership in force at that entry.
type SnapshotMeta struct {
	Index      uint64
	Term       uint64
	Membership Membership
}

// Snapshot is a state machine image standing in for the log up to Meta.Index.
// Data is opaque to raft and never modified once the snapshot exists.
type Snapshot struct {
	Meta SnapshotMeta
	Data []byte
}

// MessageType names the RPCs of Raft and their responses.
type MessageType uint8

const (
	MsgRequestVote MessageType = iota + 1
	MsgRequestVoteResponse
	MsgPreVote
	MsgPreVoteResponse
	MsgAppendEntries
	MsgAppendEntriesResponse
	MsgInstallSnapshot
	MsgInstallSnapshotResponse
	MsgTimeoutNow
)

// MessageTypes lists every message type, in declaration order.
var MessageTypes = []MessageType{
	MsgRequestVote, MsgRequestVoteResponse, MsgPreVote, MsgPreVoteResponse,
	MsgAppendEntries, MsgAppendEntriesResponse, MsgInstallSnapshot,
	MsgInstallSnapshotResponse, MsgTimeoutNow,
}

var messageTypeNames = [...]string{
	MsgRequestVote:             "RequestVote",
	MsgRequestVoteResponse:     "RequestVoteResponse",
	MsgPreVote:                 "PreVote",
	MsgPreVoteResponse:         "PreVoteResponse",
	MsgAppendEntries:           "AppendEntries",
	MsgAppendEntriesResponse:   "AppendEntriesResponse",
	MsgInstallSnapshot:         "InstallSnapshot",
	MsgInstallSnapshotResponse: "InstallSnapshotResponse",
	MsgTimeoutNow:              "TimeoutNow",
}

func (t MessageType) String() string {
	if int(t) < len(messageTypeNames) && messageTypeNames[t] != "" {
		return messageTypeNames[t]
	}
	return fmt.Sprintf("MessageType(%d)", uint8(t))
}

// IsResponse reports whether t answers a request.
func (t MessageType) IsResponse() bool {
	switch t {
	case MsgRequestVoteResponse, MsgPreVoteResponse, MsgAppendEntriesResponse, MsgInstallSnapshotResponse:
		return true
	}
	return false
}

// Message is one RPC or response between two nodes. Its fields are flat, as
// in etcd, so that any message can be drawn and inspected the same way; each
// field's meaning depends on Type. (The flags come first, beside Type,
// where they share a word: a simulation keeps many messages.)
type Message struct {
	Type MessageType
	// Reject is true when a vote is refused or an append does not match.
	Reject bool
	// Transfer marks a RequestVote sent because of TimeoutNow: voters grant
	// it even while they still hear from a leader.
	Transfer bool

	From ID
	To   ID
	// Term is the sender's term; for a granted PreVoteResponse, the term the
	// pre-candidate would campaign in.
	Term uint64

	// Index and LogTerm are prevLogIndex and prevLogTerm in AppendEntries,
	// lastLogIndex and lastLogTerm in RequestVote and PreVote. In an
	// AppendEntriesResponse or InstallSnapshotResponse, Index is the last
	// index the follower now matches (on success) or the rejected
	// prevLogIndex (on rejection).
	Index   uint64
	LogTerm uint64

	// Entries are the log entries carried by AppendEntries; none for a
	// heartbeat.
	Entries []Entry
	// Commit is the leader's commit index in AppendEntries.
	Commit uint64

	// ConflictTerm and ConflictIndex are the fast-backtracking hints of a
	// rejected append: the term of the follower's entry at Index (0 when its
	// log is shorter) and the first index it holds in that term (or its last
	// index plus one).
	ConflictTerm  uint64
	ConflictIndex uint64

	// Snapshot is the state carried by InstallSnapshot.
	Snapshot *Snapshot

	// Seq numbers the leader's rounds of AppendEntries; a response echoes
	// it. A read is confirmed once a quorum has answered a round at least as
	// new as the read.
	Seq uint64

	// Native is the message in the form of the engine that sent it, when a
	// host runs another Raft and translates its messages into this type:
	// the host delivers Native as it was sent, and the fields above are its
	// translation, for showing. This package never sets or reads it.
	Native any
}

// IsHeartbeat reports whether m is an AppendEntries carrying no entries.
func (m Message) IsHeartbeat() bool { return m.Type == MsgAppendEntries && len(m.Entries) == 0 }
