package ui

import (
	"fmt"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestGroundCoversWhatNoPanelDoes: the ground and the whole pixels inside
// the opaque panels cover every pixel of the screen, each pixel once (the
// screen is not cleared between frames, and a pixel filled twice is work
// wasted); a pixel a panel's box covers only in part is ground.
func TestGroundCoversWhatNoPanelDoes(t *testing.T) {
	screen := Rect{0, 0, 64, 48}
	cases := map[string][]Rect{
		"none":         nil,
		"whole pixels": {{0, 0, 64, 6}, {40, 6, 24, 42}, {0, 36, 40, 12}},
		"between pixels, overlapping, off the screen": {{-3, 10.5, 30.25, 9.5}, {20.7, 2.2, 10, 30}, {50, 40, 30, 30}},
		"too thin for a whole pixel":                  {{10.2, 10.2, 0.9, 20}, {5, 5, 0, 0}},
		"the whole screen":                            {screen},
	}
	for name, covered := range cases {
		ground := groundRects(nil, screen, covered)
		for _, r := range ground {
			assert.True(t, r.W > 0 && r.H > 0 && r.X == math.Floor(r.X) && r.Y == math.Floor(r.Y) && r.W == math.Floor(r.W) && r.H == math.Floor(r.H), "%s: %v is whole pixels", name, r)
		}
		for y := 0; y < int(screen.H); y++ {
			for x := 0; x < int(screen.W); x++ {
				px := Rect{float64(x), float64(y), 1, 1}
				inPanel := false
				for _, c := range covered {
					if c.X <= px.X && c.Y <= px.Y && px.X+1 <= c.X+c.W && px.Y+1 <= c.Y+c.H {
						inPanel = true
					}
				}
				n := 0
				for _, r := range ground {
					if r.Contains(px.X+0.5, px.Y+0.5) {
						n++
					}
				}
				where := fmt.Sprintf("%s: pixel (%d, %d)", name, x, y)
				if inPanel {
					require.Zero(t, n, "%s is under a panel: not ground", where)
				} else {
					require.Equal(t, 1, n, "%s is ground, once", where)
				}
			}
		}
	}
}
