package ui

import (
	"time"

	"github.com/hajimehoshi/ebiten/v2"
)

// uptime is the app's own time: how long it has run, counted in ticks
// (Update runs ebiten.TPS times a second), never in frames drawn, so that
// a long-press or the status line lasts as long on a 120 Hz screen, or
// when frames drop, as at 60 Hz. It is not the simulation's virtual time
// (Game.clock), which runs at the playback speed and stops when paused.
//
// The time is counted exactly: the ticks since the tick rate last changed,
// each 1/TPS of a second, from the time it changed.
type uptime struct {
	// base is the time when the tick rate became tps; ticks are the ticks
	// since then.
	base  time.Duration
	tps   int
	ticks int64
}

// defaultTPS is the tick rate when ebiten reports none: under
// ebiten.SyncWithFPS ticks have no fixed length (the app never asks for
// it), and then a tick counts as one of the default 60 a second.
const defaultTPS = 60

// tick counts one update at the current tick rate.
func (u *uptime) tick() {
	tps := ebiten.TPS()
	if tps <= 0 {
		tps = defaultTPS
	}
	if tps != u.tps {
		u.base, u.tps, u.ticks = u.now(), tps, 0
	}
	u.ticks++
}

// now is how long the app has run.
func (u *uptime) now() time.Duration {
	if u.tps == 0 {
		return u.base
	}
	return u.base + time.Duration(u.ticks)*time.Second/time.Duration(u.tps)
}
