package ui

import (
	"testing"

	"github.com/raftlab/raftlab/raft"
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
	s4, _ := g.lay.Node(4)
	g.click(s4.X, s4.Y, false)
	g.partitionRelease(s4.X, s4.Y)
	// Drag S1 (at the top) onto the right half.
	s1, _ := g.lay.Node(1)
	g.click(s1.X, s1.Y, false)
	rightX := g.lay.Cluster.X + g.lay.Cluster.W*0.8
	g.partitionMove(rightX, s1.Y)
	g.partitionRelease(rightX, s1.Y)
	// Drag S4 back to the left.
	g.click(s4.X, s4.Y, false)
	leftX := g.lay.Cluster.X + g.lay.Cluster.W*0.2
	g.partitionMove(leftX, s4.Y)
	g.partitionRelease(leftX, s4.Y)
	left, right := g.partitionGroups()
	assert.Equal(t, []raft.ID{2, 3, 4, 5}, left)
	assert.Equal(t, []raft.ID{1}, right)

	clickButton(t, g, g.partitionButtons(), "partition-apply")
	assert.Nil(t, g.part)
	assert.Empty(t, g.status, "the partition was applied")
	net := g.world().Network()
	assert.True(t, net.Partitioned())
	assert.NotEqual(t, net.Group(1), net.Group(2))
	assert.Equal(t, net.Group(2), net.Group(5))

	// Reopened, the editor starts from the network as it is; moving S1
	// back and applying heals.
	clickButton(t, g, g.partitionButtons(), "partition")
	assert.NotEqual(t, g.part.right[1], g.part.right[2], "S1 is alone on its side (which side is arbitrary)")
	assert.Equal(t, g.part.right[2], g.part.right[5])
	g.click(s1.X, s1.Y, false)
	g.partitionRelease(s1.X, s1.Y)
	clickButton(t, g, g.partitionButtons(), "partition-apply")
	net = g.world().Network()
	assert.False(t, net.Partitioned())

	// Cancel leaves the network alone.
	clickButton(t, g, g.partitionButtons(), "partition")
	g.click(s4.X, s4.Y, false)
	g.partitionRelease(s4.X, s4.Y)
	clickButton(t, g, g.partitionButtons(), "partition-cancel")
	assert.Nil(t, g.part)
	net = g.world().Network()
	assert.False(t, net.Partitioned())
}
