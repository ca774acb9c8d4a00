package ui

import (
	"fmt"
	"testing"

	"github.com/raftlab/raftlab/internal/palette"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
	"github.com/stretchr/testify/assert"
)

// screenSizes are the window sizes the view must work at.
var screenSizes = [][2]int{{1280, 800}, {1024, 768}, {800, 600}}

// layoutGame is a game laid out for a screen of w x h with n servers,
// enough for the geometry of the cluster view.
func layoutGame(w, h, n int) *Game {
	ids := make([]view.ID, n)
	for i := range ids {
		ids[i] = view.ID(i + 1)
	}
	return &Game{w: w, h: h, scale: 1, lay: computeLayout(w, h, 1, ids, false)}
}

// TestDiskGaugeClearOfTheNode: a node's disk gauge is outside its disc and
// its timer ring (which reaches r+7), off every label and every other node,
// and inside the cluster area, for rings of 3 to 7 servers at each size.
func TestDiskGaugeClearOfTheNode(t *testing.T) {
	for _, size := range screenSizes {
		for n := 3; n <= 7; n++ {
			g := layoutGame(size[0], size[1], n)
			for _, spot := range g.lay.Nodes {
				where := fmt.Sprintf("%dx%d, %d servers, S%d", size[0], size[1], n, spot.ID)
				box := g.diskBox(spot)
				assert.GreaterOrEqual(t, rectCircleDistance(box, spot.X, spot.Y), spot.R+7*g.scale-0.01, "%s: the gauge %v is clear of the node and its timer ring", where, box)
				c := g.lay.Cluster
				assert.True(t, c.Contains(box.X, box.Y) && c.Contains(box.X+box.W, box.Y+box.H), "%s: the gauge %v is in the cluster area", where, box)
				for _, o := range g.lay.Nodes {
					assert.False(t, box.overlaps(o.labelBox(1)), "%s: the gauge %v is off S%d's label", where, box, o.ID)
					if o.ID != spot.ID {
						assert.GreaterOrEqual(t, rectCircleDistance(box, o.X, o.Y), o.R+7*g.scale, "%s: the gauge is off S%d", where, o.ID)
					}
				}
			}
		}
	}
}

// TestClientsMarkIsVisible: in both themes the clients' mark has a rim
// that stands out from the ground (its tinted disc alone was a faint
// beige on the light theme's white).
func TestClientsMarkIsVisible(t *testing.T) {
	darkAfter(t)
	for _, light := range []bool{false, true} {
		applyTheme(light)
		_, rim := clientsMark()
		assert.Greater(t, palette.Contrast(rim, colBackground), 3.0, "light %v: the rim %v on the ground %v", light, rim, colBackground)
	}
}

// TestWorldKeysAreInTheCatalogue: every catalogue key the cluster drawing,
// the logs panel and the timeline name in tables (some are the help
// overlay's, shared) is in the catalogue: a renamed key would otherwise
// draw as [its.key].
func TestWorldKeysAreInTheCatalogue(t *testing.T) {
	keys := []string{"node.learner", "node.not-member", "help.role.crashed"}
	for _, r := range []raft.Role{raft.Follower, raft.PreCandidate, raft.Candidate, raft.Leader} {
		keys = append(keys, roleKey(view.Role(r)))
	}
	for _, l := range glyphLetters {
		if l.key != "" {
			keys = append(keys, l.key)
		}
	}
	for _, it := range logsLegendItems {
		keys = append(keys, it.long, it.short)
	}
	for _, k := range markKinds {
		keys = append(keys, k.key)
	}
	for _, k := range keys {
		assert.NotEqual(t, "["+k+"]", i18n.English.T(k), "%s is in the catalogue", k)
	}
	assert.Equal(t, "pre-candidate", i18n.English.T(roleKey(view.Role(raft.PreCandidate))), "the glossary's word, not raft's precandidate")
	assert.Equal(t, "预候选人", i18n.Chinese.T(roleKey(view.Role(raft.PreCandidate))))
}
