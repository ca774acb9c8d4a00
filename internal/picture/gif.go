package picture

import (
	"image"
	"image/color"
	"image/gif"
	"io"

	"github.com/raftlab/raftlab/internal/palette"
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
func gifPalette(p *palette.Palette) color.Palette {
	var pal color.Palette
	seen := map[color.RGBA]bool{}
	add := func(c color.RGBA) {
		if !seen[c] && len(pal) < 256 {
			seen[c] = true
			pal = append(pal, c)
		}
	}
	cs := colours(p)
	for _, c := range cs {
		add(c)
	}
	for _, ground := range []color.RGBA{p.Background, p.Panel} {
		for _, c := range cs {
			for k := 1; k < 4; k++ {
				add(blend(ground, c, float64(k)/4))
			}
		}
	}
	return pal
}

// colours are the palette's colours a picture draws with (not the
// buttons' nor the accents, which only the app has), in the order they
// take their places in the GIF's palette.
func colours(p *palette.Palette) []color.RGBA {
	cs := []color.RGBA{p.Background, p.Panel, p.PanelEdge, p.Text, p.TextDim, p.Link, p.Cut, p.OK, p.Bad,
		p.Follower, p.PreCandidate, p.Candidate, p.Leader, p.Down, p.Client,
		p.Vote, p.PreVote, p.AppendEntries, p.Snapshot, p.TimeoutNow}
	return append(cs, p.Terms...)
}

// blend mixes a into b by t (0: a, 1: b).
func blend(a, b color.RGBA, t float64) color.RGBA {
	mix := func(x, y uint8) uint8 { return uint8(float64(x)*(1-t) + float64(y)*t + 0.5) }
	return color.RGBA{mix(a.R, b.R), mix(a.G, b.G), mix(a.B, b.B), 0xff}
}

// quantiser maps an RGBA picture onto a palette, remembering each colour's
// nearest entry (by its 0xRRGGBB): a frame has a few thousand colours
// among its pixels, and most pixels have their left neighbour's.
type quantiser struct {
	// pal's last colour is transparent (clear): no pixel is drawn in it.
	pal     color.Palette
	clear   uint8
	nearest map[uint32]uint8
}

func (q *quantiser) paletted(src *image.RGBA, dst *image.Paletted) {
	b := src.Bounds()
	last, lastIndex := uint32(1<<31), uint8(0) // (no colour: the top byte is 0)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		row := src.Pix[src.PixOffset(b.Min.X, y):]
		out := dst.Pix[dst.PixOffset(b.Min.X, y):]
		for x := range b.Dx() {
			k := uint32(row[4*x])<<16 | uint32(row[4*x+1])<<8 | uint32(row[4*x+2])
			if k != last {
				i, ok := q.nearest[k]
				if !ok {
					i = uint8(q.pal[:q.clear].Index(color.RGBA{uint8(k >> 16), uint8(k >> 8), uint8(k), 0xff}))
					q.nearest[k] = i
				}
				last, lastIndex = k, i
			}
			out[x] = lastIndex
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
		x0, x1 := -1, -1
		for x := range ra {
			if ra[x] != rb[x] {
				if x0 < 0 {
					x0 = x
				}
				x1 = x
			}
		}
		if x0 >= 0 {
			r = r.Union(image.Rect(bd.Min.X+x0, y, bd.Min.X+x1+1, y+1))
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

func newGIFWriter(p *palette.Palette) *gifWriter {
	pal := gifPalette(p)
	pal = append(pal[:min(len(pal), 255)], color.RGBA{})
	return &gifWriter{q: quantiser{pal: pal, clear: uint8(len(pal) - 1), nearest: map[uint32]uint8{}}}
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
		// Within it, the pixels that did not change are transparent: the
		// frame before shows through, and the long runs of one index
		// compress well.
		img = image.NewPaletted(r, g.q.pal)
		for y := r.Min.Y; y < r.Max.Y; y++ {
			out := img.Pix[img.PixOffset(r.Min.X, y):][:r.Dx()]
			now, before := cur.Pix[cur.PixOffset(r.Min.X, y):], g.prev.Pix[g.prev.PixOffset(r.Min.X, y):]
			for x := range out {
				out[x] = now[x]
				if now[x] == before[x] {
					out[x] = g.q.clear
				}
			}
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
