package ui

import (
	"fmt"
	"image/color"
	"math"
	"slices"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// darkAfter puts the dark theme back when a test ends: the palette is
// global to the package, and the other tests expect the default.
func darkAfter(t *testing.T) {
	t.Helper()
	t.Cleanup(func() { applyTheme(false) })
}

// relLuminance is a colour's relative luminance (WCAG 2).
func relLuminance(c color.RGBA) float64 {
	lin := func(v uint8) float64 {
		x := float64(v) / 255
		if x <= 0.03928 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}

// contrast is the WCAG contrast ratio of two colours, from 1 to 21.
func contrast(a, b color.RGBA) float64 {
	la, lb := relLuminance(a), relLuminance(b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

func TestThemeSwitchAndBack(t *testing.T) {
	darkAfter(t)
	require.False(t, lightTheme(), "dark is the default")
	assert.Equal(t, darkPalette.background, colBackground)
	applyTheme(true)
	assert.True(t, lightTheme())
	assert.Equal(t, lightPalette.background, colBackground)
	assert.Equal(t, lightPalette.text, colText)
	assert.Equal(t, lightPalette.leader, roleColor(view.Role(raft.Leader)))
	assert.Equal(t, lightPalette.terms[0], TermColor(1))
	assert.Equal(t, lightPalette.vote, messageColor(view.MsgType(raft.MsgRequestVote)))
	assert.Greater(t, relLuminance(colBackground), 0.9, "a light background")
	applyTheme(false)
	assert.False(t, lightTheme())
	assert.Equal(t, darkPalette.background, colBackground)
	assert.Equal(t, darkPalette.text, colText)
	assert.Equal(t, darkPalette.leader, roleColor(view.Role(raft.Leader)))
	assert.Equal(t, darkPalette.terms[0], TermColor(1))
	assert.Equal(t, darkPalette.client, colClient)
}

// TestThemeContrast: in both themes, text keeps 4.5:1 against the
// background and the panels; roles, terms and messages are text or carry
// text in the background's colour (a node's term, a log entry's term), so
// they keep it too in the light theme, which is for projectors.
func TestThemeContrast(t *testing.T) {
	for name, p := range map[string]palette{"dark": darkPalette, "light": lightPalette} {
		for _, bg := range []color.RGBA{p.background, p.panel} {
			for what, fg := range map[string]color.RGBA{"text": p.text, "dim text": p.textDim, "accent": p.accent, "highlight": p.highlight, "ok": p.ok, "bad": p.bad} {
				assert.GreaterOrEqual(t, contrast(fg, bg), 4.5, "%s: %s on %v", name, what, bg)
			}
		}
		assert.GreaterOrEqual(t, contrast(p.text, p.button), 4.5, "%s: a button's label", name)
		assert.GreaterOrEqual(t, contrast(p.text, p.buttonHot), 4.5, "%s: a lit button's label", name)
		// Coloured labels on buttons: the client panel's choices, the
		// lesson panel's Continue.
		for what, fg := range map[string]color.RGBA{"client": p.client, "highlight": p.highlight} {
			assert.GreaterOrEqual(t, contrast(fg, p.button), 4.5, "%s: %s on a button", name, what)
		}
	}
	p := lightPalette
	coloured := map[string]color.RGBA{"follower": p.follower, "pre-candidate": p.preCandidate, "candidate": p.candidate, "leader": p.leader,
		"client": p.client, "vote": p.vote, "pre-vote": p.preVote, "append": p.appendEntries, "snapshot": p.snapshot, "TimeoutNow": p.timeoutNow}
	for i, c := range p.terms {
		coloured[fmt.Sprintf("term %d", i+1)] = c
	}
	for what, c := range coloured {
		assert.GreaterOrEqual(t, contrast(c, p.background), 4.5, "light: %s against white", what)
	}
}

// TestRolesAreDistinct: in both themes, no two roles (and no role and the
// background) are near in colour.
func TestRolesAreDistinct(t *testing.T) {
	for name, p := range map[string]palette{"dark": darkPalette, "light": lightPalette} {
		roles := []color.RGBA{p.follower, p.preCandidate, p.candidate, p.leader, p.background}
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

// TestCachedPanelRedrawsAfterThemeSwitch: a panel's key says nothing of
// colours, yet a switch redraws it, and switching back redraws it again.
func TestCachedPanelRedrawsAfterThemeSwitch(t *testing.T) {
	darkAfter(t)
	var c panelCache
	dst := ebiten.NewImage(64, 64)
	area := Rect{4, 4, 40, 20}
	var drawn []color.RGBA
	render := func(*ebiten.Image, float64, float64) { drawn = append(drawn, colPanel) }
	c.draw(dst, area, []byte("k"), render)
	c.draw(dst, area, []byte("k"), render)
	require.Len(t, drawn, 1, "the same key is copied, not drawn")
	applyTheme(true)
	c.draw(dst, area, []byte("k"), render)
	require.Len(t, drawn, 2, "a theme switch redraws")
	assert.Equal(t, lightPalette.panel, drawn[1])
	applyTheme(false)
	c.draw(dst, area, []byte("k"), render)
	assert.Len(t, drawn, 3, "and so does switching back")
}

// TestSettingsThemeRow: the theme row switches the theme at once, without
// a new run or a change to the draft, keeps it for the next visit, and
// marks the feed's image as old.
func TestSettingsThemeRow(t *testing.T) {
	darkAfter(t)
	st := &memStore{}
	g := testGameWith(t, Options{Prefs: st})
	g.SeekTo(1500)
	g.feed.key = g.feed.feedKeyNow() // as the last frame drew it
	g.press("settings")
	require.NotNil(t, g.settings)
	draft := g.settings.draft
	clickButton(t, g, g.settingsButtons(), "set-theme-next")
	assert.True(t, lightTheme(), "applied at once")
	assert.Equal(t, lightPalette.background, colBackground)
	assert.Equal(t, "light", g.prefs.Theme)
	assert.Equal(t, int64(1500), g.world().Now(), "the run goes on")
	assert.Equal(t, draft, g.settings.draft, "the draft is untouched")
	assert.NotNil(t, g.settings, "the dialog stays open")
	assert.NotEqual(t, g.feed.feedKeyNow(), g.feed.key, "the feed is drawn again")

	// The next visit starts light; choosing dark is kept too.
	again := testGameWith(t, Options{Prefs: st})
	assert.True(t, lightTheme())
	again.press("settings")
	clickButton(t, again, again.settingsButtons(), "set-theme-prev")
	assert.False(t, lightTheme())
	assert.Equal(t, "", again.prefs.Theme)
	testGameWith(t, Options{Prefs: st})
	assert.False(t, lightTheme())
}

// TestLessonPanelTakesTheTheme: the lesson panel's layout, kept while its
// state stays put, holds colours: a switch lays it out again.
func TestLessonPanelTakesTheTheme(t *testing.T) {
	darkAfter(t)
	g := openLesson3(t)
	colours := func() []color.Color {
		var out []color.Color
		for _, b := range g.lessonLaidOut().boxes {
			out = append(out, b.c)
		}
		for _, tx := range g.lessonLaidOut().texts {
			out = append(out, tx.c)
		}
		return out
	}
	require.True(t, slices.Contains(colours(), color.Color(darkPalette.text)), "dark text")
	g.setTheme(true)
	assert.True(t, slices.Contains(colours(), color.Color(lightPalette.text)), "light text")
	assert.False(t, slices.Contains(colours(), color.Color(darkPalette.text)), "no dark text left")
}

// TestPaletteIsSetBeforeInit: package variables computed from the palette
// (a legend, a table) see its colours, not zero ones.
func TestPaletteIsSetBeforeInit(t *testing.T) {
	assert.Equal(t, darkPalette.vote, colVoteAtInit, "a package variable sees the dark palette")
}

// colVoteAtInit is computed as the package's variables are.
var colVoteAtInit = messageColor(view.MsgType(raft.MsgRequestVote))
