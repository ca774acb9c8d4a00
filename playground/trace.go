// The trace's vocabulary: Event, one entry of the run's trace, which the
// views, the lessons, the checkers' reports and raftsim read, and its types.
// An Event is what the trace hands out. How the trace keeps events is in
// tracelog.go (its memory) and tracerec.go (the packed record); how an event
// reads is in tracetext.go. This file keeps no state.

package playground

import (
	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
)

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

// Event is one entry of the trace. Which fields matter depends on Type;
// Text renders it as a plain-language sentence for the event feed.
type Event struct {
	AtMs int64
	Type view.EventType
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
	// Retry says why a client's call was sent again.
	Retry view.Retry
}

// Echo reports whether the event repeats on a follower what its leader
// did first: a follower appending the leader's entries, or advancing its
// commit index after the leader's. A story of the run can leave these out.
func (e Event) Echo() bool {
	return (e.Type == view.EvAppend || e.Type == view.EvCommit) && e.Role != raft.Leader
}
