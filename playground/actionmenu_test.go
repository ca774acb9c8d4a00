package playground

import (
	"testing"

	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func menuNames(items []view.MenuItem) []string {
	var names []string
	for _, it := range items {
		names = append(names, it.Name)
	}
	return names
}

// TestMenusFromTheActionTable: the node, link and message menus list what
// makes sense now, in the order the app has always shown them, and each
// entry does its actions (cutting a link both ways is two).
func TestMenusFromTheActionTable(t *testing.T) {
	s := labSession(t, 3, 1, nil)
	leader := labWaitLeader(t, s, 1000)
	follower := raft.ID(1)
	if follower == leader {
		follower = 2
	}
	w := s.World()
	assert.Equal(t, []string{"menu-crash", "menu-timeout", "menu-transfer", "menu-snapshot", "menu-isolate", "menu-remove"}, menuNames(w.NodeMenu(view.ID(follower))))
	assert.Equal(t, []string{"menu-crash", "menu-snapshot", "menu-isolate", "menu-remove"}, menuNames(w.NodeMenu(view.ID(leader))))
	assert.Equal(t, []view.Action{{Do: "transferLeader", To: view.ID(follower)}}, w.NodeMenu(view.ID(follower))[2].Actions)
	assert.Empty(t, w.NodeMenu(7), "no such node")

	labDo(t, s, view.Action{Do: "crash", Node: view.ID(follower)})
	w = s.World()
	assert.Equal(t, []view.MenuItem{{Name: "menu-restart", Label: w.NodeMenu(view.ID(follower))[0].Label, Actions: []view.Action{{Do: "restart", Node: view.ID(follower)}}}}, w.NodeMenu(view.ID(follower)))

	both := w.LinkMenu(1, 2)
	assert.Equal(t, []string{"menu-cut-both", "menu-cut-ab", "menu-cut-ba"}, menuNames(both))
	assert.Equal(t, []view.Action{{Do: "cut", From: 1, To: 2}, {Do: "cut", From: 2, To: 1}}, both[0].Actions)
	assert.Equal(t, "Cut S1→S2 only", both[1].Label.String())
	labDo(t, s, view.Action{Do: "cut", From: 2, To: 1})
	w = s.World()
	assert.Equal(t, []string{"menu-cut-both", "menu-cut-ab", "menu-heal-link"}, menuNames(w.LinkMenu(1, 2)))
	assert.Equal(t, []view.Action{{Do: "link", From: 1, To: 2}, {Do: "link", From: 2, To: 1}}, w.LinkMenu(1, 2)[2].Actions)

	require.Len(t, w.FlightMenu(42), 1)
	assert.Equal(t, view.MenuItem{Name: "menu-drop", Label: w.FlightMenu(42)[0].Label, Actions: []view.Action{{Do: "drop", Msg: 42}}}, w.FlightMenu(42)[0])
	assert.Empty(t, w.FlightMenu(0))
}
