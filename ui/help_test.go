package ui

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestHelpFitsWithItsLegend: at 800x600, 1024x768 and 1280x800 the help
// overlay is on screen with every line and swatch inside it, and its
// legend names every role, the timer, the term, the disk, both kinds of
// log entry and every kind of message.
func TestHelpFitsWithItsLegend(t *testing.T) {
	for _, size := range [][2]int{{800, 600}, {1024, 768}, {1280, 800}} {
		name := fmt.Sprintf("%dx%d", size[0], size[1])
		g := testGame(t, "")
		sizeGame(g, size[0], size[1])
		v := g.helpLaidOut()
		assert.True(t, insideRect(v.box, g.lay.Screen), "%s: the help is on screen", name)
		assert.True(t, insideRect(v.lessons.Rect, v.box), "%s: its Lessons control is in it", name)
		legend := map[string]bool{}
		for _, it := range v.items {
			if it.kind == helpText {
				w := textWidth(it.text, face(it.size, it.bold))
				assert.True(t, insideRect(Rect{it.r.X, it.r.Y - it.size/2, w, it.size}, v.box), "%s: %q is inside the help", name, it.text)
			} else {
				assert.True(t, insideRect(it.r, v.box), "%s: the swatch of %s is inside the help", name, it.legend)
			}
			if it.legend != "" {
				legend[it.legend] = true
			}
		}
		for _, want := range []string{"role follower", "role pre-candidate", "role candidate", "role leader", "role crashed",
			"election timer", "term", "disk", "committed entry", "uncommitted entry"} {
			assert.True(t, legend[want], "%s: the legend shows %s", name, want)
		}
		for _, m := range messageLegend() {
			assert.True(t, legend["message "+m.Name], "%s: the legend shows the message %s", name, m.Name)
		}
	}
}

// TestHelpOpensTheCourse: the help's Lessons control closes the help and
// opens the list of lessons; a click elsewhere only closes the help.
func TestHelpOpensTheCourse(t *testing.T) {
	g := testGame(t, "")
	g.press("help")
	require.True(t, g.help)
	g.click(5, float64(g.h)-5, false)
	assert.False(t, g.help)
	assert.Nil(t, g.lesson, "a click elsewhere opens nothing")
	g.press("help")
	b := g.helpLaidOut().lessons
	g.click(b.Rect.CenterX(), b.Rect.CenterY(), false)
	assert.False(t, g.help)
	require.NotNil(t, g.lesson, "the list of lessons is open")
}
