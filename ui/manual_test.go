package ui

import (
	"fmt"
	"testing"

	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// clickChip clicks the chip of the message waiting on from -> to that
// has the given kind and position.
func clickChip(t *testing.T, g *Game, from, to view.ID, kind string, nth int) {
	t.Helper()
	g.placeMessages()
	for _, c := range g.chips {
		if c.f.From == from && c.f.To == to && c.kind == kind && c.nth == nth {
			g.click(c.x, c.y, false)
			require.NotNil(t, g.menu, "the chip's menu")
			return
		}
	}
	t.Fatalf("no chip %d-%d %s %d among %d", from, to, kind, nth, len(g.chips))
}

// TestManualByClicking: the switch turns manual mode on; the leader's menu
// sends heartbeats; a chip's menu duplicates, drops and delivers; the
// clock stands still while playing; the switch turns it off again.
func TestManualByClicking(t *testing.T) {
	g := testGame(t, "")
	g.SeekTo(3000)
	leader, ok := g.view().Leader()
	require.True(t, ok)
	clickButton(t, g, []Button{g.manualSwitch()}, "manual")
	require.True(t, g.manualOn())

	spot, _ := g.lay.Node(leader)
	g.click(spot.X, spot.Y, false)
	clickItem(t, g, "menu-fire-heartbeat")
	follower := view.ID(1)
	if leader == 1 {
		follower = 2
	}
	queue := func() int { return len(g.world().Queued(raft.ID(leader), raft.ID(follower))) }
	n := queue()
	require.Positive(t, n)

	clickChip(t, g, leader, follower, "AppendEntries", 1)
	assert.Equal(t, []string{"menu-deliver", "menu-drop", "menu-duplicate"}, menuNames(g))
	clickItem(t, g, "menu-duplicate")
	assert.Equal(t, n+1, queue())
	clickChip(t, g, leader, follower, "AppendEntries", 1)
	clickItem(t, g, "menu-drop")
	assert.Equal(t, n, queue())
	clickChip(t, g, leader, follower, "AppendEntries", 1)
	clickItem(t, g, "menu-deliver")
	assert.Equal(t, n-1, queue())
	assert.Positive(t, len(g.world().Queued(raft.ID(follower), raft.ID(leader))), "the answer waits")
	assert.Empty(t, g.status.text, "no choice was refused")

	now := g.sess.Now()
	g.paused = false
	for range 30 {
		require.NoError(t, g.Update())
	}
	assert.Equal(t, now, g.sess.Now(), "time stands still")
	assert.Equal(t, float64(now), g.clock)

	clickButton(t, g, []Button{g.manualSwitch()}, "manual")
	assert.False(t, g.manualOn())
	g.RunFor(500)
	assert.Zero(t, queue(), "the network delivered what waited")
}

// menuNames are the open menu's entries.
func menuNames(g *Game) []string {
	var out []string
	for _, it := range g.menu.items {
		out = append(out, it.Name)
	}
	return out
}

// TestChipsGroupWhenMany: a queue that fits its link draws a chip a
// message; one that does not, a chip a kind, with its count.
func TestChipsGroupWhenMany(t *testing.T) {
	var q []view.Flight
	for i, typ := range []view.MsgType{view.MsgAppendEntries, view.MsgRequestVote, view.MsgAppendEntries, view.MsgAppendEntries} {
		q = append(q, view.Flight{ID: uint64(i + 1), Kind: view.FlightRaft, Msg: view.Message{Type: typ}})
	}
	one := chipsOf(q, 4)
	require.Len(t, one, 4)
	assert.Equal(t, []int{1, 1, 2, 3}, []int{one[0].nth, one[1].nth, one[2].nth, one[3].nth})
	grouped := chipsOf(q, 3)
	require.Len(t, grouped, 2)
	assert.Equal(t, "AppendEntries", grouped[0].kind)
	assert.Equal(t, 3, grouped[0].count)
	assert.Equal(t, uint64(1), grouped[0].f.ID, "the oldest of its kind")
	assert.Equal(t, 1, grouped[1].count)
}

// TestManualReplaysAhead: after a seek back into a stretch of manual mode,
// playing replays the choices ahead at their times, then stands still.
func TestManualReplaysAhead(t *testing.T) {
	g := testGame(t, "")
	g.SeekTo(3000)
	leader, _ := g.view().Leader()
	g.act(view.Action{Do: "manual", On: true})
	follower := view.ID(1)
	if leader == 1 {
		follower = 2
	}
	g.act(view.Action{Do: "put", Key: "x", Value: "1", Node: leader})
	g.act(view.Action{Do: "deliver", From: leader, To: follower, Kind: "AppendEntries", Nth: 2})
	require.Empty(t, g.status.text)
	end, last := g.sess.Now(), g.sess.Actions()[len(g.sess.Actions())-1].At
	require.Greater(t, last, int64(3000), "the delivery came after the request reached the leader")
	g.seek(3000)
	require.True(t, g.manualOn())
	g.paused = false
	for i := 0; i < 2000 && g.sess.Now() < end; i++ {
		require.NoError(t, g.Update())
	}
	assert.Equal(t, end, g.sess.Now(), "the choices ahead were replayed")
	for range 30 {
		require.NoError(t, g.Update())
	}
	assert.Equal(t, end, g.sess.Now(), "then time stands still")
}

// TestManualControlsApart: at each size the switch, the banner and the
// Partition button stand apart, and clear of every server and label.
func TestManualControlsApart(t *testing.T) {
	for _, size := range screenSizes {
		g := testGame(t, "")
		g.setLayout(size[0], size[1], 1)
		g.act(view.Action{Do: "manual", On: true})
		sw, banner := g.manualSwitch().Rect, g.manualBanner()
		part := g.partitionButtons()[0].Rect
		where := fmt.Sprintf("%dx%d", size[0], size[1])
		assert.False(t, sw.overlaps(part), "%s: the switch %v is apart from Partition %v", where, sw, part)
		assert.False(t, sw.overlaps(banner), "%s: the switch %v is apart from the banner %v", where, sw, banner)
		if size[0] > 800 {
			assert.Positive(t, banner.W, "%s: the banner shows", where)
		}
		for _, r := range []Rect{sw, banner} {
			assert.True(t, r.X >= g.lay.Cluster.X && r.X+r.W <= g.lay.Cluster.X+g.lay.Cluster.W, "%s: %v in the cluster", where, r)
			for _, n := range g.lay.Nodes {
				assert.GreaterOrEqual(t, rectCircleDistance(r, n.X, n.Y), n.R, "%s: %v off S%d", where, r, n.ID)
				assert.False(t, r.overlaps(n.labelBox(1)), "%s: %v off S%d's label", where, r, n.ID)
			}
		}
	}
}
