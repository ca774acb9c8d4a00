package ui

import (
	"image"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
)

// The browser test of Chinese text asks the page to draw a line of its
// choosing on the screen, twice: first with the Go fonts alone (what a
// screen without the Chinese fonts shows: a box for each character), then
// as the app draws text. It then compares the screen's pixels of the two:
// real glyphs differ from each other and from the boxes. Nothing draws a
// probe but that test.

// probe is the line to draw, at the screen's top left in a box of its own.
type probe struct {
	text string
	// goOnly is the Go font alone, at the probe's size.
	goOnly text.Face
	// plain and drawn are where each line is, in physical pixels.
	plain, drawn Rect
}

// probeSize is the probe's font size in CSS pixels: large enough that a
// glyph's strokes span many pixels.
const probeSize = 24

// SetProbe has s drawn as a probe from the next frame on ("" removes it)
// and returns where its two lines are, in CSS pixels: first with the Go
// fonts alone, then as the app draws text.
func (g *Game) SetProbe(s string) (plain, drawn Rect) {
	g.probe = nil
	if s == "" {
		return Rect{}, Rect{}
	}
	loadFonts()
	size := probeSize * g.scale
	goOnly := goXFace(fonts.regular, size)
	w := max(textWidth(s, goOnly), textWidth(s, face(size, false)))
	line := Rect{X: 0, Y: 0, W: w + size, H: 1.5 * size}
	p := &probe{text: s, goOnly: goOnly, plain: line.moved(-size, -4*size)}
	p.drawn = p.plain.moved(0, -line.H)
	g.probe = p
	css := func(r Rect) Rect { return Rect{r.X / g.scale, r.Y / g.scale, r.W / g.scale, r.H / g.scale} }
	return css(p.plain), css(p.drawn)
}

// DrawProbe draws the probe, if one is set, over the frame.
func (g *Game) DrawProbe(dst *ebiten.Image) {
	p := g.probe
	if p == nil {
		return
	}
	size := probeSize * g.scale
	box := image.Rect(int(p.plain.X), int(p.plain.Y), int(p.drawn.X+p.drawn.W)+1, int(p.drawn.Y+p.drawn.H)+1)
	dst.SubImage(box).(*ebiten.Image).Fill(colPanel)
	drawText(dst, p.text, p.goOnly, p.plain.X+size/2, p.plain.CenterY(), colText, alignStart)
	drawText(dst, p.text, face(size, false), p.drawn.X+size/2, p.drawn.CenterY(), colText, alignStart)
}
