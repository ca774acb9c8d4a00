package ui

import (
	"testing"
	"time"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/raftlab/raftlab/lessons/doc"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// tickFor runs g's updates for d of the app's time, at the current tick
// rate.
func tickFor(t *testing.T, g *Game, d time.Duration) {
	t.Helper()
	for end := g.uptime.now() + d; g.uptime.now() < end; {
		require.NoError(t, g.Update())
	}
}

// withTPS runs the updates of the test at tps ticks a second until it
// ends.
func withTPS(t *testing.T, tps int) {
	t.Cleanup(func() { ebiten.SetTPS(ebiten.DefaultTPS) })
	ebiten.SetTPS(tps)
}

// timings are the app's timings as a learner meets them, measured on the
// app's uptime.
type timings struct {
	// longPress is how long a finger rests on a server before its menu
	// opens; status how long a message shows in the status line.
	longPress, status time.Duration
	// virtualMs is how far the simulation runs in a second at the
	// default speed; pulse is the pointers' strength a quarter second in.
	virtualMs, pulse float64
	// ticks are the updates the long-press took.
	ticks int
}

// measureTimings measures the timings with Update run at tps ticks a
// second.
func measureTimings(t *testing.T, tps int) timings {
	withTPS(t, tps)
	var out timings

	g := testGame(t, "")
	g.paused = true
	spot := g.lay.Nodes[0]
	g.touchBegin(1, spot.X, spot.Y)
	for g.menu == nil && g.uptime.now() < 5*time.Second {
		require.NoError(t, g.Update())
		out.ticks++
	}
	require.NotNil(t, g.menu, "a long-press opens the server's menu")
	out.longPress = g.uptime.now()

	g = testGame(t, "")
	g.paused = true
	tickFor(t, g, time.Second)
	g.say("hello")
	said := g.uptime.now()
	for g.statusShown() != "" && g.uptime.now() < said+time.Minute {
		require.NoError(t, g.Update())
	}
	out.status = g.uptime.now() - said

	g = testGame(t, "")
	tickFor(t, g, time.Second)
	out.virtualMs = g.clock

	g = testGame(t, "")
	tickFor(t, g, time.Second/4)
	out.pulse = g.pulse()
	return out
}

// TestTimingsAreInTime: the long-press, the status line's expiry, the
// simulation's speed and the pointers' pulse are timed in time, not in
// updates or frames: at 60 and at 120 ticks a second they are the same,
// and as long as they are meant to be.
func TestTimingsAreInTime(t *testing.T) {
	at60 := measureTimings(t, 60)
	at120 := measureTimings(t, 120)
	t.Logf("60 TPS: %+v", at60)
	t.Logf("120 TPS: %+v", at120)
	assert.Equal(t, longPress, at60.longPress)
	assert.Equal(t, longPress, at120.longPress)
	assert.Equal(t, 2*at60.ticks, at120.ticks, "twice the updates for the same half second")
	assert.Equal(t, statusFor, at60.status)
	assert.Equal(t, statusFor, at120.status)
	assert.InDelta(t, float64(doc.Speeds[defaultSpeed]), at60.virtualMs, 1e-6, "a second at the default speed")
	assert.InDelta(t, at60.virtualMs, at120.virtualMs, 1e-6)
	assert.InDelta(t, at60.pulse, at120.pulse, 1e-9)
}

// TestUptimeFollowsATickRateChange: a change of the tick rate times the
// ticks after it at the new rate and keeps the time already counted.
func TestUptimeFollowsATickRateChange(t *testing.T) {
	var u uptime
	withTPS(t, 60)
	for range 30 {
		u.tick()
	}
	assert.Equal(t, 500*time.Millisecond, u.now())
	ebiten.SetTPS(120)
	for range 60 {
		u.tick()
	}
	assert.Equal(t, time.Second, u.now())
	ebiten.SetTPS(ebiten.SyncWithFPS)
	u.tick()
	assert.Equal(t, time.Second+time.Second/defaultTPS, u.now(), "a tick without a rate counts as one of 60 a second")
}
