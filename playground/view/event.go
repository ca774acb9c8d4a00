package view

import "fmt"

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
