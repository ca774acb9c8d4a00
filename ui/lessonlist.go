package ui

import (
	"fmt"

	"github.com/raftlab/raftlab/lessons"
)

// layoutLessonList lists the lessons, one row each.
func (g *Game) layoutLessonList(b *lessonBuilder) {
	s := g.scale
	b.cardButton(b.y + 3*s)
	b.line("Lessons", face(15*s, true), colText, 24*s)
	finished := 0
	for _, l := range g.lesson.all {
		if pr, _ := g.lessonProgress().Of(l.Name); pr.Finished {
			finished++
		}
	}
	b.line("Choose a lesson: it runs on this playground.", face(11.5*s, false), colTextDim, 18*s)
	// Problems with the progress are said here, once, above the list.
	b.errors(g.lesson.err, g.progressSaveErr, g.progressLoadErr)
	b.line(fmt.Sprintf("%d of %d finished", finished, len(g.lesson.all)), face(11.5*s, false), colTextDim, 18*s)
	b.gap(6)
	b.top, b.scroll = b.y, g.lesson.scroll
	for _, l := range g.lesson.all {
		g.layoutLessonRow(b, l)
	}
}

// Lines of a row of the list, in logical pixels: the title's, the
// summary's, and the room above and below them.
const (
	rowTitleH   = 17.0
	rowSummaryH = 14.0
	rowPadTop   = 5.0
	rowPadFoot  = 7.0
)

// layoutLessonRow lays out a lesson's row: its number and title and its
// whole summary, both wrapped (a row is as tall as its text), with how far
// the learner got. The row is a control that opens the lesson.
func (g *Game) layoutLessonRow(b *lessonBuilder, l *lessons.Lesson) {
	s := g.scale
	f, sf := face(13*s, true), face(11*s, false)
	name := fmt.Sprintf("%d. %s", l.Number, l.Title)
	sub := fmt.Sprintf("%d min · %s", l.Minutes, l.Summary)
	subCol := colTextDim
	pr, started := g.lessonProgress().Of(l.Name)
	if started {
		// How far the learner got, as words (and below as a bar).
		if pr.Finished {
			sub, subCol = "finished · "+sub, colOK
		} else {
			sub = fmt.Sprintf("step %d of %d · %s", pr.Step, len(l.Steps), sub)
		}
	}
	names, subs := wrapPlain(name, f, b.w-16*s), wrapPlain(sub, sf, b.w-16*s)
	h := (rowPadTop + rowTitleH*float64(len(names)) + rowSummaryH*float64(len(subs)) + rowPadFoot) * s
	r := Rect{b.x, b.y - b.scroll, b.w, h}
	b.y += h + 6*s
	if !b.visible(r.Y+b.scroll, h) {
		return
	}
	b.v.boxes = append(b.v.boxes, lessonBox{r, colButton, len(b.v.buttons)})
	b.v.buttons = append(b.v.buttons, Button{Name: fmt.Sprintf("lesson-open-%d", l.Number), Label: name, Hint: l.Summary, Rect: r})
	if started {
		bar := Rect{r.X, r.Y + r.H - 3*s, r.W, 3 * s}
		b.v.boxes = append(b.v.boxes, lessonBox{bar, colPanelEdge, -1})
		bar.W *= float64(min(pr.Furthest, len(l.Steps))) / float64(len(l.Steps))
		b.v.boxes = append(b.v.boxes, lessonBox{bar, colOK, -1})
	}
	y := r.Y + rowPadTop*s
	for _, ln := range names {
		b.v.texts = append(b.v.texts, lessonText{ln, r.X + 8*s, y + rowTitleH*s/2, f, colText, alignStart})
		y += rowTitleH * s
	}
	for _, ln := range subs {
		b.v.texts = append(b.v.texts, lessonText{ln, r.X + 8*s, y + rowSummaryH*s/2, sf, subCol, alignStart})
		y += rowSummaryH * s
	}
}

// layoutResetBar lays out, in the list's bottom bar, the control that
// forgets every lesson's progress, and above the bar the question that
// confirms it.
func (g *Game) layoutResetBar(b *lessonBuilder, barY, bw float64) {
	s := g.scale
	if !g.lesson.confirmReset {
		b.button("lesson-reset", "Reset progress", "Forget how far you got in every lesson", Rect{b.x, barY, 1.5 * bw, 28 * s}, colText)
		return
	}
	y := barY - 12*s - 50*s
	f := face(12*s, true)
	b.v.texts = append(b.v.texts, lessonText{ellipsize("Forget the progress of every lesson?", f, b.w), b.x, y + 8*s, f, colHighlight, alignStart})
	b.button("lesson-reset-yes", "Reset", "Forget every lesson's progress", Rect{b.x, y + 22*s, bw, 24 * s}, colBad)
	b.button("lesson-reset-no", "Cancel", "Keep your progress", Rect{b.x + bw + 8*s, y + 22*s, bw, 24 * s}, colText)
	b.bottom = y - 6*s
}
