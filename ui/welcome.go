package ui

import (
	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"github.com/raftlab/raftlab/playground/i18n"
)

// The welcome card greets a first visit that opens on the sandbox: it
// offers the course or free exploration, and the choice of language. It sits over the right-hand column, so that the election the
// sandbox starts with stays in view beside it, and the simulation runs on.
// Either answer, or Esc, is remembered (Prefs.Welcomed): it shows once.

// welcomeLangPrefix begins the name of the card's control for a language
// (welcome-lang-en, welcome-lang-zh-CN): the card's last line is the
// languages by their own names, "English · 中文", the current one marked,
// so that a learner who reads no English finds theirs on the first screen.
const welcomeLangPrefix = "welcome-lang-"

// wantsWelcome reports whether the app greets the learner with the
// welcome card: a first visit (the preferences say it was never
// answered), opening on the sandbox (no lesson or scenario link), with a
// store to remember the answer in (without one, every start would be a
// first visit).
func wantsWelcome(opts Options, p Prefs) bool {
	return opts.Prefs != nil && !p.Welcomed && opts.Scenario == nil && opts.Lesson == 0 && !opts.Empty
}

// welcomeShown reports whether the card shows now: it stands aside while
// a lesson panel is open.
func (p *welcomePanel) welcomeShown() bool {
	g := p.g
	return p.open && g.lesson == nil
}

// answerWelcome closes the card for good.
func (p *welcomePanel) answerWelcome() {
	g := p.g
	if !p.open {
		return
	}
	p.open = false
	g.setPrefs(func(p *Prefs) { p.Welcomed = true })
}

// welcomeView is the card laid out: its box, its lines of text and its
// controls: the course (welcomeCourse), free exploration, then one per
// language; langs[i] is the language buttons[i] chooses ("" for the
// first two).
type welcomeView struct {
	box     Rect
	title   Rect
	lines   []lessonText
	buttons []Button
	langs   []i18n.Lang
}

// welcomeCourse is the index of the card's control that opens the course.
const welcomeCourse = 0

// welcomeLaidOut lays the card out over the top of the right-hand column,
// above the feed's filter buttons: its two controls one above the other,
// or, where the column is short (800x600), side by side.
func (p *welcomePanel) welcomeLaidOut() welcomeView {
	g := p.g
	v := p.welcomeAt(false)
	if fb := g.feed.feedButtons(); len(fb) > 0 && v.box.Y+v.box.H > fb[0].Rect.Y-6*g.scale {
		v = p.welcomeAt(true)
	}
	return v
}

// welcomeAt lays the card out at the top of the right-hand column, its
// controls side by side or not.
func (p *welcomePanel) welcomeAt(sideBySide bool) welcomeView {
	g := p.g
	s := g.scale
	side := g.lay.Side
	pad := 16 * s
	w := side.W - 20*s
	x := side.X + 10*s
	var v welcomeView
	y := side.Y + 10*s + pad
	v.title = Rect{x + pad, y, w - 2*pad, 20 * s}
	y += 34 * s
	f := face(13*s, false)
	// wrapPlain breaks a Chinese sentence between characters where it
	// must (it has no spaces to break at).
	for _, ln := range wrapPlain(g.tr("welcome.text"), f, w-2*pad) {
		v.lines = append(v.lines, lessonText{s: ln, x: x + pad, y: y, f: f, c: colText, align: alignStart})
		y += 19 * s
	}
	y += 10 * s
	bw := w - 2*pad
	course := Button{Name: "welcome-course", Label: g.tr("welcome.course"), Hint: g.tr("welcome.course.hint"), Rect: Rect{x + pad, y, bw, 34 * s}}
	explore := Button{Name: "welcome-explore", Label: g.tr("welcome.explore"), Hint: g.tr("welcome.explore.hint"), Rect: Rect{x + pad, y + 42*s, bw, 34 * s}}
	if sideBySide {
		half := (bw - 8*s) / 2
		course.Rect.W = half
		explore.Rect = Rect{x + pad + half + 8*s, y, half, 34 * s}
		y += 34*s + 22*s
	} else {
		y += 42*s + 34*s + 22*s
	}
	v.buttons, v.langs = []Button{course, explore}, []i18n.Lang{"", ""}
	label := g.tr("app.language")
	lf := face(12*s, false)
	v.lines = append(v.lines, lessonText{s: label, x: x + pad, y: y, f: lf, c: colTextDim, align: alignStart})
	lx := x + pad + textWidth(label, lf) + 6*s
	for i, l := range i18n.Langs {
		if i > 0 {
			v.lines = append(v.lines, lessonText{s: "·", x: lx + 5*s, y: y, f: lf, c: colTextDim, align: alignCenter})
			lx += 10 * s
		}
		name := l.Name()
		w := textWidth(name, face(13*s, true)) + 12*s
		v.buttons = append(v.buttons, Button{Name: welcomeLangPrefix + string(l), Label: name, Hint: g.tr(langExplainKey), Rect: Rect{lx, y - 11*s, w, 22 * s}})
		v.langs = append(v.langs, l)
		lx += w
	}
	y += 10*s + pad
	v.box = Rect{x, side.Y + 10*s, w, y - side.Y - 10*s}
	return v
}

// draw draws the card while it shows.
func (p *welcomePanel) draw(dst *ebiten.Image) {
	g := p.g
	if !p.welcomeShown() {
		return
	}
	s := g.scale
	v := p.welcomeLaidOut()
	g.spr.fillRect(dst, v.box, colAccent)
	g.spr.fillRect(dst, v.box.Inset(2*s), colPanel)
	drawText(dst, g.tr("welcome.title"), face(17*s, true), v.title.X, v.title.CenterY(), colText, alignStart)
	for _, t := range v.lines {
		drawText(dst, t.s, t.f, t.x, t.y, t.c, t.align)
	}
	for i, b := range v.buttons {
		if l := v.langs[i]; l != "" {
			p.drawWelcomeLang(dst, b, l == g.lang)
			continue
		}
		bg, fg := g.buttonColor(b), colText
		if i == welcomeCourse {
			bg, fg = colAccent, colBackground
		}
		g.spr.fillRect(dst, b.Rect, bg)
		drawText(dst, b.Label, welcomeButtonFace(b, s), b.Rect.CenterX(), b.Rect.CenterY(), fg, alignCenter)
	}
}

// clickWelcome answers a click on the card, and reports whether the card
// took it (a click on the card's background does nothing else either).
func (p *welcomePanel) clickWelcome(x, y float64) bool {
	g := p.g
	if !p.welcomeShown() {
		return false
	}
	v := p.welcomeLaidOut()
	if !v.box.Contains(x, y) {
		return false
	}
	for i, b := range v.buttons {
		if !b.Rect.Contains(x, y) {
			continue
		}
		if l := v.langs[i]; l != "" {
			// The card stays: its answer is still to give, now in the
			// chosen language.
			g.SetLang(l)
			return true
		}
		p.answerWelcome()
		if i == welcomeCourse {
			if err := g.openLesson(1, 0); err != nil {
				g.say(i18n.ErrorIn(err, g.lang))
			}
		}
		break
	}
	return true
}

// welcomeButtonFace is the font of a control of the card: bold 14, smaller
// when the label would not fit its control (side by side, 800 wide).
func welcomeButtonFace(b Button, s float64) text.Face {
	size := 14 * s
	if w := textWidth(b.Label, face(size, true)); w > b.Rect.W-12*s {
		size = max(11*s, size*(b.Rect.W-12*s)/w)
	}
	return face(size, true)
}

// drawWelcomeLang draws a language control of the card: its name, a
// button's ground under the pointer, the current language in the accent
// colour and underlined.
func (p *welcomePanel) drawWelcomeLang(dst *ebiten.Image, b Button, current bool) {
	g := p.g
	s := g.scale
	if b.Rect.Contains(g.hover.x, g.hover.y) {
		g.spr.fillRect(dst, b.Rect, colButtonHot)
	}
	fg := colText
	if current {
		fg = colAccent
		g.spr.fillRect(dst, Rect{b.Rect.X + 6*s, b.Rect.Y + b.Rect.H - 3*s, b.Rect.W - 12*s, 2 * s}, colAccent)
	}
	drawText(dst, b.Label, welcomeButtonFace(b, s), b.Rect.CenterX(), b.Rect.CenterY(), fg, alignCenter)
}

// welcomePanel is the first visit's welcome card, over the
// cluster until it is answered.
type welcomePanel struct {
	g    *Game
	open bool
}

func (p *welcomePanel) press(x, y float64, long bool) bool { return p.clickWelcome(x, y) }

// tip explains the card's buttons; nothing below the card is explained.
func (p *welcomePanel) tip(x, y float64) (tooltip, bool) {
	if !p.welcomeShown() || !p.welcomeLaidOut().box.Contains(x, y) {
		return tooltip{}, false
	}
	if b, ok := hitAny(p.welcomeLaidOut().buttons, x, y); ok {
		return tooltip{text: b.Hint}, true
	}
	return tooltip{}, true
}
