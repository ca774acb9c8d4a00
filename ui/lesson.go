package ui

import (
	"errors"
	"fmt"
	"image/color"
	"math"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"github.com/raftlab/raftlab/lessons"
	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/playground/i18n"
)

// lessonPanel is the open lesson panel, in the right-hand column: the list
// of lessons, or a lesson being run one step at a time on the playground's
// cluster.
//
// While a lesson runs, its Runner owns the session: the game shows the
// runner's current session (showStep points it there after every change
// of step) and acts on it only as the learner does. Dropping the runner
// (Close, or back to the list) leaves the game the last step's session, to
// play on as the sandbox.
type lessonPanel struct {
	all []*lessons.Lesson
	err string
	// run is nil while the list of lessons shows.
	run *lessons.Runner
	// ticks counts the updates since the step began: the learner's time,
	// which paces a do step's hints.
	ticks int
	// scroll is how far the step's text is scrolled up, in pixels;
	// reveal asks the next layout to scroll the explanation into view.
	scroll float64
	reveal bool
	// toQuestion asks the next layout to scroll a predict step's question
	// into view, when the panel is too short to pin it below the text.
	toQuestion bool
	// more unfolds the step's ### More text.
	more bool
	// confirmReset asks the learner to confirm that every lesson's
	// progress is to be forgotten.
	confirmReset bool
	// confirmLeave asks the learner to confirm leaving the lesson (Esc
	// or Close): a stray Esc must not throw away the step on screen.
	confirmLeave bool

	// sandboxSpeed is the playback speed before the lesson panel opened:
	// each step plays at its own speed, and Close gives this one back.
	sandboxSpeed int

	// view is the panel laid out for the state written in viewKey.
	view    lessonView
	viewKey keyBuf
}

// lessonView is the panel laid out: boxes, lines of text and controls, in
// screen positions.
type lessonView struct {
	boxes   []lessonBox
	texts   []lessonText
	buttons []Button
	// terms are the key terms in the text, where they are: pointing at one
	// explains it and points at it on screen.
	terms []termSpot
	// revealY is where what happened starts in the unscrolled text (a
	// predict step's marked choices, or the explanation; 0: not shown yet);
	// top and maxScroll bound the scrolling text.
	revealY, top, maxScroll float64
	// questionY is where an open question starts in the unscrolled text,
	// or once answered the learner's answer, when it scrolls with the
	// text (0: pinned below it, or none).
	questionY float64
	// wait is where the strip that shows a step's progress is (empty:
	// none); waitText is how wide its text may be, left of its controls.
	wait     Rect
	waitText float64
	// bar is the scroll bar, shown when the text runs past the foot.
	bar scrollBar
}

// termSpot is a key term of the narration and where it is drawn.
type termSpot struct {
	term string
	r    Rect
}

// lessonBox is a filled rectangle; button is the index of the control it is
// the background of (it lights up under the pointer), or -1.
type lessonBox struct {
	r      Rect
	c      color.RGBA
	button int
}

// lessonText is a line (or part of a line) of text, anchored at its start
// and vertical centre.
type lessonText struct {
	s     string
	x, y  float64
	f     text.Face
	c     color.Color
	align text.Align
}

// openLessons shows the list of lessons.
func (g *Game) openLessons() {
	p := &lessonPanel{sandboxSpeed: g.speed}
	if g.lesson != nil {
		p.sandboxSpeed = g.lesson.sandboxSpeed
	}
	all, err := lessons.AllIn(g.lang)
	if err != nil {
		p.err = i18n.ErrorIn(err, g.lang)
	}
	p.all = all
	g.lesson, g.menu = p, nil
}

// openLesson opens the lesson numbered number at step (1-based; 0
// resumes where the learner left it), or says why it cannot.
func (g *Game) openLesson(number, step int) error {
	g.openLessons()
	p := g.lesson
	if p.err != "" {
		return errors.New(p.err)
	}
	l, err := lessons.Find(p.all, number, step)
	if err != nil {
		return err
	}
	g.startLesson(slices.Index(p.all, l))
	if step > 0 && p.run != nil {
		g.moveStep(func() error { return p.run.Jump(step - 1) })
	}
	if p.err != "" {
		return errors.New(p.err)
	}
	return nil
}

// startLesson runs lesson i of the list from its first step.
func (g *Game) startLesson(i int) {
	p := g.lesson
	p.confirmReset = false // a question left open on the list is dropped
	r, err := lessons.NewRunner(p.all[i])
	if err != nil {
		p.err = i18n.ErrorIn(err, g.lang)
		return
	}
	p.run, p.err = r, ""
	if at := g.resumeStep(p.all[i]); at > 0 {
		if err := r.Jump(at); err != nil {
			// Start from the beginning, and say why.
			g.showStep()
			p.err = g.tr("lesson.resume-failed", at+1, i18n.ErrorIn(err, g.lang))
			return
		}
	}
	g.showStep()
}

// showStep makes the game show the current step's session, from the
// step's start: the one place the game takes its session from the runner.
func (g *Game) showStep() {
	p := g.lesson
	r := p.run
	l := r.Lesson()
	sc := &playground.Scenario{Settings: playground.DefaultSettings()}
	for i := r.Index(); i >= 0; i-- {
		if st := l.Steps[i]; st.Setup.Fresh() {
			c := *st.Setup.Scenario
			sc = &c
			break
		}
	}
	sc.Name = g.tr("bar.lesson.title", l.Number, l.Title)
	sc.Actions, sc.Until = nil, math.MaxInt32
	g.scenario, g.sess = sc, r.Session()
	g.sess.SetTraceWindow(traceWindow)
	g.clock = float64(g.sess.Now())
	g.selected, g.menu, g.highlight, g.part = 0, nil, nil, nil
	g.markers = timelineMarkers{}
	g.layIDs = nil
	// The learner presses play in a watch step, and answers first in a
	// predict step; a do step plays while the learner acts.
	g.paused = r.Step().Kind != lessons.Do
	g.speed = speedIndex(l.PlaySpeed(r.Step()))
	p.ticks, p.scroll, p.err, p.reveal, p.more, p.confirmLeave = 0, 0, "", false, false, false
	p.toQuestion = true
	g.recordProgress(progressAt)
}

// lessonPlay is the step being played, when a lesson runs (the game then
// shows its session; see lessonPanel), or nil.
func (g *Game) lessonPlay() *lessons.Play {
	if g.lesson == nil || g.lesson.run == nil {
		return nil
	}
	return g.lesson.run.Play()
}

// runTo moves the simulation towards t: in a lesson through its step's
// play, which stops (and pauses the game) the moment the step's condition
// first holds, and does not move before a predict step is answered. The
// step is done then, and the progress says so at once: a learner who
// leaves without pressing Continue has still done it.
func (g *Game) runTo(t int64) {
	p := g.lessonPlay()
	if p == nil {
		g.sess.RunUntil(t)
		return
	}
	was := p.Done()
	p.Advance(t)
	if p.Blocked() || (!was && p.Done()) {
		g.clock = float64(g.sess.Now())
	}
	if !was && p.Done() {
		g.paused = true
		g.lesson.reveal = true
		g.recordProgress(progressDone)
	}
}

// lessonTick is the lesson panel's part of an update: it counts the
// learner's time in the step, and takes the keys that scroll the column
// (see panelkeys.go; the inspector shares the column).
func (g *Game) lessonTick() {
	if g.lesson != nil && g.lesson.run != nil {
		g.lesson.ticks++
	}
	g.takeScrollKeys()
}

// lessonWall is the learner's time in the current step.
func (g *Game) lessonWall() time.Duration {
	return time.Duration(g.lesson.ticks) * time.Second / time.Duration(max(ebiten.TPS(), 1))
}

// askLeave asks whether to leave the lesson, or leaves at once when
// nothing would be lost: on the list of lessons, or once the lesson's last
// step is done.
func (g *Game) askLeave() {
	p := g.lesson
	if pl := g.lessonPlay(); p.run == nil || (pl != nil && p.run.Last() && pl.Done()) {
		g.closeLesson()
		return
	}
	p.confirmLeave = true
}

// closeLesson goes back to free play, keeping the cluster shown, at the
// speed free play had.
func (g *Game) closeLesson() {
	g.speed = g.lesson.sandboxSpeed
	g.lesson = nil
	// The cluster plays on, now free: the bar calls it the sandbox, not
	// the lesson it came from.
	g.scenario.Name = sandboxName
}

// pressLesson carries out a control of the lesson panel.
func (g *Game) pressLesson(name string) {
	p := g.lesson
	switch {
	case name == "lessons":
		g.openLessons()
	case name == "lesson-close":
		g.closeLesson() // a deliberate click on a named control
	case name == "lesson-leave":
		g.closeLesson()
	case name == "lesson-stay" && p != nil:
		p.confirmLeave = false
	case strings.HasPrefix(name, "lesson-open-"):
		for i, l := range p.all {
			if name == fmt.Sprintf("lesson-open-%d", l.Number) {
				g.startLesson(i)
			}
		}
	case name == "lesson-card":
		g.card = true
	case name == "lesson-reset" && p != nil:
		p.confirmReset = true
	case name == "lesson-reset-no" && p != nil:
		p.confirmReset = false
	case name == "lesson-reset-yes" && p != nil:
		p.confirmReset = false
		g.resetProgress()
	case name == "lesson-more" && p != nil:
		p.scroll += 0.8 * (g.lessonArea().H - 140*g.scale)
	case p == nil || p.run == nil:
	case strings.HasPrefix(name, "score-"):
		g.pressScore(name)
	case name == "lesson-next-lesson":
		if next := g.nextLesson(); next != nil {
			g.recordProgress(progressFinish)
			g.startLesson(slices.Index(p.all, next))
		}
	case name == "lesson-list":
		g.recordProgress(progressFinish)
		p.run = nil
	case name == "lesson-next":
		if p.run.Last() {
			g.recordProgress(progressFinish)
			p.run = nil // the lesson is over: back to the list
			return
		}
		g.moveStep(p.run.Next)
		g.recordProgress(progressReach)
	case strings.HasPrefix(name, "lesson-step-"):
		var k int
		if _, err := fmt.Sscanf(name, "lesson-step-%d", &k); err == nil {
			g.moveStep(func() error { return p.run.Jump(k - 1) })
		}
	case name == "lesson-back":
		g.moveStep(p.run.Back)
	case name == "lesson-fold":
		p.more = !p.more
	case name == "lesson-skip":
		g.skipStep()
	case name == "lesson-resume":
		g.paused = false
	case name == "lesson-showme":
		pl := g.lessonPlay()
		if pl == nil {
			return
		}
		if g.sess.Horizon() > g.sess.Now() {
			g.markers.forget(g.sess.Now(), g.world().TraceLen()) // history forks here
		}
		if err := pl.ShowMe(); err != nil {
			p.err = i18n.ErrorIn(err, g.lang)
		}
		g.clock, g.paused = float64(g.sess.Now()), false
	case strings.HasPrefix(name, "lesson-choice-"):
		var k int
		pl := g.lessonPlay()
		if _, err := fmt.Sscanf(name, "lesson-choice-%d", &k); err != nil || pl == nil {
			return
		}
		if err := pl.Answer(k - 1); err != nil {
			p.err = i18n.ErrorIn(err, g.lang)
			return
		}
		g.paused = false
		// The wait strip takes room: keep the answer in view.
		p.toQuestion = true
	}
}

// moveStep goes to another step (Next or Back) and shows it.
func (g *Game) moveStep(move func() error) {
	if err := move(); err != nil {
		g.lesson.err = i18n.ErrorIn(err, g.lang)
		return
	}
	g.showStep()
}

// clickLesson handles a click on the lesson controls; while the panel is
// open it takes every click in the right-hand column. A click on the
// inspector's scroll bar (which shares the column) is handled here too.
func (g *Game) clickLesson(x, y float64) bool {
	if g.clickInspector(x, y) {
		return true
	}
	if b, ok := hitAny(g.lessonButtons(), x, y); ok {
		g.pressLesson(b.Name)
		return true
	}
	if g.lesson != nil {
		if dir := g.lessonLaidOut().bar.page(x, y, g.scale); dir != 0 {
			g.pageLesson(float64(dir))
			return true
		}
	}
	return g.lesson != nil && g.lessonArea().Contains(x, y)
}

// lessonArea is the lesson panel's part of the right-hand column: all of
// it but the feed and the safety strip at its foot.
func (g *Game) lessonArea() Rect {
	a := g.lay.Side
	a.H = g.feedArea().Y - a.Y
	return a
}

// scrollLesson scrolls the step's text by a mouse wheel's dy over the
// panel, or the inspector's over it (the two share the column).
func (g *Game) scrollLesson(x, y, dy float64) {
	g.scrollInspector(x, y, dy)
	if g.lesson != nil && dy != 0 && g.lessonArea().Contains(x, y) {
		g.lesson.scroll = max(0, g.lesson.scroll-wheelPixels(dy)*g.scale)
	}
}

// pageLesson scrolls the panel's text by most of what it shows, down
// (dir 1) or up (-1), keeping a few lines in view.
func (g *Game) pageLesson(dir float64) {
	v := g.lessonLaidOut()
	g.lesson.scroll = max(0, g.lesson.scroll+dir*0.8*v.bar.track.H)
}

// hoveredTerm is the glossary entry of the key term under the pointer in
// the lesson panel, if any.
func (g *Game) hoveredTerm() (lessons.Entry, bool) {
	if g.lesson == nil || !g.lessonArea().Contains(g.hover.x, g.hover.y) {
		return lessons.Entry{}, false
	}
	for _, t := range g.lessonLaidOut().terms {
		if t.r.Contains(g.hover.x, g.hover.y) {
			return lessons.Lookup(t.term)
		}
	}
	return lessons.Entry{}, false
}

// lessonButtons are the panel's controls (none when it is closed: the top
// bar's Lessons opens it).
func (g *Game) lessonButtons() []Button {
	if g.lesson == nil {
		return nil
	}
	return g.lessonLaidOut().buttons
}

// lessonStateKey appends to k everything the panel's layout depends on
// (the theme too: the laid-out boxes and texts carry its colours; and the
// language its words are in).
func (g *Game) lessonStateKey(k keyBuf) keyBuf {
	p := g.lesson
	k = k.rect(g.lessonArea()).float(g.scale).bool(lightTheme()).str(string(g.lang)).float(p.scroll).str(p.err).str(g.progressSaveErr).str(g.progressLoadErr).uint(uint64(len(p.all))).bool(p.confirmReset).bool(p.confirmLeave)
	if p.run == nil {
		g.lessonProgress()
		return k.bool(false).int(int64(g.progressVersion))
	}
	k = k.bool(true).str(p.run.Lesson().Name).uint(uint64(p.run.Index())).bool(p.more)
	pl := g.lessonPlay()
	if pl == nil {
		return k.bool(false)
	}
	ans, _ := pl.Answered()
	k = k.bool(g.paused).bool(pl.Elapsed() == 0)
	return k.bool(true).int(int64(ans)).bool(pl.Done()).bool(pl.ShownMe()).bool(pl.ShowMeErr() != nil).uint(uint64(len(pl.Hints(g.lessonWall()))))
}

// lessonLaidOut is the panel laid out, recomputed only when its state
// changes.
func (g *Game) lessonLaidOut() *lessonView {
	p := g.lesson
	g.keyScratch = g.lessonStateKey(g.keyScratch[:0])
	if p.viewKey != nil && string(p.viewKey) == string(g.keyScratch) {
		return &p.view
	}
	p.viewKey = append(p.viewKey[:0], g.keyScratch...)
	was := p.scroll
	p.view = g.layoutLesson(false)
	if p.scroll != was {
		// Scrolled past the end: lay out the end now, not a blank
		// panel for a frame.
		return g.lessonLaidOut()
	}
	if p.reveal && p.view.revealY > 0 {
		// The step is done: bring its explanation into view, as far as
		// the text goes.
		p.reveal = false
		if want := min(p.view.revealY-p.view.top-8*g.scale, p.view.maxScroll); want > p.scroll {
			p.scroll = want
			return g.lessonLaidOut()
		}
	}
	if p.toQuestion {
		// The question could not be pinned: scroll the narration up so
		// that the question and its choices show, as far as they fit.
		p.toQuestion = false
		if want := min(p.view.questionY-p.view.top-4*g.scale, p.view.maxScroll); p.view.questionY > 0 && want > p.scroll {
			p.scroll = want
			return g.lessonLaidOut()
		}
	}
	return &p.view
}

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
	g.lessonCache.draw(dst, g.lessonArea(), g.keyScratch, func(img *ebiten.Image, dx, dy float64) {
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

// Sizes of the panel's text, in logical pixels.
const (
	lessonTextSize = 12.5
	lessonLineH    = 17.0
)

// lessonBuilder lays out the panel top to bottom.
type lessonBuilder struct {
	g *Game
	v lessonView
	// x and w are the text column; y the next line's top. Lines between
	// top and bottom are shown (scrolled by scroll).
	x, w, y     float64
	top, bottom float64
	scroll      float64
	// moreRow is the room kept under the text for the "more" control.
	moreRow float64
}

// visible reports whether a block from y to y+h (before scrolling) shows.
func (b *lessonBuilder) visible(y, h float64) bool {
	y -= b.scroll
	return y >= b.top-0.5 && y+h <= b.bottom+0.5
}

// line adds one line of text of height h (ellipsized to the column).
func (b *lessonBuilder) line(s string, f text.Face, c color.Color, h float64) {
	s = ellipsize(s, f, b.w)
	if b.visible(b.y, h) {
		b.v.texts = append(b.v.texts, lessonText{s, b.x, b.y + h/2 - b.scroll, f, c, alignStart})
	}
	b.y += h
}

// wrapped adds a plain sentence in face f, wrapped to the column in lines
// of height h (a status line must not be cut short at narrow widths).
func (b *lessonBuilder) wrapped(s string, f text.Face, c color.Color, h float64) {
	for _, line := range wrapPlain(s, f, b.w) {
		b.line(line, f, c, h)
	}
}

// cardButton adds the control that opens the card of safety properties,
// at the right of the line at y.
func (b *lessonBuilder) cardButton(y float64) {
	c := b.g.cardOpener(b.x+b.w, y)
	b.button(c.Name, c.Label, c.Hint, c.Rect, colAccent)
}

// gap adds vertical room.
func (b *lessonBuilder) gap(h float64) { b.y += h * b.g.scale }

// spans adds wrapped styled text at x in width w; base is the colour of
// plain text and bold sets plain text in bold.
func (b *lessonBuilder) spans(spans []lessons.Span, x, w float64, base color.Color, bold bool) {
	s := b.g.scale
	lh := lessonLineH * s
	for _, ln := range wrapSpans(spans, w, lessonTextSize*s, bold) {
		if b.visible(b.y, lh) {
			for _, r := range ln {
				f := spanFace(r.style, lessonTextSize*s, bold)
				b.v.texts = append(b.v.texts, lessonText{r.text, x + r.x, b.y + lh/2 - b.scroll, f, spanColor(r.style, base), alignStart})
				if r.style == lessons.Term {
					b.v.terms = append(b.v.terms, termSpot{r.span, Rect{x + r.x, b.y - b.scroll, textWidth(r.text, f), lh}})
				}
			}
		}
		b.y += lh
	}
}

// paragraphs adds paragraphs of narration.
func (b *lessonBuilder) paragraphs(ps []lessons.Paragraph, base color.Color) {
	s := b.g.scale
	for i, p := range ps {
		if i > 0 {
			b.gap(7)
		}
		if p.Bullet {
			if b.visible(b.y, lessonLineH*s) {
				b.v.texts = append(b.v.texts, lessonText{"•", b.x + 2*s, b.y + lessonLineH*s/2 - b.scroll, face(lessonTextSize*s, false), base, alignStart})
			}
			b.spans(p.Spans, b.x+14*s, b.w-14*s, base, false)
			continue
		}
		b.spans(p.Spans, b.x, b.w, base, false)
	}
}

// errors adds each non-empty message, wrapped, in the colour of errors.
func (b *lessonBuilder) errors(msgs ...string) {
	for _, msg := range msgs {
		if msg != "" {
			b.spans([]lessons.Span{{Text: msg}}, b.x, b.w, colBad, false)
		}
	}
}

// button adds a control whose background is a box.
func (b *lessonBuilder) button(name, label, hint string, r Rect, fg color.Color) {
	b.v.boxes = append(b.v.boxes, lessonBox{r, colButton, len(b.v.buttons)})
	b.v.buttons = append(b.v.buttons, Button{Name: name, Label: label, Hint: hint, Rect: r})
	f := face(12.5*b.g.scale, false)
	b.v.texts = append(b.v.texts, lessonText{ellipsize(label, f, r.W-8*b.g.scale), r.CenterX(), r.CenterY(), f, fg, alignCenter})
}

// layoutLesson lays the panel out for the current state; withMore keeps a
// row under the text for the "more" control (laid out again with it when
// the text turns out to run on below).
func (g *Game) layoutLesson(withMore bool) lessonView {
	s := g.scale
	a := g.lessonArea()
	p := g.lesson
	b := &lessonBuilder{g: g, x: a.X + 14*s, w: a.W - 28*s, y: a.Y + 12*s}
	// The bottom bar: Back, Close and Continue.
	barY := a.Y + a.H - 38*s
	b.v.boxes = append(b.v.boxes, lessonBox{Rect{a.X + 1*s, barY - 8*s, a.W - 1*s, 1 * s}, colPanelEdge, -1})
	bw := 84 * s
	if p.run != nil && p.run.Index() > 0 {
		b.button("lesson-back", g.tr("lesson.back"), g.tr("lesson.back.hint"), Rect{b.x, barY, bw, 28 * s}, colText)
	}
	// Close is in the middle of a step's bar (Back left, Continue right),
	// at the right end of the list's (Reset progress, which is wide, left).
	closeX := a.X + (a.W-bw)/2
	if p.run == nil {
		closeX = b.x + b.w - bw
	}
	b.button("lesson-close", g.tr("lesson.close"), g.tr("lesson.close.hint"), Rect{closeX, barY, bw, 28 * s}, colText)
	b.top, b.bottom = a.Y, barY-12*s
	if g.waitStripShown() {
		h := g.waitStripHeight(b.w)
		r := Rect{b.x, barY - 12*s - h, b.w, h}
		g.layoutWaitStrip(b, r)
		b.bottom = r.Y - 6*s
	}
	if p.confirmLeave && p.run != nil {
		g.layoutLeaveQuestion(b, bw)
	}
	if p.run == nil {
		g.layoutResetBar(b, barY, bw)
	}
	// Until a step is done, the bar's right end (where Continue comes)
	// is free: the "more" control goes there, not on a row of its own.
	pl := g.lessonPlay()
	moreInBar := p.run != nil && (pl == nil || !pl.Done())
	if withMore && !moreInBar {
		b.moreRow = 26 * s
		b.bottom -= b.moreRow
	}

	if p.run == nil {
		g.layoutLessonList(b)
	} else {
		g.layoutLessonStep(b, barY, bw)
	}
	if p.run != nil {
		b.errors(p.err, g.progressSaveErr)
	}
	// Keep the scroll within the content: if it went past the end, the
	// next layout (keyed on the clamped scroll) shows the end.
	b.v.top, b.v.maxScroll = b.top, max(0, b.y-b.bottom)
	if end := b.y - b.scroll; b.scroll > 0 && end < b.bottom {
		p.scroll = b.v.maxScroll
	}
	b.v.bar = newScrollBar(a.X+a.W, b.top, b.bottom, b.y-b.top, b.scroll, s)
	if b.v.bar.shown() {
		b.v.boxes = append(b.v.boxes, lessonBox{b.v.bar.track, colPanelEdge, -1}, lessonBox{b.v.bar.thumb, colTextDim, -1})
	}
	// A step's text that runs on below says so with a control too; the
	// list has its scroll bar alone (every lesson is one scroll away).
	if p.run != nil && b.v.maxScroll > b.scroll+1 {
		if !withMore {
			return g.layoutLesson(true)
		}
		// More text below: say so, with a control that scrolls to it
		// (for touch screens and those without a wheel).
		r := Rect{b.x + b.w - 92*s, b.bottom + 2*s, 92 * s, 22 * s}
		if moreInBar {
			r = Rect{b.x + b.w - bw, barY, bw, 28 * s}
		}
		b.button("lesson-more", g.tr("lesson.scroll"), g.tr("lesson.scroll.hint"), r, colHighlight)
	}
	return b.v
}

// layoutLessonStep lays out the current step: its header, narration, what
// it asks and, once done, its explanation and Continue.
func (g *Game) layoutLessonStep(b *lessonBuilder, barY, bw float64) {
	s := g.scale
	r := g.lesson.run
	st := r.Step()
	l := r.Lesson()
	pl := r.Play()
	// The header does not scroll. The titles wrap rather than lose their
	// end: a long lesson title fills two lines in a narrow column.
	// A short panel (800x600) with a question open gives the lesson's
	// title, which the top bar names, to the choices.
	if !(st.Kind == lessons.Predict && !pl.Done() && g.lessonArea().H < shortPanelH*s) {
		b.wrapped(g.tr("bar.lesson.title", l.Number, l.Title), face(12*s, true), colTextDim, 16*s)
		b.gap(4)
	}
	b.cardButton(b.y)
	b.line(g.tr("lesson.step-of", r.Index()+1, len(l.Steps), g.kindName(st.Kind)), face(11*s, false), colTextDim, 18*s)
	g.layoutStepStrip(b)
	b.gap(2)
	b.wrapped(st.Title, face(15*s, true), colText, 20*s)
	b.gap(4)
	b.top = b.y
	b.scroll = g.lesson.scroll
	b.y += 2 * s

	done := pl.Done()
	if done {
		key := "lesson.continue"
		if r.Last() {
			key = "lesson.finish"
		}
		b.button("lesson-next", g.tr(key), g.tr(key+".hint"), Rect{b.x + b.w - bw, barY, bw, 28 * s}, colHighlight)
	}
	pinned := st.Kind == lessons.Predict && g.pinPredict(b, pl)
	b.paragraphs(st.Narration, colText)
	// The depth folds under the narration, or under the explanation once
	// that shows.
	explained := done && len(st.Explanation) > 0
	if !explained {
		g.layoutMore(b, st)
	}
	b.gap(10)

	switch st.Kind {
	case lessons.Do:
		if !done {
			for _, h := range pl.Hints(g.lessonWall()) {
				b.spans(append([]lessons.Span{{Text: g.tr("lesson.hint-label"), Style: lessons.Bold}}, h.Spans...), b.x, b.w, colHighlight, false)
				b.gap(5)
			}
			if !pl.ShownMe() {
				rr := Rect{b.x, b.y - b.scroll, 96 * s, 26 * s}
				if b.visible(b.y, rr.H) {
					b.button("lesson-showme", g.tr("lesson.showme"), g.tr("lesson.showme.hint"), rr, colText)
				}
				b.y += rr.H + 4*s
			} else {
				b.line(g.tr("lesson.shown"), face(11.5*s, false), colTextDim, lessonLineH*s)
			}
			if err := pl.ShowMeErr(); err != nil {
				b.spans([]lessons.Span{{Text: g.tr("lesson.showme-failed", i18n.ErrorIn(err, g.lang))}}, b.x, b.w, colBad, false)
			}
		}
	case lessons.Predict:
		if !pinned {
			if !done {
				b.v.questionY = b.y
			}
			g.layoutPredict(b, pl)
		}
	}
	if done && len(st.Explanation) > 0 {
		b.gap(8)
		if b.v.revealY == 0 {
			b.v.revealY = b.y
		}
		b.line(g.tr("lesson.explanation"), face(13*s, true), colAccent, 22*s)
		b.paragraphs(st.Explanation, colText)
		g.layoutMore(b, st)
	}
	g.layoutScore(b)
	if done && r.Last() {
		g.layoutLessonEnd(b)
	}
}

// layoutLeaveQuestion lays out, above the panel's foot, the question
// whether to leave the lesson, with where it will open again (so that the
// learner knows what leaving costs).
func (g *Game) layoutLeaveQuestion(b *lessonBuilder, bw float64) {
	s := g.scale
	y := b.bottom - 62*s
	f := face(12*s, true)
	b.v.texts = append(b.v.texts, lessonText{ellipsize(g.tr("lesson.leave.question"), f, b.w), b.x, y + 8*s, f, colHighlight, alignStart})
	at := g.resumeStep(g.lesson.run.Lesson()) + 1
	fd := face(11.5*s, false)
	b.v.texts = append(b.v.texts, lessonText{ellipsize(g.tr("lesson.leave.resume", at), fd, b.w), b.x, y + 26*s, fd, colTextDim, alignStart})
	b.button("lesson-leave", g.tr("lesson.leave"), g.tr("lesson.leave.hint"), Rect{b.x, y + 38*s, bw, 24 * s}, colText)
	b.button("lesson-stay", g.tr("lesson.stay"), g.tr("lesson.stay.hint"), Rect{b.x + bw + 8*s, y + 38*s, bw, 24 * s}, colHighlight)
	b.bottom = y - 6*s
}

// nextLesson is the lesson after the one running, in course order (nil
// after the last).
func (g *Game) nextLesson() *lessons.Lesson {
	p := g.lesson
	i := slices.Index(p.all, p.run.Lesson())
	if i < 0 || i+1 >= len(p.all) {
		return nil
	}
	return p.all[i+1]
}

// layoutLessonEnd lays out, once the last step is done, what comes next:
// the next lesson, or after the last one the list of lessons. (What an
// assessment adds at its end, its score, comes just before.)
func (g *Game) layoutLessonEnd(b *lessonBuilder) {
	s := g.scale
	b.gap(14)
	name, label, hint := "lesson-list", g.tr("lesson.all"), g.tr("lesson.all.hint")
	if next := g.nextLesson(); next != nil {
		name, label, hint = "lesson-next-lesson", g.tr("lesson.next", next.Number, next.Title), next.Summary
	}
	r := Rect{b.x, b.y - b.scroll, b.w, 30 * s}
	if b.visible(b.y, r.H) {
		b.button(name, label, hint, r, colHighlight)
	}
	b.y += r.H + 4*s
}

// layoutMore lays out the control that unfolds the step's More text (and
// folds it again), and the text when unfolded.
func (g *Game) layoutMore(b *lessonBuilder, st *lessons.Step) {
	if len(st.More) == 0 {
		return
	}
	s := g.scale
	b.gap(8)
	key := "lesson.unfold"
	if g.lesson.more {
		key = "lesson.fold"
	}
	r := Rect{b.x, b.y - b.scroll, 84 * s, 24 * s}
	if b.visible(b.y, r.H) {
		b.button("lesson-fold", g.tr(key), g.tr(key+".hint"), r, colAccent)
	}
	b.y += r.H + 6*s
	if g.lesson.more {
		b.paragraphs(st.More, colText)
	}
}

// layoutStepStrip lays out a row of numbered boxes, one per step: the
// current one lit, those the learner has reached marked, each a jump to
// its step.
func (g *Game) layoutStepStrip(b *lessonBuilder) {
	s := g.scale
	r := g.lesson.run
	l := r.Lesson()
	pr, _ := g.lessonProgress().Of(l.Name)
	n := len(l.Steps)
	gap := 4 * s
	w := min(26*s, (b.w-float64(n-1)*gap)/float64(n))
	f := face(10.5*s, true)
	for i, st := range l.Steps {
		box := Rect{b.x + float64(i)*(w+gap), b.y, w, 18 * s}
		bg, fg := colButton, colTextDim
		switch {
		case i == r.Index():
			bg, fg = colHighlight, colBackground
		case i < pr.Furthest:
			fg = colText
		}
		b.v.boxes = append(b.v.boxes, lessonBox{box, bg, len(b.v.buttons)})
		if i < pr.Furthest && i != r.Index() {
			b.v.boxes = append(b.v.boxes, lessonBox{Rect{box.X, box.Y + box.H - 2*s, box.W, 2 * s}, colOK, -1})
		}
		b.v.buttons = append(b.v.buttons, Button{Name: fmt.Sprintf("lesson-step-%d", i+1), Label: fmt.Sprint(i + 1), Hint: g.tr("lesson.step.hint", i+1, st.Title, g.kindName(st.Kind)), Rect: box})
		b.v.texts = append(b.v.texts, lessonText{fmt.Sprint(i + 1), box.CenterX(), box.CenterY(), f, fg, alignCenter})
	}
	b.y += 24 * s
}

// kindName is a kind of step as the panel names it: watch, do or predict.
func (g *Game) kindName(k lessons.Kind) string { return g.tr("lesson.kind." + string(k)) }

// shortPanelH is the height, in logical pixels, below which the lesson
// panel is short: it keeps the room it can for an open question.
const shortPanelH = 340.0

// pinMinText is how much of the narration, in logical pixels, a pinned
// question leaves room for above it (two lines and a bit).
const pinMinText = 40.0

// pinPredict lays out an open question and its choices at the foot of the
// text, where they stay while the narration above them scrolls: a short
// panel must never hide the answers below the fold. It reports false (and
// lays out nothing) once the step is over, whose outcome reads in the
// text's flow, or when the panel is too short to keep room for the text
// too: then the question scrolls with the text.
func (g *Game) pinPredict(b *lessonBuilder, pl *lessons.Play) bool {
	if out, _ := pl.Outcome(); pl.Done() || out != nil {
		return false
	}
	s := g.scale
	m := &lessonBuilder{g: g, x: b.x, w: b.w, top: math.Inf(-1), bottom: math.Inf(1)}
	g.layoutPredict(m, pl)
	foot := b.bottom + b.moreRow
	y0 := foot - m.y
	if y0-10*s-b.moreRow < b.top+pinMinText*s {
		return false
	}
	b.v.boxes = append(b.v.boxes, lessonBox{Rect{b.x, y0 - 6*s, b.w, 1 * s}, colPanelEdge, -1})
	pin := &lessonBuilder{g: g, v: b.v, x: b.x, w: b.w, y: y0, top: y0, bottom: foot}
	g.layoutPredict(pin, pl)
	b.v = pin.v
	b.bottom = y0 - 10*s - b.moreRow
	return true
}

// layoutPredict lays out the question and its choices: clickable until
// answered, then marked with the learner's answer and what happened.
func (g *Game) layoutPredict(b *lessonBuilder, pl *lessons.Play) {
	s := g.scale
	st := pl.Step
	b.spans(st.Question, b.x, b.w, colText, true)
	b.gap(6)
	chosen, answered := pl.Answered()
	out, _ := pl.Outcome()
	lh := lessonLineH * s
	for i, c := range st.Choices {
		label := fmt.Sprintf("%d. ", i+1)
		spans := append([]lessons.Span{{Text: label}}, c.Text...)
		lines := wrapSpans(spans, b.w-16*s, lessonTextSize*s, false)
		var tag string
		tagCol := colTextDim
		yours, happened := answered && i == chosen, out != nil && i == out.Happened
		switch {
		case yours && happened:
			tag = g.tr("lesson.tag.yours-happened")
		case yours:
			tag = g.tr("lesson.tag.yours")
		case happened:
			tag = g.tr("lesson.tag.happened")
		}
		if happened {
			tagCol = colOK
		}
		h := float64(len(lines))*lh + 10*s
		if answered && i == chosen && b.v.questionY > 0 {
			b.v.questionY = b.y // the answer is what to keep in view
		}
		if tag != "" {
			h += 16 * s
			if out != nil && b.v.revealY == 0 {
				b.v.revealY = b.y // what happened shows from here
			}
		}
		r := Rect{b.x, b.y - b.scroll, b.w, h}
		if b.visible(b.y, h) {
			bg := colButton
			if answered {
				bg = colBackground
			}
			idx := -1
			if !answered {
				idx = len(b.v.buttons)
				b.v.buttons = append(b.v.buttons, Button{Name: fmt.Sprintf("lesson-choice-%d", i+1), Label: lessons.Paragraph{Spans: c.Text}.Text(), Rect: r})
			}
			b.v.boxes = append(b.v.boxes, lessonBox{r, bg, idx})
			if answered && i == chosen {
				b.v.boxes = append(b.v.boxes, lessonBox{Rect{r.X, r.Y, 3 * s, r.H}, colHighlight, -1})
			}
			for j, ln := range lines {
				for _, run := range ln {
					b.v.texts = append(b.v.texts, lessonText{run.text, r.X + 8*s + run.x, r.Y + 5*s + float64(j)*lh + lh/2, spanFace(run.style, lessonTextSize*s, false), spanColor(run.style, colText), alignStart})
				}
			}
			if tag != "" {
				f := face(11*s, true)
				b.v.texts = append(b.v.texts, lessonText{tag, r.X + 8*s, r.Y + r.H - 12*s, f, tagCol, alignStart})
			}
		}
		b.y += h + 5*s
	}
	b.gap(4)
	f := face(12*s, true)
	switch {
	case !answered:
		b.wrapped(g.tr("lesson.choose"), face(11.5*s, false), colTextDim, lh)
	case out == nil && g.paused:
		// The wait strip says it, beside Resume: once is enough.
	case out == nil:
		b.line(g.tr("lesson.watch"), face(11.5*s, false), colTextDim, lh)
	case out.Correct:
		b.line(g.tr("lesson.right"), f, colOK, lh)
	case out.Happened >= 0:
		b.wrapped(g.tr("lesson.wrong", out.Happened+1), f, colBad, lh)
	default:
		b.wrapped(g.tr("lesson.no-match"), f, colBad, lh)
	}
}

// spanFace is the face of a span's style (there is no italic face: italic
// text is set upright).
func spanFace(st lessons.Style, size float64, bold bool) text.Face {
	return face(size, st == lessons.Bold || (bold && st != lessons.Term))
}

// spanColor is the colour of a span's style: key terms in the accent
// colour.
func spanColor(st lessons.Style, base color.Color) color.Color {
	if st == lessons.Term {
		return colAccent
	}
	return base
}

// wrapRun is a run of text in one style on a wrapped line, at x from the
// line's start.
type wrapRun struct {
	text  string
	style lessons.Style
	x     float64
	// span is the whole text of the span the run is from (a key term
	// broken over two lines is still one term).
	span string
}

// wrapSpans breaks styled text into lines no wider than width (a word
// longer than the width gets a line of its own). Words are split at
// spaces; a word may change style within it ("`follower`,").
func wrapSpans(spans []lessons.Span, width, size float64, bold bool) [][]wrapRun {
	type piece struct {
		text  string
		style lessons.Style
		span  string
	}
	// words are runs of pieces between two places where a line may break
	// (see breakUnits: after a space, between Chinese characters), across
	// the spans' edges ("`follower`," and "`领导者`，" are each one word).
	var pieces []piece
	for _, sp := range spans {
		for _, part := range breakUnits(sp.Text) {
			pieces = append(pieces, piece{part, sp.Style, sp.Text})
		}
	}
	var words [][]piece
	var cur []piece
	for i, pc := range pieces {
		cur = append(cur, pc)
		if i+1 == len(pieces) {
			break
		}
		last, _ := utf8.DecodeLastRuneInString(pc.text)
		next, _ := utf8.DecodeRuneInString(pieces[i+1].text)
		if canBreak(last, next) {
			words = append(words, cur)
			cur = nil
		}
	}
	if len(cur) > 0 {
		words = append(words, cur)
	}
	var lines [][]wrapRun
	var line []wrapRun
	x := 0.0
	for _, wd := range words {
		ww, trimmed := 0.0, 0.0
		for i, pc := range wd {
			f := spanFace(pc.style, size, bold)
			w := textWidth(pc.text, f)
			if i == len(wd)-1 {
				trimmed = ww + textWidth(strings.TrimRight(pc.text, " "), f)
			}
			ww += w
		}
		if x > 0 && x+trimmed > width {
			lines = append(lines, line)
			line, x = nil, 0
		}
		for _, pc := range wd {
			t := pc.text
			if x == 0 {
				t = strings.TrimLeft(t, " ")
			}
			if n := len(line); n > 0 && line[n-1].style == pc.style {
				line[n-1].text += t
			} else {
				line = append(line, wrapRun{t, pc.style, x, pc.span})
			}
			x += textWidth(t, spanFace(pc.style, size, bold))
		}
	}
	if len(line) > 0 {
		lines = append(lines, line)
	}
	return lines
}

// lessonToLang shows the lesson panel in the app's language, after a
// language switch: the list is read again, and an open lesson is reopened
// in the new edition at the same step. The editions share their setups and
// conditions, so the step is played again to where the learner was (their
// answer and their actions too); progress is kept by lesson name, which
// both editions share.
func (g *Game) lessonToLang() {
	p := g.lesson
	if p == nil {
		return
	}
	all, err := lessons.AllIn(g.lang)
	if err != nil {
		p.err = i18n.ErrorIn(err, g.lang)
		return
	}
	p.all = all
	if p.run == nil {
		return
	}
	old := p.run
	l, err := lessons.Find(all, old.Lesson().Number, old.Index()+1)
	var r *lessons.Runner
	if err == nil {
		r, err = lessons.NewRunner(l)
	}
	if err == nil {
		err = r.Jump(old.Index())
	}
	if err != nil {
		// The lesson stays in the language it was in, and says why.
		p.err = i18n.ErrorIn(err, g.lang)
		return
	}
	paused, speed, selected, more := g.paused, g.speed, g.selected, p.more
	p.run = r
	g.showStep()
	// The step is played again to where the learner was; a play that
	// cannot be repeated gives the step's fresh start.
	if !r.Play().Replay(old.Play()) {
		g.moveStep(r.Restart)
		return
	}
	g.clock = float64(g.sess.Now())
	p.reveal = r.Play().Done()
	g.paused, g.speed, g.selected, p.more = paused, speed, selected, more
}
