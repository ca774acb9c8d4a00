package ui

// scrollBar is the thin bar at the right edge of a panel whose text runs
// on past its foot: the track stands for the whole text, the thumb for the
// part shown. It tells a learner that there is more, and where they are.
type scrollBar struct {
	track, thumb Rect
}

// scrollBarW is the bar's width, and scrollBarHit the width of the strip
// along it that a click pages in, in logical pixels.
const (
	scrollBarW   = 4.0
	scrollBarHit = 14.0
)

// newScrollBar is the bar along the right edge right of a band from top to
// bottom, showing a text of height content scrolled by scroll.
func newScrollBar(right, top, bottom, content, scroll, s float64) scrollBar {
	track := Rect{right - scrollBarW*s - 3*s, top, scrollBarW * s, bottom - top}
	if content <= track.H || track.H <= 0 {
		return scrollBar{}
	}
	h := max(track.H*track.H/content, 20*s)
	y := track.Y + (track.H-h)*min(scroll/(content-track.H), 1)
	return scrollBar{track, Rect{track.X, y, track.W, h}}
}

// shown reports whether there is a bar (the text runs past the foot).
func (b scrollBar) shown() bool { return b.track.H > 0 }

// page is which way a click at (x, y) pages the text: 1 down (below the
// thumb), -1 up (above it), 0 for a click elsewhere.
func (b scrollBar) page(x, y, s float64) int {
	hit := Rect{b.track.X + b.track.W + 3*s - scrollBarHit*s, b.track.Y, scrollBarHit * s, b.track.H}
	switch {
	case !b.shown() || !hit.Contains(x, y):
		return 0
	case y < b.thumb.Y:
		return -1
	case y >= b.thumb.Y+b.thumb.H:
		return 1
	}
	return 0
}
