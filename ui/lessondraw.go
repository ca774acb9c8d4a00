package ui

import (
	"github.com/hajimehoshi/ebiten/v2"
)

// drawLesson draws the panel (cached, keyed on its state and the control
// under the pointer), when it is open.
func (g *Game) drawLesson(dst *ebiten.Image) {
	if g.lesson == nil {
		return
	}
	v := g.lessonLaidOut()
	hot := -1
	for i, b := range v.buttons {
		if b.Rect.Contains(g.hover.x, g.hover.y) {
			hot = i
		}
	}
	g.keyScratch = g.lessonStateKey(g.keyScratch[:0]).int(int64(hot))
	g.lesson.cache.draw(dst, g.lessonArea(), g.keyScratch, func(img *ebiten.Image, dx, dy float64) {
		g.renderLesson(img, dx, dy, v, hot)
	})
	g.drawWaitStrip(dst, v)
}

// renderLesson draws the laid-out panel with every position shifted by
// (-dx, -dy).
func (g *Game) renderLesson(dst *ebiten.Image, dx, dy float64, v *lessonView, hot int) {
	s := g.scale
	a := g.lessonArea().moved(dx, dy)
	g.spr.fillRect(dst, a, colPanel)
	g.spr.fillRect(dst, Rect{a.X, a.Y, 1 * s, a.H}, colPanelEdge)
	for _, b := range v.boxes {
		c := b.c
		if b.button >= 0 && b.button == hot {
			c = colButtonHot
		}
		g.spr.fillRect(dst, b.r.moved(dx, dy), c)
	}
	for _, t := range v.texts {
		drawText(dst, t.s, t.f, t.x-dx, t.y-dy, t.c, t.align)
	}
}
