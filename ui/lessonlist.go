package ui

import (
	"fmt"
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
		r := Rect{b.x, b.y - b.scroll, b.w, 40 * s}
		if b.visible(b.y, r.H) {
			b.v.boxes = append(b.v.boxes, lessonBox{r, colButton, len(b.v.buttons)})
			name := fmt.Sprintf("%d. %s", l.Number, l.Title)
			b.v.buttons = append(b.v.buttons, Button{Name: fmt.Sprintf("lesson-open-%d", l.Number), Label: name, Hint: l.Summary, Rect: r})
			f, sf := face(13*s, true), face(11*s, false)
			sub := fmt.Sprintf("%d min · %s", l.Minutes, l.Summary)
			subCol := colTextDim
			if pr, ok := g.lessonProgress().Of(l.Name); ok {
				// How far the learner got, as words and as a bar.
				if pr.Finished {
					sub, subCol = "finished · "+sub, colOK
				} else {
					sub = fmt.Sprintf("step %d of %d · %s", pr.Step, len(l.Steps), sub)
				}
				bar := Rect{r.X, r.Y + r.H - 3*s, r.W, 3 * s}
				b.v.boxes = append(b.v.boxes, lessonBox{bar, colPanelEdge, -1})
				bar.W *= float64(min(pr.Furthest, len(l.Steps))) / float64(len(l.Steps))
				b.v.boxes = append(b.v.boxes, lessonBox{bar, colOK, -1})
			}
			b.v.texts = append(b.v.texts,
				lessonText{ellipsize(name, f, r.W-16*s), r.X + 8*s, r.Y + 13*s, f, colText, alignStart},
				lessonText{ellipsize(sub, sf, r.W-16*s), r.X + 8*s, r.Y + 29*s, sf, subCol, alignStart})
		}
		b.y += r.H + 6*s
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
