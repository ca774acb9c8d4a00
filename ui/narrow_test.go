package ui

import (
	"strings"
	"testing"

	"github.com/raftlab/raftlab/playground/view"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sizeGame lays g out on a w x h screen.
func sizeGame(g *Game, w, h int) {
	g.w, g.h = w, h
	g.lay = computeLayout(w, h, 1, g.view().IDs(), false)
	if g.lesson != nil {
		g.lesson.viewKey = nil
	}
}

// TestPredictPromptWraps: at 1024 pixels wide, the line under a predict
// step's choices wraps like the narration instead of being cut short (the
// screen is tall so that the whole step is laid out).
func TestPredictPromptWraps(t *testing.T) {
	g := testGame(t, "")
	require.NoError(t, g.OpenLesson(4, 2))
	require.Equal(t, "predict", stateLesson(t, g).Kind)
	sizeGame(g, 1024, 2000)
	d := layoutLesson(t, g)
	var all strings.Builder
	for _, tb := range d.Texts {
		assert.False(t, strings.HasSuffix(tb.Text, "…"), "%q is cut short", tb.Text)
		assert.LessOrEqual(t, tb.X+tb.W, d.Panel.X+d.Panel.W, "%q stays inside the panel", tb.Text)
		all.WriteString(tb.Text + " ")
	}
	assert.Contains(t, strings.Join(strings.Fields(all.String()), " "), "Choose an answer: the simulation runs once you have.")
}

// TestSafetyStripHeadFits: the safety strip's head under a lesson is never
// cut short at 1024x768: the green line fits on one line, and the longer
// red one wraps, with the red light's row below it.
func TestSafetyStripHeadFits(t *testing.T) {
	g := testGame(t, "stale-read")
	g.openLessons()
	sizeGame(g, 1024, 768)
	width := g.lay.Side.W - 40*g.scale
	fits := func() []string {
		head, _ := g.safety.stripHead()
		for _, ln := range head {
			assert.LessOrEqual(t, textWidth(ln, face(12*g.scale, true)), width, "%q fits the strip", ln)
			assert.False(t, strings.HasSuffix(ln, "…"))
		}
		return head
	}
	g.SeekTo(1400)
	assert.Equal(t, []string{"Safety: all 9 properties hold, no stale reads"}, fits())
	one := g.safety.safetyStrip()

	g.SeekTo(3000)
	require.Len(t, g.world().StaleReads(), 1)
	head := fits()
	require.Len(t, head, 2, "the red head wraps")
	assert.Contains(t, strings.Join(head, " "), "but a read was stale (click: when)")
	strip := g.safety.safetyStrip()
	assert.Greater(t, strip.H, one.H+stripRowH*g.scale, "the strip grows by the red row and the head's second line")
	row := g.safety.stripRowRect(strip, 0)
	assert.GreaterOrEqual(t, row.Y, strip.Y+(stripHeadH+stripHeadLineH)*g.scale, "the row is below the head")
	assert.LessOrEqual(t, row.Y+row.H, strip.Y+strip.H)
	assert.Equal(t, view.NoStaleReads, g.safety.redLights()[0].name)
}

// TestCardOpenerClearsTheStepStrip: the Safety card control keeps clear of
// the row of steps, even when a lesson's twelve steps fill the row.
func TestCardOpenerClearsTheStepStrip(t *testing.T) {
	g := testGame(t, "")
	require.NoError(t, g.OpenLesson(19, 7))
	sizeGame(g, 1024, 768)
	var card Button
	var steps []Button
	for _, b := range g.lessonButtons() {
		switch {
		case b.Name == "lesson-card":
			card = b
		case strings.HasPrefix(b.Name, "lesson-step-"):
			steps = append(steps, b)
		}
	}
	require.NotEmpty(t, card.Name)
	require.GreaterOrEqual(t, len(steps), 12)
	for _, s := range steps {
		assert.Less(t, card.Rect.Y+card.Rect.H, s.Rect.Y, "the card control ends above %s", s.Name)
	}
}
