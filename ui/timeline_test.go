package ui

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestTimelineLegend: every kind of marker the timeline draws has an entry
// in its legend, in the marker's colour; at 1280x800, 1024x768 and 800x600
// the legend is inside the timeline panel, below the markers, and its
// entries neither overlap nor leave the track's width.
func TestTimelineLegend(t *testing.T) {
	kinds := map[markKind]bool{}
	for _, sc := range []string{"leader-crash", "minority-partition", "figure8-unsafe"} {
		g := testGame(t, sc)
		g.SeekTo(g.timelineSpan())
		g.markers.update(g.world())
		for _, m := range g.markers.list {
			kinds[m.kind] = true
		}
	}
	require.Len(t, kinds, len(markKinds), "the scenarios make every kind of marker")

	for _, size := range [][2]int{{1280, 800}, {1024, 768}, {800, 600}} {
		name := fmt.Sprintf("%dx%d", size[0], size[1])
		g := testGame(t, "")
		sizeGame(g, size[0], size[1])
		legend := g.timelineLegend()
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
			assert.GreaterOrEqual(t, e.text.H, legendFace(1).Metrics().HAscent, "%s: %q has room", name, e.label)
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
		for _, e := range g.timelineLegend() {
			assert.GreaterOrEqual(t, min(e.swatch.W, e.swatch.H), 9.0, "%s: %q's head", name, e.label)
		}
	}
}
