package ui

import (
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
)

// textSprites caches short lines of text drawn every frame (a node's term,
// name and role) as white images, tinted when drawn, as sprites does for
// shapes: laying out and drawing text costs far more than copying an
// image. A line is drawn into its image at the same fraction of a pixel as
// on the screen, so it looks exactly as drawText would draw it. Lines not
// drawn for a while are dropped.
type textSprites struct {
	m map[textSpriteKey]*textSprite
}

type textSpriteKey struct {
	s      string
	f      text.Face
	fx, fy float64 // the anchor's position within its pixel
	align  text.Align
}

type textSprite struct {
	img *ebiten.Image
	// ax, ay are the whole-pixel offset of the anchor in the image.
	ax, ay float64
	// used is the frame the line was last drawn in.
	used int
}

// textSpriteTTL is how many frames an unused line is kept.
const textSpriteTTL = 120

// draw draws a line as drawText does, from the cache.
func (t *textSprites) draw(dst *ebiten.Image, frame int, s string, f text.Face, x, y float64, c color.Color, align text.Align) {
	ix, iy := math.Floor(x), math.Floor(y)
	k := textSpriteKey{s, f, x - ix, y - iy, align}
	sp, ok := t.m[k]
	if !ok {
		sp = newTextSprite(k)
		if t.m == nil {
			t.m = map[textSpriteKey]*textSprite{}
		}
		t.m[k] = sp
	}
	sp.used = frame
	op := newImageOp()
	op.GeoM.Translate(ix-sp.ax, iy-sp.ay)
	op.ColorScale.ScaleWithColor(c)
	dst.DrawImage(sp.img, op)
}

// newTextSprite draws a line in white into an image with room around it.
func newTextSprite(k textSpriteKey) *textSprite {
	m := k.f.Metrics()
	h := m.HAscent + m.HDescent
	w := textWidth(k.s, k.f)
	pad := math.Ceil(h/2) + 2
	ax := pad
	switch k.align {
	case text.AlignCenter:
		ax += math.Ceil(w / 2)
	case text.AlignEnd:
		ax += math.Ceil(w)
	}
	ay := pad + math.Ceil(h/2)
	img := ebiten.NewImage(int(math.Ceil(w)+2*pad)+1, int(math.Ceil(h)+2*pad)+1)
	drawText(img, k.s, k.f, ax+k.fx, ay+k.fy, color.White, k.align)
	return &textSprite{img: img, ax: ax, ay: ay}
}

// sweep drops the lines not drawn in the last textSpriteTTL frames.
func (t *textSprites) sweep(frame int) {
	for k, sp := range t.m {
		if frame-sp.used > textSpriteTTL {
			sp.img.Deallocate()
			delete(t.m, k)
		}
	}
}

// drawLabel draws a line that is likely to be drawn again unchanged next
// frame, from the cache.
func (g *Game) drawLabel(dst *ebiten.Image, s string, f text.Face, x, y float64, c color.Color, align text.Align) {
	g.texts.draw(dst, g.drawn, s, f, x, y, c, align)
}
