package ui

import "github.com/hajimehoshi/ebiten/v2"

// lessonLayer is the lesson panel (drawLesson) in the right-hand column,
// while a lesson or the list of lessons is open: it takes every press in
// the column and explains its controls and key terms.
type lessonLayer struct{ g *Game }

func (p lessonLayer) draw(dst *ebiten.Image) { p.g.drawLesson(dst) }

func (p lessonLayer) press(x, y float64, long bool) bool {
	return p.g.lesson != nil && p.g.clickLesson(x, y)
}

func (p lessonLayer) tip(x, y float64) (tooltip, bool) {
	g := p.g
	if g.lesson == nil {
		return tooltip{}, false
	}
	if b, ok := hitAny(g.lessonButtons(), x, y); ok {
		return tooltip{text: b.Hint}, true
	}
	if e, ok := g.hoveredTerm(); ok {
		return tooltip{term: &e}, true
	}
	return tooltip{}, g.lessonArea().Contains(x, y)
}
