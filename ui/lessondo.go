package ui

import (
	"github.com/raftlab/raftlab/lessons/doc"
	"github.com/raftlab/raftlab/playground/i18n"
)

// layoutDo lays out what a do step offers until its goal is reached: the
// hints due by now, and Show me (or, once pressed, that it was).
func (g *Game) layoutDo(b *lessonBuilder, pl doc.Play) {
	s := g.scale
	for _, h := range pl.Hints(g.lessonWall()) {
		b.spans(append([]doc.Span{{Text: g.tr("lesson.hint-label"), Style: doc.Bold}}, h.Spans...), b.x, b.w, colHighlight, false)
		b.gap(5)
	}
	if !pl.ShownMe() {
		rr := Rect{b.x, b.y - b.scroll, 96 * s, 26 * s}
		if b.visible(b.y, rr.H) {
			b.button(lessonControl{kind: lessonShowMe}, g.tr("lesson.showme"), g.tr("lesson.showme.hint"), rr, colText)
		}
		b.y += rr.H + 4*s
	} else {
		b.line(g.tr("lesson.shown"), face(11.5*s, false), colTextDim, lessonLineH*s)
	}
	if err := pl.ShowMeErr(); err != nil {
		b.spans([]doc.Span{{Text: g.tr("lesson.showme-failed", i18n.ErrorIn(err, g.lang))}}, b.x, b.w, colBad, false)
	}
}

// showMe does the running do step's actions for the learner (Show me),
// and plays.
func (g *Game) showMe() {
	pl := g.lesson.run.Play()
	if g.sess.Horizon() > g.sess.Now() {
		g.timeline.markers.forget(g.sess.Now(), g.sess.TraceLen()) // history forks here
	}
	if err := pl.ShowMe(); err != nil {
		g.lesson.err = i18n.ErrorIn(err, g.lang)
	}
	g.clock, g.paused = float64(g.sess.Now()), false
}
