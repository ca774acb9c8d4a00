package ui

import (
	"fmt"
	"math"
	"slices"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// presentingGame is a game in presenter mode on a w x h screen (the
// host's scale 1), in a language; the palette is given back at the end.
func presentingGame(t *testing.T, w, h int, lang i18n.Lang) *Game {
	t.Helper()
	g := testGameWith(t, Options{Lang: lang})
	t.Cleanup(func() { applyPresentTheme(false) })
	g.screen = screenSize{w, h, 1}
	g.SetPresenting(true)
	require.True(t, g.Presenting())
	return g
}

// within reports whether r lies within in, but for rounding.
func within(r, in Rect) bool {
	return inside(r, Rect{in.X - 0.01, in.Y - 0.01, in.W + 0.02, in.H + 0.02})
}

// checkPresentLayout checks that nothing on screen overlaps or is cut: the
// regions tile the screen, the top bar's controls and the more menu are
// whole and apart, the nodes and their labels are inside the cluster area
// and apart, and an open lesson's text and controls are inside its panel,
// apart, and clear of the safety strip.
func checkPresentLayout(t *testing.T, g *Game, name string) {
	t.Helper()
	l := g.lay
	regions := map[string]Rect{"top": l.TopBar, "cluster": l.Cluster, "logs": l.Logs, "side": l.Side, "timeline": l.Timeline}
	area := 0.0
	for an, a := range regions {
		area += a.W * a.H
		assert.True(t, within(a, l.Screen), "%s: %s is on screen", name, an)
		for bn, b := range regions {
			if an < bn {
				assert.False(t, a.Inset(0.01).overlaps(b), "%s: %s overlaps %s", name, an, bn)
			}
		}
	}
	assert.InDelta(t, l.Screen.W*l.Screen.H, area, 1, "%s: the regions tile the screen", name)
	for i, b := range l.Buttons {
		assert.True(t, within(b.Rect, l.TopBar), "%s: %s is inside the top bar", name, b.Name)
		assert.GreaterOrEqual(t, b.Rect.W, textWidth(b.Label, controlFace(g.scale)), "%s: %s's label fits", name, b.Name)
		assert.False(t, b.Rect.overlaps(l.Title), "%s: %s covers the title", name, b.Name)
		for _, c := range l.Buttons[i+1:] {
			assert.False(t, b.Rect.overlaps(c.Rect), "%s: %s overlaps %s", name, b.Name, c.Name)
		}
	}
	assert.LessOrEqual(t, g.logs.rowY(len(l.Nodes)-1)+g.logs.rowH(), l.Logs.Y+l.Logs.H, "%s: the logs' last row is whole", name)
	for _, b := range l.More {
		assert.True(t, within(b.Rect, l.Screen), "%s: the more menu's %s is on screen", name, b.Name)
	}
	for i, a := range l.Nodes {
		lb := a.labelBox(g.scale)
		assert.True(t, within(Rect{a.X - a.R, a.Y - a.R, 2 * a.R, 2 * a.R}, l.Cluster), "%s: S%d is inside the cluster area", name, a.ID)
		assert.True(t, within(lb, l.Cluster), "%s: S%d's labels are inside the cluster area", name, a.ID)
		for _, b := range l.Nodes[i+1:] {
			assert.Greater(t, math.Hypot(a.X-b.X, a.Y-b.Y), a.R+b.R, "%s: S%d and S%d overlap", name, a.ID, b.ID)
			assert.False(t, lb.overlaps(b.labelBox(g.scale)), "%s: the labels of S%d and S%d overlap", name, a.ID, b.ID)
		}
	}
	if g.lesson == nil {
		return
	}
	panel := g.lessonArea()
	assert.True(t, within(panel, l.Side), "%s: the lesson panel is in the side column", name)
	assert.LessOrEqual(t, panel.Y+panel.H, g.safety.safetyStrip().Y+0.01, "%s: the lesson panel ends above the safety strip", name)
	d := layoutLesson(t, g) // CSS pixels: the host's scale is 1
	for _, tb := range d.Texts {
		assert.LessOrEqual(t, tb.X+tb.W, panel.X+panel.W+0.5, "%s: %q stays inside the panel", name, tb.Text)
		assert.GreaterOrEqual(t, tb.X, panel.X, "%s: %q stays inside the panel", name, tb.Text)
	}
	bs := g.lessonButtons()
	for i, b := range bs {
		assert.True(t, within(b.Rect, panel), "%s: %s is inside the lesson panel", name, b.Name)
		for _, c := range bs[i+1:] {
			assert.False(t, b.Rect.overlaps(c.Rect), "%s: %s overlaps %s", name, b.Name, c.Name)
		}
	}
}

// TestPresentLayoutFits: in presenter mode at 1920x1080 (zoomed twice)
// and 1280x720 (a third), in English and Chinese, in free play, with the
// feed shown, and with a lesson open, nothing overlaps or is cut.
func TestPresentLayoutFits(t *testing.T) {
	withCJKFont(t)
	for _, size := range []struct {
		w, h int
		zoom float64
	}{{1920, 1080, 2}, {1280, 720, 4.0 / 3}} {
		for _, lang := range []i18n.Lang{i18n.English, i18n.Chinese} {
			name := fmt.Sprintf("%s %dx%d", lang, size.w, size.h)
			g := presentingGame(t, size.w, size.h, lang)
			assert.InDelta(t, size.zoom, g.scale, 1e-9, "%s: the zoom", name)
			assert.Zero(t, g.feed.feedArea().H, "%s: the feed is hidden", name)
			assert.Equal(t, g.lay.Side.H, g.lay.Safety.H, "%s: the safety monitor takes the column", name)
			checkPresentLayout(t, g, name+" free play")

			g.togglePresentPanels()
			g.settle()
			assert.Positive(t, g.feed.feedArea().H, "%s: F shows the feed", name)
			checkPresentLayout(t, g, name+" with the feed")
			g.togglePresentPanels()

			for _, at := range [][2]int{{3, 2}, {4, 2}, {19, 7}} {
				require.NoError(t, g.OpenLesson(at[0], at[1]))
				assert.Zero(t, g.feed.feedArea().H, "%s: the feed is hidden under a lesson", name)
				checkPresentLayout(t, g, fmt.Sprintf("%s lesson %d step %d", name, at[0], at[1]))
			}
		}
	}
}

// TestPresentTextTwiceAsLarge: at 1920x1080 presenter mode draws the
// lesson's text, the top bar and the nodes at twice their normal size,
// and turning it off gives the normal size and the chosen theme back.
func TestPresentTextTwiceAsLarge(t *testing.T) {
	g := testGame(t, "")
	g.screen = screenSize{1920, 1080, 1}
	require.NoError(t, g.OpenLesson(3, 2))
	line := func() float64 {
		d := layoutLesson(t, g)
		require.NotEmpty(t, d.Texts)
		return d.Texts[0].H
	}
	normal, bar, node := line(), g.lay.TopBar.H, g.lay.Nodes[0].R
	t.Cleanup(func() { applyPresentTheme(false) })
	g.SetPresenting(true)
	assert.Equal(t, "presenter", themeName())
	assert.GreaterOrEqual(t, line(), 2*normal, "the lesson's text")
	assert.GreaterOrEqual(t, g.lay.TopBar.H, 2*bar, "the top bar")
	assert.Greater(t, g.lay.Nodes[0].R, node, "the nodes")
	g.SetPresenting(false)
	assert.Equal(t, "dark", themeName())
	assert.InDelta(t, normal, line(), 0.01)
}

// pressKey carries out what the keyboard shortcut on k does now, and
// reports whether there is one.
func pressKey(g *Game, k ebiten.Key) bool {
	for _, ka := range g.keyActions() {
		if slices.Contains(ka.keys, k) {
			ka.do()
			g.settle()
			return true
		}
	}
	return false
}

// TestPresentClicker: in presenter mode Page Down and Page Up (and the
// arrows) step a lesson forward and back, and the simulation outside one;
// outside presenter mode they keep their meaning (the right arrow runs to
// the next event; Page Down scrolls the lesson panel, which is not a
// shortcut).
func TestPresentClicker(t *testing.T) {
	g := testGame(t, "")
	require.NoError(t, g.OpenLesson(3, 2))
	assert.False(t, pressKey(g, ebiten.KeyPageDown), "no clicker outside presenter mode")
	assert.True(t, pressKey(g, ebiten.KeyF5))
	t.Cleanup(func() { applyPresentTheme(false) })
	require.True(t, g.Presenting())
	step := func() int { return stateLesson(t, g).Step }
	pressKey(g, ebiten.KeyPageDown)
	assert.Equal(t, 3, step(), "Page Down: the next step")
	pressKey(g, ebiten.KeyArrowRight)
	assert.Equal(t, 4, step(), "the right arrow too")
	pressKey(g, ebiten.KeyPageUp)
	assert.Equal(t, 3, step(), "Page Up: the step before")
	assert.True(t, g.clickerKey(ebiten.KeyPageDown), "the clicker's keys do not scroll the panel")

	g.closeLesson()
	g.paused = false
	before := g.sess.Now()
	pressKey(g, ebiten.KeyPageDown)
	assert.True(t, g.paused, "outside a lesson, the simulation steps")
	assert.Greater(t, g.sess.Now(), before)
	after := g.sess.Now()
	pressKey(g, ebiten.KeyArrowLeft)
	assert.Less(t, g.sess.Now(), after, "and steps back")

	pressKey(g, ebiten.KeyB)
	assert.True(t, g.present.blank, "B blanks the screen")
	assert.True(t, presentLayer{g}.press(10, 10, false), "a press ends it, and does nothing else")
	assert.False(t, g.present.blank)
	pressKey(g, ebiten.KeyH)
	assert.True(t, g.present.spotlight, "H: the spotlight")

	pressKey(g, ebiten.KeyF5)
	assert.False(t, g.Presenting())
	assert.False(t, g.clickerKey(ebiten.KeyPageDown))
	assert.False(t, pressKey(g, ebiten.KeyB), "B is presenter mode's")
	before = g.sess.Now()
	pressKey(g, ebiten.KeyArrowRight)
	assert.Greater(t, g.sess.Now(), before, "the right arrow runs to the next event again")
}

// TestPresentSettingsSwitch: the settings dialog's switch turns presenter
// mode on and off, and full screen with it; it is not kept as a
// preference.
func TestPresentSettingsSwitch(t *testing.T) {
	var full []bool
	g := testGameWith(t, Options{Fullscreen: func(on bool) { full = append(full, on) }})
	t.Cleanup(func() { applyPresentTheme(false) })
	g.openSettings()
	press := func() {
		for _, c := range g.settingsControls() {
			if c.Name == presentControlName {
				g.pressSettings(c.row, c.step)
				return
			}
		}
		t.Fatal("no presenter mode switch")
	}
	press()
	assert.True(t, g.Presenting())
	require.NotNil(t, g.settings, "the dialog stays open")
	press()
	assert.False(t, g.Presenting())
	assert.Equal(t, []bool{true, false}, full, "full screen follows")
	assert.Empty(t, g.prefs.Theme, "not a preference")
}

// TestPresentDialogsFit: in presenter mode at 1920x1080 and 1280x720, in
// English and Chinese, the settings dialog's rows hold their
// explanations, its controls are apart and inside it, and the help is
// on screen.
func TestPresentDialogsFit(t *testing.T) {
	withCJKFont(t)
	for _, size := range [][2]int{{1920, 1080}, {1280, 720}} {
		for _, lang := range []i18n.Lang{i18n.English, i18n.Chinese} {
			name := fmt.Sprintf("%s %dx%d", lang, size[0], size[1])
			g := presentingGame(t, size[0], size[1], lang)
			g.openSettings()
			s, box := g.scale, g.settingsBox()
			assert.True(t, within(box, g.lay.Screen), "%s: the dialog is on screen", name)
			explains := []string{g.tr(themeExplainKey), g.tr(langExplainKey)}
			for _, r := range settingsRows {
				explains = append(explains, g.tr(r.explainKey()))
			}
			for i, explain := range explains {
				lines := g.settingsExplainLines(explain)
				assert.LessOrEqual(t, (float64(len(lines)-1)*settingsExplainH+11)*s, g.settingsRow(i).H, "%s: row %d holds its lines", name, i)
			}
			bs := g.settingsButtons()
			title := Rect{box.X + 20*s, box.Y + 22*s - 8*s, textWidth(g.tr("settings.title"), face(16*s, true)), 16 * s}
			for i, b := range bs {
				assert.True(t, within(b.Rect, box), "%s: %s is inside the dialog", name, b.Name)
				assert.False(t, b.Rect.overlaps(title), "%s: %s covers the title", name, b.Name)
				for _, c := range bs[i+1:] {
					assert.False(t, b.Rect.overlaps(c.Rect), "%s: %s overlaps %s", name, b.Name, c.Name)
				}
			}
			g.settings = nil
			g.help.open = true
			assert.True(t, within(g.help.helpLaidOut().box, g.lay.Screen), "%s: the help is on screen", name)
		}
	}
}
