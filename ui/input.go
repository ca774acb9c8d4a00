package ui

import (
	"math"
	"time"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
)

// touchState follows one finger, to tell a tap from a long-press.
type touchState struct {
	id     ebiten.TouchID
	active bool
	x, y   float64
	// started is when the touch began (the app's uptime).
	started time.Duration
	long    bool
	// dragging is set once a touch on the lesson panel has moved: it
	// scrolls the text (from lastY) instead of being a tap.
	dragging bool
	lastY    float64
}

// hoverState is what the pointer rests on, for tooltips.
type hoverState struct {
	x, y float64
}

// longPress is how long a finger must rest to open a node's menu.
const longPress = 500 * time.Millisecond

// keyAction is a keyboard shortcut: its keys and what it does.
type keyAction struct {
	keys []ebiten.Key
	do   func()
}

// keyActions are the keyboard shortcuts. F5 turns presenter mode on and
// off (as slide software starts a show); in it, the right arrow is the
// clicker's next (presentKeys), not the next event.
func (g *Game) keyActions() []keyAction {
	right := []ebiten.Key{ebiten.KeyArrowRight}
	if g.present.on {
		right = nil
	}
	keys := []keyAction{
		{[]ebiten.Key{ebiten.KeySpace}, g.togglePause},
		{right, g.stepEvent},
		{[]ebiten.Key{ebiten.KeyEqual, ebiten.KeyNumpadAdd}, g.faster},
		{[]ebiten.Key{ebiten.KeyMinus, ebiten.KeyNumpadSubtract}, g.slower},
		{[]ebiten.Key{ebiten.KeyC}, g.clientWrite},
		{[]ebiten.Key{ebiten.KeyR}, g.restartLeader},
		{[]ebiten.Key{ebiten.KeySlash}, func() { g.help.open = !g.help.open }},
		{[]ebiten.Key{ebiten.KeyS}, g.openSaveMenu},
		{[]ebiten.Key{ebiten.KeyL}, g.share},
		{[]ebiten.Key{ebiten.KeyEscape}, g.escape},
		{[]ebiten.Key{ebiten.KeyEnter, ebiten.KeyNumpadEnter}, g.enter},
		{[]ebiten.Key{ebiten.KeyF5}, g.togglePresent},
		{[]ebiten.Key{ebiten.KeyD}, g.toggleDiagram},
		{[]ebiten.Key{ebiten.KeyBracketRight}, func() { g.zoomDiagram(true) }},
		{[]ebiten.Key{ebiten.KeyBracketLeft}, func() { g.zoomDiagram(false) }},
	}
	if g.present.on {
		return append(keys, g.presentKeys()...)
	}
	return keys
}

// escape closes the topmost thing open: the card of safety properties, a
// dialog, the help, a menu, the welcome card (as an answer), the partition
// tool, the selection (and so its
// inspector), the question whether to leave the lesson (the learner
// stays), and last the lesson, which asks first (see askLeave). It alone
// decides what Esc closes.
func (g *Game) escape() {
	switch {
	case g.escapeBreak():
	case g.card.open:
		g.card.open = false
	case g.lin.open:
		g.lin.open = false
	case g.settings != nil:
		g.settings = nil
	case g.help.open:
		g.help.open = false
	case g.top.moreOpen:
		g.top.moreOpen = false
	case g.menu != nil:
		g.menu = nil
	case g.welcome.welcomeShown():
		g.welcome.answerWelcome()
	case g.part != nil:
		g.part = nil
	case g.selected != 0:
		g.selected = 0
	case g.lesson != nil && g.lesson.confirmLeave:
		g.lesson.confirmLeave = false
	case g.lesson != nil:
		g.askLeave()
	}
}

// enter answers the question open in the lesson panel with yes: leave the
// lesson (a keyboard has no other way to say so).
func (g *Game) enter() {
	if g.lesson != nil && g.lesson.confirmLeave {
		g.closeLesson()
	}
}

func (g *Game) handleInput() {
	if g.unblank() {
		return
	}
	for _, ka := range g.shortcuts() {
		for _, k := range ka.keys {
			if inpututil.IsKeyJustPressed(k) {
				ka.do()
			}
		}
	}
	mx, my := ebiten.CursorPosition()
	x, y := float64(mx), float64(my)
	g.hover = hoverState{x, y}
	_, wheel := ebiten.Wheel()
	g.scrollLesson(x, y, wheel)
	g.diagramWheel(x, y, wheel)
	if inpututil.IsMouseButtonJustPressed(ebiten.MouseButtonLeft) {
		g.click(x, y, false)
	}
	if ebiten.IsMouseButtonPressed(ebiten.MouseButtonLeft) {
		g.partitionMove(x, y)
	}
	if inpututil.IsMouseButtonJustReleased(ebiten.MouseButtonLeft) {
		g.partitionRelease(x, y)
	}
	if g.timeline.scrubbing {
		if ebiten.IsMouseButtonPressed(ebiten.MouseButtonLeft) {
			g.scrubTo(x)
		} else {
			g.timeline.scrubbing = false
		}
	}
	g.handleTouch()
}

// handleTouch turns a tap into a click and a long-press into a node's menu.
func (g *Game) handleTouch() {
	for _, id := range inpututil.AppendJustPressedTouchIDs(nil) {
		x, y := ebiten.TouchPosition(id)
		g.touchBegin(id, float64(x), float64(y))
	}
	if !g.touch.active {
		return
	}
	if inpututil.IsTouchJustReleased(g.touch.id) {
		if !g.touch.long && !g.touch.dragging {
			g.click(g.touch.x, g.touch.y, false)
			g.partitionRelease(g.touch.x, g.touch.y) // a tap toggles a node's group
		}
		g.touch.active = false
		return
	}
	x, y := ebiten.TouchPosition(g.touch.id)
	g.touchHold(float64(x), float64(y))
}

// touchBegin follows a finger put down at (x, y) now.
func (g *Game) touchBegin(id ebiten.TouchID, x, y float64) {
	g.touch = touchState{id: id, active: true, x: x, y: y, started: g.uptime.now()}
}

// touchHold is a tick of the finger resting or moving at (x, y): it drags
// the lesson panel's text, or is a long-press once it has rested for
// longPress.
func (g *Game) touchHold(x, y float64) {
	if g.dragLesson(x, y) {
		return
	}
	if !g.touch.long && g.uptime.now()-g.touch.started >= longPress {
		g.touch.long = true
		g.click(g.touch.x, g.touch.y, true)
	}
}

// dragLesson scrolls the lesson panel's text with a finger: a touch that
// began on the panel and moved more than a few pixels up or down. It
// reports whether the touch is such a drag.
func (g *Game) dragLesson(x, y float64) bool {
	t := &g.touch
	if !t.dragging {
		if t.long || g.lesson == nil || !g.lessonArea().Contains(t.x, t.y) || math.Abs(y-t.y) < 10*g.scale {
			return false
		}
		t.dragging, t.lastY = true, t.y
	}
	g.lesson.scroll = max(0, g.lesson.scroll-(y-t.lastY))
	t.lastY = y
	return true
}

// click hands a click (or a long-press) at (x, y) to the panels, topmost
// first. A press anywhere takes the keyboard from the client panel's
// fields (a press on one gives it back).
func (g *Game) click(x, y float64, long bool) {
	g.client.focus = fieldNone
	g.pressPanels(x, y, long)
}

// pressTop carries out a top-bar control.
func (g *Game) pressTop(c topControl) {
	switch c {
	case topLessons:
		g.openCourse()
	case topMore:
		g.top.moreOpen = !g.top.moreOpen
	case topPlay:
		g.togglePause()
	case topStep:
		g.stepEvent()
	case topSlower:
		g.slower()
	case topFaster:
		g.faster()
	case topWrite:
		g.clientWrite()
	case topRead:
		g.clientRead()
	case topAdd:
		g.addNode()
	case topHeal:
		g.act(view.Action{Do: "heal"})
	case topHelp:
		g.help.open = !g.help.open
	case topSettings:
		g.openSettings()
	case topSave:
		g.openSaveMenu()
	case topShare:
		g.share()
	case topOpen:
		if g.opts.Open != nil {
			g.opts.Open()
		}
	}
}

// openCourse shows the list of lessons (from a lesson too: a deliberate
// click, and the lesson's progress is saved, so it reopens where it was
// left). It answers the welcome card: choosing the course is one of its
// answers.
func (g *Game) openCourse() {
	g.welcome.answerWelcome()
	if g.lesson == nil || g.lesson.run != nil {
		g.openLessons()
	}
}

// scrubTo seeks to the time under x on the timeline's track.
func (g *Game) scrubTo(x float64) {
	tr := g.lay.Track
	f := math.Max(0, math.Min(1, (x-tr.X)/tr.W))
	g.seek(f * float64(g.timeline.timelineSpan()))
}

// hitMessage returns the message drawn under (x, y).
func (g *Game) hitMessage(x, y float64) (*view.Flight, bool) {
	best := g.messageHitRadius()
	var hit *view.Flight
	for i := range g.cluster.spots {
		m := &g.cluster.spots[i]
		if d := math.Hypot(x-m.x, y-m.y); d < best {
			best, hit = d, &m.f
		}
	}
	return hit, hit != nil
}

// messageTitle is the title of a message's menu, in a language.
func messageTitle(lang i18n.Lang, f *view.Flight) string {
	return lang.T("menu.message.title", f.ID)
}
