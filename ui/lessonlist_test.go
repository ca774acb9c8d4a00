package ui

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLessonListShowsEverything: at 1024x768 and 800x600, in English and
// in Chinese, every lesson's title and whole summary can be read in the
// list, scrolling with the wheel where the list is longer than the panel;
// nothing is cut short with "…", nothing leaves the panel, and there is no
// "more" control: a scroll bar shows how much is left.
func TestLessonListShowsEverything(t *testing.T) {
	withCJKFont(t)
	for _, c := range [][3]int{{1024, 768, 0}, {800, 600, 0}, {1024, 768, 1}, {800, 600, 1}} {
		size, lang := c[:2], i18n.Langs[c[2]]
		name := fmt.Sprintf("%dx%d %s", size[0], size[1], lang)
		g := testGame(t, "")
		g.SetLang(lang)
		g.openLessons()
		require.Empty(t, g.lesson.err)
		sizeGame(g, size[0], size[1])
		a := g.lessonArea()
		v := g.lessonLaidOut()
		assert.NotContains(t, lessonButtonNames(g), "lesson-more", name)
		require.True(t, v.bar.shown(), "%s: a scroll bar says the list goes on", name)
		lowest := 0.0
		for _, b := range v.buttons {
			if strings.HasPrefix(b.Name, "lesson-open-") {
				lowest = max(lowest, b.Rect.Y+b.Rect.H)
			}
		}
		assert.InDelta(t, v.bar.track.Y+v.bar.track.H, lowest, 7, "%s: the list fills the panel, the next lesson in part", name)

		// Every line of the list, where it is before scrolling.
		type spot struct {
			s    string
			x, y float64
		}
		seen := map[spot]bool{}
		for {
			g.lessonLaidOut() // (which may clamp the scroll at the end)
			v = g.lessonLaidOut()
			for _, tx := range v.texts {
				if tx.y < v.top || tx.y > v.bar.track.Y+v.bar.track.H {
					continue // the header and the foot's controls
				}
				assert.False(t, strings.HasSuffix(tx.s, "…"), "%s: %q is cut short", name, tx.s)
				assert.LessOrEqual(t, tx.x+textWidth(tx.s, tx.f), a.X+a.W, "%s: %q stays in the panel", name, tx.s)
				seen[spot{tx.s, tx.x, math.Round(tx.y + g.lesson.scroll)}] = true
			}
			if g.lesson.scroll >= v.maxScroll {
				break
			}
			before := g.lesson.scroll
			g.scrollLesson(a.CenterX(), a.CenterY(), -1) // a notch of the wheel, down
			require.Greater(t, g.lesson.scroll, before, name)
		}
		lines := slices.Collect(func(yield func(spot) bool) {
			for sp := range seen {
				if !yield(sp) {
					return
				}
			}
		})
		slices.SortFunc(lines, func(p, q spot) int { return cmp.Or(cmp.Compare(p.y, q.y), cmp.Compare(p.x, q.x)) })
		// Compared without spaces: English wraps at them, Chinese
		// between two characters.
		bare := func(s string) string { return strings.ReplaceAll(s, " ", "") }
		var all []string
		for _, ln := range lines {
			all = append(all, ln.s)
		}
		text := bare(strings.Join(all, ""))
		for _, l := range g.lesson.all {
			assert.Contains(t, text, bare(fmt.Sprintf("%d. %s", l.Number, l.Title)), name)
			assert.Contains(t, text, bare(l.Summary), "%s: lesson %d's summary", name, l.Number)
			if l.RunsOn == view.EngineEtcd {
				assert.Contains(t, text, bare(g.tr("lesson.row.engine", l.Minutes, "etcd raft v3.6.0", l.Summary)), "%s: lesson %d's engine", name, l.Number)
			}
		}
	}
}

// TestLessonListBarFits: the list's controls (Reset progress, Close, and
// the question that confirms a reset) do not overlap at 1280x800,
// 1024x768 and 800x600, and their labels fit them, in English and in
// Chinese.
func TestLessonListBarFits(t *testing.T) {
	withCJKFont(t)
	for _, c := range [][3]int{{1280, 800, 0}, {1024, 768, 0}, {800, 600, 0}, {1280, 800, 1}, {1024, 768, 1}, {800, 600, 1}} {
		size, lang := c[:2], i18n.Langs[c[2]]
		for _, confirm := range []bool{false, true} {
			name := fmt.Sprintf("%dx%d %s confirm %v", size[0], size[1], lang, confirm)
			g := testGame(t, "")
			g.SetLang(lang)
			g.openLessons()
			g.lesson.confirmReset = confirm
			sizeGame(g, size[0], size[1])
			bs := g.lessonButtons()
			a := g.lessonArea()
			for i, b := range bs {
				assert.True(t, b.Rect.X >= a.X && b.Rect.X+b.Rect.W <= a.X+a.W, "%s: %s is in the panel", name, b.Name)
				for _, o := range bs[i+1:] {
					assert.False(t, b.Rect.overlaps(o.Rect), "%s: %s and %s overlap", name, b.Name, o.Name)
				}
			}
		}
	}
}

// TestScrollKeys: the keyboard scrolls the list of lessons (End shows the
// last lesson, Home the first, Page Down most of a panel, Down a little)
// and the inspector (End shows its last line).
func TestScrollKeys(t *testing.T) {
	g := testGame(t, "")
	g.openLessons()
	sizeGame(g, 1024, 768)
	has := func(name string) bool { return slices.Contains(lessonButtonNames(g), name) }
	last := fmt.Sprintf("lesson-open-%d", g.lesson.all[len(g.lesson.all)-1].Number)
	require.False(t, has(last))
	g.scrollKey(ebiten.KeyEnd)
	assert.True(t, has(last), "End shows the last lesson")
	assert.Equal(t, g.lessonLaidOut().maxScroll, g.lesson.scroll)
	g.scrollKey(ebiten.KeyHome)
	assert.Zero(t, g.lesson.scroll)
	assert.True(t, has("lesson-open-1"), "Home shows the first")
	g.scrollKey(ebiten.KeyPageDown)
	page := g.lesson.scroll
	assert.Greater(t, page, 150.0, "a page")
	g.scrollKey(ebiten.KeyArrowDown)
	assert.InDelta(t, page+40, g.lesson.scroll, 0.01, "a notch")
	g.scrollKey(ebiten.KeyArrowUp)
	g.scrollKey(ebiten.KeyPageUp)
	assert.Zero(t, g.lesson.scroll)

	g.closeLesson()
	g.SeekTo(2000)
	g.selected = g.view().IDs()[0]
	require.True(t, g.inspector.inspecting())
	w := g.world()
	all := inspectorLines(w, w.Node(raft.ID(g.selected)))
	g.scrollKey(ebiten.KeyEnd)
	v := g.inspector.inspectorLaidOut()
	require.NotEmpty(t, v.lines)
	assert.Positive(t, v.scroll)
	assert.Equal(t, strings.TrimSpace(all[len(all)-1]), strings.TrimSpace(v.lines[len(v.lines)-1].s), "End shows the last line")
	g.scrollKey(ebiten.KeyHome)
	assert.Zero(t, g.inspector.inspectorLaidOut().scroll)
}
