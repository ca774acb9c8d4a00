package playground

import (
	"errors"
	"fmt"
	"strings"

	"github.com/raftlab/raftlab/playground/i18n"
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

// S names a node the way the event feed does.
func S(id raft.ID) string { return nodeName(i18n.English, id) }

// nodeName names a node in a language: S1, or nobody.
func nodeName(lang i18n.Lang, id raft.ID) string {
	if id == raft.None {
		return lang.T("feed.nobody")
	}
	return fmt.Sprintf("S%d", id)
}

// Echo reports whether the event repeats on a follower what its leader
// did first: a follower appending the leader's entries, or advancing its
// commit index after the leader's. A story of the run can leave these out.
func (e Event) Echo() bool {
	return (e.Type == EvAppend || e.Type == EvCommit) && e.Role != raft.Leader
}

// Text explains the event in one sentence, in English.
func (e Event) Text() string { return e.TextIn(i18n.English) }

// TextIn explains the event in one sentence in a language: the event
// feed's line.
func (e Event) TextIn(lang i18n.Lang) string {
	if e.Key != "" {
		return e.say(lang)
	}
	node := nodeName(lang, e.Node)
	switch e.Type {
	case EvSend, EvDeliver, EvDrop, EvDuplicate:
		return e.messageText(lang)
	case EvTimeout:
		if e.Role == raft.PreCandidate {
			return lang.T("feed.timeout.prevote", node, e.Term+1, e.Term)
		}
		return lang.T("feed.timeout", node, e.Term)
	case EvRole:
		switch e.Role {
		case raft.Leader:
			return lang.T("feed.role.leader", node, e.Term)
		case raft.Follower:
			if e.Peer != raft.None {
				return lang.T("feed.role.follower-of", node, nodeName(lang, e.Peer), e.Term)
			}
			return lang.T("feed.role.stepped-down", node, e.Term)
		case raft.Candidate:
			return lang.T("feed.role.candidate", node, e.Term)
		case raft.PreCandidate:
			return lang.T("feed.role.pre-candidate", node, e.Term)
		}
	case EvTerm:
		return lang.T("feed.term", node, e.Term)
	case EvVote:
		return lang.T("feed.vote", node, nodeName(lang, e.Peer), e.Term)
	case EvAppend:
		if e.Index == e.Index2 {
			return appendText(lang, node, e.Index, e.Term, e.Kind, e.Entry)
		}
		return lang.T("feed.append.many", node, e.Index, e.Index2, e.Term)
	case EvTruncate:
		return lang.T("feed.truncate", node, e.Index)
	case EvCommit:
		return lang.T("feed.commit", node, e.Index)
	case EvApply:
		return lang.T("feed.apply", node, e.Index)
	case EvFsync:
		return lang.T("feed.fsync", node, e.Index)
	case EvSnapshot:
		// (Note says which: "took" or "installed".)
		if e.Note == "installed" {
			return lang.T("feed.snapshot.installed", node, e.Index, e.Term)
		}
		return lang.T("feed.snapshot.took", node, e.Index, e.Term)
	case EvRead:
		return e.readText(lang, node)
	}
	if e.Note != "" {
		return e.Note
	}
	return e.Type.String()
}

// say formats an event whose sentence is a catalogue key: its raft.ID
// arguments are nodes and its raft.Membership ones configurations, named
// in the language.
func (e Event) say(lang i18n.Lang) string {
	args := make([]any, len(e.Args))
	for i, a := range e.Args {
		switch v := a.(type) {
		case raft.ID:
			a = nodeName(lang, v)
		case raft.Membership:
			a = membershipText(lang, v)
		case callResult:
			a = describeResult(lang, v.op, v.res)
		case propertyArg:
			a = PropertyName(string(v), lang)
		case Violation:
			a = v.MessageIn(lang)
		case i18n.Translatable: // a failed step's error
			a = v.In(lang)
		}
		args[i] = a
	}
	return lang.T(e.Key, args...)
}

// appendText is the sentence of a single appended entry, which names what
// the entry holds.
func appendText(lang i18n.Lang, node string, index, term uint64, kind raft.EntryKind, data []byte) string {
	switch kind {
	case raft.EntryNoop:
		return lang.T("feed.append.noop", node, index, term)
	case raft.EntryConfig:
		if m, err := raft.UnmarshalMembership(data); err == nil {
			return lang.T("feed.append.config", node, index, term, membershipText(lang, m))
		}
	case raft.EntryNormal:
		if c, err := DecodeCommand(data); err == nil {
			return lang.T("feed.append.command", node, index, term, c.String())
		}
	}
	return lang.T("feed.append.one", node, index, term)
}

// membershipText names a configuration's voters and learners.
func membershipText(lang i18n.Lang, m raft.Membership) string {
	if len(m.Learners) > 0 {
		return lang.T("feed.config.learners", idSet(m.Voters), idSet(m.Learners))
	}
	return lang.T("feed.config", idSet(m.Voters))
}

// idSet writes node IDs as a set: {1,2,3}.
func idSet(ids []raft.ID) string {
	var b strings.Builder
	b.WriteByte('{')
	for i, id := range ids {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, "%d", id)
	}
	b.WriteByte('}')
	return b.String()
}

func (e Event) readText(lang i18n.Lang, node string) string {
	switch e.Read {
	case ReadHeld:
		return lang.T("feed.read.held", node)
	case ReadIndexNoted:
		return lang.T("feed.read.noted.heartbeat", node, e.Index)
	case ReadConfirmed:
		return lang.T("feed.read.confirmed", node)
	case ReadAnswered:
		return lang.T("feed.read.answered", node, e.Index, e.Index2)
	}
	return e.Type.String()
}

func (e Event) messageText(lang i18n.Lang) string {
	f := e.Flight
	if f == nil {
		return e.Type.String()
	}
	desc := describeFlight(lang, f)
	switch e.Type {
	case EvSend:
		return lang.T("feed.msg.send", endpoint(lang, f.From, f.Client), desc)
	case EvDeliver:
		return lang.T("feed.msg.deliver", endpoint(lang, f.To, f.Client), desc)
	case EvDuplicate:
		return lang.T("feed.msg.duplicate", desc)
	}
	return lang.T("feed.msg.lost", desc, lostWhy(lang, f))
}

// lostWhy says why a lost flight is lost ("" when it is not).
func lostWhy(lang i18n.Lang, f *Flight) string {
	switch f.lostWhy {
	case lostLinkCut:
		return lang.T("feed.lost.link-cut")
	case lostPartitioned:
		return lang.T("feed.lost.partitioned")
	case lostDropped:
		return lang.T("feed.lost.dropped")
	case lostReceiverDown:
		return lang.T("feed.lost.receiver-down", nodeName(lang, f.To))
	case lostCutInFlight:
		return lang.T("feed.lost.cut-in-flight")
	case lostByHand:
		return lang.T("feed.lost.by-hand")
	}
	return ""
}

// refusals are the errors a leader refuses a client's request with, as a
// Reply's Refused says them, and their keys.
var refusals = []struct {
	err error
	key string
}{
	{raft.ErrNotLeader, "feed.refused.not-leader"},
	{raft.ErrTransferring, "feed.refused.transferring"},
	{raft.ErrConfChangePending, "feed.refused.conf-pending"},
	{raft.ErrNoCommitInTerm, "feed.refused.no-commit"},
	{raft.ErrNotMember, "feed.refused.not-member"},
	{raft.ErrLeaseReadsOff, "feed.refused.lease-reads-off"},
}

// refusalText says why a leader refused a request, in a language; a reason
// the catalogue does not know is shown as raft says it.
func refusalText(lang i18n.Lang, refused string) string {
	for _, r := range refusals {
		if refusalOf(r.err) == refused {
			return lang.T(r.key)
		}
	}
	return refused
}

// raftError is a raft error as the argument of a translatable sentence:
// in English as raft says it, in other languages in the words of the
// refusal it is, if it is one.
type raftError struct{ err error }

func (e raftError) In(lang i18n.Lang) string {
	if lang != i18n.English {
		for _, r := range refusals {
			if errors.Is(e.err, r.err) {
				return lang.T(r.key)
			}
		}
	}
	return e.err.Error()
}

// refusalOf is how a Reply says a raft error.
func refusalOf(err error) string { return strings.TrimPrefix(err.Error(), "raft: ") }

func endpoint(lang i18n.Lang, id raft.ID, client int) string {
	if id == raft.None {
		return lang.T("feed.client", client)
	}
	return nodeName(lang, id)
}

// describeFlight names a message with its gist: "AppendEntries S1→S2
// (term 2, entries 4-6, prev 3/2, commit 3)".
func describeFlight(lang i18n.Lang, f *Flight) string {
	route := endpoint(lang, f.From, f.Client) + "→" + endpoint(lang, f.To, f.Client)
	switch f.Kind {
	case FlightRequest:
		return lang.T("feed.flight.request", f.Request.Cmd.String(), route)
	case FlightReply:
		if f.Reply.Refused != "" {
			return lang.T("feed.flight.refusal", route, refusalText(lang, f.Reply.Refused))
		}
		if f.Reply.Redirect {
			return lang.T("feed.flight.redirect", route, nodeName(lang, f.Reply.Leader))
		}
		return lang.T("feed.flight.reply", route)
	}
	m := f.Raft
	gist := []string{lang.T("feed.flight.term", m.Term)}
	add := func(key string, args ...any) { gist = append(gist, lang.T(key, args...)) }
	switch m.Type {
	case raft.MsgRequestVote, raft.MsgPreVote:
		add("feed.flight.last-log", m.Index, m.LogTerm)
	case raft.MsgRequestVoteResponse, raft.MsgPreVoteResponse:
		if m.Reject {
			add("feed.flight.refused")
		} else {
			add("feed.flight.granted")
		}
	case raft.MsgAppendEntries:
		switch n := len(m.Entries); n {
		case 0:
			add("feed.flight.heartbeat")
		case 1:
			add("feed.flight.entry", m.Entries[0].Index)
		default:
			add("feed.flight.entries", m.Entries[0].Index, m.Entries[n-1].Index)
		}
		add("feed.flight.prev", m.Index, m.LogTerm)
		add("feed.flight.commit", m.Commit)
	case raft.MsgAppendEntriesResponse:
		if m.Reject {
			add("feed.flight.rejected", m.Index)
		} else {
			add("feed.flight.matched", m.Index)
		}
	case raft.MsgInstallSnapshot:
		add("feed.flight.snapshot", m.Snapshot.Meta.Index)
	case raft.MsgInstallSnapshotResponse:
		add("feed.flight.now-at", m.Index)
	}
	return lang.T("feed.flight.raft", m.Type.String(), route, strings.Join(gist, lang.T("feed.flight.sep")))
}
