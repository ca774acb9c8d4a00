package ui

import (
	"fmt"
	"testing"

	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// welcomeGame is a first visit's game at a size, its preferences in st.
func welcomeGame(t *testing.T, st Store, opts Options, w, h int) *Game {
	t.Helper()
	opts.Prefs = st
	g := testGameWith(t, opts)
	sizeGame(g, w, h)
	return g
}

// TestWelcomeShowsOnceOnTheSandbox: a first visit to the sandbox is
// greeted; either answer, or Esc, is remembered; a lesson or scenario
// link, a returning visitor and a run without a store are not greeted.
func TestWelcomeShowsOnceOnTheSandbox(t *testing.T) {
	for _, answer := range []string{"welcome-explore", "welcome-course", "esc"} {
		st := &memStore{}
		g := welcomeGame(t, st, Options{}, 1024, 768)
		require.True(t, g.welcome.welcomeShown(), answer)
		if answer == "esc" {
			g.escape()
		} else {
			b, ok := findButton(g.welcome.welcomeLaidOut().buttons, answer)
			require.True(t, ok)
			g.click(b.Rect.CenterX(), b.Rect.CenterY(), false)
		}
		assert.False(t, g.welcome.welcomeShown(), answer)
		assert.Equal(t, answer == "welcome-course", g.lesson != nil && g.lesson.run != nil && g.lesson.run.Lesson().Number == 1, "%s: only the course opens lesson 1", answer)
		assert.False(t, wantsWelcome(Options{Prefs: st}, loadPrefs(st)), "%s: the next visit is not greeted", answer)
	}
	sc, err := playground.LoadBundled("initial-election")
	require.NoError(t, err)
	assert.False(t, welcomeGame(t, &memStore{}, Options{Scenario: sc}, 1024, 768).welcome.welcomeShown(), "a scenario link")
	assert.False(t, welcomeGame(t, &memStore{}, Options{Lesson: 2}, 1024, 768).welcome.welcomeShown(), "a lesson link")
	assert.False(t, welcomeGame(t, &memStore{data: []byte(`{"welcomed":true}`)}, Options{}, 1024, 768).welcome.welcomeShown(), "a returning visitor")
	assert.False(t, testGameWith(t, Options{}).welcome.welcomeShown(), "no store to remember the answer in")
}

// TestWelcomeLeavesTheClusterInView: at every size, in every language, the card is inside the
// right-hand column, clear of the cluster, the top bar and every control a
// learner needs in the first minute (the feed's filters at 800x600), and
// its text and controls are inside the card.
func TestWelcomeLeavesTheClusterInView(t *testing.T) {
	for _, c := range [][3]int{{800, 600, 0}, {1024, 768, 0}, {1280, 800, 0}, {800, 600, 1}, {1024, 768, 1}, {1280, 800, 1}} {
		size, lang := c[:2], i18n.Langs[c[2]]
		name := fmt.Sprintf("%dx%d %s", size[0], size[1], lang)
		g := welcomeGame(t, &memStore{}, Options{}, size[0], size[1])
		g.SetLang(lang)
		v := g.welcome.welcomeLaidOut()
		assert.False(t, overlaps(v.box, g.lay.Cluster), "%s: the card covers the cluster", name)
		assert.True(t, insideRect(v.box, g.lay.Side), "%s: the card is in the right-hand column", name)
		assert.False(t, overlaps(v.box, g.lay.TopBar), "%s: the card covers the top bar", name)
		for _, bs := range [][]Button{g.lay.Buttons, g.feed.feedButtons(), g.client.clientButtons(), g.partitionButtons()} {
			for _, b := range bs {
				assert.False(t, overlaps(v.box, b.Rect), "%s: the card covers %s", name, b.Name)
			}
		}
		for _, b := range v.buttons {
			assert.True(t, insideRect(b.Rect, v.box), "%s: %s is on the card", name, b.Name)
			assert.GreaterOrEqual(t, b.Rect.W, textWidth(b.Label, welcomeButtonFace(b, 1))+8, "%s: %s's label fits", name, b.Name)
		}
		assert.False(t, overlaps(v.buttons[0].Rect, v.buttons[1].Rect), "%s: the card's controls overlap", name)
		for _, ln := range v.lines {
			assert.LessOrEqual(t, ln.x+textWidth(ln.s, ln.f), v.box.X+v.box.W, "%s: %q fits the card", name, ln.s)
			assert.Less(t, ln.y, v.box.Y+v.box.H, "%s: %q is on the card", name, ln.s)
		}
	}
}

// TestWelcomeChoosesTheLanguage: the card's last line offers the languages
// by their own names, side by side and clear of the card's other controls
// at every size; a click switches the app's language and keeps it, and the
// card stays for its answer.
func TestWelcomeChoosesTheLanguage(t *testing.T) {
	for _, size := range [][2]int{{800, 600}, {1024, 768}, {1280, 800}} {
		name := fmt.Sprintf("%dx%d", size[0], size[1])
		g := welcomeGame(t, &memStore{}, Options{}, size[0], size[1])
		v := g.welcome.welcomeLaidOut()
		var langs []Button
		for i, b := range v.buttons {
			if v.langs[i] != "" {
				langs = append(langs, b)
			}
		}
		require.Len(t, langs, 2, name)
		assert.Equal(t, []string{"English", "中文"}, []string{langs[0].Label, langs[1].Label}, name)
		assert.LessOrEqual(t, langs[0].Rect.X+langs[0].Rect.W, langs[1].Rect.X, "%s: side by side", name)
		for _, l := range langs {
			for _, b := range v.buttons[:2] {
				assert.False(t, overlaps(l.Rect, b.Rect), "%s: %s covers %s", name, l.Name, b.Name)
			}
		}
	}

	st := &memStore{}
	g := welcomeGame(t, st, Options{}, 800, 600)
	b, ok := findButton(g.welcome.welcomeLaidOut().buttons, "welcome-lang-zh-CN")
	require.True(t, ok)
	g.click(b.Rect.CenterX(), b.Rect.CenterY(), false)
	assert.Equal(t, i18n.Chinese, g.lang)
	assert.Equal(t, "zh-CN", g.prefs.Lang)
	assert.True(t, g.welcome.welcomeShown(), "the card stays for its answer")
	assert.False(t, g.prefs.Welcomed)
	b, ok = findButton(g.welcome.welcomeLaidOut().buttons, "welcome-lang-en")
	require.True(t, ok)
	g.click(b.Rect.CenterX(), b.Rect.CenterY(), false)
	assert.Equal(t, i18n.English, g.lang)
	assert.Equal(t, "en", g.prefs.Lang)
	assert.True(t, g.welcome.welcomeShown())
}

func insideRect(r, in Rect) bool {
	return r.X >= in.X && r.Y >= in.Y && r.X+r.W <= in.X+in.W && r.Y+r.H <= in.Y+in.H
}
