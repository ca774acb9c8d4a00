package ui

import (
	"slices"

	"github.com/raftlab/raftlab/lessons/doc"
)

// pressLessonControl carries out a control of the lesson panel: one of
// the panel's own (open, close, the list's), or one of the running step's.
func (g *Game) pressLessonControl(c lessonControl) {
	if g.pressLessonPanel(c) {
		return
	}
	if p := g.lesson; p != nil && p.run != nil {
		g.pressLessonStep(c)
	}
}

// pressLessonPanel carries out a control of the panel itself, with or
// without a lesson running; it reports whether c was one.
func (g *Game) pressLessonPanel(c lessonControl) bool {
	p := g.lesson
	switch {
	case c.kind == lessonClose:
		g.closeLesson() // a deliberate click on a named control
	case c.kind == lessonLeave:
		g.closeLesson()
	case c.kind == lessonStay && p != nil:
		p.confirmLeave = false
	case c.kind == lessonOpen && p != nil:
		for i, l := range p.all {
			if l.Number == c.n {
				g.startLesson(i)
			}
		}
	case c.kind == lessonCard:
		g.card.open = true
	case c.kind == lessonReset && p != nil:
		p.confirmReset = true
	case c.kind == lessonResetNo && p != nil:
		p.confirmReset = false
	case c.kind == lessonResetYes && p != nil:
		p.confirmReset = false
		g.resetProgress()
	case c.kind == lessonMore && p != nil:
		p.scroll += 0.8 * (g.lessonArea().H - 140*g.scale)
	default:
		return false
	}
	return true
}

// pressLessonStep carries out a control of the running lesson: moving
// between steps and lessons, and what the step asks of the learner.
func (g *Game) pressLessonStep(c lessonControl) {
	p := g.lesson
	switch c.kind {
	case scoreCopy, scoreDownload:
		g.pressScore(c.kind)
	case lessonNextLesson:
		if next := g.nextLesson(); next != nil {
			g.recordProgress(progressFinish)
			g.startLesson(slices.Index(p.all, next))
		}
	case lessonList:
		g.recordProgress(progressFinish)
		p.run = nil
	case lessonNext:
		if p.run.Last() {
			g.recordProgress(progressFinish)
			p.run = nil // the lesson is over: back to the list
			return
		}
		g.moveStep(p.run.Next)
		g.recordProgress(progressReach)
	case lessonStep:
		g.moveStep(func() error { return p.run.Jump(c.n - 1) })
	case lessonBack:
		g.moveStep(p.run.Back)
	case lessonFold:
		p.more = !p.more
	case lessonSkip:
		g.skipStep()
	case lessonResume:
		g.paused = false
	case lessonShowMe:
		g.showMe()
	case lessonChoice:
		g.answer(c.n - 1)
	}
}

// clickLesson handles a click on the lesson controls; while the panel is
// open it takes every click in the right-hand column. A click on the
// inspector's scroll bar (which shares the column) is handled here too.
func (g *Game) clickLesson(x, y float64) bool {
	if g.inspector.clickInspector(x, y) {
		return true
	}
	if b, ok := hitAny(g.lessonButtons(), x, y); ok {
		g.pressLessonControl(b.lesson)
		return true
	}
	if g.lesson != nil {
		if dir := g.lessonLaidOut().bar.page(x, y, g.scale); dir != 0 {
			g.pageLesson(float64(dir))
			return true
		}
	}
	return g.lesson != nil && g.lessonArea().Contains(x, y)
}

// scrollLesson scrolls the step's text by a mouse wheel's dy over the
// panel, or the inspector's over it (the two share the column).
func (g *Game) scrollLesson(x, y, dy float64) {
	g.inspector.scrollInspector(x, y, dy)
	if g.lesson != nil && dy != 0 && g.lessonArea().Contains(x, y) {
		g.lesson.scroll = max(0, g.lesson.scroll-wheelPixels(dy)*g.scale)
	}
}

// pageLesson scrolls the panel's text by most of what it shows, down
// (dir 1) or up (-1), keeping a few lines in view.
func (g *Game) pageLesson(dir float64) {
	v := g.lessonLaidOut()
	g.lesson.scroll = max(0, g.lesson.scroll+dir*0.8*v.bar.track.H)
}

// hoveredTerm is the glossary entry of the key term under the pointer in
// the lesson panel, if any.
func (g *Game) hoveredTerm() (doc.Entry, bool) {
	if g.lesson == nil || !g.lessonArea().Contains(g.hover.x, g.hover.y) {
		return doc.Entry{}, false
	}
	for _, t := range g.lessonLaidOut().terms {
		if t.r.Contains(g.hover.x, g.hover.y) {
			return doc.Lookup(t.term)
		}
	}
	return doc.Entry{}, false
}

// lessonButtons are the panel's controls (none when it is closed: the top
// bar's Lessons opens it).
func (g *Game) lessonButtons() []Button {
	if g.lesson == nil {
		return nil
	}
	return g.lessonLaidOut().buttons
}
