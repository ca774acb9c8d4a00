package picture

import (
	"image/color"

	"github.com/raftlab/raftlab/playground/view"
)

// palette is the app's palette (ui/theme.go): the same colour for a role,
// a term or a message in a picture as on the screen. It is a copy, since
// the pictures must not depend on the UI (nor the UI on them): a change of
// colour there is made here too.
type palette struct {
	background, panel, panelEdge, text, textDim, link, cut, ok, bad color.RGBA
	follower, preCandidate, candidate, leader, down, client         color.RGBA
	vote, preVote, appendEntries, snapshot, timeoutNow              color.RGBA
	terms                                                           []color.RGBA
}

// dark is the app's default theme, light its theme for a projector in a
// lit room (and for slides with a white background).
var (
	dark = palette{
		background: rgb(0x14, 0x17, 0x1f), panel: rgb(0x1c, 0x20, 0x2b), panelEdge: rgb(0x2c, 0x32, 0x40),
		text: rgb(0xe6, 0xe9, 0xef), textDim: rgb(0x8b, 0x93, 0xa7), link: rgb(0x3a, 0x42, 0x55),
		cut: rgb(0xef, 0x53, 0x50), ok: rgb(0x66, 0xbb, 0x6a), bad: rgb(0xef, 0x53, 0x50),
		follower: rgb(0x78, 0x90, 0x9c), preCandidate: rgb(0xb3, 0x9d, 0xdb), candidate: rgb(0xff, 0xb7, 0x4d),
		leader: rgb(0x4f, 0xc3, 0xf7), down: rgb(0x45, 0x4a, 0x56), client: rgb(0xff, 0xf1, 0x76),
		vote: rgb(0xff, 0xb7, 0x4d), preVote: rgb(0xb3, 0x9d, 0xdb), appendEntries: rgb(0x4f, 0xc3, 0xf7),
		snapshot: rgb(0x81, 0xc7, 0x84), timeoutNow: rgb(0xf0, 0x62, 0x92),
		terms: []color.RGBA{
			rgb(0x42, 0xa5, 0xf5), rgb(0x66, 0xbb, 0x6a), rgb(0xff, 0xa7, 0x26), rgb(0xab, 0x47, 0xbc),
			rgb(0x26, 0xc6, 0xda), rgb(0xef, 0x53, 0x50), rgb(0xd4, 0xe1, 0x57), rgb(0x8d, 0x6e, 0x63),
			rgb(0xec, 0x40, 0x7a), rgb(0x5c, 0x6b, 0xc0),
		},
	}
	light = palette{
		background: rgb(0xff, 0xff, 0xff), panel: rgb(0xf5, 0xf7, 0xfa), panelEdge: rgb(0xb9, 0xc1, 0xcd),
		text: rgb(0x16, 0x1b, 0x26), textDim: rgb(0x4b, 0x55, 0x67), link: rgb(0x74, 0x7f, 0x94),
		cut: rgb(0xd3, 0x2f, 0x2f), ok: rgb(0x17, 0x73, 0x3a), bad: rgb(0xc6, 0x28, 0x28),
		follower: rgb(0x5b, 0x66, 0x78), preCandidate: rgb(0x7c, 0x3a, 0xed), candidate: rgb(0xc2, 0x41, 0x0c),
		leader: rgb(0x12, 0x59, 0xb8), down: rgb(0xc3, 0xc9, 0xd3), client: rgb(0x80, 0x5a, 0x00),
		vote: rgb(0xc2, 0x41, 0x0c), preVote: rgb(0x7c, 0x3a, 0xed), appendEntries: rgb(0x15, 0x65, 0xc0),
		snapshot: rgb(0x2e, 0x7d, 0x32), timeoutNow: rgb(0xbe, 0x18, 0x5d),
		terms: []color.RGBA{
			rgb(0x15, 0x65, 0xc0), rgb(0x2e, 0x7d, 0x32), rgb(0xc2, 0x41, 0x0c), rgb(0x8e, 0x24, 0xaa),
			rgb(0x00, 0x76, 0x7f), rgb(0xc6, 0x28, 0x28), rgb(0x66, 0x73, 0x00), rgb(0x6d, 0x4c, 0x41),
			rgb(0xad, 0x14, 0x57), rgb(0x39, 0x49, 0xab),
		},
	}
)

func rgb(r, g, b uint8) color.RGBA { return color.RGBA{r, g, b, 0xff} }

// role is the colour of a server in a role.
func (p *palette) role(r view.Role) color.RGBA {
	switch r {
	case view.Leader:
		return p.leader
	case view.Candidate:
		return p.candidate
	case view.PreCandidate:
		return p.preCandidate
	}
	return p.follower
}

// term is the colour of a term.
func (p *palette) term(t uint64) color.RGBA {
	if t == 0 {
		return p.textDim
	}
	return p.terms[(t-1)%uint64(len(p.terms))]
}

// message is the colour of a message type.
func (p *palette) message(t view.MsgType) color.RGBA {
	switch t {
	case view.MsgRequestVote, view.MsgRequestVoteResponse:
		return p.vote
	case view.MsgPreVote, view.MsgPreVoteResponse:
		return p.preVote
	case view.MsgAppendEntries, view.MsgAppendEntriesResponse:
		return p.appendEntries
	case view.MsgInstallSnapshot, view.MsgInstallSnapshotResponse:
		return p.snapshot
	case view.MsgTimeoutNow:
		return p.timeoutNow
	}
	return p.text
}

// colours are every colour of the palette, for the GIF's fixed palette.
func (p *palette) colours() []color.RGBA {
	cs := []color.RGBA{p.background, p.panel, p.panelEdge, p.text, p.textDim, p.link, p.cut, p.ok, p.bad,
		p.follower, p.preCandidate, p.candidate, p.leader, p.down, p.client,
		p.vote, p.preVote, p.appendEntries, p.snapshot, p.timeoutNow}
	return append(cs, p.terms...)
}
