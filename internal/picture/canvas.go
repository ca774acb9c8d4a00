package picture

import (
	"image"
	"image/color"
	"image/draw"
	"math"

	"golang.org/x/image/vector"
)

// canvas draws shapes, antialiased, on an RGBA image. One rasterizer
// serves every shape, each drawn over its own bounding box only.
type canvas struct {
	dst *image.RGBA
	ras vector.Rasterizer
}

// point is a position in pixels.
type point struct{ x, y float64 }

// fill fills the polygons (each closed) in c; a polygon wound the other
// way cuts a hole.
func (cv *canvas) fill(c color.RGBA, polys ...[]point) {
	x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, p := range polys {
		for _, q := range p {
			x0, y0, x1, y1 = min(x0, q.x), min(y0, q.y), max(x1, q.x), max(y1, q.y)
		}
	}
	box := image.Rect(int(math.Floor(x0)), int(math.Floor(y0)), int(math.Ceil(x1))+1, int(math.Ceil(y1))+1).Intersect(cv.dst.Bounds())
	if box.Empty() {
		return
	}
	cv.ras.Reset(box.Dx(), box.Dy())
	ox, oy := float32(box.Min.X), float32(box.Min.Y)
	for _, p := range polys {
		if len(p) < 3 {
			continue
		}
		cv.ras.MoveTo(float32(p[0].x)-ox, float32(p[0].y)-oy)
		for _, q := range p[1:] {
			cv.ras.LineTo(float32(q.x)-ox, float32(q.y)-oy)
		}
		cv.ras.ClosePath()
	}
	cv.ras.DrawOp = draw.Over
	cv.ras.Draw(cv.dst, box, image.NewUniform(c), image.Point{})
}

// circle is a circle's outline as a polygon, counter-clockwise when ccw.
func circle(x, y, r float64, ccw bool) []point {
	n := max(16, int(r*1.2))
	pts := make([]point, n)
	for i := range pts {
		a := 2 * math.Pi * float64(i) / float64(n)
		if ccw {
			a = -a
		}
		pts[i] = point{x + r*math.Cos(a), y + r*math.Sin(a)}
	}
	return pts
}

func (cv *canvas) disc(x, y, r float64, c color.RGBA) { cv.fill(c, circle(x, y, r, false)) }

// ring is a circle's outline of a width, centred on radius r.
func (cv *canvas) ring(x, y, r, width float64, c color.RGBA) {
	cv.fill(c, circle(x, y, r+width/2, false), circle(x, y, r-width/2, true))
}

// line is a straight line of a width. A long opaque line is drawn in
// overlapping pieces: the rasterizer works through a shape's whole
// bounding box, which for a long diagonal is most of the picture.
func (cv *canvas) line(x1, y1, x2, y2, width float64, c color.RGBA) {
	dx, dy := x2-x1, y2-y1
	l := math.Hypot(dx, dy)
	if l == 0 {
		return
	}
	pieces := 1.0
	if c.A == 0xff {
		pieces = math.Ceil(l / 48)
	}
	ux, uy := dx/l, dy/l
	nx, ny := -uy*width/2, ux*width/2
	for i := range int(pieces) {
		a, b := l*float64(i)/pieces, min(l, l*float64(i+1)/pieces+1)
		ax, ay, bx, by := x1+ux*a, y1+uy*a, x1+ux*b, y1+uy*b
		cv.fill(c, []point{{ax + nx, ay + ny}, {bx + nx, by + ny}, {bx - nx, by - ny}, {ax - nx, ay - ny}})
	}
}

// dashed is a line drawn as dashes of length dash, as far apart.
func (cv *canvas) dashed(x1, y1, x2, y2, width, dash float64, c color.RGBA) {
	l := math.Hypot(x2-x1, y2-y1)
	for d := 0.0; d < l; d += 2 * dash {
		e := min(l, d+dash)
		cv.line(x1+(x2-x1)*d/l, y1+(y2-y1)*d/l, x1+(x2-x1)*e/l, y1+(y2-y1)*e/l, width, c)
	}
}

// rect fills a rectangle: straight onto the pixels when it covers whole
// pixels with an opaque colour (the panels), else antialiased.
func (cv *canvas) rect(x, y, w, h float64, c color.RGBA) {
	if whole := func(v float64) bool { return v == math.Trunc(v) }; c.A == 0xff && whole(x) && whole(y) && whole(w) && whole(h) {
		draw.Draw(cv.dst, image.Rect(int(x), int(y), int(x+w), int(y+h)), image.NewUniform(c), image.Point{}, draw.Src)
		return
	}
	cv.fill(c, []point{{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}})
}

// frame draws a rectangle's outline of a width, inside the rectangle,
// as four bars: one shape would be rasterized over the whole inside.
func (cv *canvas) frame(x, y, w, h, width float64, c color.RGBA) {
	cv.rect(x, y, w, width, c)
	cv.rect(x, y+h-width, w, width, c)
	cv.rect(x, y+width, width, h-2*width, c)
	cv.rect(x+w-width, y+width, width, h-2*width, c)
}

// withAlpha scales a colour's opacity (premultiplied), as the app does.
func withAlpha(c color.RGBA, a float64) color.RGBA {
	return color.RGBA{uint8(float64(c.R) * a), uint8(float64(c.G) * a), uint8(float64(c.B) * a), uint8(float64(c.A) * a)}
}
