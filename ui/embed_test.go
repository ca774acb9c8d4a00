package ui

import (
	"fmt"
	"math"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestEmbedLayoutFits: in frames from the smallest laid out at full size
// to a wide course page's, the embedded mode's strip holds the play
// control and the mark apart, and every server and its label is inside
// the cluster, under the strip, clear of the others.
func TestEmbedLayoutFits(t *testing.T) {
	for _, size := range [][2]int{{embedMinW, embedMinH}, {560, 360}, {640, 400}, {800, 450}, {1200, 500}} {
		for _, n := range []int{3, 5, 7} {
			t.Run(fmt.Sprintf("%dx%d/%d", size[0], size[1], n), func(t *testing.T) {
				l := embedLayoutIn(i18n.English, size[0], size[1], 1, idList(n))
				require.Len(t, l.Buttons, 1)
				play := l.Buttons[0]
				assert.Equal(t, "play", play.Name)
				assert.False(t, play.Rect.overlaps(l.Title), "the play control clears the mark")
				assert.True(t, inside(play.Rect, l.TopBar) && inside(l.Title, l.TopBar), "both in the strip")
				require.Len(t, l.Nodes, n)
				for _, sp := range l.Nodes {
					assert.True(t, inside(sp.labelBox(1), l.Cluster), "%s's label %v in the cluster %v", sp.ID.Name(), sp.labelBox(1), l.Cluster)
					assert.GreaterOrEqual(t, sp.Y-sp.R, l.TopBar.H, "%s is under the strip", sp.ID.Name())
				}
				assert.True(t, labelsClear(l.Nodes), "labels clear of each other")
				for i, a := range l.Nodes {
					for _, b := range l.Nodes[i+1:] {
						assert.Greater(t, math.Hypot(a.X-b.X, a.Y-b.Y), a.R+b.R+8, "%s and %s apart", a.ID.Name(), b.ID.Name())
					}
					assert.Less(t, a.Y+a.R, l.Cluster.Y+l.Cluster.H-clientStrip+6, "%s clear of the client panel", a.ID.Name())
				}
			})
		}
	}
}

// TestEmbedShrinksSmallFrames: a frame smaller than the smallest laid out
// at full size is laid out at that size and scaled down, keeping its
// shape; at that size and above nothing shrinks.
func TestEmbedShrinksSmallFrames(t *testing.T) {
	assert.InDelta(t, 260.0/320, embedShrink(400, 260), 1e-9)
	assert.InDelta(t, 0.5, embedShrink(240, 400), 1e-9)
	assert.Equal(t, 1.0, embedShrink(480, 320))
	assert.Equal(t, 1.0, embedShrink(1920, 1080))
	assert.Equal(t, 1.0, embedShrink(0, 0), "no window yet")
}

// TestEmbedShowsTheClusterAlone: an embedded game draws the cluster, the
// strip and a menu, never the side panels, the timeline or the welcome
// card; a click on a server still opens its menu, and the strip's control
// plays and pauses.
func TestEmbedShowsTheClusterAlone(t *testing.T) {
	g := testGameWith(t, Options{Embed: true, Prefs: &memStore{}})
	g.setLayout(640, 400, 1)
	assert.False(t, g.welcome.welcomeShown(), "no welcome card in a frame")
	for _, p := range g.panels() {
		switch p.(type) {
		case *clusterPanel, pointersPanel, embedStrip, menuLayer:
		default:
			t.Errorf("an embedded game shows %T", p)
		}
	}
	g.Draw(ebiten.NewImage(g.w, g.h))
	spot := g.lay.Nodes[0]
	g.Click(spot.X, spot.Y)
	require.NotNil(t, g.menu, "a click on a server opens its menu")
	g.escape()

	play := g.lay.Buttons[0]
	paused := g.paused
	g.Click(play.Rect.CenterX(), play.Rect.CenterY())
	assert.Equal(t, !paused, g.paused, "the play control toggles")
}
