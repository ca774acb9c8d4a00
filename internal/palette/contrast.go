package palette

import (
	"image/color"
	"math"
)

// Contrast is the WCAG 2 contrast ratio of two colours, from 1 to 21: the
// measure the palettes' promises (4.5:1 for text) are kept in, by their
// tests and by the tests of colours drawn on them.
func Contrast(a, b color.RGBA) float64 {
	la, lb := relLuminance(a), relLuminance(b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

// relLuminance is a colour's relative luminance (WCAG 2).
func relLuminance(c color.RGBA) float64 {
	lin := func(v uint8) float64 {
		x := float64(v) / 255
		if x <= 0.03928 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}
