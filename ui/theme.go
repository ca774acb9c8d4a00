package ui

import (
	"image/color"

	"github.com/raftlab/raftlab/raft"
)

// The palette: a dark, calm background so that roles, terms and messages
// carry the colour.
var (
	colBackground = rgb(0x14, 0x17, 0x1f)
	colPanel      = rgb(0x1c, 0x20, 0x2b)
	colPanelEdge  = rgb(0x2c, 0x32, 0x40)
	colText       = rgb(0xe6, 0xe9, 0xef)
	colTextDim    = rgb(0x8b, 0x93, 0xa7)
	colLink       = rgb(0x3a, 0x42, 0x55)
	colCut        = rgb(0xef, 0x53, 0x50)
	colOK         = rgb(0x66, 0xbb, 0x6a)
	colBad        = rgb(0xef, 0x53, 0x50)
	colAccent     = rgb(0x4f, 0xc3, 0xf7)
	colHighlight  = rgb(0xff, 0xd5, 0x4f)
	colButton     = rgb(0x2a, 0x30, 0x3e)
	colButtonHot  = rgb(0x37, 0x3f, 0x52)

	colFollower     = rgb(0x78, 0x90, 0x9c)
	colPreCandidate = rgb(0xb3, 0x9d, 0xdb)
	colCandidate    = rgb(0xff, 0xb7, 0x4d)
	colLeader       = rgb(0x4f, 0xc3, 0xf7)
	colDown         = rgb(0x45, 0x4a, 0x56)
)

// themeLight is set while the light theme is in use.
var themeLight bool

// lightTheme reports whether the light theme is in use, so that colours
// defined outside the palette can have a light variant.
func lightTheme() bool { return themeLight }

func rgb(r, g, b uint8) color.RGBA { return color.RGBA{r, g, b, 0xff} }

// withAlpha scales a colour's opacity (premultiplied).
func withAlpha(c color.RGBA, a float64) color.RGBA {
	return color.RGBA{uint8(float64(c.R) * a), uint8(float64(c.G) * a), uint8(float64(c.B) * a), uint8(float64(c.A) * a)}
}

// roleColor is the colour of a node in a role.
func roleColor(r raft.Role) color.RGBA {
	switch r {
	case raft.Leader:
		return colLeader
	case raft.Candidate:
		return colCandidate
	case raft.PreCandidate:
		return colPreCandidate
	}
	return colFollower
}

// termPalette gives each term a colour: distinct for neighbouring terms,
// and the same colour for the same term everywhere, always.
var termPalette = []color.RGBA{
	rgb(0x42, 0xa5, 0xf5), rgb(0x66, 0xbb, 0x6a), rgb(0xff, 0xa7, 0x26), rgb(0xab, 0x47, 0xbc),
	rgb(0x26, 0xc6, 0xda), rgb(0xef, 0x53, 0x50), rgb(0xd4, 0xe1, 0x57), rgb(0x8d, 0x6e, 0x63),
	rgb(0xec, 0x40, 0x7a), rgb(0x5c, 0x6b, 0xc0),
}

// TermColor is the colour of a term.
func TermColor(term uint64) color.RGBA {
	if term == 0 {
		return colTextDim
	}
	return termPalette[(term-1)%uint64(len(termPalette))]
}

// messageColor is the colour of a message type: votes warm, pre-votes
// violet, appends blue, snapshots green, TimeoutNow pink.
func messageColor(t raft.MessageType) color.RGBA {
	switch t {
	case raft.MsgRequestVote, raft.MsgRequestVoteResponse:
		return rgb(0xff, 0xb7, 0x4d)
	case raft.MsgPreVote, raft.MsgPreVoteResponse:
		return rgb(0xb3, 0x9d, 0xdb)
	case raft.MsgAppendEntries, raft.MsgAppendEntriesResponse:
		return rgb(0x4f, 0xc3, 0xf7)
	case raft.MsgInstallSnapshot, raft.MsgInstallSnapshotResponse:
		return rgb(0x81, 0xc7, 0x84)
	case raft.MsgTimeoutNow:
		return rgb(0xf0, 0x62, 0x92)
	}
	return colText
}

// colClient is the colour of client requests and replies.
var colClient = rgb(0xff, 0xf1, 0x76)
