package picture

import (
	"image"
	"image/color"
	"image/gif"
	"io"
)

// FrameMs is the virtual time between two frames of an animation, and
// FrameDelay how long each is shown (hundredths of a second): ten frames
// a second, each 100 ms of the run, so that a message (a few
// milliseconds to tens of them on the wire) shows in a frame or two and
// 30 s of a run plays in 30 s.
const (
	FrameMs    = 100
	FrameDelay = 10
)

// gifPalette is a fixed palette for a theme: its colours, and each blended
// into the background and the panel in steps, which is what antialiased
// edges and text make of them. A fixed palette spares quantising each
// frame; the nearest colour of each pixel is looked up once (quantiser).
func gifPalette(p *palette) color.Palette {
	var pal color.Palette
	seen := map[color.RGBA]bool{}
	add := func(c color.RGBA) {
		if !seen[c] && len(pal) < 256 {
			seen[c] = true
			pal = append(pal, c)
		}
	}
	for _, c := range p.colours() {
		add(c)
	}
	for _, ground := range []color.RGBA{p.background, p.panel} {
		for _, c := range p.colours() {
			for k := 1; k < 4; k++ {
				add(blend(ground, c, float64(k)/4))
			}
		}
	}
	return pal
}

// blend mixes a into b by t (0: a, 1: b).
func blend(a, b color.RGBA, t float64) color.RGBA {
	mix := func(x, y uint8) uint8 { return uint8(float64(x)*(1-t) + float64(y)*t + 0.5) }
	return color.RGBA{mix(a.R, b.R), mix(a.G, b.G), mix(a.B, b.B), 0xff}
}

// quantiser maps an RGBA picture onto a palette, remembering each colour's
// nearest entry: a frame has a few thousand colours among its pixels.
type quantiser struct {
	pal     color.Palette
	nearest map[[3]uint8]uint8
}

func (q *quantiser) paletted(src *image.RGBA, dst *image.Paletted) {
	b := src.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		row := src.Pix[src.PixOffset(b.Min.X, y):]
		out := dst.Pix[dst.PixOffset(b.Min.X, y):]
		for x := range b.Dx() {
			k := [3]uint8{row[4*x], row[4*x+1], row[4*x+2]}
			i, ok := q.nearest[k]
			if !ok {
				i = uint8(q.pal.Index(color.RGBA{k[0], k[1], k[2], 0xff}))
				q.nearest[k] = i
			}
			out[x] = i
		}
	}
}

// changed is the smallest rectangle holding every pixel where a and b
// differ (empty when none does).
func changed(a, b *image.Paletted) image.Rectangle {
	r := image.Rectangle{}
	bd := a.Bounds()
	for y := bd.Min.Y; y < bd.Max.Y; y++ {
		ra, rb := a.Pix[a.PixOffset(bd.Min.X, y):][:bd.Dx()], b.Pix[b.PixOffset(bd.Min.X, y):][:bd.Dx()]
		for x := range ra {
			if ra[x] != rb[x] {
				r = r.Union(image.Rect(bd.Min.X+x, y, bd.Min.X+x+1, y+1))
			}
		}
	}
	return r
}

// gifWriter gathers an animation's frames: each after the first holds
// only the rectangle that changed, drawn over the one before, which keeps
// both the file and the memory held small.
type gifWriter struct {
	q    quantiser
	anim gif.GIF
	prev *image.Paletted
}

func newGIFWriter(p *palette) *gifWriter {
	return &gifWriter{q: quantiser{pal: gifPalette(p), nearest: map[[3]uint8]uint8{}}}
}

func (g *gifWriter) add(frame *image.RGBA) {
	cur := image.NewPaletted(frame.Bounds(), g.q.pal)
	g.q.paletted(frame, cur)
	img := cur
	if g.prev != nil {
		r := changed(g.prev, cur)
		if r.Empty() {
			r = image.Rect(0, 0, 1, 1) // a frame must hold a pixel
		}
		img = image.NewPaletted(r, g.q.pal)
		for y := r.Min.Y; y < r.Max.Y; y++ {
			copy(img.Pix[img.PixOffset(r.Min.X, y):][:r.Dx()], cur.Pix[cur.PixOffset(r.Min.X, y):])
		}
	}
	g.prev = cur
	g.anim.Image = append(g.anim.Image, img)
	g.anim.Delay = append(g.anim.Delay, FrameDelay)
	g.anim.Disposal = append(g.anim.Disposal, gif.DisposalNone)
}

func (g *gifWriter) write(w io.Writer) error {
	b := g.prev.Bounds()
	g.anim.Config = image.Config{ColorModel: g.q.pal, Width: b.Dx(), Height: b.Dy()}
	return gif.EncodeAll(w, &g.anim)
}
