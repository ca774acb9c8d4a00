package ui

import (
	"image/color"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The cached panels are redrawn only when their key changes, so each key
// must change whenever what its panel shows does, and stay put otherwise.

func TestKeyBufSeparatesStrings(t *testing.T) {
	a := keyBuf(nil).str("ab").str("c")
	b := keyBuf(nil).str("a").str("bc")
	assert.NotEqual(t, a, b)
	assert.Equal(t, a, keyBuf(nil).str("ab").str("c"))
}

func TestPanelCacheStale(t *testing.T) {
	area := Rect{10.5, 20.25, 100, 50}
	var c panelCache
	assert.True(t, c.stale(area, []byte("k")), "never drawn")
	x, y, w, h := cacheBounds(area)
	assert.Equal(t, []any{10.0, 20.0, 101, 51}, []any{x, y, w, h}, "the pixels the area touches")
	c = panelCache{key: []byte("k"), x: x, y: y, w: w, h: h, valid: true}
	assert.False(t, c.stale(area, []byte("k")))
	assert.True(t, c.stale(area, []byte("k2")), "new content")
	assert.True(t, c.stale(Rect{11.5, 20.25, 100, 50}, []byte("k")), "moved")
	assert.True(t, c.stale(Rect{10.5, 20.25, 120, 50}, []byte("k")), "resized")
}

func TestFacesAreShared(t *testing.T) {
	assert.Same(t, face(12, false), face(12, false))
	assert.NotSame(t, face(12, false), face(12, true))
	assert.NotSame(t, face(12, false), face(13, false))
}

// TestLogsKey: the key follows appends, commits, crashes and time travel,
// and is the same for the same moment.
func TestLogsKey(t *testing.T) {
	g := testGame(t, "")
	k0 := append([]byte(nil), g.logs.key(nil)...)
	assert.Equal(t, k0, []byte(g.logs.key(nil)), "same state, same key")

	g.SeekTo(2000) // a leader is elected
	_, ok := g.world().Leader()
	require.True(t, ok)
	k1 := append([]byte(nil), g.logs.key(nil)...)
	assert.NotEqual(t, k0, k1)

	// A write: appended on the leader, then replicated and committed. Each
	// step changes the key.
	g.clientWrite()
	prev, changes := k1, 0
	for ms := g.sess.Now(); ms < 2500; ms++ {
		g.SeekTo(ms)
		k := g.logs.key(nil)
		if string(k) != string(prev) {
			changes++
			prev = append([]byte(nil), k...)
		}
	}
	assert.GreaterOrEqual(t, changes, 3, "the append, its replication and its commit show")
	k3 := prev

	g.restartLeader() // crashes the leader
	k4 := append([]byte(nil), g.logs.key(nil)...)
	assert.NotEqual(t, k3, k4, "a crash shows")

	g.SeekTo(0)
	assert.Equal(t, k0, []byte(g.logs.key(nil)), "back at the start, the start's key")

	g.lay = computeLayout(1000, 800, 1, g.view().IDs(), false)
	assert.NotEqual(t, k0, []byte(g.logs.key(nil)), "a new layout shows")
}

// TestLogsKeyProgressMarks: the leader's view of a follower (its nextIndex
// and matchIndex marks) is part of the key.
func TestLogsKeyProgressMarks(t *testing.T) {
	g := testGame(t, "")
	g.SeekTo(2000)
	leader, ok := g.world().Leader()
	require.True(t, ok)
	before := append([]byte(nil), g.logs.key(nil)...)
	// Cut the leader off one follower, then write: the follower's marks
	// stay while the others' advance, and the leader's log grows.
	var follower = g.view().IDs()[0]
	if follower == view.ID(leader) {
		follower = g.view().IDs()[1]
	}
	g.act(view.Action{Do: "cut", From: view.ID(leader), To: follower})
	g.clientWrite()
	g.SeekTo(g.sess.Now() + 300)
	assert.NotEqual(t, before, []byte(g.logs.key(nil)))
}

// TestSafetyKey: a violation changes the monitor's key.
func TestSafetyKey(t *testing.T) {
	g := testGame(t, "figure8-unsafe")
	k0 := append([]byte(nil), g.safety.safetyKey(nil)...)
	g.SeekTo(g.scenario.Until)
	require.NotEmpty(t, g.world().Violations(), "the scenario breaks safety")
	assert.NotEqual(t, k0, []byte(g.safety.safetyKey(nil)))
	g.SeekTo(0)
	assert.Equal(t, k0, []byte(g.safety.safetyKey(nil)), "back before the violation")
}

// TestTopBarKey: play/pause, the pointer over a button and the status line
// change the top bar's key; the status line's expiry changes it back.
func TestTopBarKey(t *testing.T) {
	g := testGame(t, "")
	k0 := append([]byte(nil), g.top.topBarKey(nil)...)
	g.togglePause()
	assert.NotEqual(t, k0, []byte(g.top.topBarKey(nil)), "paused")
	g.togglePause()
	assert.Equal(t, k0, []byte(g.top.topBarKey(nil)))

	b, ok := g.lay.Button("step")
	require.True(t, ok)
	g.hover.x, g.hover.y = b.Rect.CenterX(), b.Rect.CenterY()
	assert.NotEqual(t, k0, []byte(g.top.topBarKey(nil)), "hover")
	g.hover.x, g.hover.y = -1, -1
	k0 = append(k0[:0], g.top.topBarKey(nil)...)

	g.say("hello")
	assert.NotEqual(t, k0, []byte(g.top.topBarKey(nil)), "status")
	tickFor(t, g, statusFor)
	assert.Equal(t, k0, []byte(g.top.topBarKey(nil)), "the status line has gone")
}

func TestTimelineInfoFollowsClock(t *testing.T) {
	g := testGame(t, "")
	a := g.timeline.timelineInfo()
	g.clock += 1
	assert.NotEqual(t, a, g.timeline.timelineInfo())
	b := g.timeline.timelineInfo()
	g.togglePause()
	assert.NotEqual(t, b, g.timeline.timelineInfo())
	c := g.timeline.timelineInfo()
	g.faster()
	assert.NotEqual(t, c, g.timeline.timelineInfo())
	strip := g.timeline.timelineStrip()
	assert.Less(t, strip.Y+strip.H, g.lay.Track.Y-3, "the strip stays clear of the track's markers")
}

func TestInspectorKey(t *testing.T) {
	g := testGame(t, "")
	g.SeekTo(2000)
	w := g.world()
	id := w.Nodes()[0]
	k := func() []byte {
		return append([]byte(nil), inspectorKey(nil, g.lay.Feed, g.scale, view.ID(id), inspectorText(i18n.English, w.View().Node(view.ID(id))))...)
	}
	k0 := k()
	assert.Equal(t, k0, k())
	g.SeekTo(2001) // the election timer moves
	w = g.world()
	assert.NotEqual(t, k0, k())
	assert.NotEqual(t, []byte(inspectorKey(nil, g.lay.Feed, 1, 1, []infoLine{{text: "a"}})), []byte(inspectorKey(nil, g.lay.Feed, 1, 2, []infoLine{{text: "a"}})), "another node")
}

func TestClientKey(t *testing.T) {
	g := testGame(t, "")
	k0 := append([]byte(nil), g.client.clientKey(nil, g.client.clientButtons())...)
	g.client.key = 1
	assert.NotEqual(t, k0, []byte(g.client.clientKey(nil, g.client.clientButtons())), "another key")
	g.client.key = 0
	b := g.client.clientButtons()[2]
	g.hover.x, g.hover.y = b.Rect.CenterX(), b.Rect.CenterY()
	assert.NotEqual(t, k0, []byte(g.client.clientKey(nil, g.client.clientButtons())), "hover")
}

// TestTextSpritesSweep: a line drawn again stays cached; one not drawn for
// textSpriteTTL frames is dropped.
func TestTextSpritesSweep(t *testing.T) {
	var ts textSprites
	dst := ebiten.NewImage(64, 32)
	f := face(12, false)
	ts.draw(dst, 0, "a", f, 10.5, 10, color.White, alignStart)
	ts.draw(dst, 0, "b", f, 10.5, 10, color.White, alignStart)
	ts.draw(dst, 0, "a", f, 10.5, 10, color.White, alignStart)
	assert.Len(t, ts.m, 2, "one image per line")
	ts.draw(dst, 0, "a", f, 10.25, 10, color.White, alignStart)
	assert.Len(t, ts.m, 3, "another fraction of a pixel is another image")
	ts.draw(dst, 10, "a", f, 10.5, 10, color.White, alignStart)
	ts.sweep(textSpriteTTL)
	assert.Len(t, ts.m, 3)
	ts.sweep(textSpriteTTL + 1)
	assert.Len(t, ts.m, 1, "only the line drawn at frame 10 is left")
}
