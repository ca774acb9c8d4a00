package ui

import (
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/raftlab/raftlab/lessons/doc"
)

// While a step waits for the simulation (a watch step, a predict step once
// answered, a do step the learner has paused), a strip above the panel's
// buttons says so: how far the step has got and how long is left, or that
// the simulation is paused, with a control to play it. Skip runs a watch
// or predict step to its end at once, so that nobody has to wait.

// waitStripH is the strip's height, in logical pixels; waitTextRowH is
// what a row of its own for the text adds, when the controls leave the
// text less than waitTextMin beside them (a narrow column).
const (
	waitStripH   = 34.0
	waitTextRowH = 18.0
	waitTextMin  = 215.0
)

// waitControlsW is how wide the strip's controls are, with their gaps.
func (g *Game) waitControlsW() float64 {
	_, timed := g.lessonWaiting()
	w := 0.0
	if timed {
		w += skipW + 6
	}
	if g.paused {
		w += resumeW + 6
	}
	return w * g.scale
}

// waitTextOwnRow reports whether the strip's text gets a row of its own,
// above the controls, in a strip w wide: so that it is never cut short.
func (g *Game) waitTextOwnRow(w float64) bool {
	return w-g.waitControlsW() < waitTextMin*g.scale
}

// waitStripHeight is the strip's height in a column w wide.
func (g *Game) waitStripHeight(w float64) float64 {
	if g.waitTextOwnRow(w) {
		return (waitStripH + waitTextRowH) * g.scale
	}
	return waitStripH * g.scale
}

// lessonWaiting is the step's play while it waits for the simulation to
// reach the step's condition (nil otherwise); timed is set when how long
// it takes can be told in advance: not for a do step, which waits for the
// learner.
func (g *Game) lessonWaiting() (pl doc.Play, timed bool) {
	pl = g.lessonPlay()
	if pl == nil || pl.Done() || pl.Blocked() {
		return nil, false
	}
	return pl, pl.Step().Kind != doc.Do
}

// waitStripShown reports whether the panel shows the strip.
func (g *Game) waitStripShown() bool {
	pl, timed := g.lessonWaiting()
	return pl != nil && (timed || g.paused)
}

// layoutWaitStrip lays out the strip's controls and the track of its bar
// in r (its text and the bar's fill change every frame: drawWaitStrip
// draws them). Skip sits at the strip's right end, Resume left of it: not
// where Continue appears, so that a second click on Skip cannot skip the
// step's outcome too.
func (g *Game) layoutWaitStrip(b *lessonBuilder, r Rect) {
	s := g.scale
	b.v.wait = r
	pl, timed := g.lessonWaiting()
	right, y := r.X+r.W, r.Y
	ownRow := g.waitTextOwnRow(r.W)
	if ownRow {
		y += waitTextRowH * s
	}
	if timed {
		b.v.boxes = append(b.v.boxes, lessonBox{g.waitBar(r), colPanelEdge, -1})
		b.button(lessonControl{kind: lessonSkip}, g.tr("lesson.skip"), g.tr("lesson.skip.hint"), Rect{right - skipW*s, y, skipW * s, 22 * s}, colText)
		right -= (skipW + 6) * s
	}
	if g.paused {
		label := g.tr("lesson.resume")
		if notStarted(pl) {
			label = g.tr("lesson.play")
		}
		b.button(lessonControl{kind: lessonResume}, label, g.tr("lesson.resume.hint"), Rect{right - resumeW*s, y, resumeW * s, 22 * s}, colHighlight)
		right -= (resumeW + 6) * s
	}
	b.v.waitText = right - r.X
	if ownRow {
		b.v.waitText = r.W
	}
}

// The widths of the strip's controls, in logical pixels.
const (
	skipW   = 64.0
	resumeW = 76.0
)

// notStarted reports whether a watch step has not yet played (it waits
// for the learner to press play; other steps play from the start).
func notStarted(pl doc.Play) bool {
	return pl.Step().Kind == doc.Watch && pl.Elapsed() == 0
}

// waitBar is the track of the strip's progress bar.
func (g *Game) waitBar(r Rect) Rect {
	s := g.scale
	return Rect{r.X, r.Y + r.H - 6*s, r.W, 4 * s}
}

// waitProgress is how far the step has got: the share of its canonical
// wait played, and the simulated time left (ok is false when that cannot
// be told).
func (g *Game) waitProgress() (done float64, leftMs int64, ok bool) {
	pl, timed := g.lessonWaiting()
	if !timed {
		return 0, 0, false
	}
	wait, err := g.lesson.run.Wait()
	if err != nil {
		return 0, 0, false
	}
	el := pl.Elapsed()
	if wait <= 0 {
		return 1, 0, true
	}
	return math.Min(1, float64(el)/float64(wait)), max(0, wait-el), true
}

// waitText is what the strip says.
func (g *Game) waitText() string {
	pl, _ := g.lessonWaiting()
	switch {
	case pl == nil:
		return ""
	case g.paused && notStarted(pl):
		return g.tr("lesson.wait.start")
	case g.paused:
		return g.tr("lesson.wait.paused")
	}
	_, left, ok := g.waitProgress()
	switch {
	case !ok:
		return ""
	case left == 0:
		return g.tr("lesson.wait.soon")
	}
	wall := int(math.Ceil(float64(left) / float64(doc.Speeds[g.speed])))
	if left >= 1000 {
		return g.tr("lesson.wait.left.s", wall, float64(left)/1000)
	}
	return g.tr("lesson.wait.left.ms", wall, left)
}

// drawWaitStrip draws what the strip shows that changes as the step plays:
// its text and the bar's fill.
func (g *Game) drawWaitStrip(dst *ebiten.Image, v *lessonView) {
	if v.wait.W == 0 {
		return
	}
	s := g.scale
	c := colTextDim
	if g.paused {
		c = colHighlight
	}
	f := face(11.5*s, false)
	drawText(dst, ellipsize(g.waitText(), f, v.waitText), f, v.wait.X, v.wait.Y+11*s, c, alignStart)
	if done, _, ok := g.waitProgress(); ok {
		bar := g.waitBar(v.wait)
		bar.W *= done
		g.spr.fillRect(dst, bar, colHighlight)
	}
}

// skipStep runs the simulation to the moment the step's condition holds,
// as if the learner had watched it play, and pauses there.
func (g *Game) skipStep() {
	pl, timed := g.lessonWaiting()
	if !timed {
		return
	}
	g.runTo(g.sess.Now() + pl.Step().Within)
	g.clock = float64(g.sess.Now())
	if !pl.Done() {
		g.lesson.err = g.tr("lesson.skip.failed", pl.Step().Within/1000)
	}
}
