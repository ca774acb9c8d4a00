package ui

import (
	"fmt"

	"github.com/raftlab/raftlab/lessons/doc"
)

// layoutLessonStep lays out the current step: its header, narration, what
// it asks and, once done, its explanation and Continue.
func (g *Game) layoutLessonStep(b *lessonBuilder, barY, bw float64) {
	s := g.scale
	r := g.lesson.run
	st := r.Step()
	pl := r.Play()
	g.layoutStepHeader(b)
	b.top = b.y
	b.scroll = g.lesson.scroll
	b.y += 2 * s

	done := pl.Done()
	if done {
		key := "lesson.continue"
		if r.Last() {
			key = "lesson.finish"
		}
		b.button(lessonControl{kind: lessonNext}, g.tr(key), g.tr(key+".hint"), Rect{b.x + b.w - bw, barY, bw, 28 * s}, colHighlight)
	}
	pinned := st.Kind == doc.Predict && g.pinPredict(b, pl)
	b.paragraphs(st.Narration, colText)
	// The depth folds under the narration, or under the explanation once
	// that shows.
	explained := done && len(st.Explanation) > 0
	if !explained {
		g.layoutMore(b, st)
	}
	b.gap(10)

	switch st.Kind {
	case doc.Do:
		if !done {
			g.layoutDo(b, pl)
		}
	case doc.Predict:
		if !pinned {
			if !done {
				b.v.questionY = b.y
			}
			g.layoutPredict(b, pl)
		}
	}
	if done && len(st.Explanation) > 0 {
		b.gap(8)
		if b.v.revealY == 0 {
			b.v.revealY = b.y
		}
		b.line(g.tr("lesson.explanation"), face(13*s, true), colAccent, 22*s)
		b.paragraphs(st.Explanation, colText)
		g.layoutMore(b, st)
	}
	g.layoutScore(b)
	if done && r.Last() {
		g.layoutLessonEnd(b)
	}
}

// layoutStepHeader lays out the header above the step's text, which does
// not scroll: the lesson's title, the step's number and kind, the strip of
// steps and the step's title. The titles wrap rather than lose their end:
// a long lesson title fills two lines in a narrow column.
func (g *Game) layoutStepHeader(b *lessonBuilder) {
	s := g.scale
	r := g.lesson.run
	st := r.Step()
	l := r.Lesson()
	// A short panel (800x600) with a question open gives the lesson's
	// title, which the top bar names, to the choices.
	if !(st.Kind == doc.Predict && !r.Play().Done() && g.lessonArea().H < shortPanelH*s) {
		b.wrapped(g.tr("bar.lesson.title", l.Number, l.Title), face(12*s, true), colTextDim, 16*s)
		b.gap(4)
	}
	b.cardButton(b.y)
	b.line(g.tr("lesson.step-of", r.Index()+1, len(l.Steps), g.kindName(st.Kind)), face(11*s, false), colTextDim, 18*s)
	g.layoutStepStrip(b)
	b.gap(2)
	b.wrapped(st.Title, face(15*s, true), colText, 20*s)
	b.gap(4)
}

// layoutMore lays out the control that unfolds the step's More text (and
// folds it again), and the text when unfolded.
func (g *Game) layoutMore(b *lessonBuilder, st *doc.Step) {
	if len(st.More) == 0 {
		return
	}
	s := g.scale
	b.gap(8)
	key := "lesson.unfold"
	if g.lesson.more {
		key = "lesson.fold"
	}
	r := Rect{b.x, b.y - b.scroll, 84 * s, 24 * s}
	if b.visible(b.y, r.H) {
		b.button(lessonControl{kind: lessonFold}, g.tr(key), g.tr(key+".hint"), r, colAccent)
	}
	b.y += r.H + 6*s
	if g.lesson.more {
		b.paragraphs(st.More, colText)
	}
}

// layoutStepStrip lays out a row of numbered boxes, one per step: the
// current one lit, those the learner has reached marked, each a jump to
// its step.
func (g *Game) layoutStepStrip(b *lessonBuilder) {
	s := g.scale
	r := g.lesson.run
	l := r.Lesson()
	pr, _ := g.lessonProgress().Of(l.Name)
	n := len(l.Steps)
	gap := 4 * s
	w := min(26*s, (b.w-float64(n-1)*gap)/float64(n))
	f := face(10.5*s, true)
	for i, st := range l.Steps {
		box := Rect{b.x + float64(i)*(w+gap), b.y, w, 18 * s}
		bg, fg := colButton, colTextDim
		switch {
		case i == r.Index():
			bg, fg = colHighlight, colBackground
		case i < pr.Furthest:
			fg = colText
		}
		b.v.boxes = append(b.v.boxes, lessonBox{box, bg, len(b.v.buttons)})
		if i < pr.Furthest && i != r.Index() {
			b.v.boxes = append(b.v.boxes, lessonBox{Rect{box.X, box.Y + box.H - 2*s, box.W, 2 * s}, colOK, -1})
		}
		b.v.buttons = append(b.v.buttons, lessonControl{lessonStep, i + 1}.button(fmt.Sprint(i+1), g.tr("lesson.step.hint", i+1, st.Title, g.kindName(st.Kind)), box))
		b.v.texts = append(b.v.texts, lessonText{fmt.Sprint(i + 1), box.CenterX(), box.CenterY(), f, fg, alignCenter})
	}
	b.y += 24 * s
}

// kindName is a kind of step as the panel names it: watch, do or predict.
func (g *Game) kindName(k doc.Kind) string { return g.tr("lesson.kind." + string(k)) }

// layoutLessonEnd lays out, once the last step is done, what comes next:
// the next lesson, or after the last one the list of lessons. (What an
// assessment adds at its end, its score, comes just before.)
func (g *Game) layoutLessonEnd(b *lessonBuilder) {
	s := g.scale
	b.gap(14)
	c, label, hint := lessonControl{kind: lessonList}, g.tr("lesson.all"), g.tr("lesson.all.hint")
	if next := g.nextLesson(); next != nil {
		c, label, hint = lessonControl{kind: lessonNextLesson}, g.tr("lesson.next", next.Number, next.Title), next.Summary
	}
	r := Rect{b.x, b.y - b.scroll, b.w, 30 * s}
	if b.visible(b.y, r.H) {
		b.button(c, label, hint, r, colHighlight)
	}
	b.y += r.H + 4*s
}
