package ui

import (
	"image/color"

	"github.com/raftlab/raftlab/playground/view"
)

// palette is every colour the playground draws with. Roles, terms and
// messages carry the colour; the background and panels stay calm.
type palette struct {
	background, panel, panelEdge, text, textDim, link, cut, ok, bad color.RGBA
	accent, highlight, button, buttonHot                            color.RGBA
	follower, preCandidate, candidate, leader, down                 color.RGBA
	client                                                          color.RGBA
	// Message colours: votes warm, pre-votes violet, appends blue,
	// snapshots green, TimeoutNow pink.
	vote, preVote, appendEntries, snapshot, timeoutNow color.RGBA
	// terms gives each term a colour: distinct for neighbouring terms.
	terms []color.RGBA
}

// darkPalette is the default: a dark background for a screen in a dim room.
var darkPalette = palette{
	background: rgb(0x14, 0x17, 0x1f), panel: rgb(0x1c, 0x20, 0x2b), panelEdge: rgb(0x2c, 0x32, 0x40),
	text: rgb(0xe6, 0xe9, 0xef), textDim: rgb(0x8b, 0x93, 0xa7), link: rgb(0x3a, 0x42, 0x55),
	cut: rgb(0xef, 0x53, 0x50), ok: rgb(0x66, 0xbb, 0x6a), bad: rgb(0xef, 0x53, 0x50),
	accent: rgb(0x4f, 0xc3, 0xf7), highlight: rgb(0xff, 0xd5, 0x4f),
	button: rgb(0x2a, 0x30, 0x3e), buttonHot: rgb(0x37, 0x3f, 0x52),
	follower: rgb(0x78, 0x90, 0x9c), preCandidate: rgb(0xb3, 0x9d, 0xdb), candidate: rgb(0xff, 0xb7, 0x4d),
	leader: rgb(0x4f, 0xc3, 0xf7), down: rgb(0x45, 0x4a, 0x56),
	client: rgb(0xff, 0xf1, 0x76),
	vote:   rgb(0xff, 0xb7, 0x4d), preVote: rgb(0xb3, 0x9d, 0xdb), appendEntries: rgb(0x4f, 0xc3, 0xf7),
	snapshot: rgb(0x81, 0xc7, 0x84), timeoutNow: rgb(0xf0, 0x62, 0x92),
	terms: []color.RGBA{
		rgb(0x42, 0xa5, 0xf5), rgb(0x66, 0xbb, 0x6a), rgb(0xff, 0xa7, 0x26), rgb(0xab, 0x47, 0xbc),
		rgb(0x26, 0xc6, 0xda), rgb(0xef, 0x53, 0x50), rgb(0xd4, 0xe1, 0x57), rgb(0x8d, 0x6e, 0x63),
		rgb(0xec, 0x40, 0x7a), rgb(0x5c, 0x6b, 0xc0),
	},
}

// lightPalette is for a projector in a lit room, where a dark screen
// washes out: a white background, dark text, and deep, saturated colours
// for roles, terms and messages. Every colour that is text, or that has
// white text on it (a node's term, a log entry's), keeps a contrast of at
// least 4.5:1 with white (theme_test.go checks).
var lightPalette = palette{
	background: rgb(0xff, 0xff, 0xff), panel: rgb(0xf5, 0xf7, 0xfa), panelEdge: rgb(0xb9, 0xc1, 0xcd),
	text: rgb(0x16, 0x1b, 0x26), textDim: rgb(0x4b, 0x55, 0x67), link: rgb(0x74, 0x7f, 0x94),
	cut: rgb(0xd3, 0x2f, 0x2f), ok: rgb(0x17, 0x73, 0x3a), bad: rgb(0xc6, 0x28, 0x28),
	accent: rgb(0x12, 0x59, 0xb8), highlight: rgb(0xc0, 0x13, 0x8f),
	button: rgb(0xe6, 0xea, 0xf0), buttonHot: rgb(0xd5, 0xdc, 0xe7),
	follower: rgb(0x5b, 0x66, 0x78), preCandidate: rgb(0x7c, 0x3a, 0xed), candidate: rgb(0xc2, 0x41, 0x0c),
	leader: rgb(0x12, 0x59, 0xb8), down: rgb(0xc3, 0xc9, 0xd3),
	client: rgb(0x80, 0x5a, 0x00),
	vote:   rgb(0xc2, 0x41, 0x0c), preVote: rgb(0x7c, 0x3a, 0xed), appendEntries: rgb(0x15, 0x65, 0xc0),
	snapshot: rgb(0x2e, 0x7d, 0x32), timeoutNow: rgb(0xbe, 0x18, 0x5d),
	terms: []color.RGBA{
		rgb(0x15, 0x65, 0xc0), rgb(0x2e, 0x7d, 0x32), rgb(0xc2, 0x41, 0x0c), rgb(0x8e, 0x24, 0xaa),
		rgb(0x00, 0x76, 0x7f), rgb(0xc6, 0x28, 0x28), rgb(0x66, 0x73, 0x00), rgb(0x6d, 0x4c, 0x41),
		rgb(0xad, 0x14, 0x57), rgb(0x39, 0x49, 0xab),
	},
}

// presenterPalette is presenter mode's: a classroom projector washes
// colours out and greys away, so the background is near white, the text
// near black, the dim text dark enough to read from the back of the room,
// the panels' edges (and the tooltips, dark text on them) a mid grey, and
// roles, terms and messages deep and saturated.
// Like the light theme, every colour that is text, or has white text on
// it, keeps a contrast of at least 4.5:1 with white (theme_test.go checks
// the light one; present_test.go this one, at 7:1 for the text).
var presenterPalette = palette{
	background: rgb(0xfd, 0xfd, 0xfc), panel: rgb(0xf3, 0xf4, 0xf6), panelEdge: rgb(0x90, 0x99, 0xa8),
	text: rgb(0x0b, 0x0d, 0x12), textDim: rgb(0x2f, 0x35, 0x40), link: rgb(0x3c, 0x43, 0x50),
	cut: rgb(0xc6, 0x00, 0x00), ok: rgb(0x00, 0x6b, 0x1f), bad: rgb(0xc6, 0x00, 0x00),
	accent: rgb(0x00, 0x47, 0xb3), highlight: rgb(0xb0, 0x00, 0x80),
	button: rgb(0xdc, 0xe1, 0xe8), buttonHot: rgb(0xc3, 0xcc, 0xd9),
	follower: rgb(0x37, 0x41, 0x52), preCandidate: rgb(0x6a, 0x1b, 0xd6), candidate: rgb(0xc4, 0x3c, 0x00),
	leader: rgb(0x00, 0x47, 0xb3), down: rgb(0x9a, 0xa1, 0xad),
	client: rgb(0x7a, 0x50, 0x00),
	vote:   rgb(0xc4, 0x3c, 0x00), preVote: rgb(0x6a, 0x1b, 0xd6), appendEntries: rgb(0x00, 0x55, 0xc8),
	snapshot: rgb(0x00, 0x6b, 0x1f), timeoutNow: rgb(0xb0, 0x00, 0x55),
	terms: []color.RGBA{
		rgb(0x00, 0x55, 0xc8), rgb(0x00, 0x6b, 0x1f), rgb(0xc4, 0x3c, 0x00), rgb(0x7b, 0x1f, 0xa2),
		rgb(0x00, 0x69, 0x73), rgb(0xc6, 0x00, 0x00), rgb(0x5c, 0x66, 0x00), rgb(0x5d, 0x40, 0x37),
		rgb(0xa0, 0x00, 0x4e), rgb(0x28, 0x35, 0x93),
	},
}

// The palette in use, one variable per colour so that drawing code reads
// colText rather than a lookup. They start dark, as package variables
// (other package variables are computed from them before any init runs);
// applyTheme sets them all.
var (
	colBackground   = darkPalette.background
	colPanel        = darkPalette.panel
	colPanelEdge    = darkPalette.panelEdge
	colText         = darkPalette.text
	colTextDim      = darkPalette.textDim
	colLink         = darkPalette.link
	colCut          = darkPalette.cut
	colOK           = darkPalette.ok
	colBad          = darkPalette.bad
	colAccent       = darkPalette.accent
	colHighlight    = darkPalette.highlight
	colButton       = darkPalette.button
	colButtonHot    = darkPalette.buttonHot
	colFollower     = darkPalette.follower
	colPreCandidate = darkPalette.preCandidate
	colCandidate    = darkPalette.candidate
	colLeader       = darkPalette.leader
	colDown         = darkPalette.down
	// colClient is the colour of client requests and replies.
	colClient     = darkPalette.client
	colVote       = darkPalette.vote
	colPreVote    = darkPalette.preVote
	colAppend     = darkPalette.appendEntries
	colSnapshot   = darkPalette.snapshot
	colTimeoutNow = darkPalette.timeoutNow
	// termPalette gives each term a colour, the same everywhere.
	termPalette = darkPalette.terms
)

// themeLight is set while a light palette is in use: the light theme's,
// or presenter mode's (themePresent).
var themeLight bool

// themePresent is set while presenter mode's palette is in use, whatever
// theme the learner chose (themeChosen: presenter mode gives it back).
var themePresent, themeChosen bool

// lightTheme reports whether a light palette is in use, so that colours
// defined outside the palette can have a light variant.
func lightTheme() bool { return themeLight }

// themeName names the palette in use, "light", "dark" or "presenter", for
// the page's tests.
func themeName() string {
	switch {
	case themePresent:
		return "presenter"
	case themeLight:
		return "light"
	}
	return "dark"
}

// chosenThemeName names the theme the learner chose, "light" or "dark":
// the settings dialog shows the message settings.theme.<name>.
func chosenThemeName() string {
	if themeChosen {
		return "light"
	}
	return "dark"
}

// setTheme puts a theme in use at once and keeps it for the next visits.
// The cached panels, the feed and the lesson panel notice by themselves:
// their keys hold the theme.
func (g *Game) setTheme(light bool) {
	applyTheme(light)
	g.setPrefs(func(p *Prefs) {
		p.Theme = ""
		if light {
			p.Theme = "light"
		}
	})
}

// applyTheme puts the light or the dark palette in use (presenter mode's
// while it is on, until applyPresentTheme takes it away).
func applyTheme(light bool) {
	themeChosen = light
	p := darkPalette
	switch {
	case themePresent:
		p = presenterPalette
	case light:
		p = lightPalette
	}
	themeLight = light || themePresent
	colBackground, colPanel, colPanelEdge, colText, colTextDim = p.background, p.panel, p.panelEdge, p.text, p.textDim
	colLink, colCut, colOK, colBad, colAccent, colHighlight = p.link, p.cut, p.ok, p.bad, p.accent, p.highlight
	colButton, colButtonHot = p.button, p.buttonHot
	colFollower, colPreCandidate, colCandidate, colLeader, colDown = p.follower, p.preCandidate, p.candidate, p.leader, p.down
	colClient = p.client
	colVote, colPreVote, colAppend, colSnapshot, colTimeoutNow = p.vote, p.preVote, p.appendEntries, p.snapshot, p.timeoutNow
	termPalette = p.terms
}

// applyPresentTheme puts presenter mode's palette in use, or gives the
// chosen theme back.
func applyPresentTheme(on bool) {
	themePresent = on
	applyTheme(themeChosen)
}

func rgb(r, g, b uint8) color.RGBA { return color.RGBA{r, g, b, 0xff} }

// withAlpha scales a colour's opacity (premultiplied).
func withAlpha(c color.RGBA, a float64) color.RGBA {
	return color.RGBA{uint8(float64(c.R) * a), uint8(float64(c.G) * a), uint8(float64(c.B) * a), uint8(float64(c.A) * a)}
}

// roleColor is the colour of a node in a role.
func roleColor(r view.Role) color.RGBA {
	switch r {
	case view.Leader:
		return colLeader
	case view.Candidate:
		return colCandidate
	case view.PreCandidate:
		return colPreCandidate
	}
	return colFollower
}

// TermColor is the colour of a term.
func TermColor(term uint64) color.RGBA {
	if term == 0 {
		return colTextDim
	}
	return termPalette[(term-1)%uint64(len(termPalette))]
}

// messageColor is the colour of a message type.
func messageColor(t view.MsgType) color.RGBA {
	switch t {
	case view.MsgRequestVote, view.MsgRequestVoteResponse:
		return colVote
	case view.MsgPreVote, view.MsgPreVoteResponse:
		return colPreVote
	case view.MsgAppendEntries, view.MsgAppendEntriesResponse:
		return colAppend
	case view.MsgInstallSnapshot, view.MsgInstallSnapshotResponse:
		return colSnapshot
	case view.MsgTimeoutNow:
		return colTimeoutNow
	}
	return colText
}
