package palette

import (
	"fmt"
	"image/color"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
)

var white, black = rgb(0xff, 0xff, 0xff), rgb(0, 0, 0)

func TestContrast(t *testing.T) {
	assert.InDelta(t, 21.0, Contrast(black, white), 1e-9)
	assert.InDelta(t, 21.0, Contrast(white, black), 1e-9, "either way round")
	assert.InDelta(t, 1.0, Contrast(Dark.Leader, Dark.Leader), 1e-9)
}

// TestThemeContrast: in both themes, text keeps 4.5:1 against the
// background and the panels; roles, terms and messages are text or carry
// text in the background's colour (a node's term, a log entry's term), so
// they keep it too in the light theme, which is for projectors.
func TestThemeContrast(t *testing.T) {
	for name, p := range map[string]Palette{"dark": Dark, "light": Light} {
		for _, bg := range []color.RGBA{p.Background, p.Panel} {
			for what, fg := range map[string]color.RGBA{"text": p.Text, "dim text": p.TextDim, "accent": p.Accent, "highlight": p.Highlight, "ok": p.OK, "bad": p.Bad} {
				assert.GreaterOrEqual(t, Contrast(fg, bg), 4.5, "%s: %s on %v", name, what, bg)
			}
		}
		assert.GreaterOrEqual(t, Contrast(p.Text, p.Button), 4.5, "%s: a button's label", name)
		assert.GreaterOrEqual(t, Contrast(p.Text, p.ButtonHot), 4.5, "%s: a lit button's label", name)
		// Coloured labels on buttons: the client panel's choices, the
		// lesson panel's Continue.
		for what, fg := range map[string]color.RGBA{"client": p.Client, "highlight": p.Highlight} {
			assert.GreaterOrEqual(t, Contrast(fg, p.Button), 4.5, "%s: %s on a button", name, what)
		}
	}
	p := Light
	coloured := map[string]color.RGBA{"follower": p.Follower, "pre-candidate": p.PreCandidate, "candidate": p.Candidate, "leader": p.Leader,
		"client": p.Client, "vote": p.Vote, "pre-vote": p.PreVote, "append": p.AppendEntries, "snapshot": p.Snapshot, "TimeoutNow": p.TimeoutNow}
	for i, c := range p.Terms {
		coloured[fmt.Sprintf("term %d", i+1)] = c
	}
	for what, c := range coloured {
		assert.GreaterOrEqual(t, Contrast(c, p.Background), 4.5, "light: %s against white", what)
	}
}

// TestPresentPaletteContrast: presenter mode's text, and every colour
// with white text on it, keeps a contrast of at least 4.5:1 with its
// background (7:1 for the text); the role colours differ.
func TestPresentPaletteContrast(t *testing.T) {
	p := Presenter
	assert.GreaterOrEqual(t, Contrast(p.Text, p.Background), 7.0)
	assert.GreaterOrEqual(t, Contrast(p.TextDim, p.Background), 7.0, "no thin grey on grey")
	assert.GreaterOrEqual(t, Contrast(p.TextDim, p.Panel), 7.0)
	assert.GreaterOrEqual(t, Contrast(p.Text, p.PanelEdge), 4.5, "a tooltip's text")
	assert.GreaterOrEqual(t, Contrast(p.PanelEdge, p.Background), 2.5, "the panels' edges show")
	for name, c := range map[string]color.RGBA{
		"leader": p.Leader, "candidate": p.Candidate, "pre-candidate": p.PreCandidate, "follower": p.Follower,
		"accent": p.Accent, "bad": p.Bad, "ok": p.OK,
	} {
		assert.GreaterOrEqual(t, Contrast(c, p.Background), 4.5, name)
	}
	for i, c := range p.Terms {
		assert.GreaterOrEqual(t, Contrast(c, white), 4.5, "term colour %d", i)
	}
}

// TestRolesAreDistinct: in both themes, no two roles (and no role and the
// background) are near in colour.
func TestRolesAreDistinct(t *testing.T) {
	for name, p := range map[string]Palette{"dark": Dark, "light": Light} {
		roles := []color.RGBA{p.Follower, p.PreCandidate, p.Candidate, p.Leader, p.Background}
		for i, a := range roles {
			for _, b := range roles[i+1:] {
				assert.Greater(t, colorDistance(a, b), 100.0, "%s: %v and %v", name, a, b)
			}
		}
	}
}

// colorDistance is a cheap perceptual distance between two colours
// ("redmean"), from 0 to about 765.
func colorDistance(a, b color.RGBA) float64 {
	rm := (float64(a.R) + float64(b.R)) / 2
	dr, dg, db := float64(a.R)-float64(b.R), float64(a.G)-float64(b.G), float64(a.B)-float64(b.B)
	return math.Sqrt((2+rm/256)*dr*dr + 4*dg*dg + (2+(255-rm)/256)*db*db)
}
