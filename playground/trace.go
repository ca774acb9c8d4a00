package playground

import (
	"fmt"
	"strings"

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
	// read's read index. Note says how it will confirm that it still
	// leads (a heartbeat round, or its lease).
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
	// Note is free text for events whose story needs it.
	Note string
	// Entry and Kind are the payload of a single appended entry, rendered
	// only when the event is read.
	Entry []byte
	Kind  raft.EntryKind
	// Read is an EvRead event's stage.
	Read ReadStage
}

// S names a node the way the event feed does.
func S(id raft.ID) string {
	if id == raft.None {
		return "nobody"
	}
	return fmt.Sprintf("S%d", id)
}

// Text explains the event in one sentence.
func (e Event) Text() string {
	switch e.Type {
	case EvSend, EvDeliver, EvDrop, EvDuplicate:
		return e.messageText()
	case EvTimeout:
		if e.Role == raft.PreCandidate {
			return fmt.Sprintf("%s timed out and asked for pre-votes for term %d (PreVote: its term stays %d)", S(e.Node), e.Term+1, e.Term)
		}
		return fmt.Sprintf("%s timed out and started an election for term %d", S(e.Node), e.Term)
	case EvRole:
		switch e.Role {
		case raft.Leader:
			return fmt.Sprintf("%s became leader for term %d%s", S(e.Node), e.Term, e.Note)
		case raft.Follower:
			if e.Peer != raft.None {
				return fmt.Sprintf("%s is now a follower of %s in term %d", S(e.Node), S(e.Peer), e.Term)
			}
			return fmt.Sprintf("%s stepped down to follower in term %d%s", S(e.Node), e.Term, e.Note)
		case raft.Candidate:
			return fmt.Sprintf("%s became a candidate for term %d", S(e.Node), e.Term)
		case raft.PreCandidate:
			return fmt.Sprintf("%s became a pre-candidate (term %d)", S(e.Node), e.Term)
		}
	case EvTerm:
		return fmt.Sprintf("%s moved to term %d", S(e.Node), e.Term)
	case EvVote:
		return fmt.Sprintf("%s voted for %s in term %d", S(e.Node), S(e.Peer), e.Term)
	case EvAppend:
		if e.Index == e.Index2 {
			return fmt.Sprintf("%s appended entry %d (term %d) to its log%s", S(e.Node), e.Index, e.Term, entryNote(e.Kind, e.Entry))
		}
		return fmt.Sprintf("%s appended entries %d-%d (term %d) to its log", S(e.Node), e.Index, e.Index2, e.Term)
	case EvTruncate:
		return fmt.Sprintf("%s deleted its conflicting entries from index %d on", S(e.Node), e.Index)
	case EvCommit:
		return fmt.Sprintf("%s advanced its commit index to %d", S(e.Node), e.Index)
	case EvApply:
		return fmt.Sprintf("%s applied entry %d to its state machine%s", S(e.Node), e.Index, e.Note)
	case EvFsync:
		return fmt.Sprintf("%s's disk finished an fsync: its log is durable up to byte %d", S(e.Node), e.Index)
	case EvSnapshot:
		return fmt.Sprintf("%s %s a snapshot up to index %d (term %d)", S(e.Node), e.Note, e.Index, e.Term)
	case EvCrash:
		return fmt.Sprintf("%s crashed: it lost its memory and every unsynced write%s", S(e.Node), e.Note)
	case EvRestart:
		return fmt.Sprintf("%s restarted from its disk in term %d with %d log entries", S(e.Node), e.Term, e.Index)
	case EvRead:
		return e.readText()
	}
	if e.Note != "" {
		return e.Note
	}
	return e.Type.String()
}

func (e Event) readText() string {
	switch e.Read {
	case ReadHeld:
		return fmt.Sprintf("%s holds a read until it has committed an entry of its own term (its no-op)", S(e.Node))
	case ReadIndexNoted:
		return fmt.Sprintf("%s noted read index %d for a read%s", S(e.Node), e.Index, e.Note)
	case ReadConfirmed:
		return fmt.Sprintf("%s is still leader: a majority answered its heartbeat round", S(e.Node))
	case ReadAnswered:
		return fmt.Sprintf("%s answered the read at read index %d (applied %d)", S(e.Node), e.Index, e.Index2)
	}
	return e.Type.String()
}

func (e Event) messageText() string {
	f := e.Flight
	if f == nil {
		return e.Type.String()
	}
	desc := describeFlight(f)
	switch e.Type {
	case EvSend:
		return fmt.Sprintf("%s sent %s", endpoint(f.From, f.Client), desc)
	case EvDeliver:
		return fmt.Sprintf("%s received %s", endpoint(f.To, f.Client), desc)
	case EvDuplicate:
		return fmt.Sprintf("the network duplicated %s", desc)
	}
	return fmt.Sprintf("the network lost %s (%s)", desc, f.LostWhy())
}

func endpoint(id raft.ID, client int) string {
	if id == raft.None {
		return fmt.Sprintf("client %d", client)
	}
	return S(id)
}

// describeFlight names a message with its gist: "AppendEntries S1→S2
// (entries 4-6, commit 3)".
func describeFlight(f *Flight) string {
	route := fmt.Sprintf("%s→%s", endpoint(f.From, f.Client), endpoint(f.To, f.Client))
	switch f.Kind {
	case FlightRequest:
		return fmt.Sprintf("request %q %s", f.Request.Cmd.String(), route)
	case FlightReply:
		if f.Reply.Refused != "" {
			return fmt.Sprintf("refusal %s (%s)", route, f.Reply.Refused)
		}
		if f.Reply.Redirect {
			return fmt.Sprintf("redirect %s (leader: %s)", route, S(f.Reply.Leader))
		}
		return fmt.Sprintf("reply %s", route)
	}
	m := f.Raft
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s (term %d", m.Type, route, m.Term)
	switch m.Type {
	case raft.MsgRequestVote, raft.MsgPreVote:
		fmt.Fprintf(&b, ", last log %d/%d", m.Index, m.LogTerm)
	case raft.MsgRequestVoteResponse, raft.MsgPreVoteResponse:
		if m.Reject {
			b.WriteString(", refused")
		} else {
			b.WriteString(", granted")
		}
	case raft.MsgAppendEntries:
		switch n := len(m.Entries); n {
		case 0:
			b.WriteString(", heartbeat")
		case 1:
			fmt.Fprintf(&b, ", entry %d", m.Entries[0].Index)
		default:
			fmt.Fprintf(&b, ", entries %d-%d", m.Entries[0].Index, m.Entries[n-1].Index)
		}
		fmt.Fprintf(&b, ", prev %d/%d, commit %d", m.Index, m.LogTerm, m.Commit)
	case raft.MsgAppendEntriesResponse:
		if m.Reject {
			fmt.Fprintf(&b, ", rejected at %d", m.Index)
		} else {
			fmt.Fprintf(&b, ", matched up to %d", m.Index)
		}
	case raft.MsgInstallSnapshot:
		fmt.Fprintf(&b, ", snapshot up to %d", m.Snapshot.Meta.Index)
	case raft.MsgInstallSnapshotResponse:
		fmt.Fprintf(&b, ", now at %d", m.Index)
	}
	b.WriteByte(')')
	return b.String()
}
