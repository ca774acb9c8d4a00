package ui

import (
	"math"
	"slices"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/raftlab/raftlab/playground/view"
)

// partitionTool is the open partition editor: the user sorts the nodes into
// two groups, by dragging each to a side of the cluster area or clicking it,
// then applies the partition.
type partitionTool struct {
	// right holds the nodes of the second group.
	right map[view.ID]bool
	// dragging is the node being dragged, and drag the pointer.
	dragging   view.ID
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
		return []Button{{Name: "partition", Label: g.tr("partition.open"), Hint: g.tr("partition.open.hint"), Rect: Rect{c.X + c.W - 104*s, c.Y + 10*s, 94 * s, 24 * s}}}
	}
	return []Button{
		{Name: "partition-apply", Label: g.tr("partition.apply"), Hint: g.tr("partition.apply.hint"), Rect: Rect{c.X + c.W - 154*s, c.Y + 10*s, 70 * s, 24 * s}},
		{Name: "partition-cancel", Label: g.tr("partition.cancel"), Hint: g.tr("partition.cancel.hint"), Rect: Rect{c.X + c.W - 78*s, c.Y + 10*s, 68 * s, 24 * s}},
	}
}

// openPartition starts the editor from the network as it is: the servers
// of the first partition group (see partitionRank) in group A, the others
// in group B.
func (g *Game) openPartition() {
	w := g.view()
	p := &partitionTool{right: map[view.ID]bool{}}
	for _, id := range w.IDs() {
		if partitionRank(w, id) > 0 {
			p.right[id] = true
		}
	}
	g.part, g.menu = p, nil
}

// partitionRank is the place of a server's partition group among the
// groups of the network, by the network's group numbers: 0 for the lowest.
// It picks the group's colour, so a group keeps the colour the editor gave
// it (A, the first, blue) once applied.
func partitionRank(w *view.World, id view.ID) int {
	net := &w.Net
	mine := net.Group(id)
	var lower []int
	for _, o := range w.IDs() {
		if gid := net.Group(o); gid < mine && !slices.Contains(lower, gid) {
			lower = append(lower, gid)
		}
	}
	return len(lower)
}

// partitionPress handles a press in the cluster area while the editor is
// open: on a server, it starts a drag (or a click); it reports whether it
// used the press.
func (g *Game) partitionPress(x, y float64) bool {
	for _, t := range g.partitionView().tokens {
		if math.Hypot(x-t.x, y-t.y) <= t.r {
			g.part.dragging, g.part.wasDragged = t.id, false
			g.part.pressX, g.part.pressY, g.part.dragX, g.part.dragY = x, y, x, y
			return true
		}
	}
	return false
}

// partitionMove follows a drag.
func (g *Game) partitionMove(x, y float64) {
	p := g.part
	if p == nil || p.dragging == view.None {
		return
	}
	p.dragX, p.dragY = x, y
	if math.Hypot(x-p.pressX, y-p.pressY) > 8*g.scale {
		p.wasDragged = true
	}
}

// partitionRelease ends a drag: dropped right of the divider, the server
// joins group B, left of it group A. A press and release without moving
// moves the server to the other group.
func (g *Game) partitionRelease(x, y float64) {
	p := g.part
	if p == nil || p.dragging == view.None {
		return
	}
	id := p.dragging
	p.dragging = view.None
	if p.wasDragged {
		p.right[id] = x >= g.partitionView().divider.CenterX()
	} else {
		p.right[id] = !p.right[id]
	}
}

// partitionGroups are the two groups, in node order; the second may be
// empty.
func (g *Game) partitionGroups() (left, right []view.ID) {
	for _, id := range g.view().IDs() {
		if g.part.right[view.ID(id)] {
			right = append(right, view.ID(id))
		} else {
			left = append(left, view.ID(id))
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
		g.act(view.Action{Do: "heal"})
		return
	}
	g.act(view.Action{Do: "partition", Groups: [][]view.ID{left, right}})
}

// clickPartitionButtons handles the tool's controls: the one that opens
// it, or, while it is open, Apply and Cancel (partitionButtons' order).
func (g *Game) clickPartitionButtons(x, y float64) bool {
	for i, b := range g.partitionButtons() {
		if !b.Rect.Contains(x, y) {
			continue
		}
		switch {
		case g.part == nil:
			g.openPartition()
		case i == 0:
			g.applyPartition()
		default:
			g.part = nil
		}
		return true
	}
	return false
}

// drawPartitionTool draws the editor over the cluster area: a title row
// with Apply and Cancel, a row of its own for the hint, and the two groups
// side by side, each a region in its own colour, named with its servers
// ("Group A: S1 S2"), holding those servers; a dashed divider (the cut)
// runs down the gap between the regions. A dragged server follows the
// pointer, and the region under it lights up.
func (g *Game) drawPartitionTool(dst *ebiten.Image) {
	s := g.scale
	if g.part != nil {
		v := g.partitionView()
		g.spr.fillRect(dst, g.lay.Cluster, colBackground)
		g.spr.fillRect(dst, v.panel, colPanelEdge)
		g.spr.fillRect(dst, v.panel.Inset(1*s), colPanel)
		g.drawLabel(dst, g.tr("partition.title"), face(14*s, true), v.title.X, v.title.CenterY(), colText, alignStart)
		f := face(12*s, false)
		g.drawLabel(dst, ellipsize(g.tr("partition.hint"), f, v.hint.W), f, v.hint.X, v.hint.CenterY(), colTextDim, alignStart)
		target := -1
		if g.part.dragging != view.None && g.part.wasDragged {
			target = 0
			if g.part.dragX >= v.divider.CenterX() {
				target = 1
			}
		}
		for i, r := range v.regions {
			c := partitionColor(i)
			fill := 0.16
			if i == target {
				fill = 0.3
			}
			g.spr.fillRect(dst, r, withAlpha(c, fill))
			g.spr.strokeRect(dst, r, 2*s, c)
			hf := face(13*s, true)
			g.drawLabel(dst, ellipsize(v.captions[i], hf, v.headers[i].W), hf, v.headers[i].X, v.headers[i].CenterY(), c, alignStart)
		}
		g.spr.dashed(dst, v.divider.CenterX(), v.divider.Y, v.divider.CenterX(), v.divider.Y+v.divider.H, 2*s, 7*s, colCut)
		var dragged *partitionToken
		for i, t := range v.tokens {
			if t.id == g.part.dragging && g.part.wasDragged {
				dragged = &v.tokens[i]
				continue
			}
			g.drawPartitionToken(dst, t, t.x, t.y)
		}
		if dragged != nil {
			g.drawPartitionToken(dst, *dragged, g.part.dragX, g.part.dragY)
		}
	}
	f := face(12*s, false)
	for _, b := range g.partitionButtons() {
		bg := g.buttonColor(b)
		g.spr.fillRect(dst, b.Rect, bg)
		g.drawLabel(dst, b.Label, f, b.Rect.CenterX(), b.Rect.CenterY(), colText, alignCenter)
	}
}

// drawPartitionToken draws a server of the editor at (x, y): a disc in its
// group's colour with its name inside.
func (g *Game) drawPartitionToken(dst *ebiten.Image, t partitionToken, x, y float64) {
	drawCentered(dst, g.spr.disc(int(t.r)), x, y, partitionColor(t.group))
	g.drawLabel(dst, t.id.Name(), face(math.Max(11*g.scale, t.r*0.6), true), x, y, colBackground, alignCenter)
}
