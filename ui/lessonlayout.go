package ui

import (
	"image/color"

	"github.com/hajimehoshi/ebiten/v2/text/v2"
)

// lessonView is the panel laid out: boxes, lines of text and controls, in
// screen positions.
type lessonView struct {
	boxes   []lessonBox
	texts   []lessonText
	buttons []Button
	// terms are the key terms in the text, where they are: pointing at one
	// explains it and points at it on screen.
	terms []termSpot
	// revealY is where what happened starts in the unscrolled text (a
	// predict step's marked choices, or the explanation; 0: not shown yet);
	// top and maxScroll bound the scrolling text.
	revealY, top, maxScroll float64
	// questionY is where an open question starts in the unscrolled text,
	// or once answered the learner's answer, when it scrolls with the
	// text (0: pinned below it, or none).
	questionY float64
	// wait is where the strip that shows a step's progress is (empty:
	// none); waitText is how wide its text may be, left of its controls.
	wait     Rect
	waitText float64
	// bar is the scroll bar, shown when the text runs past the foot.
	bar scrollBar
}

// termSpot is a key term of the narration and where it is drawn.
type termSpot struct {
	term string
	r    Rect
}

// lessonBox is a filled rectangle; button is the index of the control it is
// the background of (it lights up under the pointer), or -1.
type lessonBox struct {
	r      Rect
	c      color.RGBA
	button int
}

// lessonText is a line (or part of a line) of text, anchored at its start
// and vertical centre.
type lessonText struct {
	s     string
	x, y  float64
	f     text.Face
	c     color.Color
	align text.Align
}

// lessonArea is the lesson panel's part of the right-hand column: all of
// it but the feed and the safety strip at its foot.
func (g *Game) lessonArea() Rect {
	a := g.lay.Side
	a.H = g.feed.feedArea().Y - a.Y
	return a
}

// lessonStateKey appends to k everything the panel's layout depends on
// (the theme too: the laid-out boxes and texts carry its colours; and the
// language its words are in, and the fonts: the boxes carry the faces
// their words were measured and drawn with, so the Chinese fonts arriving
// lays the panel out again).
func (g *Game) lessonStateKey(k keyBuf) keyBuf {
	p := g.lesson
	k = k.rect(g.lessonArea()).float(g.scale).bool(lightTheme()).str(string(g.lang)).int(int64(fontGeneration())).float(p.scroll).str(p.err).str(g.progress.saveErr).str(g.progress.loadErr).uint(uint64(len(p.all))).bool(p.confirmReset).bool(p.confirmLeave)
	if p.run == nil {
		g.lessonProgress()
		return k.bool(false).int(int64(g.progress.version))
	}
	k = k.bool(true).str(p.run.Lesson().Name).uint(uint64(p.run.Index())).bool(p.more)
	pl := p.run.Play()
	ans, _ := pl.Answered()
	return k.bool(g.paused).bool(pl.Elapsed() == 0).int(int64(ans)).bool(pl.Done()).bool(pl.ShownMe()).bool(pl.ShowMeErr() != nil).uint(uint64(len(pl.Hints(g.lessonWall()))))
}

// lessonLaidOut is the panel laid out, recomputed only when its state
// changes.
func (g *Game) lessonLaidOut() *lessonView {
	p := g.lesson
	g.keyScratch = g.lessonStateKey(g.keyScratch[:0])
	if p.viewKey != nil && string(p.viewKey) == string(g.keyScratch) {
		return &p.view
	}
	p.viewKey = append(p.viewKey[:0], g.keyScratch...)
	was := p.scroll
	p.view = g.layoutLesson(false)
	if p.scroll != was {
		// Scrolled past the end: lay out the end now, not a blank
		// panel for a frame.
		return g.lessonLaidOut()
	}
	if p.reveal && p.view.revealY > 0 {
		// The step is done: bring its explanation into view, as far as
		// the text goes.
		p.reveal = false
		if want := min(p.view.revealY-p.view.top-8*g.scale, p.view.maxScroll); want > p.scroll {
			p.scroll = want
			return g.lessonLaidOut()
		}
	}
	if p.toQuestion {
		// The question could not be pinned: scroll the narration up so
		// that the question and its choices show, as far as they fit.
		p.toQuestion = false
		if want := min(p.view.questionY-p.view.top-4*g.scale, p.view.maxScroll); p.view.questionY > 0 && want > p.scroll {
			p.scroll = want
			return g.lessonLaidOut()
		}
	}
	return &p.view
}

// layoutLesson lays the panel out for the current state; withMore keeps a
// row under the text for the "more" control (laid out again with it when
// the text turns out to run on below).
func (g *Game) layoutLesson(withMore bool) lessonView {
	s := g.scale
	a := g.lessonArea()
	p := g.lesson
	b := &lessonBuilder{g: g, x: a.X + 14*s, w: a.W - 28*s, y: a.Y + 12*s}
	barY, bw := g.layoutLessonBar(b, a)
	g.layoutLessonFoot(b, barY, bw)
	// Until a step is done, the bar's right end (where Continue comes)
	// is free: the "more" control goes there, not on a row of its own.
	moreInBar := p.run != nil && !p.run.Play().Done()
	if withMore && !moreInBar {
		b.moreRow = 26 * s
		b.bottom -= b.moreRow
	}

	if p.run == nil {
		g.layoutLessonList(b)
	} else {
		g.layoutLessonStep(b, barY, bw)
		b.errors(p.err, g.progress.saveErr)
	}
	g.layoutLessonScroll(b, a)
	// A step's text that runs on below says so with a control too; the
	// list has its scroll bar alone (every lesson is one scroll away).
	if p.run != nil && b.v.maxScroll > b.scroll+1 {
		if !withMore {
			return g.layoutLesson(true)
		}
		// More text below: say so, with a control that scrolls to it
		// (for touch screens and those without a wheel).
		r := Rect{b.x + b.w - 92*s, b.bottom + 2*s, 92 * s, 22 * s}
		if moreInBar {
			r = Rect{b.x + b.w - bw, barY, bw, 28 * s}
		}
		b.button(lessonControl{kind: lessonMore}, g.tr("lesson.scroll"), g.tr("lesson.scroll.hint"), r, colHighlight)
	}
	return b.v
}

// layoutLessonBar lays out the bottom bar of area a: Back and Close
// (Continue comes with the step's end). It returns the bar's top and its
// buttons' width, and leaves the text the room above it.
func (g *Game) layoutLessonBar(b *lessonBuilder, a Rect) (barY, bw float64) {
	s := g.scale
	p := g.lesson
	barY = a.Y + a.H - 38*s
	b.v.boxes = append(b.v.boxes, lessonBox{Rect{a.X + 1*s, barY - 8*s, a.W - 1*s, 1 * s}, colPanelEdge, -1})
	bw = 84 * s
	if p.run != nil && p.run.Index() > 0 {
		b.button(lessonControl{kind: lessonBack}, g.tr("lesson.back"), g.tr("lesson.back.hint"), Rect{b.x, barY, bw, 28 * s}, colText)
	}
	// Close is in the middle of a step's bar (Back left, Continue right),
	// at the right end of the list's (Reset progress, which is wide, left).
	closeX := a.X + (a.W-bw)/2
	if p.run == nil {
		closeX = b.x + b.w - bw
	}
	b.button(lessonControl{kind: lessonClose}, g.tr("lesson.close"), g.tr("lesson.close.hint"), Rect{closeX, barY, bw, 28 * s}, colText)
	b.top, b.bottom = a.Y, barY-12*s
	return barY, bw
}

// layoutLessonFoot lays out what stands above the bar, below the text:
// the wait strip, the question whether to leave, or under the list the
// reset of progress.
func (g *Game) layoutLessonFoot(b *lessonBuilder, barY, bw float64) {
	s := g.scale
	p := g.lesson
	if g.waitStripShown() {
		h := g.waitStripHeight(b.w)
		r := Rect{b.x, barY - 12*s - h, b.w, h}
		g.layoutWaitStrip(b, r)
		b.bottom = r.Y - 6*s
	}
	if p.confirmLeave && p.run != nil {
		g.layoutLeaveQuestion(b, bw)
	}
	if p.run == nil {
		g.layoutResetBar(b, barY, bw)
	}
}

// layoutLessonScroll bounds the scrolling text of area a and lays out its
// scroll bar. If the scroll went past the end, the next layout (keyed on
// the clamped scroll) shows the end.
func (g *Game) layoutLessonScroll(b *lessonBuilder, a Rect) {
	b.v.top, b.v.maxScroll = b.top, max(0, b.y-b.bottom)
	if end := b.y - b.scroll; b.scroll > 0 && end < b.bottom {
		g.lesson.scroll = b.v.maxScroll
	}
	b.v.bar = newScrollBar(a.X+a.W, b.top, b.bottom, b.y-b.top, b.scroll, g.scale)
	if b.v.bar.shown() {
		b.v.boxes = append(b.v.boxes, lessonBox{b.v.bar.track, colPanelEdge, -1}, lessonBox{b.v.bar.thumb, colTextDim, -1})
	}
}

// layoutLeaveQuestion lays out, above the panel's foot, the question
// whether to leave the lesson, with where it will open again (so that the
// learner knows what leaving costs).
func (g *Game) layoutLeaveQuestion(b *lessonBuilder, bw float64) {
	s := g.scale
	y := b.bottom - 62*s
	f := face(12*s, true)
	b.v.texts = append(b.v.texts, lessonText{ellipsize(g.tr("lesson.leave.question"), f, b.w), b.x, y + 8*s, f, colHighlight, alignStart})
	at := g.resumeStep(g.lesson.run.Lesson()) + 1
	fd := face(11.5*s, false)
	b.v.texts = append(b.v.texts, lessonText{ellipsize(g.tr("lesson.leave.resume", at), fd, b.w), b.x, y + 26*s, fd, colTextDim, alignStart})
	b.button(lessonControl{kind: lessonLeave}, g.tr("lesson.leave"), g.tr("lesson.leave.hint"), Rect{b.x, y + 38*s, bw, 24 * s}, colText)
	b.button(lessonControl{kind: lessonStay}, g.tr("lesson.stay"), g.tr("lesson.stay.hint"), Rect{b.x + bw + 8*s, y + 38*s, bw, 24 * s}, colHighlight)
	b.bottom = y - 6*s
}
