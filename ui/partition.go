package ui

import (
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/raft"
)

// partitionTool is the open partition editor: the user sorts the nodes into
// two groups, by dragging each to a side of the cluster area or clicking it,
// then applies the partition.
type partitionTool struct {
	// right holds the nodes of the second group.
	right map[raft.ID]bool
	// dragging is the node being dragged, and drag the pointer.
	dragging   raft.ID
	dragX      float64
	dragY      float64
	pressX     float64
	pressY     float64
	wasDragged bool
}

// partitionButtons are the tool's controls: its opener when closed, Apply
// and Cancel when open, in the cluster area's top-right corner.
func (g *Game) partitionButtons() []Button {
	s := g.scale
	c := g.lay.Cluster
	if g.part == nil {
		return []Button{{Name: "partition", Label: "Partition…", Hint: "Split the servers into two groups that cannot reach each other", Rect: Rect{c.X + c.W - 104*s, c.Y + 10*s, 94 * s, 24 * s}}}
	}
	return []Button{
		{Name: "partition-apply", Label: "Apply", Hint: "Cut the network between the two groups", Rect: Rect{c.X + c.W - 154*s, c.Y + 10*s, 70 * s, 24 * s}},
		{Name: "partition-cancel", Label: "Cancel", Hint: "Leave the network as it is", Rect: Rect{c.X + c.W - 78*s, c.Y + 10*s, 68 * s, 24 * s}},
	}
}

// openPartition starts the editor from the network as it is: a node is on
// the right if it is not in the first node's group.
func (g *Game) openPartition() {
	w := g.world()
	net := w.Network()
	p := &partitionTool{right: map[raft.ID]bool{}}
	ids := w.Nodes()
	for _, id := range ids {
		if len(ids) > 0 && net.Group(id) != net.Group(ids[0]) {
			p.right[id] = true
		}
	}
	g.part, g.menu = p, nil
}

// partitionPress handles a press in the cluster area while the editor is
// open; it reports whether it used it.
func (g *Game) partitionPress(x, y float64) bool {
	if id, ok := g.lay.hitNode(x, y); ok {
		g.part.dragging, g.part.wasDragged = id, false
		g.part.pressX, g.part.pressY, g.part.dragX, g.part.dragY = x, y, x, y
		return true
	}
	return false
}

// partitionMove follows a drag.
func (g *Game) partitionMove(x, y float64) {
	p := g.part
	if p == nil || p.dragging == raft.None {
		return
	}
	p.dragX, p.dragY = x, y
	if math.Hypot(x-p.pressX, y-p.pressY) > 8*g.scale {
		p.wasDragged = true
	}
}

// partitionRelease ends a drag: dropped on the right half of the cluster
// area, the node joins the right group, on the left half the left one. A
// press and release without moving toggles the node's group.
func (g *Game) partitionRelease(x, y float64) {
	p := g.part
	if p == nil || p.dragging == raft.None {
		return
	}
	id := p.dragging
	p.dragging = raft.None
	if p.wasDragged {
		p.right[id] = x >= g.lay.Cluster.CenterX()
	} else {
		p.right[id] = !p.right[id]
	}
}

// partitionGroups are the two groups, in node order; the second may be
// empty.
func (g *Game) partitionGroups() (left, right []raft.ID) {
	for _, id := range g.world().Nodes() {
		if g.part.right[id] {
			right = append(right, id)
		} else {
			left = append(left, id)
		}
	}
	return left, right
}

// applyPartition cuts the network between the groups (or heals it when
// one group is empty) and closes the editor.
func (g *Game) applyPartition() {
	left, right := g.partitionGroups()
	g.part = nil
	if len(left) == 0 || len(right) == 0 {
		g.act(playground.Step{Do: "heal"})
		return
	}
	g.act(playground.Step{Do: "partition", Groups: [][]raft.ID{left, right}})
}

// clickPartitionButtons handles the tool's controls.
func (g *Game) clickPartitionButtons(x, y float64) bool {
	b, ok := hitAny(g.partitionButtons(), x, y)
	if !ok {
		return false
	}
	switch b.Name {
	case "partition":
		g.openPartition()
	case "partition-apply":
		g.applyPartition()
	case "partition-cancel":
		g.part = nil
	}
	return true
}

// drawPartitionTool shows the two sides and each node's group; a dragged
// node follows the pointer.
func (g *Game) drawPartitionTool(dst *ebiten.Image) {
	s := g.scale
	c := g.lay.Cluster
	if g.part != nil {
		half := Rect{c.X, c.Y, c.W / 2, c.H}
		g.spr.fillRect(dst, half, withAlpha(groupColors[0], 0.06))
		g.spr.fillRect(dst, Rect{c.X + c.W/2, c.Y, c.W / 2, c.H}, withAlpha(groupColors[1], 0.06))
		g.spr.fillRect(dst, Rect{c.CenterX() - 1*s, c.Y, 2 * s, c.H}, withAlpha(colTextDim, 0.5))
		f := face(12*s, false)
		g.drawLabel(dst, "drag a server to the blue (left) or orange (right) side, or click it to switch", f, c.X+12*s, c.Y+22*s, colText, alignStart)
		for _, spot := range g.lay.Nodes {
			gc := groupColors[0]
			if g.part.right[spot.ID] {
				gc = groupColors[1]
			}
			x, y := spot.X, spot.Y
			if spot.ID == g.part.dragging && g.part.wasDragged {
				x, y = g.part.dragX, g.part.dragY
			}
			drawCentered(dst, g.spr.ring(int(spot.R+14*s), int(5*s)), x, y, gc)
		}
	}
	f := face(12*s, false)
	for _, b := range g.partitionButtons() {
		bg := g.buttonColor(b)
		g.spr.fillRect(dst, b.Rect, bg)
		g.drawLabel(dst, b.Label, f, b.Rect.CenterX(), b.Rect.CenterY(), colText, alignCenter)
	}
}
