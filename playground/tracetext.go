// How an event reads: the event feed's sentence for each Event, in any
// language, from the catalogue's feed keys (playground/i18n, en_feed.go and
// zh_feed.go). A sentence is written only when the event is read, never when
// it is recorded. This file keeps no state.

package playground

import (
	"errors"
	"fmt"
	"strings"

	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
)

// S names a node the way the event feed does.
func S(id raft.ID) string { return nodeName(i18n.English, id) }

// nodeName names a node in a language: S1, or nobody.
func nodeName(lang i18n.Lang, id raft.ID) string {
	if id == raft.None {
		return lang.T("feed.nobody")
	}
	return fmt.Sprintf("S%d", id)
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
	case view.EvSend, view.EvDeliver, view.EvDrop, view.EvDuplicate:
		return e.messageText(lang)
	case view.EvTimeout:
		if e.Role == raft.PreCandidate {
			return lang.T("feed.timeout.prevote", node, e.Term+1, e.Term)
		}
		return lang.T("feed.timeout", node, e.Term)
	case view.EvRole:
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
	case view.EvTerm:
		return lang.T("feed.term", node, e.Term)
	case view.EvVote:
		return lang.T("feed.vote", node, nodeName(lang, e.Peer), e.Term)
	case view.EvAppend:
		if e.Index == e.Index2 {
			return appendText(lang, node, e.Index, e.Term, e.Kind, e.Entry)
		}
		return lang.T("feed.append.many", node, e.Index, e.Index2, e.Term)
	case view.EvTruncate:
		return lang.T("feed.truncate", node, e.Index)
	case view.EvCommit:
		return lang.T("feed.commit", node, e.Index)
	case view.EvApply:
		return lang.T("feed.apply", node, e.Index)
	case view.EvFsync:
		return lang.T("feed.fsync", node, e.Index)
	case view.EvSnapshot:
		// (Note says which: "took" or "installed".)
		if e.Note == "installed" {
			return lang.T("feed.snapshot.installed", node, e.Index, e.Term)
		}
		return lang.T("feed.snapshot.took", node, e.Index, e.Term)
	case view.EvRead:
		return e.readText(lang, node)
	}
	if e.Note != "" {
		return e.Note
	}
	return e.Type.String()
}

// say formats an event whose sentence is a catalogue key: its raft.ID and
// view.ID arguments are nodes and its raft.Membership ones configurations,
// named in the language.
func (e Event) say(lang i18n.Lang) string {
	args := make([]any, len(e.Args))
	for i, a := range e.Args {
		switch v := a.(type) {
		case raft.ID:
			a = nodeName(lang, v)
		case view.ID:
			a = nodeName(lang, raft.ID(v))
		case raft.Membership:
			a = membershipText(lang, v)
		case []raft.ID:
			a = namesText(lang, v)
		case callResult:
			a = describeResult(lang, v.op, v.res)
		case propertyArg:
			a = view.PropertyName(string(v), lang)
		case Violation:
			a = v.MessageIn(lang)
		case i18n.Translatable: // a failed step's error
			a = v.In(lang)
		}
		args[i] = a
	}
	return lang.T(e.Key, args...)
}

// namesText names a set of servers: {S1, S2, S3}.
func namesText(lang i18n.Lang, ids []raft.ID) string {
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = nodeName(lang, id)
	}
	return "{" + strings.Join(names, ", ") + "}"
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
	case view.EvSend:
		return lang.T("feed.msg.send", endpoint(lang, f.From, f.Client), desc)
	case view.EvDeliver:
		return lang.T("feed.msg.deliver", endpoint(lang, f.To, f.Client), desc)
	case view.EvDuplicate:
		return lang.T("feed.msg.duplicate", desc)
	}
	return lang.T("feed.msg.lost", desc, f.LostWhyIn(lang))
}

// lostWhy says why a lost flight is lost (an empty message when it is
// not).
func lostWhy(f *Flight) i18n.Message {
	switch f.lostWhy {
	case lostLinkCut:
		return i18n.Msg("feed.lost.link-cut")
	case lostPartitioned:
		return i18n.Msg("feed.lost.partitioned")
	case lostDropped:
		return i18n.Msg("feed.lost.dropped")
	case lostReceiverDown:
		return i18n.Msg("feed.lost.receiver-down", S(f.To))
	case lostCutInFlight:
		return i18n.Msg("feed.lost.cut-in-flight")
	case lostByHand:
		return i18n.Msg("feed.lost.by-hand")
	}
	return i18n.Message{}
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
	case view.FlightRequest:
		return lang.T("feed.flight.request", f.Request.Cmd.String(), route)
	case view.FlightReply:
		if f.Reply.Refused != "" {
			return lang.T("feed.flight.refusal", route, refusalText(lang, f.Reply.Refused))
		}
		if f.Reply.Redirect {
			return lang.T("feed.flight.redirect", route, nodeName(lang, raft.ID(f.Reply.Leader)))
		}
		return lang.T("feed.flight.reply", route)
	}
	m := f.Raft
	// A message of an engine with types of its own (etcd's) goes by its
	// own name; its heartbeats check no log position, so none is given.
	name, native := m.Type.String(), false
	if n := nameOf(&m); n != "" {
		name, native = string(n), true
	}
	heartbeat := native && len(m.Entries) == 0 && (name == "MsgHeartbeat" || name == "MsgHeartbeatResp")
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
			if !native {
				add("feed.flight.heartbeat")
			}
		case 1:
			add("feed.flight.entry", m.Entries[0].Index)
		default:
			add("feed.flight.entries", m.Entries[0].Index, m.Entries[n-1].Index)
		}
		if !heartbeat {
			add("feed.flight.prev", m.Index, m.LogTerm)
		}
		add("feed.flight.commit", m.Commit)
	case raft.MsgAppendEntriesResponse:
		switch {
		case heartbeat:
		case m.Reject:
			add("feed.flight.rejected", m.Index)
		default:
			add("feed.flight.matched", m.Index)
		}
	case raft.MsgInstallSnapshot:
		add("feed.flight.snapshot", m.Snapshot.Meta.Index)
	case raft.MsgInstallSnapshotResponse:
		add("feed.flight.now-at", m.Index)
	}
	return lang.T("feed.flight.raft", name, route, strings.Join(gist, lang.T("feed.flight.sep")))
}
