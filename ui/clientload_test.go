package ui

import (
	"testing"

	"github.com/raftlab/raftlab/playground/view"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// clientLabel is the label of the client panel's button name.
func clientLabel(t *testing.T, g *Game, name string) string {
	t.Helper()
	for _, b := range g.client.clientButtons() {
		if b.Name == name {
			return b.Label
		}
	}
	t.Fatalf("the client panel has no %s", name)
	return ""
}

// lastAction is the session's newest action.
func lastAction(g *Game) view.Action {
	acts := g.sess.Actions()
	return acts[len(acts)-1]
}

// TestClientLoadControl: the client panel starts a load of writes at a
// preset rate, changes its rate, and stops it; each is an action of the
// session, so a seek back shows the load running again and the saved
// session replays it.
func TestClientLoadControl(t *testing.T) {
	g := testGame(t, "")
	g.SeekTo(2000)
	assert.Equal(t, "start load", clientLabel(t, g, "client-load"))
	assert.Equal(t, "load: 20/s", clientLabel(t, g, "client-load-rate"))
	for _, b := range g.client.clientButtons() {
		if b.Name == "client-load" {
			assert.Contains(t, b.Hint, "from 16 clients")
			assert.Contains(t, b.Hint, "when all 16 wait")
		}
	}
	calls := func() int { return len(g.world().History()) }

	pressClient(t, g, "client-load")
	started := g.sess.Now()
	assert.Equal(t, view.Action{At: started, Do: "load", Rate: 20, Clients: 16}, lastAction(g))
	g.SeekTo(started + 990)
	assert.Equal(t, 20, calls(), "20 writes a second")
	assert.Equal(t, "stop load", clientLabel(t, g, "client-load"))
	for _, c := range g.world().History() {
		assert.Equal(t, view.OpPut, c.Cmd.Op)
	}

	pressClient(t, g, "client-load-rate")
	assert.Equal(t, view.Action{At: g.sess.Now(), Do: "load", Rate: 100, Clients: 16}, lastAction(g), "a running load goes on at the new rate")
	assert.Equal(t, "load: 100/s", clientLabel(t, g, "client-load-rate"))
	g.SeekTo(g.sess.Now() + 990)
	assert.Equal(t, 120, calls())

	pressClient(t, g, "client-load")
	stopped := g.sess.Now()
	assert.Equal(t, view.Action{At: stopped, Do: "load"}, lastAction(g))
	assert.Equal(t, "start load", clientLabel(t, g, "client-load"))
	assert.Equal(t, "load: 100/s", clientLabel(t, g, "client-load-rate"), "the preset stays")
	g.SeekTo(stopped + 1000)
	assert.Equal(t, 120, calls(), "no call after the stop")

	g.SeekTo(started + 500)
	assert.Equal(t, "stop load", clientLabel(t, g, "client-load"), "a seek back finds the load running")
	assert.Equal(t, "load: 20/s", clientLabel(t, g, "client-load-rate"))
	g.SeekTo(stopped + 1000)

	// The saved session replays the load.
	data, err := g.exportScenario()
	require.NoError(t, err)
	sc, err := g.opts.Lab.ParseScenario(data)
	require.NoError(t, err)
	replay, err := g.opts.Lab.Start(sc)
	require.NoError(t, err)
	replay.RunUntil(stopped + 1000)
	assert.Equal(t, g.world().History(), replay.History())
}

// TestClientLoadRatePresets: while no load runs, the rate control only
// cycles through its presets; nothing is done to the session.
func TestClientLoadRatePresets(t *testing.T) {
	g := testGame(t, "")
	g.SeekTo(1000)
	before := len(g.sess.Actions())
	var seen []string
	for range 3 {
		pressClient(t, g, "client-load-rate")
		seen = append(seen, clientLabel(t, g, "client-load-rate"))
	}
	assert.Equal(t, []string{"load: 100/s", "load: 5/s", "load: 20/s"}, seen)
	assert.Len(t, g.sess.Actions(), before)
}
