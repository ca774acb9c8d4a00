package view

import (
	"fmt"

	"github.com/raftlab/raftlab/playground/i18n"
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

// String is the event type's name in the JSON Lines trace.
func (t EventType) String() string {
	if int(t) < len(eventTypeNames) && eventTypeNames[t] != "" {
		return eventTypeNames[t]
	}
	return fmt.Sprintf("EventType(%d)", uint8(t))
}

// Event is one entry of a run's trace as a screen shows it. Which fields
// matter depends on Type.
type Event struct {
	AtMs int64
	Type EventType
	Node ID
	// Peer is the other server involved (the message's receiver or sender,
	// the candidate voted for, the new leader).
	Peer   ID
	Term   uint64
	Index  uint64
	Index2 uint64
	Role   Role
	Client int
	// Key is the catalogue key of the event's sentence ("" for events
	// said another way); Note is free text some events carry.
	Key, Note string
	// Retry says why a client's call (an EvClientCall) was sent again;
	// RetryNone for its first attempt and every other event.
	Retry Retry
	// Echo is set when the event repeats on a follower what its leader
	// did first (an append, a commit): a story of the run can leave it out.
	Echo bool
	// Flight is the message of a message event.
	Flight *Flight
	// Text is the event's sentence in the event feed, in any language.
	Text i18n.Translatable
}

// Retry says why a client sent a call again.
type Retry uint8

const (
	RetryNone Retry = iota
	// RetryTimeout: the last attempt got no answer in time.
	RetryTimeout
	// RetryRedirect: the server it reached named another leader.
	RetryRedirect
	// RetryNoLeader: the server it reached knew no leader.
	RetryNoLeader
	// RetryRefused: the leader it reached turned the call away.
	RetryRefused
)
