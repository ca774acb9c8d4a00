package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestTopBarNamesTheLessonWhole: in a lesson the top bar shows the
// lesson's number and whole title where it fits, else "Lesson N", else
// nothing; never a title cut with "…". At 1280 wide it is whole, and at
// 1024 and 800 wide (the browser's bar, with Open) the number shows.
func TestTopBarNamesTheLessonWhole(t *testing.T) {
	g := testGame(t, "")
	g.openLessons()
	for i, l := range g.lesson.all {
		g.startLesson(i)
		require.NotNil(t, g.lesson.run, "lesson %d runs", l.Number)
		full, short := fmt.Sprintf("Lesson %d · %s", l.Number, l.Title), fmt.Sprintf("Lesson %d", l.Number)
		for _, size := range screenSizes {
			g.w, g.h = size[0], size[1]
			g.lay = computeLayout(g.w, g.h, 1, g.world().Nodes(), true)
			name := g.barName()
			assert.NotContains(t, name, "…", "%v: %q", size, name)
			assert.Contains(t, []string{full, short, ""}, name, "%v", size)
			assert.LessOrEqual(t, textWidth(name, controlFace(1)), g.barRoom(), "%v: %q fits", size, name)
			switch {
			case size[0] == 1280:
				assert.Equal(t, full, name, "%v", size)
			case l.Number < 10:
				assert.True(t, strings.HasPrefix(name, short), "%v: %q names the lesson", size, name)
			}
		}
	}
}
