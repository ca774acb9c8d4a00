package ui

import (
	"fmt"
	"image/color"
	"math"

	"github.com/raftlab/raftlab/lessons/doc"
	"github.com/raftlab/raftlab/playground/i18n"
)

// shortPanelH is the height, in logical pixels, below which the lesson
// panel is short: it keeps the room it can for an open question.
const shortPanelH = 340.0

// pinMinText is how much of the narration, in logical pixels, a pinned
// question leaves room for above it (two lines and a bit).
const pinMinText = 40.0

// pinPredict lays out an open question and its choices at the foot of the
// text, where they stay while the narration above them scrolls: a short
// panel must never hide the answers below the fold. It reports false (and
// lays out nothing) once the step is over, whose outcome reads in the
// text's flow, or when the panel is too short to keep room for the text
// too: then the question scrolls with the text.
func (g *Game) pinPredict(b *lessonBuilder, pl doc.Play) bool {
	if out, _ := pl.Outcome(); pl.Done() || out != nil {
		return false
	}
	s := g.scale
	m := &lessonBuilder{g: g, x: b.x, w: b.w, top: math.Inf(-1), bottom: math.Inf(1)}
	g.layoutPredict(m, pl)
	foot := b.bottom + b.moreRow
	y0 := foot - m.y
	if y0-10*s-b.moreRow < b.top+pinMinText*s {
		return false
	}
	b.v.boxes = append(b.v.boxes, lessonBox{Rect{b.x, y0 - 6*s, b.w, 1 * s}, colPanelEdge, -1})
	pin := &lessonBuilder{g: g, v: b.v, x: b.x, w: b.w, y: y0, top: y0, bottom: foot}
	g.layoutPredict(pin, pl)
	b.v = pin.v
	b.bottom = y0 - 10*s - b.moreRow
	return true
}

// layoutPredict lays out the question and its choices: clickable until
// answered, then marked with the learner's answer and what happened.
func (g *Game) layoutPredict(b *lessonBuilder, pl doc.Play) {
	b.spans(pl.Step().Question, b.x, b.w, colText, true)
	b.gap(6)
	chosen, answered := pl.Answered()
	out, _ := pl.Outcome()
	for i, c := range pl.Step().Choices {
		g.layoutChoice(b, i, c, choiceMarks{
			answered: answered,
			yours:    answered && i == chosen,
			happened: out != nil && i == out.Happened,
			outcome:  out != nil,
		})
	}
	b.gap(4)
	g.layoutVerdict(b, answered, out)
}

// choiceMarks is how a choice is marked: whether the question is
// answered, whether this is the learner's answer, and once the run has
// played out (outcome), whether this choice is what happened.
type choiceMarks struct {
	answered, yours, happened, outcome bool
}

// tag is the line under a marked choice, and its colour ("" when none).
func (m choiceMarks) tag(g *Game) (string, color.Color) {
	c := colTextDim
	if m.happened {
		c = colOK
	}
	switch {
	case m.yours && m.happened:
		return g.tr("lesson.tag.yours-happened"), c
	case m.yours:
		return g.tr("lesson.tag.yours"), c
	case m.happened:
		return g.tr("lesson.tag.happened"), c
	}
	return "", c
}

// layoutChoice lays out choice i: a control until the question is
// answered, then a box marked as the learner's answer or what happened.
func (g *Game) layoutChoice(b *lessonBuilder, i int, c doc.Choice, m choiceMarks) {
	s := g.scale
	lh := lessonLineH * s
	spans := append([]doc.Span{{Text: fmt.Sprintf("%d. ", i+1)}}, c.Text...)
	lines := wrapSpans(spans, b.w-16*s, lessonTextSize*s, false)
	tag, tagCol := m.tag(g)
	h := float64(len(lines))*lh + 10*s
	if m.yours && b.v.questionY > 0 {
		b.v.questionY = b.y // the answer is what to keep in view
	}
	if tag != "" {
		h += 16 * s
		if m.outcome && b.v.revealY == 0 {
			b.v.revealY = b.y // what happened shows from here
		}
	}
	y := b.y
	b.y += h + 5*s
	if !b.visible(y, h) {
		return
	}
	r := Rect{b.x, y - b.scroll, b.w, h}
	bg, idx := colBackground, -1
	if !m.answered {
		bg, idx = colButton, len(b.v.buttons)
		b.v.buttons = append(b.v.buttons, lessonControl{lessonChoice, i + 1}.button(doc.Paragraph{Spans: c.Text}.Text(), "", r))
	}
	b.v.boxes = append(b.v.boxes, lessonBox{r, bg, idx})
	if m.yours {
		b.v.boxes = append(b.v.boxes, lessonBox{Rect{r.X, r.Y, 3 * s, r.H}, colHighlight, -1})
	}
	for j, ln := range lines {
		for _, run := range ln {
			b.v.texts = append(b.v.texts, lessonText{run.text, r.X + 8*s + run.x, r.Y + 5*s + float64(j)*lh + lh/2, spanFace(run.style, lessonTextSize*s, false), spanColor(run.style, colText), alignStart})
		}
	}
	if tag != "" {
		b.v.texts = append(b.v.texts, lessonText{tag, r.X + 8*s, r.Y + r.H - 12*s, face(11*s, true), tagCol, alignStart})
	}
}

// layoutVerdict lays out the line under the choices: choose one, watch
// the run, or once it has played out whether the learner was right.
func (g *Game) layoutVerdict(b *lessonBuilder, answered bool, out *doc.Outcome) {
	s := g.scale
	lh := lessonLineH * s
	f := face(12*s, true)
	switch {
	case !answered:
		b.wrapped(g.tr("lesson.choose"), face(11.5*s, false), colTextDim, lh)
	case out == nil && g.paused:
		// The wait strip says it, beside Resume: once is enough.
	case out == nil:
		b.line(g.tr("lesson.watch"), face(11.5*s, false), colTextDim, lh)
	case out.Correct:
		b.line(g.tr("lesson.right"), f, colOK, lh)
	case out.Happened >= 0:
		b.wrapped(g.tr("lesson.wrong", out.Happened+1), f, colBad, lh)
	default:
		b.wrapped(g.tr("lesson.no-match"), f, colBad, lh)
	}
}

// answer gives the learner's answer (0-based) to a predict step's
// question, and plays.
func (g *Game) answer(choice int) {
	if err := g.lesson.run.Play().Answer(choice); err != nil {
		g.lesson.err = i18n.ErrorIn(err, g.lang)
		return
	}
	g.paused = false
	// The wait strip takes room: keep the answer in view.
	g.lesson.toQuestion = true
}
