package ui

import (
	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"
)

// The keyboard scrolls the panel of the right-hand column that scrolls:
// the lesson panel (the list of lessons, or a step's text), or the
// inspector. Up and Down move by a line or two, Page Up and Page Down by
// most of a panel, Home and End to either end.

// scrollKeys are the keys that scroll the column's panel.
var scrollKeys = []ebiten.Key{ebiten.KeyArrowUp, ebiten.KeyArrowDown, ebiten.KeyPageUp, ebiten.KeyPageDown, ebiten.KeyHome, ebiten.KeyEnd}

// takeScrollKeys scrolls by the scroll keys pressed in this update (but
// those presenter mode's clicker takes).
func (g *Game) takeScrollKeys() {
	for _, k := range scrollKeys {
		if inpututil.IsKeyJustPressed(k) && !g.clickerKey(k) {
			g.scrollKey(k)
		}
	}
}

// scrollKey scrolls the column's panel by the key k.
func (g *Game) scrollKey(k ebiten.Key) {
	var by, page, end float64
	var set func(float64)
	switch {
	case g.lesson != nil:
		v := g.lessonLaidOut()
		by, page, end = g.lesson.scroll, v.bar.track.H, v.maxScroll
		set = func(y float64) { g.lesson.scroll = y }
	case g.inspector.inspecting():
		v := g.inspector.inspectorLaidOut()
		by, page, end, set = v.scroll, v.bar.track.H, v.end, g.inspector.setInspectorScroll
	default:
		return
	}
	switch k {
	case ebiten.KeyArrowUp:
		by -= 40 * g.scale
	case ebiten.KeyArrowDown:
		by += 40 * g.scale
	case ebiten.KeyPageUp:
		by -= 0.8 * page
	case ebiten.KeyPageDown:
		by += 0.8 * page
	case ebiten.KeyHome:
		by = 0
	case ebiten.KeyEnd:
		by = end
	}
	set(max(0, min(by, end)))
}
