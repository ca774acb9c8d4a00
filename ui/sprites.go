package ui

import (
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"
)

// sprites caches antialiased shapes as white images, drawn once and then
// tinted with a colour scale on every frame: software renderers (what
// classrooms and CI have) are ten times slower at rasterising antialiased
// paths than at copying images.
type sprites struct {
	discs map[int]*ebiten.Image
	rings map[ringKey]*ebiten.Image
	arcs  map[arcKey]*ebiten.Image
	pixel *ebiten.Image
}

type ringKey struct{ r, width int }

type arcKey struct {
	r, width int
	// step is the arc's length in sixtieths of a turn.
	step int
}

// arcSteps is how finely a timer arc's length is quantised.
const arcSteps = 60

func newSprites() *sprites {
	px := ebiten.NewImage(1, 1)
	px.Fill(color.White)
	return &sprites{discs: map[int]*ebiten.Image{}, rings: map[ringKey]*ebiten.Image{}, arcs: map[arcKey]*ebiten.Image{}, pixel: px}
}

// disc returns a filled circle of radius r.
func (s *sprites) disc(r int) *ebiten.Image {
	r = max(r, 1)
	if img, ok := s.discs[r]; ok {
		return img
	}
	img := ebiten.NewImage(2*r+2, 2*r+2)
	vector.FillCircle(img, float32(r+1), float32(r+1), float32(r), color.White, true)
	s.discs[r] = img
	return img
}

// ring returns a circle outline of radius r and a stroke width.
func (s *sprites) ring(r, width int) *ebiten.Image {
	r, width = max(r, 1), max(width, 1)
	k := ringKey{r, width}
	if img, ok := s.rings[k]; ok {
		return img
	}
	img := ebiten.NewImage(2*r+width+2, 2*r+width+2)
	c := float32(r) + float32(width)/2 + 1
	vector.StrokeCircle(img, c, c, float32(r), float32(width), color.White, true)
	s.rings[k] = img
	return img
}

// arc returns an arc of radius r from the top, clockwise, covering a
// fraction of a turn (quantised to arcSteps).
func (s *sprites) arc(r, width int, fraction float64) *ebiten.Image {
	step := int(math.Round(math.Max(0, math.Min(1, fraction)) * arcSteps))
	if step == 0 {
		return nil
	}
	k := arcKey{max(r, 1), max(width, 1), step}
	if img, ok := s.arcs[k]; ok {
		return img
	}
	size := 2*k.r + k.width + 2
	img := ebiten.NewImage(size, size)
	c := float32(size) / 2
	var p vector.Path
	start := -math.Pi / 2
	end := start + 2*math.Pi*float64(step)/arcSteps
	p.Arc(c, c, float32(k.r), float32(start), float32(end), vector.Clockwise)
	vector.StrokePath(img, &p, &vector.StrokeOptions{Width: float32(k.width), LineCap: vector.LineCapRound}, &vector.DrawPathOptions{AntiAlias: true})
	s.arcs[k] = img
	return img
}

// imageOp is reused by every DrawImage call: Ebiten does not keep the
// options, and drawing happens on one goroutine, so a frame's hundreds of
// sprite and rectangle draws allocate nothing.
var imageOp ebiten.DrawImageOptions

// newImageOp returns the shared options, reset.
func newImageOp() *ebiten.DrawImageOptions {
	imageOp = ebiten.DrawImageOptions{}
	return &imageOp
}

// drawCentered draws a sprite centred at (x, y), tinted.
func drawCentered(dst, img *ebiten.Image, x, y float64, c color.Color) {
	if img == nil {
		return
	}
	op := newImageOp()
	b := img.Bounds()
	op.GeoM.Translate(x-float64(b.Dx())/2, y-float64(b.Dy())/2)
	op.ColorScale.ScaleWithColor(c)
	op.Filter = ebiten.FilterLinear
	dst.DrawImage(img, op)
}

// fillRect fills an axis-aligned rectangle (no antialiasing needed).
func (s *sprites) fillRect(dst *ebiten.Image, r Rect, c color.Color) {
	op := newImageOp()
	op.GeoM.Scale(r.W, r.H)
	op.GeoM.Translate(r.X, r.Y)
	op.ColorScale.ScaleWithColor(c)
	dst.DrawImage(s.pixel, op)
}

// strokeRect outlines a rectangle.
func (s *sprites) strokeRect(dst *ebiten.Image, r Rect, width float64, c color.Color) {
	s.fillRect(dst, Rect{r.X, r.Y, r.W, width}, c)
	s.fillRect(dst, Rect{r.X, r.Y + r.H - width, r.W, width}, c)
	s.fillRect(dst, Rect{r.X, r.Y, width, r.H}, c)
	s.fillRect(dst, Rect{r.X + r.W - width, r.Y, width, r.H}, c)
}

// line draws a straight line of a width as a rotated, scaled pixel.
func (s *sprites) line(dst *ebiten.Image, x1, y1, x2, y2, width float64, c color.Color) {
	length := math.Hypot(x2-x1, y2-y1)
	if length == 0 {
		return
	}
	op := newImageOp()
	op.GeoM.Translate(0, -0.5)
	op.GeoM.Scale(length, width)
	op.GeoM.Rotate(math.Atan2(y2-y1, x2-x1))
	op.GeoM.Translate(x1, y1)
	op.ColorScale.ScaleWithColor(c)
	dst.DrawImage(s.pixel, op)
}

// dashed draws a dashed line.
func (s *sprites) dashed(dst *ebiten.Image, x1, y1, x2, y2, width, dash float64, c color.Color) {
	length := math.Hypot(x2-x1, y2-y1)
	if length == 0 {
		return
	}
	ux, uy := (x2-x1)/length, (y2-y1)/length
	for d := 0.0; d < length; d += 2 * dash {
		e := math.Min(d+dash, length)
		s.line(dst, x1+ux*d, y1+uy*d, x1+ux*e, y1+uy*e, width, c)
	}
}
