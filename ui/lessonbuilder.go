package ui

import (
	"image/color"

	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"github.com/raftlab/raftlab/lessons/doc"
)

// Sizes of the panel's text, in logical pixels.
const (
	lessonTextSize = 12.5
	lessonLineH    = 17.0
)

// lessonBuilder lays out the panel top to bottom.
type lessonBuilder struct {
	g *Game
	v lessonView
	// x and w are the text column; y the next line's top. Lines between
	// top and bottom are shown (scrolled by scroll).
	x, w, y     float64
	top, bottom float64
	scroll      float64
	// moreRow is the room kept under the text for the "more" control.
	moreRow float64
}

// visible reports whether a block from y to y+h (before scrolling) shows.
func (b *lessonBuilder) visible(y, h float64) bool {
	y -= b.scroll
	return y >= b.top-0.5 && y+h <= b.bottom+0.5
}

// line adds one line of text of height h (ellipsized to the column).
func (b *lessonBuilder) line(s string, f text.Face, c color.Color, h float64) {
	s = ellipsize(s, f, b.w)
	if b.visible(b.y, h) {
		b.v.texts = append(b.v.texts, lessonText{s, b.x, b.y + h/2 - b.scroll, f, c, alignStart})
	}
	b.y += h
}

// wrapped adds a plain sentence in face f, wrapped to the column in lines
// of height h (a status line must not be cut short at narrow widths).
func (b *lessonBuilder) wrapped(s string, f text.Face, c color.Color, h float64) {
	for _, line := range wrapPlain(s, f, b.w) {
		b.line(line, f, c, h)
	}
}

// cardButton adds the control that opens the card of safety properties,
// at the right of the line at y.
func (b *lessonBuilder) cardButton(y float64) {
	c := b.g.card.cardOpener(b.x+b.w, y)
	b.button(lessonControl{kind: lessonCard}, c.Label, c.Hint, c.Rect, colAccent)
}

// gap adds vertical room.
func (b *lessonBuilder) gap(h float64) { b.y += h * b.g.scale }

// spans adds wrapped styled text at x in width w; base is the colour of
// plain text and bold sets plain text in bold.
func (b *lessonBuilder) spans(spans []doc.Span, x, w float64, base color.Color, bold bool) {
	s := b.g.scale
	lh := lessonLineH * s
	for _, ln := range wrapSpans(spans, w, lessonTextSize*s, bold) {
		if b.visible(b.y, lh) {
			for _, r := range ln {
				f := spanFace(r.style, lessonTextSize*s, bold)
				b.v.texts = append(b.v.texts, lessonText{r.text, x + r.x, b.y + lh/2 - b.scroll, f, spanColor(r.style, base), alignStart})
				if r.style == doc.Term {
					b.v.terms = append(b.v.terms, termSpot{r.span, Rect{x + r.x, b.y - b.scroll, textWidth(r.text, f), lh}})
				}
			}
		}
		b.y += lh
	}
}

// paragraphs adds paragraphs of narration.
func (b *lessonBuilder) paragraphs(ps []doc.Paragraph, base color.Color) {
	s := b.g.scale
	for i, p := range ps {
		if i > 0 {
			b.gap(7)
		}
		if p.Bullet {
			if b.visible(b.y, lessonLineH*s) {
				b.v.texts = append(b.v.texts, lessonText{"•", b.x + 2*s, b.y + lessonLineH*s/2 - b.scroll, face(lessonTextSize*s, false), base, alignStart})
			}
			b.spans(p.Spans, b.x+14*s, b.w-14*s, base, false)
			continue
		}
		b.spans(p.Spans, b.x, b.w, base, false)
	}
}

// errors adds each non-empty message, wrapped, in the colour of errors.
func (b *lessonBuilder) errors(msgs ...string) {
	for _, msg := range msgs {
		if msg != "" {
			b.spans([]doc.Span{{Text: msg}}, b.x, b.w, colBad, false)
		}
	}
}

// button adds a control whose background is a box.
func (b *lessonBuilder) button(c lessonControl, label, hint string, r Rect, fg color.Color) {
	b.v.boxes = append(b.v.boxes, lessonBox{r, colButton, len(b.v.buttons)})
	b.v.buttons = append(b.v.buttons, c.button(label, hint, r))
	f := face(12.5*b.g.scale, false)
	b.v.texts = append(b.v.texts, lessonText{ellipsize(label, f, r.W-8*b.g.scale), r.CenterX(), r.CenterY(), f, fg, alignCenter})
}
