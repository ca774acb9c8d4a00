package ui

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/raftlab/raftlab/internal/lab"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// openedGame is a game opened on a link, run until it shows the link's
// moment (an update at a time, as the app does).
func openedGame(t *testing.T, l *view.Link) *Game {
	t.Helper()
	g := testGameWith(t, Options{Link: l})
	for i := 0; g.opening > 0; i++ {
		require.Less(t, i, 10_000, "the link opens")
		require.NoError(t, g.Update())
	}
	return g
}

// sharer is a Share that keeps the last link it was handed.
type sharer struct{ link string }

func (s *sharer) share(fragment string) (string, error) {
	s.link = fragment
	return "", nil
}

// TestShareLinkReopens: after writes, a crash, a cut link, a rewind and a
// fork, the Share control hands out a link; a new game opened on it shows
// the same state, paused at the same moment, at the same speed.
func TestShareLinkReopens(t *testing.T) {
	var sh sharer
	g := testGameWith(t, Options{Share: sh.share})
	g.RunFor(800)
	g.clientWrite()
	g.act(view.Action{Do: "crash", Node: 2})
	g.act(view.Action{Do: "cut", From: 1, To: 3})
	g.RunFor(700)
	g.clientWrite()
	g.RunFor(500)
	g.SeekTo(1700) // back in time, then a fork from there
	g.act(view.Action{Do: "restart", Node: 2})
	g.RunFor(321)
	g.faster()
	g.paused = true
	g.pressTop(topShare)
	require.NotEmpty(t, sh.link, "the link was handed out")
	assert.Equal(t, g.tr("status.share.address-bar"), g.status.text)
	assert.Less(t, len(sh.link), MaxShareLinkBytes)

	l, err := lab.New().DecodeLink("https://raftlab.example/#" + sh.link)
	require.NoError(t, err)
	opened := openedGame(t, &l)
	assert.Equal(t, sharedState(t, g), sharedState(t, opened))
	assert.Equal(t, g.sess.Now(), opened.sess.Now())
	assert.True(t, opened.paused)
	assert.Contains(t, opened.status.text, "opened a shared link at 2.021 s")

	// Played on, both run the same: the link's scenario is not cut short.
	g.RunFor(2000)
	opened.RunFor(2000)
	assert.Equal(t, sharedState(t, g), sharedState(t, opened))
}

// sharedState is what a share link reproduces: the state the browser
// tests read, but for the status line (which says the link was made, or
// opened).
func sharedState(t *testing.T, g *Game) map[string]any {
	t.Helper()
	data, err := g.StateJSON()
	require.NoError(t, err)
	var st map[string]any
	require.NoError(t, json.Unmarshal(data, &st))
	delete(st, "status")
	return st
}

// TestShareLesson: in a lesson the link names the lesson and the step, and
// opens them, in the sharer's language unless the reader asks for another.
func TestShareLesson(t *testing.T) {
	var sh sharer
	g := testGameWith(t, Options{Share: sh.share, Lesson: 3, Step: 2, Lang: i18n.Chinese})
	g.share()
	l, err := lab.New().DecodeLink(sh.link)
	require.NoError(t, err)
	assert.Equal(t, [2]int{3, 2}, [2]int{l.Lesson, l.Step})
	assert.Equal(t, i18n.Chinese, l.Lang)
	opened := openedGame(t, &l)
	require.NotNil(t, opened.lesson)
	require.NotNil(t, opened.lesson.run)
	assert.Equal(t, 3, opened.lesson.run.Lesson().Number)
	assert.Equal(t, 1, opened.lesson.run.Index())
	assert.Equal(t, i18n.Chinese, opened.lang)
	english := testGameWith(t, Options{Link: &l, Lang: i18n.English})
	assert.Equal(t, i18n.English, english.lang, "the reader's ?lang= wins")
}

// TestShareTooLong: a session whose link would be longer than a URL can
// safely be is saved as a file instead, and the status line says why.
func TestShareTooLong(t *testing.T) {
	var sh sharer
	var saved []byte
	g := testGameWith(t, Options{Share: sh.share, Save: func(_ string, data []byte) error { saved = data; return nil }})
	for i := range 3000 {
		g.act(view.Action{Do: "put", Key: "k" + strings.Repeat("x", i%50), Value: strings.Repeat("v", 1+i%97)})
		g.RunFor(3)
	}
	g.share()
	assert.Empty(t, sh.link, "no link")
	require.NotEmpty(t, saved, "a file instead")
	assert.Contains(t, g.status.text, "longer than a URL can safely be (8 KB)")

	g = testGameWith(t, Options{})
	g.share()
	assert.Equal(t, g.tr("status.share.unavailable"), g.status.text)
}

// TestLinkOpensInSlices: a link to a late moment of a busy run opens over
// several updates, saying how far it is, to the same state as at once;
// Esc stops it where it is, and the app answers meanwhile.
func TestLinkOpensInSlices(t *testing.T) {
	sc, err := lab.New().ParseScenario([]byte(`{"name": "busy", "nodes": 9, "until": 600000,
		"timing": {"heartbeatMs": 5}, "steps": [{"at": 10, "do": "load", "rate": 100, "forMs": 500000, "clients": 20}]}`))
	require.NoError(t, err)
	l := view.Link{Scenario: sc, AtMs: 30_000}
	g := testGameWith(t, Options{Link: &l})
	require.Greater(t, g.opening, int64(0), "not opened within one update")
	assert.False(t, g.Ready())
	require.NoError(t, g.Update())
	assert.Regexp(t, `^opening the link: \d+%. Esc stops here$`, g.status.text)
	opened := openedGame(t, &l)
	assert.Equal(t, int64(30_000), opened.sess.Now())
	direct := testGameWith(t, Options{Scenario: sc})
	direct.SeekTo(30_000)
	want, got := sharedState(t, direct), sharedState(t, opened)
	for _, st := range []map[string]any{want, got} {
		delete(st, "paused")
	}
	assert.Equal(t, want, got, "the same run however it is cut")

	g.stopOpening()
	assert.Zero(t, g.opening)
	assert.Contains(t, g.status.text, "stopped opening the link at")
}
