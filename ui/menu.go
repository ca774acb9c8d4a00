package ui

import (
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
)

// menu is a popup of actions on a node, a link or a message.
type menu struct {
	title string
	items []Button
	// actions holds what each item does, by item name, in order.
	actions map[string][]view.Action
	rect    Rect
	// anchorX, anchorY and anchorR are the node (or the clicked point, of
	// radius 0) the menu belongs to: a line joins them to the menu.
	anchorX, anchorY, anchorR float64
	// do, when set, does an item (by name) instead of actions on the
	// world: a menu of the app's, as the save menu.
	do func(name string)
}

// nodeMenu lists what can be done to a node now (see the playground's
// action table).
func nodeMenu(w view.Session, id view.ID) []menuItem { return menuItems(w.NodeMenu(id)) }

// linkMenu lists the ways to cut or heal the link between a and b.
func linkMenu(w view.Session, a, b view.ID) []menuItem { return menuItems(w.LinkMenu(a, b)) }

// menuItem is an item of a menu: its name, its label as a message (the
// menu is drawn in the app's language) and an action it does. Items that
// share a name are one entry of the menu, which does each item's action
// in turn (cutting a link both ways is two actions).
type menuItem struct {
	name   string
	label  i18n.Message
	action view.Action
}

// menuItems lists the playground's menu entries as items, one per action.
func menuItems(entries []view.MenuItem) []menuItem {
	var items []menuItem
	for _, e := range entries {
		for _, a := range e.Actions {
			items = append(items, menuItem{e.Name, e.Label, a})
		}
	}
	return items
}

// openMenu opens a popup titled title (in the app's language) for (x,
// y): a node's menu for the node there,
// else a link's or a message's. It goes beside that point, where it covers
// no server and no label (see menuSpot).
func (g *Game) openMenu(title string, items []menuItem, x, y float64) {
	if len(items) == 0 {
		g.menu = nil
		return
	}
	// The entries, in order: items that share a name are one.
	var entries []menuItem
	actions := map[string][]view.Action{}
	for _, it := range items {
		if _, ok := actions[it.name]; !ok {
			entries = append(entries, it)
		}
		actions[it.name] = append(actions[it.name], it.action)
	}
	s := g.scale
	f := face(14*s, false)
	width := textWidth(title, face(13*s, true)) + 24*s
	for _, it := range entries {
		width = math.Max(width, textWidth(it.label.In(g.lang), f)+32*s)
	}
	rowH := 30 * s
	h := rowH*float64(len(entries)) + 30*s
	anchorR := 0.0
	if id, ok := g.lay.hitNode(x, y); ok {
		spot, _ := g.lay.Node(id)
		x, y, anchorR = spot.X, spot.Y, spot.R+7*s
	}
	r := g.menuSpot(x, y, width, h)
	m := &menu{title: title, actions: actions, rect: r, anchorX: x, anchorY: y, anchorR: anchorR}
	for i, it := range entries {
		m.items = append(m.items, Button{Name: it.name, Label: it.label.In(g.lang), Rect: Rect{r.X + 4*s, r.Y + 26*s + float64(i)*rowH, width - 8*s, rowH - 2*s}})
	}
	g.menu = m
}

// menuSpot places a w x h menu for the point (x, y) (a node's centre, or
// where a link or message was clicked): on the screen below the top bar,
// covering as few servers, timer rings, labels and disk gauges as it can
// (none where there is room), its line to the point crossing no other
// server, and then as near the point as it can. Candidates lie on
// a grid of 4 logical pixels, scanned in a fixed order, so a menu opens
// at the same place every time.
func (g *Game) menuSpot(x, y, w, h float64) Rect {
	s := g.scale
	minX, maxX := 8*s, float64(g.w)-w-8*s
	minY, maxY := g.lay.TopBar.Y+g.lay.TopBar.H+4*s, float64(g.h)-h-8*s
	maxX, maxY = math.Max(minX, maxX), math.Max(minY, maxY)
	best, bestHits, bestDist := Rect{minX, minY, w, h}, math.MaxInt, math.Inf(1)
	step := 4 * s
	for cy := minY; cy <= maxY; cy += step {
		for cx := minX; cx <= maxX; cx += step {
			r := Rect{cx, cy, w, h}
			d := rectCircleDistance(r, x, y)
			if d > bestDist && bestHits == 0 {
				continue
			}
			hits := g.menuHits(r, x, y)
			if hits < bestHits || hits == bestHits && d < bestDist {
				best, bestHits, bestDist = r, hits, d
			}
		}
	}
	return best
}

// menuHits counts the servers (with their timer rings), labels and disk
// gauges that a menu at r would cover, and the servers other than the
// one at (x, y) that its line to (x, y) would cross.
func (g *Game) menuHits(r Rect, x, y float64) int {
	n := 0
	nx, ny := nearestPoint(r, x, y)
	for _, o := range g.lay.Nodes {
		clear := o.R + 7*g.scale
		if rectCircleDistance(r, o.X, o.Y) < clear {
			n++
		}
		if r.overlaps(o.labelBox(g.scale)) || r.overlaps(g.diskBox(o)) {
			n++
		}
		if d, _ := segmentDistance(o.X, o.Y, x, y, nx, ny); d < clear && math.Hypot(x-o.X, y-o.Y) > o.R {
			n++
		}
	}
	return n
}

// nearestPoint is the point of r nearest to (x, y).
func nearestPoint(r Rect, x, y float64) (float64, float64) {
	return math.Max(r.X, math.Min(x, r.X+r.W)), math.Max(r.Y, math.Min(y, r.Y+r.H))
}

// clickMenu handles a click while a menu is open; it reports whether the
// click was used.
func (g *Game) clickMenu(x, y float64) bool {
	m := g.menu
	g.menu = nil
	for _, it := range m.items {
		if it.Rect.Contains(x, y) && m.do != nil {
			m.do(it.Name)
			return true
		}
		if it.Rect.Contains(x, y) {
			for _, a := range m.actions[it.Name] {
				g.act(a)
			}
			return true
		}
	}
	return m.rect.Contains(x, y)
}

func (g *Game) drawMenu(dst *ebiten.Image) {
	m := g.menu
	if m == nil {
		return
	}
	s := g.scale
	// The line to the node (or point) the menu belongs to.
	nx, ny := nearestPoint(m.rect, m.anchorX, m.anchorY)
	if d := math.Hypot(nx-m.anchorX, ny-m.anchorY); d > m.anchorR {
		k := m.anchorR / d
		g.spr.line(dst, m.anchorX+(nx-m.anchorX)*k, m.anchorY+(ny-m.anchorY)*k, nx, ny, 2*s, colTextDim)
	}
	g.spr.fillRect(dst, m.rect, colPanelEdge)
	g.spr.fillRect(dst, m.rect.Inset(1*s), colPanel)
	drawText(dst, m.title, face(13*s, true), m.rect.X+12*s, m.rect.Y+14*s, colTextDim, alignStart)
	f := face(14*s, false)
	for _, it := range m.items {
		if it.Rect.Contains(g.hover.x, g.hover.y) {
			g.spr.fillRect(dst, it.Rect, colButtonHot)
		}
		drawText(dst, it.Label, f, it.Rect.X+10*s, it.Rect.CenterY(), colText, alignStart)
	}
}

// menuLayer is the open popup menu (drawMenu), if any: a press on an item
// does its actions; any other press closes it and goes on to the panels
// below.
type menuLayer struct{ g *Game }

func (p menuLayer) draw(dst *ebiten.Image) { p.g.drawMenu(dst) }

func (p menuLayer) press(x, y float64, long bool) bool {
	return p.g.menu != nil && p.g.clickMenu(x, y)
}

// tip: nothing is explained while a menu is open.
func (p menuLayer) tip(x, y float64) (tooltip, bool) { return tooltip{}, p.g.menu != nil }
