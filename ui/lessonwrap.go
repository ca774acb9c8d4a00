package ui

import (
	"image/color"
	"strings"
	"unicode/utf8"

	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"github.com/raftlab/raftlab/lessons/doc"
)

// spanFace is the face of a span's style (there is no italic face: italic
// text is set upright).
func spanFace(st doc.Style, size float64, bold bool) text.Face {
	return face(size, st == doc.Bold || (bold && st != doc.Term))
}

// spanColor is the colour of a span's style: key terms in the accent
// colour.
func spanColor(st doc.Style, base color.Color) color.Color {
	if st == doc.Term {
		return colAccent
	}
	return base
}

// wrapRun is a run of text in one style on a wrapped line, at x from the
// line's start.
type wrapRun struct {
	text  string
	style doc.Style
	x     float64
	// span is the whole text of the span the run is from (a key term
	// broken over two lines is still one term).
	span string
}

// wrapSpans breaks styled text into lines no wider than width (a word
// longer than the width gets a line of its own). Words are split at
// spaces; a word may change style within it ("`follower`,").
func wrapSpans(spans []doc.Span, width, size float64, bold bool) [][]wrapRun {
	var lines [][]wrapRun
	var line []wrapRun
	x := 0.0
	for _, wd := range wrapWords(spans) {
		if x > 0 && x+wordWidth(wd, size, bold) > width {
			lines = append(lines, line)
			line, x = nil, 0
		}
		for _, pc := range wd {
			t := pc.text
			if x == 0 {
				t = strings.TrimLeft(t, " ")
			}
			if n := len(line); n > 0 && line[n-1].style == pc.style {
				line[n-1].text += t
			} else {
				line = append(line, wrapRun{t, pc.style, x, pc.span})
			}
			x += textWidth(t, spanFace(pc.style, size, bold))
		}
	}
	if len(line) > 0 {
		lines = append(lines, line)
	}
	return lines
}

// wrapPiece is a piece of a span between two places where a line may
// break; span is the span's whole text.
type wrapPiece struct {
	text  string
	style doc.Style
	span  string
}

// wrapWords splits styled text into words: runs of pieces between two
// places where a line may break (see breakUnits: after a space, between
// Chinese characters), across the spans' edges ("`follower`," and
// "`领导者`，" are each one word).
func wrapWords(spans []doc.Span) [][]wrapPiece {
	var pieces []wrapPiece
	for _, sp := range spans {
		for _, part := range breakUnits(sp.Text) {
			pieces = append(pieces, wrapPiece{part, sp.Style, sp.Text})
		}
	}
	var words [][]wrapPiece
	var cur []wrapPiece
	for i, pc := range pieces {
		cur = append(cur, pc)
		if i+1 == len(pieces) {
			break
		}
		last, _ := utf8.DecodeLastRuneInString(pc.text)
		next, _ := utf8.DecodeRuneInString(pieces[i+1].text)
		if canBreak(last, next) {
			words = append(words, cur)
			cur = nil
		}
	}
	if len(cur) > 0 {
		words = append(words, cur)
	}
	return words
}

// wordWidth is how wide a word is drawn, without its trailing spaces
// (which may hang past the line's end).
func wordWidth(wd []wrapPiece, size float64, bold bool) float64 {
	w := 0.0
	for i, pc := range wd {
		t := pc.text
		if i == len(wd)-1 {
			t = strings.TrimRight(t, " ")
		}
		w += textWidth(t, spanFace(pc.style, size, bold))
	}
	return w
}
