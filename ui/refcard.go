package ui

import (
	"slices"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"
	"github.com/raftlab/raftlab/lessons/doc"
	"github.com/raftlab/raftlab/playground/view"
)

// The reference card lists Raft's five safety properties, which every
// lesson names the same way: the learner opens it from the lesson panel
// (or with the p key) at any moment, and Esc, p or a click closes it,
// leaving the lesson as it was.

// safetyProperties are the card's entries, in the paper's order; their
// definitions are the glossary's (the playground's explanations say them
// the same way, in every language).
var safetyProperties = []string{"Election Safety", "Leader Append-Only", "Log Matching", "Leader Completeness", "State Machine Safety"}

// cardOpener is the panel's control that opens the card.
func (p *cardPanel) cardOpener(x, y float64) Button {
	g := p.g
	s := g.scale
	return lessonControl{kind: lessonCard}.button(g.tr("card.open"), g.tr("card.open.hint"), Rect{x - 92*s, y - 1*s, 92 * s, 16 * s})
}

// cardInput handles the keys just pressed and a click while the card is
// open (it takes them all, and reports true: Esc goes to escape, which
// closes the card first), or opens it on p unless the help or the
// settings cover the screen.
func (p *cardPanel) cardInput(keys []ebiten.Key, clicked bool) bool {
	g := p.g
	pressed := func(k ebiten.Key) bool {
		return slices.Contains(keys, k)
	}
	if !p.open {
		p.open = pressed(ebiten.KeyP) && !g.help.open && g.settings == nil && g.client.focus == fieldNone
		return false
	}
	switch {
	case pressed(ebiten.KeyEscape):
		g.escape()
	case clicked || pressed(ebiten.KeyP):
		p.open = false
	}
	return true
}

// takeCardInput is cardInput for this update's keys, clicks and taps.
func (p *cardPanel) takeCardInput() bool {
	clicked := inpututil.IsMouseButtonJustPressed(ebiten.MouseButtonLeft) || len(inpututil.AppendJustPressedTouchIDs(nil)) > 0
	return p.cardInput(inpututil.AppendJustPressedKeys(nil), clicked)
}

// cardLaidOut is the card's box and text, centred on the cluster.
func (p *cardPanel) cardLaidOut() (Rect, []lessonText) {
	g := p.g
	s := g.scale
	c := g.lay.Cluster
	w := min(560*s, c.W-32*s)
	pad := 18 * s
	lh := lessonLineH * s
	var texts []lessonText
	y := pad + 10*s
	add := func(str string, f lessonText) {
		f.s, f.y = str, y
		texts = append(texts, f)
	}
	add(g.tr("card.title"), lessonText{x: pad, f: face(16*s, true), c: colText})
	y += 22 * s
	add(g.tr("card.intro"), lessonText{x: pad, f: face(11.5*s, false), c: colTextDim})
	y += 26 * s
	for _, name := range safetyProperties {
		add(view.PropertyName(name, g.lang), lessonText{x: pad, f: face(13*s, true), c: colAccent})
		y += lh
		for _, ln := range wrapSpans([]doc.Span{{Text: view.PropertyExplanation(name, g.lang)}}, w-2*pad, lessonTextSize*s, false) {
			for _, run := range ln {
				add(run.text, lessonText{x: pad + run.x, f: face(lessonTextSize*s, false), c: colText})
			}
			y += lh
		}
		y += 8 * s
	}
	add(g.tr("card.close"), lessonText{x: pad, f: face(11*s, false), c: colTextDim})
	h := y + pad
	box := Rect{c.X + (c.W-w)/2, c.Y + max(8*s, (c.H-h)/2), w, h}
	for i := range texts {
		texts[i].x += box.X
		texts[i].y += box.Y
	}
	return box, texts
}

// draw draws the card, when it is open, over the cluster (in a lesson
// or in free play).
func (p *cardPanel) draw(dst *ebiten.Image) {
	g := p.g
	if !p.open {
		return
	}
	box, texts := p.cardLaidOut()
	g.keyScratch = g.keyScratch[:0].rect(box).float(g.scale).str(string(g.lang))
	p.cache.draw(dst, box, g.keyScratch, func(img *ebiten.Image, dx, dy float64) {
		s := g.scale
		r := box.moved(dx, dy)
		g.spr.fillRect(img, r, colHighlight)
		g.spr.fillRect(img, r.Inset(2*s), colPanel)
		for _, t := range texts {
			drawText(img, t.s, t.f, t.x-dx, t.y-dy, t.c, alignStart)
		}
	})
}
