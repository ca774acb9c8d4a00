package ui

import (
	"fmt"
	"testing"

	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestNodeMenuBesideItsNode: at each size, every node's menu (the longest
// one, a follower's under a leader) opens beside the node: on the screen,
// below the top bar, off the node's disc and timer ring and off every
// node's label and disk gauge, its line to the node clear of the others.
func TestNodeMenuBesideItsNode(t *testing.T) {
	for _, size := range screenSizes {
		g := testGame(t, "")
		g.SeekTo(3000)
		g.w, g.h = size[0], size[1]
		g.lay = computeLayout(g.w, g.h, 1, g.view().IDs(), false)
		require.Len(t, g.lay.Nodes, 5)
		for _, spot := range g.lay.Nodes {
			where := fmt.Sprintf("%dx%d, S%d", size[0], size[1], spot.ID)
			g.click(spot.X, spot.Y, false)
			require.NotNil(t, g.menu, where)
			r := g.menu.rect
			assert.GreaterOrEqual(t, len(g.menu.items), 2, where)
			assert.True(t, r.X >= 0 && r.X+r.W <= float64(g.w) && r.Y+r.H <= float64(g.h), "%s: the menu %v is on the screen", where, r)
			assert.GreaterOrEqual(t, r.Y, g.lay.TopBar.Y+g.lay.TopBar.H, "%s: the menu %v is below the top bar", where, r)
			assert.GreaterOrEqual(t, rectCircleDistance(r, spot.X, spot.Y), spot.R+7, "%s: the menu %v is off its node", where, r)
			nx, ny := nearestPoint(r, spot.X, spot.Y)
			for _, o := range g.lay.Nodes {
				assert.False(t, r.overlaps(o.labelBox(1)), "%s: the menu %v is off S%d's label %v", where, r, o.ID, o.labelBox(1))
				assert.False(t, r.overlaps(g.diskBox(o)), "%s: the menu %v is off S%d's disk gauge", where, r, o.ID)
				if o.ID != spot.ID {
					d, _ := segmentDistance(o.X, o.Y, spot.X, spot.Y, nx, ny)
					assert.GreaterOrEqual(t, d, o.R+7, "%s: the line to the menu passes clear of S%d", where, o.ID)
				}
			}
			g.menu = nil
		}
	}
}

// TestLinkMenuOffTheNodes: a link's menu opens off both its ends and off
// every label.
func TestLinkMenuOffTheNodes(t *testing.T) {
	g := testGame(t, "")
	g.w, g.h = 1024, 768
	g.lay = computeLayout(g.w, g.h, 1, g.view().IDs(), false)
	for _, l := range [][2]int{{0, 1}, {1, 3}, {2, 3}} {
		a, b := g.lay.Nodes[l[0]], g.lay.Nodes[l[1]]
		g.click((a.X+b.X)/2, (a.Y+b.Y)/2, false)
		require.NotNil(t, g.menu)
		r := g.menu.rect
		where := fmt.Sprintf("link %s–%s", a.ID.Name(), b.ID.Name())
		for _, o := range g.lay.Nodes {
			assert.False(t, r.overlaps(o.labelBox(1)), "%s: the menu %v is off S%d's label", where, r, o.ID)
			assert.GreaterOrEqual(t, rectCircleDistance(r, o.X, o.Y), o.R+7, "%s: the menu %v is off S%d", where, r, o.ID)
		}
		g.menu = nil
	}
}

// TestMenusSpeakTheLanguage: in Chinese the node and link menus (and the
// message menu's words)
// say the words the zh lessons quote (崩溃, 立即超时, 隔离...), each
// label whole inside the menu; the item names stay, for lessons and tests.
func TestMenusSpeakTheLanguage(t *testing.T) {
	withCJKFont(t)
	g := testGameWith(t, Options{Lang: i18n.Chinese})
	g.SeekTo(3000)
	leader, ok := g.world().Leader()
	require.True(t, ok)
	labels := func() map[string]string {
		require.NotNil(t, g.menu)
		out := map[string]string{}
		f := face(14, false)
		for _, it := range g.menu.items {
			out[it.Name] = it.Label
			assert.LessOrEqual(t, it.Rect.X+10+textWidth(it.Label, f), g.menu.rect.X+g.menu.rect.W, "%q fits its menu", it.Label)
		}
		return out
	}
	follower := leader%5 + 1
	spot, _ := g.lay.Node(view.ID(follower))
	g.click(spot.X, spot.Y, false)
	assert.Equal(t, map[string]string{"menu-crash": "崩溃", "menu-timeout": "立即超时", "menu-transfer": "转移领导权到这里",
		"menu-snapshot": "生成快照", "menu-isolate": "隔离", "menu-remove": "从集群中移除"}, labels())
	assert.Equal(t, view.ID(follower).Name(), g.menu.title)
	g.menu = nil
	g.act(view.Action{Do: "crash", Node: view.ID(follower)})
	g.click(spot.X, spot.Y, false)
	assert.Equal(t, map[string]string{"menu-restart": "重启"}, labels())
	g.menu = nil

	g.act(view.Action{Do: "cut", From: 1, To: 2})
	a, b := g.lay.Nodes[0], g.lay.Nodes[1]
	g.click((a.X+b.X)/2, (a.Y+b.Y)/2, false)
	assert.Equal(t, map[string]string{"menu-cut-both": "双向断开", "menu-cut-ba": "只断开 S2→S1", "menu-heal-link": "恢复链路"}, labels())
	assert.Equal(t, "链路 S1–S2", g.menu.title)
	g.menu = nil

	assert.Equal(t, "消息 7", messageTitle(g.lang, &view.Flight{ID: 7}))
	assert.Equal(t, "丢弃这条消息", g.tr("menu.drop"))
}
