package palette

import (
	"image/color"

	"github.com/raftlab/raftlab/playground/view"
)

// Role is the colour of a server in a role.
func (p *Palette) Role(r view.Role) color.RGBA {
	switch r {
	case view.Leader:
		return p.Leader
	case view.Candidate:
		return p.Candidate
	case view.PreCandidate:
		return p.PreCandidate
	}
	return p.Follower
}

// Term is the colour of a term; term 0, before any election, is dim.
func (p *Palette) Term(t uint64) color.RGBA {
	if t == 0 {
		return p.TextDim
	}
	return p.Terms[(t-1)%uint64(len(p.Terms))]
}

// Message is the colour of a message type, a request's and its
// response's alike; a type with no colour of its own is the text's.
func (p *Palette) Message(t view.MsgType) color.RGBA {
	switch t {
	case view.MsgRequestVote, view.MsgRequestVoteResponse:
		return p.Vote
	case view.MsgPreVote, view.MsgPreVoteResponse:
		return p.PreVote
	case view.MsgAppendEntries, view.MsgAppendEntriesResponse:
		return p.AppendEntries
	case view.MsgInstallSnapshot, view.MsgInstallSnapshotResponse:
		return p.Snapshot
	case view.MsgTimeoutNow:
		return p.TimeoutNow
	}
	return p.Text
}
