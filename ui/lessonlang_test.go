package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/raftlab/raftlab/lessons/doc"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// playStepToEnd plays the lesson's current step to its end as a learner
// who does what is asked: show me, the right answer, Play.
func playStepToEnd(t *testing.T, g *Game) {
	t.Helper()
	r := g.lesson.run
	switch r.Step().Kind {
	case doc.Do:
		g.pressLesson("lesson-showme")
	case doc.Predict:
		g.pressLesson(fmt.Sprintf("lesson-choice-%d", r.Step().Answer+1))
	}
	g.paused = false
	for n := 0; !r.Play().Done() && n < 2000; n++ {
		g.RunFor(50)
	}
	require.True(t, r.Play().Done(), "lesson %d step %d is done", r.Lesson().Number, r.Index()+1)
}

// TestLessonControlsFitInEveryLanguage: at 1280x800, 1024x768 and
// 800x600, in English and in Chinese, the label of every control of the
// lesson panel (the wait strip's Play, Resume and Skip, Show me, More,
// Back, Close, Continue and Finish, the next lesson, Leave and Stay, the
// safety card's opener) fits its button whole, and no two controls
// overlap.
func TestLessonControlsFitInEveryLanguage(t *testing.T) {
	withCJKFont(t)
	for _, lang := range i18n.Langs {
		for _, size := range [][2]int{{1280, 800}, {1024, 768}, {800, 600}} {
			name := fmt.Sprintf("%dx%d %s", size[0], size[1], lang)
			g := testGame(t, "")
			g.SetLang(lang)
			require.NoError(t, g.OpenLesson(3, 1))
			sizeGame(g, size[0], size[1])
			seen := map[string]bool{}
			check := func(state string) {
				g.lesson.viewKey = nil
				bs := g.lessonButtons()
				for i, b := range bs {
					if strings.HasPrefix(b.Name, "lesson-step-") || strings.HasPrefix(b.Name, "lesson-choice-") {
						continue // numbers, and the lesson's own text (wrapped)
					}
					seen[b.Name] = true
					room := b.Rect.W - 8*g.scale
					assert.LessOrEqual(t, textWidth(b.Label, face(12.5*g.scale, false)), room, "%s, %s: %s's label %q fits", name, state, b.Name, b.Label)
					for _, o := range bs[i+1:] {
						assert.False(t, b.Rect.overlaps(o.Rect), "%s, %s: %s and %s overlap", name, state, b.Name, o.Name)
					}
				}
			}
			check("not started")
			g.pressLesson("lesson-resume")
			g.RunFor(20)
			g.paused = true
			check("paused")
			g.lesson.confirmLeave = true
			check("leave question")
			g.lesson.confirmLeave = false
			for !g.lesson.run.Last() {
				playStepToEnd(t, g)
				check(fmt.Sprintf("step %d done", g.lesson.run.Index()+1))
				g.pressLesson("lesson-fold")
				check(fmt.Sprintf("step %d unfolded", g.lesson.run.Index()+1))
				g.pressLesson("lesson-next")
				check(fmt.Sprintf("step %d", g.lesson.run.Index()+1))
			}
			playStepToEnd(t, g)
			check("last step done")
			g.lesson.scroll = 1e6 // (the layout stops it at the end)
			check("last step done, at its end")
			for _, want := range []string{"lesson-resume", "lesson-skip", "lesson-showme", "lesson-fold", "lesson-back", "lesson-close", "lesson-next", "lesson-next-lesson", "lesson-leave", "lesson-stay", "lesson-card"} {
				assert.True(t, seen[want], "%s: %s was checked", name, want)
			}
		}
	}
}

// TestLessonPanelSaysTheLessonsWords: in Chinese the panel's controls
// carry the labels the Chinese lessons quote (按「播放」, 「演示」, 继续播放),
// and its own lines are Chinese.
func TestLessonPanelSaysTheLessonsWords(t *testing.T) {
	g := testGame(t, "")
	g.SetLang(i18n.Chinese)
	require.NoError(t, g.OpenLesson(3, 1))
	label := func(name string) string {
		t.Helper()
		g.lesson.viewKey = nil
		b, ok := findButton(g.lessonButtons(), name)
		require.True(t, ok, "no control %s", name)
		return b.Label
	}
	assert.Equal(t, "播放", label("lesson-resume"), "a watch step not yet started")
	assert.Equal(t, "跳过 ►", label("lesson-skip"))
	assert.Equal(t, "关闭", label("lesson-close"))
	assert.Contains(t, lessonPanelText(g), "第 1 步（共 8 步）· 观察\n")
	assert.Equal(t, "按「播放」（空格）开始。", g.waitText())
	g.pressLesson("lesson-resume")
	g.RunFor(20)
	g.paused = true
	assert.Equal(t, "继续播放", label("lesson-resume"), "a step under way")
	assert.Equal(t, "已暂停。按「继续播放」继续。", g.waitText())
	playStepToEnd(t, g)
	assert.Equal(t, "继续", label("lesson-next"))
	assert.Contains(t, lessonPanelText(g), "解释\n")

	require.NoError(t, g.OpenLesson(3, 4))
	assert.Equal(t, "演示", label("lesson-showme"), "a do step")
	assert.Equal(t, "上一步", label("lesson-back"))
	assert.Contains(t, lessonPanelText(g), "第 4 步（共 8 步）· 动手\n")
}

// When the Chinese fonts arrive after the panel was laid out (a switch to
// Chinese mid-lesson in the browser, where they are fetched), the panel is
// laid out again with them: its texts carried the faces they were measured
// with, and stayed boxes.
func TestLessonPanelRelaysWhenTheFontsArrive(t *testing.T) {
	withCJKFont(t)
	g := openLesson3(t)
	g.SetLang(i18n.Chinese)
	before := g.lessonLaidOut().texts[0].f
	withCJKFont(t) // the fonts arrive again: new faces
	after := g.lessonLaidOut().texts[0].f
	assert.NotSame(t, before, after, "laid out again with the new faces")
}
