package ui

import (
	"testing"

	"github.com/raftlab/raftlab/lessons"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
	"github.com/stretchr/testify/assert"
)

// TestLessonControlsExist: every control a lesson may point at is one the
// playground really has (a button, a menu item, or a panel), so the two
// lists cannot drift apart.
func TestLessonControlsExist(t *testing.T) {
	g := testGame(t, "leader-crash")
	g.SeekTo(500)
	have := map[string]bool{"timeline": true, "logs": true, "feed": true, "safety": true, "inspector": true}
	add := func(bs []Button) {
		for _, b := range bs {
			have[b.Name] = true
		}
	}
	add(g.lay.Buttons)
	add(g.feed.feedButtons())
	add(g.client.clientButtons())
	add(g.partitionButtons())
	g.openPartition()
	add(g.partitionButtons())
	g.part = nil
	for _, id := range g.view().IDs() {
		for _, it := range nodeMenu(g.sess, id) {
			have[it.name] = true
		}
	}
	if leader, ok := g.world().Leader(); ok {
		g.act(playgroundCrash(leader))
		for _, it := range nodeMenu(g.sess, view.ID(leader)) {
			have[it.name] = true
		}
	}
	for _, it := range linkMenu(g.sess, 1, 2) {
		have[it.name] = true
	}
	g.act(playgroundCut(1, 2))
	for _, it := range linkMenu(g.sess, 1, 2) {
		have[it.name] = true
	}
	have["menu-drop"] = true // the message menu's one item
	for _, c := range lessons.Controls {
		assert.True(t, have[c], "lessons may point at %q, which the playground does not have", c)
	}
}

func playgroundCrash(id raft.ID) view.Action {
	return view.Action{Do: "crash", Node: view.ID(id)}
}

func playgroundCut(a, b raft.ID) view.Action {
	return view.Action{Do: "cut", From: view.ID(a), To: view.ID(b)}
}
