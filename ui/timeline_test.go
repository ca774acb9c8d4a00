package ui

import (
	"fmt"
	"testing"

	"github.com/raftlab/raftlab/playground/i18n"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestTimelineLegend: every kind of marker the timeline draws has an entry
// in its legend, in the marker's colour; at 1280x800, 1024x768 and 800x600
// the legend is inside the timeline panel, below the markers, and its
// entries neither overlap nor leave the track's width, in English and in
// Chinese.
func TestTimelineLegend(t *testing.T) {
	withCJKFont(t)
	kinds := map[markKind]bool{}
	for _, sc := range []string{"leader-crash", "minority-partition", "figure8-unsafe"} {
		g := testGame(t, sc)
		g.SeekTo(g.timeline.timelineSpan())
		g.timeline.markers.update(g.sess)
		for _, m := range g.timeline.markers.list {
			kinds[m.kind] = true
		}
	}
	require.Len(t, kinds, len(markKinds), "the scenarios make every kind of marker")

	for _, c := range langSizes() {
		name, size := c.name, c.size
		g := testGame(t, "")
		g.lang = c.lang
		sizeGame(g, size[0], size[1])
		legend := g.timeline.timelineLegend()
		for k := range kinds {
			found := false
			for _, e := range legend {
				found = found || (e.kind == k && e.label != "" && e.kind.color() == k.color())
			}
			assert.True(t, found, "%s: marker kind %d has a legend entry", name, k)
		}
		a, tr := g.lay.Timeline, g.lay.Track
		for i, e := range legend {
			for _, r := range []Rect{e.swatch, e.text} {
				assert.True(t, r.X >= tr.X && r.X+r.W <= tr.X+tr.W, "%s: %q is within the track's width", name, e.label)
				assert.True(t, r.Y >= tr.Y+tr.H+4 && r.Y+r.H <= a.Y+a.H, "%s: %q is below the markers, inside the panel", name, e.label)
			}
			// An ideograph fills its em square, a Latin capital most of
			// it: the line has room for a line of legendFace's size (the
			// Chinese font's ascent counts room above its ideographs).
			assert.GreaterOrEqual(t, e.text.H, 10.5*g.scale, "%s: %q has room", name, e.label)
			for _, o := range legend[i+1:] {
				assert.False(t, overlaps(e.text, o.text) || overlaps(e.swatch, o.text), "%s: %q and %q overlap", name, e.label, o.label)
			}
		}
	}
}

// TestTimelineMarkSize: a mark reads from the back of a room: at every
// size its head is at least 9 pixels across, above the track and below the
// time, and its stem at least 3 pixels wide, through the whole track; the
// legend shows heads of the same size.
func TestTimelineMarkSize(t *testing.T) {
	for _, size := range [][2]int{{1280, 800}, {1024, 768}, {800, 600}} {
		name := fmt.Sprintf("%dx%d", size[0], size[1])
		g := testGame(t, "")
		sizeGame(g, size[0], size[1])
		tr := g.lay.Track
		head, stem := markRects(tr.X+tr.W/2, tr, g.scale)
		assert.GreaterOrEqual(t, min(head.W, head.H), 9.0, name)
		assert.GreaterOrEqual(t, stem.W, 3.0, name)
		assert.True(t, stem.Y <= tr.Y && stem.Y+stem.H >= tr.Y+tr.H, "%s: the stem runs through the track", name)
		assert.GreaterOrEqual(t, head.Y, g.lay.Timeline.Y+20*g.scale, "%s: the head stays below the time", name)
		for _, e := range g.timeline.timelineLegend() {
			assert.GreaterOrEqual(t, min(e.swatch.W, e.swatch.H), 9.0, "%s: %q's head", name, e.label)
		}
	}
}

// langSizes are the languages at the sizes the view must work at.
func langSizes() []struct {
	name string
	lang i18n.Lang
	size [2]int
} {
	var out []struct {
		name string
		lang i18n.Lang
		size [2]int
	}
	for _, lang := range []i18n.Lang{i18n.English, i18n.Chinese} {
		for _, size := range [][2]int{{1280, 800}, {1024, 768}, {800, 600}} {
			out = append(out, struct {
				name string
				lang i18n.Lang
				size [2]int
			}{fmt.Sprintf("%s %dx%d", lang, size[0], size[1]), lang, size})
		}
	}
	return out
}

// TestTimelineTextFits: the time line at the left and the hint at the
// right of the timeline's strip do not meet, paused or playing, in English
// and in Chinese at every size; the hint speaks the language.
func TestTimelineTextFits(t *testing.T) {
	withCJKFont(t)
	for _, c := range langSizes() {
		g := testGame(t, "")
		g.lang = c.lang
		sizeGame(g, c.size[0], c.size[1])
		g.SeekTo(12_345)
		hint := g.tr("timeline.hint")
		tr := g.lay.Track
		hintX := tr.X + tr.W - textWidth(hint, face(11*g.scale, false))
		for _, paused := range []bool{false, true} {
			g.paused = paused
			info := g.timeline.timelineInfo()
			assert.Less(t, tr.X+textWidth(info, face(12*g.scale, false))+12*g.scale, hintX, "%s: %q and %q stay apart", c.name, info, hint)
		}
	}
	g := testGame(t, "")
	g.lang = i18n.Chinese
	g.paused = true
	assert.Contains(t, g.timeline.timelineInfo(), "已暂停")
}
