package ui

import (
	"image"
	"image/color"
	"image/draw"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"golang.org/x/image/vector"
)

// sprites caches antialiased shapes as white images, drawn once and then
// tinted with a colour scale on every frame: software renderers (what
// classrooms and CI have) are ten times slower at rasterising antialiased
// paths than at copying images.
//
// The shapes are rasterised on the CPU (golang.org/x/image/vector) and
// uploaded, not drawn with Ebiten's vector package: that one draws on the
// GPU through stencil shaders of its own, and compiling those under
// software rendering costs the first frame more than rasterising every
// sprite the playground needs.
type sprites struct {
	discs map[int]*ebiten.Image
	rings map[ringKey]*ebiten.Image
	arcs  map[arcKey]*ebiten.Image
	// glyphs are the messages' glyphs, drawn in colour (see glyph).
	glyphs map[glyphKey]*ebiten.Image
	pixel  *ebiten.Image
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
	return &sprites{discs: map[int]*ebiten.Image{}, rings: map[ringKey]*ebiten.Image{}, arcs: map[arcKey]*ebiten.Image{}, glyphs: map[glyphKey]*ebiten.Image{}, pixel: px}
}

// disc returns a filled circle of radius r.
func (s *sprites) disc(r int) *ebiten.Image {
	r = max(r, 1)
	if img, ok := s.discs[r]; ok {
		return img
	}
	img := upload(discPixels(r))
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
	img := upload(ringPixels(r, width))
	s.rings[k] = img
	return img
}

// arc returns an arc of radius r from the top, clockwise, covering a
// fraction of a turn (quantised to arcSteps), with round ends.
func (s *sprites) arc(r, width int, fraction float64) *ebiten.Image {
	step := int(math.Round(math.Max(0, math.Min(1, fraction)) * arcSteps))
	if step == 0 {
		return nil
	}
	k := arcKey{max(r, 1), max(width, 1), step}
	if img, ok := s.arcs[k]; ok {
		return img
	}
	img := upload(arcPixels(k.r, k.width, step))
	s.arcs[k] = img
	return img
}

// glyphKey names a message glyph: its shape, letter and colours (the
// palette's colours are part of the key, so a change of theme draws new
// glyphs) at a radius.
type glyphKey struct {
	// letter is the sign, text it as the language writes it.
	letter                  glyphLetter
	text                    string
	response, reject        bool
	r                       int
	fill, edge, ground, bad color.RGBA
}

// glyph returns a message's glyph of radius r, its sign written text, in
// its colours, drawn at a scale: a request is a disc of its type's colour
// with a dark or light rim and its letter; a response a square in its
// type's colour round a hole of the background's colour; a rejection's
// square is red and crossed by a red bar. It is drawn once (shapes, then the letter) and
// copied on every frame after: a letter costs a software renderer far
// more than an image.
func (s *sprites) glyph(look messageLook, text string, r int, scale float64) *ebiten.Image {
	r = max(r, 2)
	k := glyphKey{letter: look.letter, text: text, response: look.response, reject: look.reject, r: r, fill: look.fill, edge: colText, ground: colBackground, bad: colBad}
	if img, ok := s.glyphs[k]; ok {
		return img
	}
	img := drawGlyph(k, scale)
	s.glyphs[k] = img
	return img
}

// drawGlyph draws the glyph k names.
func drawGlyph(k glyphKey, scale float64) *ebiten.Image {
	rim := math.Max(1.5, 2*scale)
	size := 2*k.r + 2*int(math.Ceil(rim)) + 4
	img := ebiten.NewImage(size, size)
	c := float64(size) / 2
	layer := func(pix *image.RGBA, col color.RGBA) {
		l := upload(pix)
		drawCentered(img, l, c, c, col)
		l.Deallocate()
	}
	r := float64(k.r)
	ink := inkOn(k.fill)
	if k.response {
		half, stroke := r*0.92, math.Max(2, 3*scale)
		body := k.fill
		if k.reject {
			body = k.bad
		}
		layer(squarePixels(size, half+rim, half*0.35+rim), k.edge)
		layer(squarePixels(size, half, half*0.35), body)
		layer(squarePixels(size, half-stroke, math.Max(0, half*0.35-stroke)), k.ground)
		ink = k.edge
	} else {
		layer(discPixels(k.r+int(math.Ceil(rim))), k.edge)
		layer(discPixels(k.r), k.fill)
	}
	if k.reject {
		d := r * 0.62
		layer(barPixels(size, c+d, c-d, c-d, c+d, math.Max(2, 3*scale)), k.bad)
	}
	if k.letter == letterRedirect {
		// The font's arrow is a hairline: a redirect's is drawn bold.
		layer(arrowPixels(size, c-r*0.55, c+r*0.6, c, math.Max(2, 2.6*scale), r*0.5), ink)
	} else {
		drawText(img, k.text, face(math.Round(r*1.3), true), c, c, ink, alignCenter)
	}
	return img
}

// arrowPixels is an arrow pointing right along y, from x1 to x2, its shaft
// width wide and its head head long, in a size-pixel square.
func arrowPixels(size int, x1, x2, y, width, head float64) *image.RGBA {
	w := width / 2
	return rasterPath(size, func(z *vector.Rasterizer) {
		z.MoveTo(float32(x1), float32(y-w))
		z.LineTo(float32(x2-head), float32(y-w))
		z.LineTo(float32(x2-head), float32(y-head*0.8))
		z.LineTo(float32(x2), float32(y))
		z.LineTo(float32(x2-head), float32(y+head*0.8))
		z.LineTo(float32(x2-head), float32(y+w))
		z.LineTo(float32(x1), float32(y+w))
	})
}

// inkOn is the palette's text or background colour, whichever stands out
// more against a fill: the letter on a message's disc.
func inkOn(fill color.RGBA) color.RGBA {
	if math.Abs(luminance(colText)-luminance(fill)) > math.Abs(luminance(colBackground)-luminance(fill)) {
		return colText
	}
	return colBackground
}

// luminance is a colour's relative luminance, 0 (black) to 1 (white),
// roughly (linear weights on the sRGB values).
func luminance(c color.RGBA) float64 {
	return (0.2126*float64(c.R) + 0.7152*float64(c.G) + 0.0722*float64(c.B)) / 255
}

// squarePixels is a square of half-side half with corners rounded at a
// radius, centred in a size-pixel square.
func squarePixels(size int, half, corner float64) *image.RGBA {
	c := float64(size) / 2
	corner = math.Min(corner, half)
	in := half - corner
	return rasterPath(size, func(z *vector.Rasterizer) {
		arcPath(z, c+in, c-in, corner, -math.Pi/2, 0, true)
		arcPath(z, c+in, c+in, corner, 0, math.Pi/2, false)
		arcPath(z, c-in, c+in, corner, math.Pi/2, math.Pi, false)
		arcPath(z, c-in, c-in, corner, math.Pi, 3*math.Pi/2, false)
	})
}

// barPixels is a straight bar of a width from (x1, y1) to (x2, y2) in a
// size-pixel square.
func barPixels(size int, x1, y1, x2, y2, width float64) *image.RGBA {
	l := math.Hypot(x2-x1, y2-y1)
	nx, ny := -(y2-y1)/l*width/2, (x2-x1)/l*width/2
	return rasterPath(size, func(z *vector.Rasterizer) {
		z.MoveTo(float32(x1+nx), float32(y1+ny))
		z.LineTo(float32(x2+nx), float32(y2+ny))
		z.LineTo(float32(x2-nx), float32(y2-ny))
		z.LineTo(float32(x1-nx), float32(y1-ny))
	})
}

// discPixels is a disc of radius r centred in a (2r+2)-pixel square.
func discPixels(r int) *image.RGBA {
	c := float64(r + 1)
	return rasterPath(2*r+2, func(z *vector.Rasterizer) {
		arcPath(z, c, c, float64(r), 0, 2*math.Pi, true)
	})
}

// ringPixels is a circle of radius r stroked width wide, centred in a
// (2r+width+2)-pixel square.
func ringPixels(r, width int) *image.RGBA {
	c := float64(r) + float64(width)/2 + 1
	outer, inner := float64(r)+float64(width)/2, math.Max(0, float64(r)-float64(width)/2)
	return rasterPath(2*r+width+2, func(z *vector.Rasterizer) {
		// The inner circle runs the other way round, so that it cancels
		// the outer one's coverage: a hole.
		arcPath(z, c, c, outer, 0, 2*math.Pi, true)
		z.ClosePath()
		arcPath(z, c, c, inner, 2*math.Pi, 0, true)
	})
}

// arcPixels is step/arcSteps of a turn of ringPixels's circle, from the
// top, clockwise, with round ends.
func arcPixels(r, width, step int) *image.RGBA {
	size := 2*r + width + 2
	c, rr, hw := float64(size)/2, float64(r), float64(width)/2
	start := -math.Pi / 2
	end := start + 2*math.Pi*float64(step)/arcSteps
	return rasterPath(size, func(z *vector.Rasterizer) {
		// The stroke's outline: the outer edge forward, a half circle
		// round the end, the inner edge back, a half circle round the
		// start. (Screen y points down, so growing angles go clockwise.)
		arcPath(z, c, c, rr+hw, start, end, true)
		arcPath(z, c+rr*math.Cos(end), c+rr*math.Sin(end), hw, end, end+math.Pi, false)
		arcPath(z, c, c, math.Max(0, rr-hw), end, start, false)
		arcPath(z, c+rr*math.Cos(start), c+rr*math.Sin(start), hw, start+math.Pi, start+2*math.Pi, false)
	})
}

// rasterPath fills the path that build adds into a size×size white image,
// with antialiased edges: coverage in the alpha, premultiplied.
func rasterPath(size int, build func(z *vector.Rasterizer)) *image.RGBA {
	z := vector.NewRasterizer(size, size)
	z.DrawOp = draw.Src
	build(z)
	z.ClosePath()
	dst := image.NewRGBA(image.Rect(0, 0, size, size))
	z.Draw(dst, dst.Bounds(), image.White, image.Point{})
	return dst
}

// upload makes an image of rasterised pixels.
func upload(pix *image.RGBA) *ebiten.Image {
	img := ebiten.NewImage(pix.Rect.Dx(), pix.Rect.Dy())
	img.WritePixels(pix.Pix)
	return img
}

// arcPath adds an arc of a circle centred at (cx, cy) from angle a0 to a1
// (radians; a1 < a0 goes the other way round) as cubic Béziers of at most
// a quarter turn each. With move, it starts a new subpath at the arc's
// first point; otherwise it joins the path with a straight line.
func arcPath(z *vector.Rasterizer, cx, cy, r, a0, a1 float64, move bool) {
	x, y := cx+r*math.Cos(a0), cy+r*math.Sin(a0)
	if move {
		z.MoveTo(float32(x), float32(y))
	} else {
		z.LineTo(float32(x), float32(y))
	}
	n := int(math.Ceil(math.Abs(a1-a0) / (math.Pi / 2)))
	d := (a1 - a0) / float64(max(n, 1))
	k := 4.0 / 3 * math.Tan(d/4) * r // control point distance
	for i := range n {
		b := a0 + float64(i+1)*d
		a := b - d
		x1, y1 := cx+r*math.Cos(a)-k*math.Sin(a), cy+r*math.Sin(a)+k*math.Cos(a)
		x3, y3 := cx+r*math.Cos(b), cy+r*math.Sin(b)
		x2, y2 := x3+k*math.Sin(b), y3-k*math.Cos(b)
		z.CubeTo(float32(x1), float32(y1), float32(x2), float32(y2), float32(x3), float32(y3))
	}
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
