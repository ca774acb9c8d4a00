package ui

import "runtime"

// wheelPixels turns a mouse wheel's dy, as Ebiten reports it, into logical
// pixels to scroll by. In the browser Ebiten passes on the page's wheel
// delta, in CSS pixels (about 100 a notch); on the desktop it counts
// notches (1 a notch), each worth a couple of lines.
func wheelPixels(dy float64) float64 {
	if runtime.GOOS == "js" {
		return dy
	}
	return dy * 40
}
