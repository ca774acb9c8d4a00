// The trace's vocabulary: Event, one entry of the run's trace, which the
// views, the lessons, the checkers' reports and raftsim read, and its types.
// An Event is what the trace hands out. How the trace keeps events is in
// tracelog.go (its memory) and tracerec.go (the packed record); how an event
// reads is in tracetext.go. This file keeps no state.

package playground

import (
	"fmt"

	"github.com/raftlab/raftlab/raft"
)

// EventType names a kind of trace event; the names are the "type" field of
// the JSON Lines trace.
type EventType uint8

const (
	EvSend EventType = iota + 1
	EvDeliver
	EvDrop
	EvDuplicate
	EvTimeout
	EvRole
	EvTerm
	EvVote
	EvAppend
	EvTruncate
	EvCommit
	EvApply
	EvFsync
	EvSnapshot
	EvCrash
	EvRestart
	EvPartition
	EvHeal
	EvCut
	EvLink
	EvNetwork
	EvDisk
	EvClientCall
	EvClientReturn
	EvMembership
	EvTransfer
	EvExpect
	EvViolation
	EvNote
	// EvRead is a step of a ReadIndex read at its leader; Read says which.
	EvRead
)

var eventTypeNames = [...]string{
	EvSend: "send", EvDeliver: "deliver", EvDrop: "drop", EvDuplicate: "duplicate",
	EvTimeout: "timeout", EvRole: "role", EvTerm: "term", EvVote: "vote",
	EvAppend: "append", EvTruncate: "truncate", EvCommit: "commit", EvApply: "apply",
	EvFsync: "fsync", EvSnapshot: "snapshot", EvCrash: "crash", EvRestart: "restart",
	EvPartition: "partition", EvHeal: "heal", EvCut: "cut", EvLink: "link",
	EvNetwork: "network", EvDisk: "disk", EvClientCall: "clientCall",
	EvClientReturn: "clientReturn", EvMembership: "membership", EvTransfer: "transfer",
	EvExpect: "expect", EvViolation: "violation", EvNote: "note", EvRead: "read",
}

// ReadStage says which part of the ReadIndex protocol an EvRead event
// shows.
type ReadStage uint8

const (
	// ReadHeld: a read reached a leader that has not yet committed an
	// entry of its term (its no-op), so it does not yet know the commit
	// index; the read waits.
	ReadHeld ReadStage = iota + 1
	// ReadIndexNoted: the leader noted its commit index (Index) as the
	// read's read index, and sends a heartbeat round to confirm that it
	// still leads (with a lease, the event's Key says so).
	ReadIndexNoted
	// ReadConfirmed: a majority answered the leader's heartbeat round, so
	// it still led when the reads waiting on that round arrived.
	ReadConfirmed
	// ReadAnswered: the leader answered a read at read index Index, having
	// applied up to Index2.
	ReadAnswered
)

func (t EventType) String() string {
	if int(t) < len(eventTypeNames) && eventTypeNames[t] != "" {
		return eventTypeNames[t]
	}
	return fmt.Sprintf("EventType(%d)", uint8(t))
}

// Event is one entry of the trace. Which fields matter depends on Type;
// Text renders it as a plain-language sentence for the event feed.
type Event struct {
	AtMs int64
	Type EventType
	Node raft.ID
	// Peer is the other node involved (the message's receiver or sender,
	// the candidate voted for, the new leader).
	Peer   raft.ID
	Term   uint64
	Index  uint64
	Index2 uint64
	Role   raft.Role
	// Msg is the flight of a message event; MsgType and Flight describe
	// the message.
	Msg    uint64
	Flight *Flight
	Client int
	// Note is free text for events whose story needs it, in English.
	Note string
	// Key, when set, is the catalogue key of the event's whole sentence
	// and Args its arguments (raft.ID, raft.Membership, a call's result,
	// a property and a Violation are said in the reader's language):
	// TextIn says it in any language.
	Key  string
	Args []any
	// Entry and Kind are the payload of a single appended entry, rendered
	// only when the event is read.
	Entry []byte
	Kind  raft.EntryKind
	// Read is an EvRead event's stage.
	Read ReadStage
}

// Echo reports whether the event repeats on a follower what its leader
// did first: a follower appending the leader's entries, or advancing its
// commit index after the leader's. A story of the run can leave these out.
func (e Event) Echo() bool {
	return (e.Type == EvAppend || e.Type == EvCommit) && e.Role != raft.Leader
}
