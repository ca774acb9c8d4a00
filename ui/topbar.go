package ui

import "github.com/hajimehoshi/ebiten/v2"

// topBar is the bar of controls along the top (drawTopBar), with the menu
// of the controls that did not fit it (drawMoreMenu).
type topBar struct {
	g     *Game
	cache panelCache
	// moreOpen is set while the menu of the controls that did not fit is
	// open.
	moreOpen bool
}

func (p *topBar) draw(dst *ebiten.Image) {
	p.g.drawTopBar(dst)
	p.g.drawMoreMenu(dst)
}

// press carries out the control pressed. The "more" menu closes on any
// press; one on its rows is that control.
func (p *topBar) press(x, y float64, long bool) bool {
	g := p.g
	if p.moreOpen {
		p.moreOpen = false
		if b, ok := hitAny(g.lay.More, x, y); ok {
			g.pressTop(b.top)
			return true
		}
		if b, ok := g.lay.hitButton(x, y); ok && b.top == topMore {
			return true
		}
	}
	if b, ok := g.lay.hitButton(x, y); ok {
		g.pressTop(b.top)
		return true
	}
	return false
}

func (p *topBar) tip(x, y float64) (tooltip, bool) {
	if b, ok := p.g.hitTopControl(x, y); ok {
		return tooltip{text: b.Hint}, true
	}
	return tooltip{}, false
}
