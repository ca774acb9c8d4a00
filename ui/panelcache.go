package ui

import (
	"bytes"
	"encoding/binary"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
)

// panelCache holds a panel as last drawn, in an image of its own. Text is
// most of a frame's cost under software rendering, and most panels change
// far less often than every frame, so a panel is redrawn only when its key
// (everything it shows, written out by a key function) changes, and copied
// to the screen otherwise.
type panelCache struct {
	img *ebiten.Image
	key []byte
	// x, y are the screen position of the image's top-left corner: the
	// panel's position rounded down, so that drawing it keeps every pixel
	// where a direct draw would put it.
	x, y  float64
	w, h  int
	valid bool
	// light is the theme the image was drawn in: a theme switch changes
	// every colour but no key.
	light bool
	// redraws counts how often the panel was drawn afresh (for tests).
	redraws int
}

// stale reports whether a panel covering area with this key must be
// redrawn.
func (c *panelCache) stale(area Rect, key []byte) bool {
	x, y, w, h := cacheBounds(area)
	return !c.valid || c.light != themeLight || c.x != x || c.y != y || c.w != w || c.h != h || !bytes.Equal(c.key, key)
}

// cacheBounds is the pixel box an area touches.
func cacheBounds(area Rect) (x, y float64, w, h int) {
	x, y = math.Floor(area.X), math.Floor(area.Y)
	w = max(1, int(math.Ceil(area.X+area.W)-x))
	h = max(1, int(math.Ceil(area.Y+area.H)-y))
	return x, y, w, h
}

// draw draws the panel covering area onto dst, first redrawing it with
// render when key differs from the last one. render draws as it would on
// the screen, with every position shifted by (-dx, -dy).
func (c *panelCache) draw(dst *ebiten.Image, area Rect, key []byte, render func(img *ebiten.Image, dx, dy float64)) {
	if c.stale(area, key) {
		x, y, w, h := cacheBounds(area)
		if c.img == nil || c.img.Bounds().Dx() != w || c.img.Bounds().Dy() != h {
			if c.img != nil {
				c.img.Deallocate()
			}
			c.img = ebiten.NewImage(w, h)
		} else {
			c.img.Clear()
		}
		render(c.img, x, y)
		c.key = append(c.key[:0], key...)
		c.x, c.y, c.w, c.h, c.valid, c.light = x, y, w, h, true, themeLight
		c.redraws++
	}
	op := newImageOp()
	op.GeoM.Translate(c.x, c.y)
	dst.DrawImage(c.img, op)
}

// keyBuf builds a cache key: the values a panel shows, appended in a fixed
// order. Appending to a reused buffer keeps the per-frame check free of
// allocations.
type keyBuf []byte

func (k keyBuf) int(v int64) keyBuf   { return binary.AppendVarint(k, v) }
func (k keyBuf) uint(v uint64) keyBuf { return binary.AppendUvarint(k, v) }
func (k keyBuf) float(v float64) keyBuf {
	return binary.LittleEndian.AppendUint64(k, math.Float64bits(v))
}

func (k keyBuf) bool(v bool) keyBuf {
	if v {
		return append(k, 1)
	}
	return append(k, 0)
}

// str appends a string with its length, so that ("ab", "c") and ("a",
// "bc") differ.
func (k keyBuf) str(s string) keyBuf { return append(k.uint(uint64(len(s))), s...) }

func (k keyBuf) rect(r Rect) keyBuf { return k.float(r.X).float(r.Y).float(r.W).float(r.H) }

// moved is r shifted by (-dx, -dy): a screen rectangle in a cached
// panel's image.
func (r Rect) moved(dx, dy float64) Rect { return Rect{r.X - dx, r.Y - dy, r.W, r.H} }
