package ui

import (
	"bytes"
	"image"
	"image/png"
	"sync"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/raftlab/raftlab/playground/i18n"
)

// pictureRangeMs is how much of the run the app's animation and slide
// show: the last 30 s, which a slide's diagram still reads and a GIF
// keeps under a few MB.
const pictureRangeMs = 30_000

// saveItems are the save menu's entries: the session as a scenario file
// that replays it, and the pictures a teacher takes away.
var saveItems = []menuItem{
	{name: "scenario", label: i18n.Msg("save.menu.scenario")},
	{name: "png", label: i18n.Msg("save.menu.png")},
	{name: "gif", label: i18n.Msg("save.menu.gif")},
	{name: "svg", label: i18n.Msg("save.menu.svg")},
	{name: "diagram", label: i18n.Msg("save.menu.diagram")},
}

// saving is the save menu's work in hand: a picture of the screen to take
// at the end of the next Draw, and an animation or a slide being drawn on
// another goroutine (from a replay of the session of its own, so that the
// learner's session is never touched), whose result Update takes.
type saving struct {
	shot bool
	mu   sync.Mutex
	busy bool
	done *drawnPicture
}

// drawnPicture is an animation or a slide drawn, or why not.
type drawnPicture struct {
	name string
	data []byte
	err  error
}

// openSaveMenu opens the save menu below the Save control (the top bar's
// right end when the control is in the "more" menu).
func (g *Game) openSaveMenu() {
	s := g.scale
	x, y := float64(g.w)-40*s, g.lay.TopBar.Y+g.lay.TopBar.H
	if b, ok := g.lay.Button(topSpecs[topSave].name); ok {
		x, y = b.Rect.CenterX(), b.Rect.Y+b.Rect.H
	}
	g.openMenu(g.tr("save.menu.title"), saveItems, x, y)
	g.menu.do = g.saveAs
}

// saveAs does the save menu's entry name.
func (g *Game) saveAs(name string) {
	switch name {
	case "scenario":
		g.save()
	case "png":
		g.saving.shot = true
	case "diagram":
		from, to := g.diagram.window()
		g.drawPicture("raftlab-diagram.svg", max(0, from), min(to, g.sess.Now()))
	default:
		to := g.sess.Now()
		g.drawPicture("raftlab."+name, max(0, to-pictureRangeMs), to)
	}
}

// takeShot saves the screen as drawn, when a picture of it was asked for
// (before the tooltip is drawn, which is no part of the view).
func (g *Game) takeShot(screen *ebiten.Image) {
	if !g.saving.shot {
		return
	}
	g.saving.shot = false
	img := image.NewRGBA(screen.Bounds())
	screen.ReadPixels(img.Pix)
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		g.say(g.tr("status.save.failed", err))
		return
	}
	g.savePicture("raftlab.png", buf.Bytes())
}

// savePicture hands a picture to the front end to keep (a file on the
// desktop, a download in the browser).
func (g *Game) savePicture(name string, data []byte) {
	if g.opts.Save == nil {
		g.say(g.tr("status.save.unavailable"))
		return
	}
	if err := g.opts.Save(name, data); err != nil {
		g.say(g.tr("status.save.failed", i18n.ErrorIn(err, g.lang)))
		return
	}
	g.say(g.tr("status.saved.picture", name))
}

// drawPicture draws from..to of the run as the animation, slide or
// diagram name says, in the background, from a replay of the session: the
// same scenario and actions give the same run.
func (g *Game) drawPicture(name string, from, to int64) {
	if g.opts.Picture == nil || g.opts.Save == nil {
		g.say(g.tr("status.save.unavailable"))
		return
	}
	if to <= 0 {
		g.say(g.tr("status.picture.empty"))
		return
	}
	g.saving.mu.Lock()
	busy := g.saving.busy
	g.saving.busy = true
	g.saving.mu.Unlock()
	if busy {
		g.say(g.tr("status.picture.busy"))
		return
	}
	sc := g.sessionScenario()
	sess, err := g.opts.Lab.Start(sc)
	if err != nil {
		g.finishPicture(&drawnPicture{name, nil, err})
		return
	}
	lang, light := g.lang, themeLight
	g.say(g.tr("status.picture.drawing", name))
	go func() {
		data, err := g.opts.Picture(name, sc.Name, sess, from, to, lang, light)
		g.finishPicture(&drawnPicture{name, data, err})
	}()
}

func (g *Game) finishPicture(p *drawnPicture) {
	g.saving.mu.Lock()
	defer g.saving.mu.Unlock()
	g.saving.done = p
}

// takePicture saves the animation or slide drawn, or says why there is
// none, once it is done.
func (g *Game) takePicture() {
	g.saving.mu.Lock()
	p := g.saving.done
	g.saving.done = nil
	if p != nil {
		g.saving.busy = false
	}
	g.saving.mu.Unlock()
	switch {
	case p == nil:
	case p.err != nil:
		g.say(g.tr("status.save.failed", i18n.ErrorIn(p.err, g.lang)))
	default:
		g.savePicture(p.name, p.data)
	}
}
