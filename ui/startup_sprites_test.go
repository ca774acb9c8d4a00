package ui

import (
	"image"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
)

// alphaAt is a shape's coverage at a pixel.
func alphaAt(img *image.RGBA, x, y int) uint8 { return img.RGBAAt(x, y).A }

// The sprites are rasterised on the CPU (sprites.go): these check the
// outlines, which replaced Ebiten's vector.FillCircle, StrokeCircle and
// StrokePath.
func TestDiscShapeIsAFilledCircle(t *testing.T) {
	d := discPixels(20) // centre (21, 21)
	assert.Equal(t, 42, d.Rect.Dx())
	assert.EqualValues(t, 255, alphaAt(d, 21, 21), "the centre is covered")
	assert.EqualValues(t, 255, alphaAt(d, 21+18, 21), "inside the edge")
	assert.EqualValues(t, 0, alphaAt(d, 0, 0), "the corner is empty")
	assert.EqualValues(t, 0, alphaAt(d, 21+21, 21), "beyond the radius")
	partial := false // the edge, from radius 18 to 21, is antialiased
	for x := 21 + 18; x <= 21+21; x++ {
		partial = partial || alphaAt(d, x, 21) > 0 && alphaAt(d, x, 21) < 255
	}
	assert.True(t, partial, "antialiased")
	px := d.RGBAAt(21, 21)
	assert.Equal(t, px.R, px.A, "white, premultiplied")
}

func TestRingShapeHasAHole(t *testing.T) {
	r := ringPixels(20, 4) // centre 23, the stroke from radius 18 to 22
	assert.Equal(t, 46, r.Rect.Dx())
	assert.EqualValues(t, 0, alphaAt(r, 23, 23), "the centre is empty")
	assert.EqualValues(t, 0, alphaAt(r, 23+15, 23), "inside the stroke")
	assert.EqualValues(t, 255, alphaAt(r, 23+20, 23), "on the stroke")
	assert.EqualValues(t, 255, alphaAt(r, 23, 23-20), "round the whole turn")
	assert.EqualValues(t, 0, alphaAt(r, 23+23, 23), "outside")
}

func TestArcShapeRunsClockwiseFromTheTop(t *testing.T) {
	a := arcPixels(20, 4, arcSteps/4) // a quarter: from the top to the right
	c := 23
	on := func(angle float64) uint8 { // at radius 20, screen angle
		return alphaAt(a, c+int(math.Round(20*math.Cos(angle))), c+int(math.Round(20*math.Sin(angle))))
	}
	assert.EqualValues(t, 255, on(-math.Pi/4), "between the top and the right")
	assert.EqualValues(t, 0, on(math.Pi/2), "not the bottom")
	assert.EqualValues(t, 0, on(math.Pi), "not the left")
	assert.NotZero(t, alphaAt(a, c-1, c-20), "a round end just past the start")
	full := arcPixels(20, 4, arcSteps)
	assert.EqualValues(t, 255, alphaAt(full, c-20, c), "a full turn covers the left")
	assert.EqualValues(t, 0, alphaAt(full, c, c), "and keeps the hole")
}
