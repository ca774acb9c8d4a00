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
	p.drawTopBar(dst)
	p.drawMoreMenu(dst)
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
	if b, ok := p.hitTopControl(x, y); ok {
		return tooltip{text: b.Hint}, true
	}
	return tooltip{}, false
}

// drawTopBar draws the controls and, on the right, the scenario's name or
// the status line. It is cached (see panelCache): it changes with the
// pointer's button, play/pause and the status line.
func (p *topBar) drawTopBar(dst *ebiten.Image) {
	g := p.g
	g.keyScratch = p.topBarKey(g.keyScratch[:0])
	p.cache.draw(dst, g.lay.TopBar, g.keyScratch, p.renderTopBar)
}

// topBarKey appends to k what the top bar shows.
func (p *topBar) topBarKey(k keyBuf) keyBuf {
	g := p.g
	k = k.rect(g.lay.TopBar).float(g.scale).bool(g.paused).str(g.statusShown()).str(p.barName()).str(p.engineShown())
	for _, b := range g.lay.Buttons {
		k = k.str(b.Label).rect(b.Rect).bool(b.Rect.Contains(g.hover.x, g.hover.y))
	}
	return k
}

// renderTopBar draws the top bar with every position shifted by (-dx,
// -dy): the app's name, the controls (Lessons stands out: it is the way
// into the course), and in the room left at the right the scenario's name
// or the status line.
func (p *topBar) renderTopBar(dst *ebiten.Image, dx, dy float64) {
	g := p.g
	s := g.scale
	bar := g.lay.TopBar.moved(dx, dy)
	g.spr.fillRect(dst, bar, colPanel)
	t := g.lay.Title.moved(dx, dy)
	drawText(dst, appTitle, titleFace(s), t.X, t.CenterY(), colText, alignStart)
	f := controlFace(s)
	for _, b := range g.lay.Buttons {
		r := b.Rect.moved(dx, dy)
		bg, fg := g.buttonColor(b), colText
		if b.top == topLessons {
			bg, fg = colAccent, colBackground
		}
		g.spr.fillRect(dst, r, bg)
		label := b.Label
		if b.top == topPlay && g.paused {
			label = g.tr("bar.play")
		}
		drawText(dst, label, f, r.CenterX(), r.CenterY(), fg, alignCenter)
	}
	right := g.lay.TopBar.W - 12*s - dx
	if engine := p.engineShown(); engine != "" {
		drawText(dst, engine, f, right, bar.CenterY(), colAccent, alignEnd)
		right -= textWidth(engine, f) + engineGap*s
	}
	if p.statusFits() {
		drawText(dst, g.statusShown(), f, right, bar.CenterY(), colHighlight, alignEnd)
		return
	}
	drawText(dst, p.barName(), f, right, bar.CenterY(), colTextDim, alignEnd)
}

// statusFits reports whether a status line shows and fits the room at
// the top bar's right. One that does not shows whole in the timeline's
// strip instead (timelinePanel.statusRoom), which has half the screen's
// width: a cut status line ("Paused wh…") says nothing.
func (p *topBar) statusFits() bool {
	status := p.g.statusShown()
	return status != "" && textWidth(status, controlFace(p.g.scale)) <= p.barRoom()
}

// barRoom is the width left at the top bar's right, after the controls
// and the engine's label, for the status line or the name.
func (p *topBar) barRoom() float64 {
	room := p.rightRoom()
	if engine := p.engineShown(); engine != "" {
		room -= textWidth(engine, controlFace(p.g.scale)) + engineGap*p.g.scale
	}
	return room
}

// rightRoom is the width left at the top bar's right, after the controls.
func (p *topBar) rightRoom() float64 {
	g := p.g
	s := g.scale
	last := g.lay.Buttons[len(g.lay.Buttons)-1].Rect
	return g.lay.TopBar.W - 12*s - (last.X + last.W) - 10*s
}

// engineGap is the room between the engine's label and the status line
// or the name left of it, in logical pixels.
const engineGap = 16

// engineShown is the engine's label (engineLabel) as the top bar shows it,
// at its right end: always, before the status line or the name, which
// come and go; shortened to the engine's bare name where the bar is
// narrow, and left out where even that does not fit.
func (p *topBar) engineShown() string {
	f := controlFace(p.g.scale)
	for _, engine := range p.engineLabel() {
		if textWidth(engine, f) <= p.rightRoom() {
			return engine
		}
	}
	return ""
}

// barName is the name the top bar shows at its right, in the room there.
// In a lesson it is the lesson's number and title, else the number alone
// ("Lesson 3"), else nothing: a cut title says less than none (the lesson
// panel shows it whole). Otherwise it is the scenario's name (the
// sandbox's in the app's language), cut only when enough of it still
// shows.
func (p *topBar) barName() string {
	g := p.g
	f, room := controlFace(g.scale), p.barRoom()
	if g.lesson != nil && g.lesson.run != nil {
		l := g.lesson.run.Lesson()
		for _, name := range []string{g.tr("bar.lesson.title", l.Number, l.Title), g.tr("bar.lesson", l.Number)} {
			if textWidth(name, f) <= room {
				return name
			}
		}
		return ""
	}
	name := g.scenario.Name
	if name == sandboxName {
		name = g.tr("bar.sandbox")
	}
	if textWidth(name, f) <= room || room >= 100*g.scale {
		return ellipsize(name, f, room)
	}
	return ""
}

// drawMoreMenu draws the menu of the controls that did not fit the top
// bar, while it is open.
func (p *topBar) drawMoreMenu(dst *ebiten.Image) {
	g := p.g
	if !p.moreOpen || len(g.lay.More) == 0 {
		return
	}
	s := g.scale
	first, last := g.lay.More[0].Rect, g.lay.More[len(g.lay.More)-1].Rect
	box := Rect{first.X, first.Y, first.W, last.Y + last.H - first.Y}
	g.spr.fillRect(dst, box.Inset(-1*s), colPanelEdge)
	for _, b := range g.lay.More {
		g.spr.fillRect(dst, b.Rect, g.buttonColor(b))
		drawText(dst, b.Label, controlFace(s), b.Rect.X+16*s, b.Rect.CenterY(), colText, alignStart)
	}
}

// hitTopControl returns the top-bar control, or the row of the open "more"
// menu, under (x, y).
func (p *topBar) hitTopControl(x, y float64) (Button, bool) {
	g := p.g
	if g.top.moreOpen {
		if b, ok := hitAny(g.lay.More, x, y); ok {
			return b, true
		}
	}
	return g.lay.hitButton(x, y)
}
