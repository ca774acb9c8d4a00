package ui

import (
	"image"
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"
	"github.com/raftlab/raftlab/playground/view"
)

// Presenter mode is RaftLab projected in a classroom: read from the back
// of the room on a washed-out projector, driven with a presentation
// clicker. It zooms the whole screen (presentScale), puts a high-contrast
// palette in use (palette.Presenter), hides the feed and the inspector
// until asked for, and turns the clicker's keys into next and back; B
// blanks the screen, and a spotlight dims all but the pointer's
// surroundings. It is not a preference: it lasts until it is turned off.

// presenter is presenter mode's state.
type presenter struct {
	on bool
	// panels is set while the feed and the inspector show (F).
	panels bool
	// blank is set while the screen is black (B, until any key).
	blank bool
	// spotlight is set while the screen is dimmed but around the pointer.
	spotlight bool
	// hole is the spotlight's circle, cut out of a dim square, for the
	// radius holeR (physical pixels).
	hole  *ebiten.Image
	holeR int
}

// hidesPanels reports whether the feed and the inspector are hidden.
func (p *presenter) hidesPanels() bool { return p.on && !p.panels }

// presentKey is what of presenter mode the layout depends on.
type presentKey struct{ on, panels bool }

func (p *presenter) key() presentKey { return presentKey{p.on, p.panels} }

// Presenter mode zooms the screen presentZoom times, as long as what is
// left is at least presentMinW x presentMinH logical pixels, which the
// layout fits without overlaps (present_test.go): twice the text at
// 1920x1080, a third more at 1280x720, and no zoom below 960x540.
const (
	presentZoom = 2.0
	presentMinW = 960.0
	presentMinH = 540.0
)

// presentScale is the layout's scale for a screen of w x h physical pixels
// at the host's scale s, in presenter mode.
func presentScale(w, h int, s float64) float64 {
	k := min(presentZoom, float64(w)/(presentMinW*s), float64(h)/(presentMinH*s))
	return s * max(1, k)
}

// cssScale is physical pixels per CSS pixel: the host's scale, without
// presenter mode's zoom (the automation hooks speak CSS pixels).
func (g *Game) cssScale() float64 {
	s := g.scale
	if g.screen.scale > 0 {
		s = g.screen.scale
	}
	if s <= 0 || math.IsNaN(s) {
		return 1
	}
	return s
}

// presentLayout is the layout in presenter mode. The zoom leaves the
// cluster little height, and the nodes' labels, twice as large, take most
// of it: the logs give up height (their rows shrink to presentLogRow) so
// that the nodes come out larger than without the zoom. While the feed is
// hidden the safety monitor takes the side column's height in free play
// (a lesson's panel takes the column anyway).
func (l *Layout) presentLayout(ids []view.ID, hideFeed bool) {
	s := l.Scale
	mainH := l.Logs.Y + l.Logs.H - l.Cluster.Y
	logsH := min(l.Logs.H, max(0.3*mainH, (presentLogRow*float64(max(len(ids), 3))+40)*s))
	l.Cluster.H = mainH - logsH
	l.Logs = Rect{l.Logs.X, l.Cluster.Y + l.Cluster.H, l.Logs.W, logsH}
	l.Nodes = ringSpots(l.Cluster, s, ids)
	if hideFeed {
		l.Safety.H = l.Side.H
		l.Feed = Rect{l.Side.X, l.Side.Y + l.Side.H, l.Side.W, 0}
	}
}

// presentLogRow is the least height of a server's row in the logs panel
// in presenter mode, in logical pixels (26 without it).
const presentLogRow = 18

// Presenting reports whether presenter mode is on.
func (g *Game) Presenting() bool { return g.present.on }

// SetPresenting turns presenter mode on or off: the zoom, the palette,
// the hidden panels and full screen (Options.Fullscreen).
func (g *Game) SetPresenting(on bool) {
	if on == g.present.on {
		return
	}
	g.present = presenter{on: on}
	applyPresentTheme(on)
	g.redrawPanels()
	if g.opts.Fullscreen != nil {
		g.opts.Fullscreen(on)
	}
	if on {
		g.say(g.tr("present.on"))
	} else {
		g.say(g.tr("present.off"))
	}
	g.settle()
}

func (g *Game) togglePresent() { g.SetPresenting(!g.present.on) }

// togglePresentPanels shows or hides the feed and the inspector.
func (g *Game) togglePresentPanels() {
	g.present.panels = !g.present.panels
	g.redrawPanels()
}

// presentForward is the clicker's next: the lesson's next step while a
// lesson runs (none after the last), else the simulation's next event.
func (g *Game) presentForward() {
	p := g.lesson
	switch {
	case p != nil && p.run != nil:
		if !p.run.Last() {
			g.moveStep(p.run.Next)
			g.recordProgress(progressReach)
		}
	case p == nil:
		g.stepEvent()
	}
}

// presentBack is the clicker's previous: the lesson's step before while a
// lesson runs, else back to the newest event before the present (paused).
func (g *Game) presentBack() {
	p := g.lesson
	switch {
	case p != nil && p.run != nil:
		if p.run.Index() > 0 {
			g.moveStep(p.run.Back)
		}
	case p == nil:
		g.paused = true
		now := int64(g.clock)
		for i := g.sess.TraceLen() - 1; i >= g.sess.TraceStart(); i-- {
			if at := g.sess.Event(i).AtMs; at < now {
				g.seek(float64(at))
				return
			}
		}
		g.seek(0)
	}
}

// presentKeys are presenter mode's keys: a clicker's Page Down and Page
// Up (and the arrows) step forward and back, B blanks the screen, F shows
// the feed and the inspector, H the spotlight and N the speaker notes.
func (g *Game) presentKeys() []keyAction {
	return []keyAction{
		{[]ebiten.Key{ebiten.KeyPageDown, ebiten.KeyArrowRight, ebiten.KeyArrowDown}, g.presentForward},
		{[]ebiten.Key{ebiten.KeyPageUp, ebiten.KeyArrowLeft, ebiten.KeyArrowUp}, g.presentBack},
		{[]ebiten.Key{ebiten.KeyB}, func() { g.present.blank = true }},
		{[]ebiten.Key{ebiten.KeyF}, g.togglePresentPanels},
		{[]ebiten.Key{ebiten.KeyH}, func() { g.present.spotlight = !g.present.spotlight }},
		{[]ebiten.Key{ebiten.KeyN}, g.openNotes},
	}
}

// clickerKey reports whether presenter mode takes k for stepping, so
// that it does not also scroll the lesson panel.
func (g *Game) clickerKey(k ebiten.Key) bool {
	if !g.present.on {
		return false
	}
	switch k {
	case ebiten.KeyPageDown, ebiten.KeyPageUp, ebiten.KeyArrowDown, ebiten.KeyArrowUp:
		return true
	}
	return false
}

// unblank ends a blank screen at any key or press, which does nothing
// else; it reports whether the screen was blank.
func (g *Game) unblank() bool {
	if !g.present.blank {
		return false
	}
	if len(inpututil.AppendJustPressedKeys(nil)) > 0 || inpututil.IsMouseButtonJustPressed(ebiten.MouseButtonLeft) ||
		len(inpututil.AppendJustPressedTouchIDs(nil)) > 0 {
		g.present.blank = false
	}
	return true
}

// presentLayer draws, in front of everything, the blank screen or the
// spotlight; a blank screen takes every press (which ends it).
type presentLayer struct{ g *Game }

func (p presentLayer) draw(dst *ebiten.Image) {
	g := p.g
	switch {
	case g.present.blank:
		g.spr.fillRect(dst, g.lay.Screen, color.Black)
	case g.present.spotlight:
		g.drawSpotlight(dst)
	}
}

func (p presentLayer) press(x, y float64, long bool) bool {
	if p.g.present.blank {
		p.g.present.blank = false
		return true
	}
	return false
}

// tip hides every tooltip while the screen is blank or the spotlight
// shows: the room looks where the teacher points.
func (p presentLayer) tip(x, y float64) (tooltip, bool) {
	return tooltip{}, p.g.present.blank || p.g.present.spotlight
}

// spotlightR is the spotlight's radius, in logical pixels; spotlightDim
// how dark the rest of the screen goes.
const (
	spotlightR   = 110.0
	spotlightDim = 0.62
)

// drawSpotlight dims the screen but a circle around the pointer: the
// circle's square from the hole sprite, the rest in four bands.
func (g *Game) drawSpotlight(dst *ebiten.Image) {
	r := int(spotlightR * g.scale)
	if g.present.hole == nil || g.present.holeR != r {
		g.present.hole, g.present.holeR = upload(holePixels(r)), r
	}
	dim := withAlpha(color.RGBA{0, 0, 0, 0xff}, spotlightDim)
	x, y, d := g.hover.x, g.hover.y, float64(r)
	sq := Rect{x - d, y - d, 2 * d, 2 * d}
	scr := g.lay.Screen
	for _, band := range []Rect{
		{scr.X, scr.Y, scr.W, sq.Y - scr.Y},
		{scr.X, sq.Y + sq.H, scr.W, scr.Y + scr.H - sq.Y - sq.H},
		{scr.X, sq.Y, sq.X - scr.X, sq.H},
		{sq.X + sq.W, sq.Y, scr.X + scr.W - sq.X - sq.W, sq.H},
	} {
		if band.W > 0 && band.H > 0 {
			g.spr.fillRect(dst, band, dim)
		}
	}
	drawCentered(dst, g.present.hole, x, y, dim)
}

// holePixels is a square of side 2r, opaque but for a circle of radius r
// with a soft edge.
func holePixels(r int) *image.RGBA {
	n := 2 * r
	img := image.NewRGBA(image.Rect(0, 0, n, n))
	edge := max(2, float64(r)/12)
	for y := range n {
		for x := range n {
			d := math.Hypot(float64(x)+0.5-float64(r), float64(y)+0.5-float64(r))
			a := math.Max(0, math.Min(1, (d-float64(r)+edge)/edge))
			v := uint8(255 * a)
			img.SetRGBA(x, y, color.RGBA{v, v, v, v})
		}
	}
	return img
}
