package ui

import (
	"fmt"
	"math"
	"slices"
	"testing"

	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func clickButton(t *testing.T, g *Game, bs []Button, name string) {
	t.Helper()
	b, ok := findButton(bs, name)
	if !ok {
		t.Fatalf("no control %s", name)
	}
	g.click(b.Rect.CenterX(), b.Rect.CenterY(), false)
}

// TestPartitionTool: a click moves a server to the other group, a drag puts
// it on the side it is dropped on, and Apply partitions the network that
// way; with one group empty Apply heals it, and Cancel changes nothing.
func TestPartitionTool(t *testing.T) {
	g := testGame(t, "")
	g.SeekTo(500)
	clickButton(t, g, g.partitionButtons(), "partition")
	require.NotNil(t, g.part)

	// Click S4: it moves to the right group.
	s4 := editorServer(t, g, 4)
	g.click(s4.x, s4.y, false)
	g.partitionRelease(s4.x, s4.y)
	assert.Equal(t, 1, editorServer(t, g, 4).group, "S4 is in group B")
	// Drag S1 onto the right half.
	s1 := editorServer(t, g, 1)
	g.click(s1.x, s1.y, false)
	rightX := g.lay.Cluster.X + g.lay.Cluster.W*0.8
	g.partitionMove(rightX, s1.y)
	g.partitionRelease(rightX, s1.y)
	// Drag S4 back to the left.
	s4 = editorServer(t, g, 4)
	g.click(s4.x, s4.y, false)
	leftX := g.lay.Cluster.X + g.lay.Cluster.W*0.2
	g.partitionMove(leftX, s4.y)
	g.partitionRelease(leftX, s4.y)
	left, right := g.partitionGroups()
	assert.Equal(t, []view.ID{2, 3, 4, 5}, left)
	assert.Equal(t, []view.ID{1}, right)

	clickButton(t, g, g.partitionButtons(), "partition-apply")
	assert.Nil(t, g.part)
	assert.Empty(t, g.status.text, "the partition was applied")
	net := g.world().Network()
	assert.True(t, net.Partitioned())
	assert.NotEqual(t, net.Group(1), net.Group(2))
	assert.Equal(t, net.Group(2), net.Group(5))
	assert.Equal(t, 1, partitionRank(g.view(), 1), "S1 keeps group B's colour")
	assert.Equal(t, 0, partitionRank(g.view(), 2), "S2 keeps group A's colour")

	// Reopened, the editor starts from the network as it is; moving S1
	// back and applying heals.
	clickButton(t, g, g.partitionButtons(), "partition")
	assert.NotEqual(t, g.part.right[1], g.part.right[2], "S1 is alone on its side (which side is arbitrary)")
	assert.Equal(t, g.part.right[2], g.part.right[5])
	s1 = editorServer(t, g, 1)
	g.click(s1.x, s1.y, false)
	g.partitionRelease(s1.x, s1.y)
	clickButton(t, g, g.partitionButtons(), "partition-apply")
	net = g.world().Network()
	assert.False(t, net.Partitioned())

	// Cancel leaves the network alone.
	clickButton(t, g, g.partitionButtons(), "partition")
	s4 = editorServer(t, g, 4)
	g.click(s4.x, s4.y, false)
	g.partitionRelease(s4.x, s4.y)
	clickButton(t, g, g.partitionButtons(), "partition-cancel")
	assert.Nil(t, g.part)
	net = g.world().Network()
	assert.False(t, net.Partitioned())
}

// editorServer is where the open partition editor shows a server.
func editorServer(t *testing.T, g *Game, id view.ID) partitionToken {
	t.Helper()
	for _, tok := range g.partitionView().tokens {
		if tok.id == id {
			return tok
		}
	}
	t.Fatalf("the editor does not show S%d", id)
	return partitionToken{}
}

// TestPartitionEditorLayout: at each size, for splits of five and seven
// servers, each group's servers stand inside its region, the regions and
// the divider between them do not meet, every server of group A is left
// of the divider and every one of group B right of it, the captions name
// the groups' servers, and the title, the hint and the buttons each keep
// a row of their own above the groups.
func TestPartitionEditorLayout(t *testing.T) {
	withCJKFont(t)
	splits := []struct {
		nodes int
		right []view.ID
	}{{5, nil}, {5, []view.ID{1, 2}}, {5, []view.ID{2, 3, 4}}, {5, []view.ID{1, 2, 3, 4, 5}}, {7, []view.ID{1, 4, 6}}}
	for _, size := range screenSizes {
		for k, sp := range splits {
			g := testGame(t, "")
			// Every other split in Chinese: its words must fit as well.
			if k%2 == 1 {
				g.lang = i18n.Chinese
			}
			for len(g.view().IDs()) < sp.nodes {
				g.addNode()
			}
			require.Len(t, g.view().IDs(), sp.nodes)
			g.w, g.h = size[0], size[1]
			g.lay = computeLayout(g.w, g.h, 1, g.view().IDs(), false)
			g.openPartition()
			for _, id := range sp.right {
				g.part.right[view.ID(id)] = true
			}
			v := g.partitionView()
			where := fmt.Sprintf("%dx%d, %s, %d servers, %v in B", size[0], size[1], g.lang, sp.nodes, sp.right)
			c := g.lay.Cluster
			assert.True(t, inside(v.panel, c), "%s: the editor %v is in the cluster area %v", where, v.panel, c)
			assert.False(t, v.regions[0].overlaps(v.divider) || v.regions[1].overlaps(v.divider) || v.regions[0].overlaps(v.regions[1]), "%s: regions apart", where)
			assert.True(t, v.regions[0].X+v.regions[0].W <= v.divider.CenterX() && v.divider.CenterX() <= v.regions[1].X, "%s: the divider runs between the regions", where)
			for _, r := range v.regions {
				assert.True(t, inside(r, v.panel), "%s: region %v in the editor", where, r)
				for _, row := range []Rect{v.title, v.hint} {
					assert.False(t, r.overlaps(row), "%s: region %v below the title and hint %v", where, r, row)
				}
			}
			assert.False(t, v.title.overlaps(v.hint), "%s: the hint has a row of its own", where)
			assert.LessOrEqual(t, textWidth(g.tr("partition.hint"), face(12, false)), v.hint.W, "%s: the hint fits its row", where)
			for _, b := range g.partitionButtons() {
				assert.False(t, b.Rect.overlaps(v.hint), "%s: %s is off the hint", where, b.Name)
				assert.True(t, inside(b.Rect, Rect{v.title.X, v.title.Y, v.panel.X + v.panel.W - v.title.X, v.title.H}), "%s: %s in the title row", where, b.Name)
				assert.LessOrEqual(t, v.title.X+textWidth(g.tr("partition.title"), face(14, true)), b.Rect.X, "%s: the title ends before %s", where, b.Name)
			}
			require.Len(t, v.tokens, sp.nodes)
			for i, tok := range v.tokens {
				assert.Equal(t, g.view().IDs()[i], tok.id, "in node order")
				want := 0
				if slices.Contains(sp.right, tok.id) {
					want = 1
				}
				assert.Equal(t, want, tok.group, "%s: S%d's group", where, tok.id)
				disc := Rect{tok.x - tok.r, tok.y - tok.r, 2 * tok.r, 2 * tok.r}
				assert.True(t, inside(disc, v.regions[tok.group]), "%s: S%d %v in its region %v", where, tok.id, disc, v.regions[tok.group])
				assert.False(t, disc.overlaps(v.headers[tok.group]), "%s: S%d off its caption", where, tok.id)
				assert.GreaterOrEqual(t, tok.r, 14.0, "%s: S%d big enough to click", where, tok.id)
				for _, o := range v.tokens[i+1:] {
					assert.GreaterOrEqual(t, math.Hypot(o.x-tok.x, o.y-tok.y), tok.r+o.r+4, "%s: S%d and S%d apart", where, tok.id, o.id)
				}
			}
			left, right := g.partitionGroups()
			assert.Equal(t, groupCaption(0, left, g.lang), v.captions[0])
			assert.Equal(t, groupCaption(1, right, g.lang), v.captions[1])
			for i := range v.headers {
				assert.True(t, inside(v.headers[i], v.regions[i]), "%s: caption %d in its region", where, i)
			}
		}
	}
	assert.Equal(t, "Group A: S1 S2", groupCaption(0, []view.ID{1, 2}, i18n.English))
	assert.Equal(t, "Group B: no servers", groupCaption(1, nil, i18n.English))
	assert.Equal(t, "A 组：S1 S2", groupCaption(0, []view.ID{1, 2}, i18n.Chinese))
}

// inside reports whether r lies within o.
func inside(r, o Rect) bool {
	return r.X >= o.X && r.Y >= o.Y && r.X+r.W <= o.X+o.W && r.Y+r.H <= o.Y+o.H
}
