package ui

import (
	"image/color"
	"slices"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/raftlab/raftlab/internal/palette"
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

func TestThemeSwitchAndBack(t *testing.T) {
	darkAfter(t)
	require.False(t, lightTheme(), "dark is the default")
	assert.Equal(t, palette.Dark.Background, colBackground)
	applyTheme(true)
	assert.True(t, lightTheme())
	assert.Equal(t, palette.Light.Background, colBackground)
	assert.Equal(t, palette.Light.Text, colText)
	assert.Equal(t, palette.Light.Leader, roleColor(view.Role(raft.Leader)))
	assert.Equal(t, palette.Light.Terms[0], TermColor(1))
	assert.Equal(t, palette.Light.Vote, messageColor(view.MsgType(raft.MsgRequestVote)))
	assert.Greater(t, palette.Contrast(colBackground, color.RGBA{A: 0xff}), 19.0, "a light background: near white")
	applyTheme(false)
	assert.False(t, lightTheme())
	assert.Equal(t, palette.Dark.Background, colBackground)
	assert.Equal(t, palette.Dark.Text, colText)
	assert.Equal(t, palette.Dark.Leader, roleColor(view.Role(raft.Leader)))
	assert.Equal(t, palette.Dark.Terms[0], TermColor(1))
	assert.Equal(t, palette.Dark.Client, colClient)
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
	assert.Equal(t, palette.Light.Panel, drawn[1])
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
	assert.Equal(t, palette.Light.Background, colBackground)
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
	require.True(t, slices.Contains(colours(), color.Color(palette.Dark.Text)), "dark text")
	g.setTheme(true)
	assert.True(t, slices.Contains(colours(), color.Color(palette.Light.Text)), "light text")
	assert.False(t, slices.Contains(colours(), color.Color(palette.Dark.Text)), "no dark text left")
}

// TestPaletteIsSetBeforeInit: package variables computed from the palette
// (a legend, a table) see its colours, not zero ones.
func TestPaletteIsSetBeforeInit(t *testing.T) {
	assert.Equal(t, palette.Dark.Vote, colVoteAtInit, "a package variable sees the dark palette")
}

// colVoteAtInit is computed as the package's variables are.
var colVoteAtInit = messageColor(view.MsgType(raft.MsgRequestVote))
