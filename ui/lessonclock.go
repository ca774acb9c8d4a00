package ui

import (
	"time"
)

// runTo moves the simulation towards t: in a lesson through its step's
// play, which stops (and pauses the game) the moment the step's condition
// first holds, and does not move before a predict step is answered. The
// step is done then, and the progress says so at once: a learner who
// leaves without pressing Continue has still done it.
func (g *Game) runTo(t int64) {
	p := g.lessonPlay()
	if p == nil {
		g.sess.RunUntil(t)
		return
	}
	was := p.Done()
	p.Advance(t)
	if p.Blocked() || (!was && p.Done()) {
		g.clock = float64(g.sess.Now())
	}
	if !was && p.Done() {
		g.paused = true
		g.lesson.reveal = true
		g.recordProgress(progressDone)
	}
}

// lessonTick is the lesson panel's part of an update: it takes the keys
// that scroll the column (see panelkeys.go; the inspector shares the
// column).
func (g *Game) lessonTick() {
	g.takeScrollKeys()
}

// lessonWall is the learner's time in the current step, in the app's
// uptime (right whatever the tick rate, and if it changes).
func (g *Game) lessonWall() time.Duration {
	return g.uptime.now() - g.lesson.stepStart
}
