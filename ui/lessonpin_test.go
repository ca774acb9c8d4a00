package ui

import (
	"fmt"
	"testing"

	"github.com/raftlab/raftlab/lessons"
	"github.com/raftlab/raftlab/lessons/doc"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestPredictChoicesAlwaysShown: at 1024x768 and 1280x800, every predict
// step of every bundled lesson shows all its question's choices as the
// step opens, laid out whole inside the lesson panel (pinned under the
// text, or the text scrolled up to them). At 800x600 the first shows at
// once, and in a panel too short for them all the rest are a scroll away,
// with nothing to unfold.
func TestPredictChoicesAlwaysShown(t *testing.T) {
	all, err := lessons.All()
	require.NoError(t, err)
	for _, size := range [][2]int{{800, 600}, {1024, 768}, {1280, 800}} {
		for _, l := range all {
			for i, st := range l.Steps {
				if st.Kind != doc.Predict {
					continue
				}
				name := fmt.Sprintf("%dx%d lesson %d step %d", size[0], size[1], l.Number, i+1)
				g := testGame(t, "")
				sizeGame(g, size[0], size[1])
				require.NoError(t, g.OpenLesson(l.Number, i+1), name)
				a := g.lessonArea()
				bs := g.lessonButtons()
				_, first := findButton(bs, "lesson-choice-1")
				assert.True(t, first, "%s: the first choice shows as the step opens", name)
				for k := range st.Choices {
					b, ok := findButton(bs, fmt.Sprintf("lesson-choice-%d", k+1))
					for n := 0; !ok && size[0] == 800 && n < 60; n++ {
						// Too short a panel: the choice is a scroll
						// down (a wheel notch at a time), with nothing
						// to unfold.
						g.lesson.scroll += 20
						bs = g.lessonButtons()
						b, ok = findButton(bs, fmt.Sprintf("lesson-choice-%d", k+1))
					}
					if !assert.True(t, ok, "%s: choice %d is not shown", name, k+1) {
						continue
					}
					assert.True(t, b.Rect.Y >= a.Y && b.Rect.Y+b.Rect.H <= a.Y+a.H, "%s: choice %d (%v) runs out of the panel %v", name, k+1, b.Rect, a)
					if more, ok := findButton(bs, "lesson-more"); ok {
						assert.False(t, more.Rect.overlaps(b.Rect), "%s: more covers choice %d", name, k+1)
					}
				}
			}
		}
	}
}

// TestPredictAnswerStaysShown: once answered, the wait strip takes room
// from the panel; the learner's answer stays in view at 1024x768 and
// 800x600.
func TestPredictAnswerStaysShown(t *testing.T) {
	for _, size := range [][2]int{{800, 600}, {1024, 768}} {
		for _, c := range [][2]int{{3, 2}, {13, 10}, {17, 9}} {
			name := fmt.Sprintf("%dx%d lesson %d step %d", size[0], size[1], c[0], c[1])
			g := testGame(t, "")
			sizeGame(g, size[0], size[1])
			require.NoError(t, g.OpenLesson(c[0], c[1]), name)
			clickButton(t, g, g.lessonButtons(), "lesson-choice-1")
			found := false
			for _, tx := range g.lessonLaidOut().texts {
				found = found || tx.s == "your answer"
			}
			assert.True(t, found, "%s: the answer is marked in view", name)
		}
	}
}
