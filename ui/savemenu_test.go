package ui

import (
	"testing"
	"time"

	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// savedFiles is a front end's Save that keeps what it is handed.
type savedFiles struct{ names, data []string }

func (s *savedFiles) save(name string, data []byte) error {
	s.names, s.data = append(s.names, name), append(s.data, string(data))
	return nil
}

// TestSaveMenu opens the save menu with the control and with S, and saves
// each entry: the scenario file, the screen as a PNG, and the last 30 s as
// an animation drawn from a replay of the session.
func TestSaveMenu(t *testing.T) {
	var files savedFiles
	type call struct {
		name, title string
		from, to    int64
		lang        i18n.Lang
		fresh       bool
	}
	calls := make(chan call, 1)
	var g *Game
	picture := func(name, title string, sess view.Session, from, to int64, lang i18n.Lang, light bool) ([]byte, error) {
		calls <- call{name, title, from, to, lang, sess != g.sess && sess.Now() == 0}
		return []byte("GIF89a"), nil
	}
	g = testGameWith(t, Options{Save: files.save, Picture: picture})
	g.press("save")
	require.NotNil(t, g.menu, "the Save control opens the save menu")
	assert.Equal(t, []string{"scenario", "png", "gif", "svg", "diagram"}, itemNames(g.menu))
	clickItem(t, g, "scenario")
	require.Equal(t, []string{"raftlab-session.json"}, files.names)

	g.menu = nil
	g.keyActions()[7].do() // S
	require.NotNil(t, g.menu, "S opens the save menu")
	clickItem(t, g, "png")
	// The screen's pixels are read at the end of the next Draw, which a
	// test without a running game cannot (the browser test does).
	assert.True(t, g.saving.shot, "a picture of the screen is asked for")
	g.saving.shot = false

	g.press("save")
	clickItem(t, g, "svg")
	assert.Equal(t, g.tr("status.picture.empty"), g.status.text, "nothing to draw at time 0")

	g.runTo(45_000)
	g.press("save")
	clickItem(t, g, "gif")
	select {
	case c := <-calls:
		assert.Equal(t, call{"raftlab.gif", g.tr("save.session-name"), 15_000, 45_000, g.lang, true}, c, "the last 30 s, from a replay of its own")
	case <-time.After(10 * time.Second):
		t.Fatal("the animation was not asked for")
	}
	for deadline := time.Now().Add(10 * time.Second); files.names[len(files.names)-1] != "raftlab.gif"; time.Sleep(time.Millisecond) {
		require.True(t, time.Now().Before(deadline), "the animation is saved")
		g.takePicture()
	}
	assert.Equal(t, "GIF89a", files.data[len(files.data)-1])
}
