package ui

import (
	"testing"
	"time"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDiagramClickJumps: D opens the diagram, which shows the messages
// around the present; a click on an arrow selects its message and moves
// the present to the middle of its flight, where the diagram follows; the
// save menu saves the diagram as SVG.
func TestDiagramClickJumps(t *testing.T) {
	var files savedFiles
	type call struct {
		name     string
		from, to int64
	}
	calls := make(chan call, 1)
	picture := func(name, title string, sess view.Session, from, to int64, lang i18n.Lang, light bool) ([]byte, error) {
		calls <- call{name, from, to}
		return []byte("<svg/>"), nil
	}
	g := testGameWith(t, Options{Save: files.save, Picture: picture})
	g.runTo(3000)
	g.clock = float64(g.sess.Now())
	g.toggleDiagram()
	screen := ebiten.NewImage(1280, 800)
	g.Draw(screen)
	st := g.diagramState()
	require.True(t, st.Open)
	require.Positive(t, st.Arrows)
	hits := g.diagram.hits()
	h := hits[len(hits)/2]
	g.click((h.x1+h.x2)/2, (h.y1+h.y2)/2, false)
	assert.Equal(t, h.arrow.Flight, g.diagram.selected)
	assert.Equal(t, h.arrow.SendAt+(h.arrow.EndAt-h.arrow.SendAt)/2, g.sess.Now(), "the present moves to the middle of its flight")
	assert.True(t, g.paused)
	g.Draw(screen)
	from, to := g.diagram.window()
	assert.True(t, from < g.sess.Now() && g.sess.Now() < to, "the diagram follows the present")
	_, ok := g.diagram.selectedArrow()
	assert.True(t, ok, "the selected message is still drawn")

	g.press("save")
	clickItem(t, g, "diagram")
	c := <-calls
	assert.Equal(t, call{"raftlab-diagram.svg", from, g.sess.Now()}, c, "the stretch the panel shows, up to the present")
	require.Eventually(t, func() bool { g.takePicture(); return len(files.names) == 1 }, 5*time.Second, 10*time.Millisecond)
	assert.Equal(t, []string{"raftlab-diagram.svg"}, files.names)
}
