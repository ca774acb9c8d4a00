package ui

import (
	"errors"
	"math"
	"slices"
	"time"

	"github.com/raftlab/raftlab/lessons/doc"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
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
	// cache is the panel as last drawn (drawLesson).
	cache panelCache
	all   []*doc.Lesson
	err   string
	// run is nil while the list of lessons shows.
	run doc.Runner
	// stepStart is the app's uptime when the step began: the learner's
	// time in it paces a do step's hints.
	stepStart time.Duration
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

// openLessons shows the list of lessons.
func (g *Game) openLessons() {
	p := &lessonPanel{sandboxSpeed: g.speed}
	if g.lesson != nil {
		p.sandboxSpeed = g.lesson.sandboxSpeed
	}
	all, err := g.opts.Lab.AllIn(g.lang)
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
	l, err := doc.Find(p.all, number, step)
	if err != nil {
		return err
	}
	if !g.lessonElsewhere(l, step) {
		g.startLesson(slices.Index(p.all, l))
		if step > 0 && p.run != nil {
			g.moveStep(func() error { return p.run.Jump(step - 1) })
		}
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
	if g.lessonElsewhere(p.all[i], 0) {
		return
	}
	r, err := g.opts.Lab.NewRunner(p.all[i])
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
	sc := &view.Scenario{Settings: view.DefaultSettings()}
	if started := r.Scenario(); started != nil {
		c := *started
		sc = &c
	}
	sc.Name = g.tr("bar.lesson.title", l.Number, l.Title)
	sc.Actions, sc.Until = nil, math.MaxInt32
	g.scenario, g.sess = sc, r.Session()
	g.sess.SetTraceWindow(traceWindow)
	g.clock = float64(g.sess.Now())
	g.selected, g.menu, g.cluster.highlight, g.part = 0, nil, nil, nil
	g.timeline.markers = timelineMarkers{}
	g.layIDs = nil
	// The learner presses play in a watch step, and answers first in a
	// predict step; a do step plays while the learner acts.
	g.paused = r.Step().Kind != doc.Do
	g.speed = speedIndex(l.PlaySpeed(r.Step()))
	p.stepStart, p.scroll, p.err, p.reveal, p.more, p.confirmLeave = g.uptime.now(), 0, "", false, false, false
	p.toQuestion = true
	g.recordProgress(progressAt)
}

// lessonPlay is the step being played, when a lesson runs (the game then
// shows its session; see lessonPanel), or nil.
func (g *Game) lessonPlay() doc.Play {
	if g.lesson == nil || g.lesson.run == nil {
		return nil
	}
	return g.lesson.run.Play()
}

// moveStep goes to another step (Next or Back) and shows it.
func (g *Game) moveStep(move func() error) {
	if err := move(); err != nil {
		g.lesson.err = i18n.ErrorIn(err, g.lang)
		return
	}
	g.showStep()
}

// askLeave asks whether to leave the lesson, or leaves at once when
// nothing would be lost: on the list of lessons, or once the lesson's last
// step is done.
func (g *Game) askLeave() {
	p := g.lesson
	if p.run == nil || (p.run.Last() && p.run.Play().Done()) {
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

// nextLesson is the lesson after the one running, in course order (nil
// after the last).
func (g *Game) nextLesson() *doc.Lesson {
	p := g.lesson
	i := slices.Index(p.all, p.run.Lesson())
	if i < 0 || i+1 >= len(p.all) {
		return nil
	}
	return p.all[i+1]
}
