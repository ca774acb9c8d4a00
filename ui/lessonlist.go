package ui

import (
	"fmt"
	"image/color"

	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"github.com/raftlab/raftlab/lessons/doc"
	"github.com/raftlab/raftlab/playground/view"
)

// layoutLessonList lists the lessons, one row each.
func (g *Game) layoutLessonList(b *lessonBuilder) {
	s := g.scale
	b.cardButton(b.y + 3*s)
	b.line(g.tr("lesson.list.title"), face(15*s, true), colText, 24*s)
	finished := 0
	for _, l := range g.lesson.all {
		if pr, _ := g.lessonProgress().Of(l.Name); pr.Finished {
			finished++
		}
	}
	b.line(g.tr("lesson.list.intro"), face(11.5*s, false), colTextDim, 18*s)
	// Problems with the progress are said here, once, above the list.
	b.errors(g.lesson.err, g.progress.saveErr, g.progress.loadErr)
	b.line(g.tr("lesson.list.finished", finished, len(g.lesson.all)), face(11.5*s, false), colTextDim, 18*s)
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
func (g *Game) layoutLessonRow(b *lessonBuilder, l *doc.Lesson) {
	s := g.scale
	f, sf := face(13*s, true), face(11*s, false)
	name := fmt.Sprintf("%d. %s", l.Number, l.Title)
	sub := g.tr("lesson.row", l.Minutes, l.Summary)
	if l.RunsOn != view.EngineRaftLab {
		// A lesson on another engine says so: in the browser it opens in
		// the build that has it, a download of its own.
		sub = g.tr("lesson.row.engine", l.Minutes, g.tr(engineKey(l.RunsOn)), l.Summary)
	}
	subCol := colTextDim
	pr, started := g.lessonProgress().Of(l.Name)
	if started {
		// How far the learner got, as words (and below as a bar).
		if pr.Finished {
			sub, subCol = g.tr("lesson.row.finished", sub), colOK
		} else {
			sub = g.tr("lesson.row.at", pr.Step, len(l.Steps), sub)
		}
	}
	names, subs := wrapPlain(name, f, b.w-16*s), wrapPlain(sub, sf, b.w-16*s)
	h := (rowPadTop + rowTitleH*float64(len(names)) + rowSummaryH*float64(len(subs)) + rowPadFoot) * s
	r := Rect{b.x, b.y - b.scroll, b.w, h}
	b.y += h + 6*s
	// A row half scrolled out shows its part in the list's band, so that
	// the next lesson is seen to be there.
	band := Rect{b.x, b.top, b.w, b.bottom - b.top}
	shown, ok := clipRect(r, band)
	if !ok {
		return
	}
	b.v.boxes = append(b.v.boxes, lessonBox{shown, colButton, len(b.v.buttons)})
	b.v.buttons = append(b.v.buttons, lessonControl{lessonOpen, l.Number}.button(name, l.Summary, shown))
	if started {
		bar := Rect{r.X, r.Y + r.H - 3*s, r.W, 3 * s}
		done := bar
		done.W *= float64(min(pr.Furthest, len(l.Steps))) / float64(len(l.Steps))
		for _, bx := range []lessonBox{{bar, colPanelEdge, -1}, {done, colOK, -1}} {
			if bx.r, ok = clipRect(bx.r, band); ok {
				b.v.boxes = append(b.v.boxes, bx)
			}
		}
	}
	y := r.Y + rowPadTop*s
	line := func(ln string, f text.Face, c color.Color, lh float64) {
		if y >= band.Y-0.5 && y+lh <= band.Y+band.H+0.5 {
			b.v.texts = append(b.v.texts, lessonText{ln, r.X + 8*s, y + lh/2, f, c, alignStart})
		}
		y += lh
	}
	for _, ln := range names {
		line(ln, f, colText, rowTitleH*s)
	}
	for _, ln := range subs {
		line(ln, sf, subCol, rowSummaryH*s)
	}
}

// clipRect is the part of r inside band, and whether there is any.
func clipRect(r, band Rect) (Rect, bool) {
	x0, y0 := max(r.X, band.X), max(r.Y, band.Y)
	x1, y1 := min(r.X+r.W, band.X+band.W), min(r.Y+r.H, band.Y+band.H)
	return Rect{x0, y0, x1 - x0, y1 - y0}, x1 > x0 && y1 > y0
}

// layoutResetBar lays out, in the list's bottom bar, the control that
// forgets every lesson's progress, and above the bar the question that
// confirms it.
func (g *Game) layoutResetBar(b *lessonBuilder, barY, bw float64) {
	s := g.scale
	if !g.lesson.confirmReset {
		b.button(lessonControl{kind: lessonReset}, g.tr("lesson.reset"), g.tr("lesson.reset.hint"), Rect{b.x, barY, 1.5 * bw, 28 * s}, colText)
		return
	}
	y := barY - 12*s - 50*s
	f := face(12*s, true)
	b.v.texts = append(b.v.texts, lessonText{ellipsize(g.tr("lesson.reset.question"), f, b.w), b.x, y + 8*s, f, colHighlight, alignStart})
	b.button(lessonControl{kind: lessonResetYes}, g.tr("lesson.reset.yes"), g.tr("lesson.reset.yes.hint"), Rect{b.x, y + 22*s, bw, 24 * s}, colBad)
	b.button(lessonControl{kind: lessonResetNo}, g.tr("lesson.reset.no"), g.tr("lesson.reset.no.hint"), Rect{b.x + bw + 8*s, y + 22*s, bw, 24 * s}, colText)
	b.bottom = y - 6*s
}
