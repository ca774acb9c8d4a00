package view

import (
	"fmt"
	"strings"

	"github.com/raftlab/raftlab/playground/i18n"
)

// SpaceTime is a space-time diagram of a stretch of a run, read from its
// trace: one lane per server, every Raft message between servers an arrow
// from its sending to its arrival or loss, and the elections, commits,
// crashes and membership changes marked on the lanes. Client requests and
// replies are left out: they have no server at one end, and a busy client
// load would hide the protocol.
type SpaceTime struct {
	// From and To are the stretch of time the diagram covers.
	From, To int64
	// Known is the earliest moment the kept trace covers: before it the
	// diagram knows nothing (a long run keeps a window of its trace, and a
	// seek back starts it again a little before the moment sought).
	Known int64
	// Lanes are the servers that were members at some point of the
	// stretch, in ID order.
	Lanes []ID
	// Arrows are in the order of their sending.
	Arrows []Arrow
	// Marks are in time order.
	Marks []Mark
}

// Arrow is one message of a space-time diagram.
type Arrow struct {
	// Flight is the message's flight ID (Flight.ID).
	Flight   uint64
	From, To ID
	// SendAt is when it left; EndAt when it arrived or was lost, or, for
	// a message still on the wire when the stretch ends, when it is due.
	SendAt, EndAt int64
	Msg           Message
	// Lost is set when the message was lost at EndAt; OnWire says where:
	// on the way (the link was cut, the network dropped it, or somebody
	// did by hand), or else at its receiver, which was down.
	Lost, OnWire bool
	// Duplicate marks the network's extra copy of another message.
	Duplicate bool
	// Open is set when the message had not landed by the end of the
	// stretch (or of the run so far): EndAt is when it is due.
	Open bool
}

// MarkKind is what happened at a mark on a lane.
type MarkKind uint8

const (
	// MarkCandidate: the server became a candidate (Term is the new term).
	MarkCandidate MarkKind = iota + 1
	// MarkLeader: the server became leader of Term.
	MarkLeader
	// MarkCommit: the server's commit index advanced to Index.
	MarkCommit
	// MarkCrash and MarkRestart: the server went down, came back up.
	MarkCrash
	MarkRestart
	// MarkMembership: a membership change about the server (it was added,
	// removed, or left).
	MarkMembership
)

// Mark is an event on a lane of a space-time diagram.
type Mark struct {
	At    int64
	Node  ID
	Kind  MarkKind
	Term  uint64
	Index uint64
	// Echo is set on a follower's commit, which repeats its leader's.
	Echo bool
}

// Label is an arrow's short label: the RPC's initials as the Raft paper
// names it (every language keeps them), an answer's with a hook, a
// refusal's with a cross, and how many entries an AppendEntries carries
// (a heartbeat, none: HB).
func (a Arrow) Label() string {
	s := arrowInitials[a.Msg.Type]
	switch {
	case a.Msg.Heartbeat():
		s = "HB"
	case a.Msg.Type == MsgAppendEntries:
		s += fmt.Sprintf("+%d", a.Msg.Entries)
	}
	if a.Msg.Reject {
		s += "✗"
	}
	return s
}

var arrowInitials = map[MsgType]string{
	MsgRequestVote: "RV", MsgRequestVoteResponse: "RV↩",
	MsgPreVote: "PV", MsgPreVoteResponse: "PV↩",
	MsgAppendEntries: "AE", MsgAppendEntriesResponse: "AE↩",
	MsgInstallSnapshot: "IS", MsgInstallSnapshotResponse: "IS↩",
	MsgTimeoutNow: "TN",
}

// Sentence describes an arrow, for its tooltip: the RPC, its ends, its
// term, and when it left and landed (or was lost, or is due).
func (a Arrow) Sentence(lang i18n.Lang) string {
	key := "diagram.arrow.arrived"
	switch {
	case a.Open:
		key = "diagram.arrow.due"
	case a.Lost:
		key = "diagram.arrow.lost"
	}
	s := lang.T(key, a.Msg.Type.String(), a.From.Name(), a.To.Name(), a.Msg.Term, Seconds(a.SendAt), Seconds(a.EndAt))
	if a.Duplicate {
		s += lang.T("diagram.arrow.duplicate")
	}
	return s
}

// Seconds writes a time in ms as seconds, with as many decimals as it
// needs (1.5, 0.02), as the diagram's axis and sentences do.
func Seconds(ms int64) string {
	s := strings.TrimRight(fmt.Sprintf("%.3f", float64(ms)/1000), "0")
	return strings.TrimSuffix(s, ".")
}
