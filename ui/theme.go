package ui

import (
	"image/color"

	"github.com/raftlab/raftlab/internal/palette"
	"github.com/raftlab/raftlab/playground/view"
)

// inUse is the palette in use, one of internal/palette's (dark, light,
// presenter), which the pictures (internal/picture) draw with too: a role,
// a term or a message has the same colour on the screen and in a saved GIF
// or slide. applyTheme sets it with the colours below.
var inUse = &palette.Dark

// The palette in use, one variable per colour so that drawing code reads
// colText rather than a lookup (a term's and a message type's colour are
// looked up: TermColor, messageColor). They start dark, as package variables
// (other package variables are computed from them before any init runs);
// applyTheme sets them all.
var (
	colBackground   = palette.Dark.Background
	colPanel        = palette.Dark.Panel
	colPanelEdge    = palette.Dark.PanelEdge
	colText         = palette.Dark.Text
	colTextDim      = palette.Dark.TextDim
	colLink         = palette.Dark.Link
	colCut          = palette.Dark.Cut
	colOK           = palette.Dark.OK
	colBad          = palette.Dark.Bad
	colAccent       = palette.Dark.Accent
	colHighlight    = palette.Dark.Highlight
	colButton       = palette.Dark.Button
	colButtonHot    = palette.Dark.ButtonHot
	colFollower     = palette.Dark.Follower
	colPreCandidate = palette.Dark.PreCandidate
	colCandidate    = palette.Dark.Candidate
	colLeader       = palette.Dark.Leader
	colDown         = palette.Dark.Down
	// colClient is the colour of client requests and replies.
	colClient = palette.Dark.Client
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
	p := &palette.Dark
	switch {
	case themePresent:
		p = &palette.Presenter
	case light:
		p = &palette.Light
	}
	themeLight = light || themePresent
	inUse = p
	colBackground, colPanel, colPanelEdge, colText, colTextDim = p.Background, p.Panel, p.PanelEdge, p.Text, p.TextDim
	colLink, colCut, colOK, colBad, colAccent, colHighlight = p.Link, p.Cut, p.OK, p.Bad, p.Accent, p.Highlight
	colButton, colButtonHot = p.Button, p.ButtonHot
	colFollower, colPreCandidate, colCandidate, colLeader, colDown = p.Follower, p.PreCandidate, p.Candidate, p.Leader, p.Down
	colClient = p.Client
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
func roleColor(r view.Role) color.RGBA { return inUse.Role(r) }

// TermColor is the colour of a term.
func TermColor(term uint64) color.RGBA { return inUse.Term(term) }

// messageColor is the colour of a message type.
func messageColor(t view.MsgType) color.RGBA { return inUse.Message(t) }
