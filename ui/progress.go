package ui

import (
	"github.com/raftlab/raftlab/lessons/doc"
	"github.com/raftlab/raftlab/playground/i18n"
)

// Store keeps a small document between visits (the learner's lesson
// progress, their preferences): the browser in localStorage, the desktop
// in a file. Load returns nil data when nothing was saved yet.
type Store interface {
	Load() ([]byte, error)
	Save(data []byte) error
}

// progressEvent is what happened to the learner's progress.
type progressEvent uint8

const (
	// progressAt: a step is shown, however the learner got there.
	progressAt progressEvent = iota
	// progressReach: the learner went on to the next step.
	progressReach
	// progressFinish: the learner finished the lesson.
	progressFinish
	// progressDone: the step's goal was met. The learner is then counted
	// on the next step, reached (or the lesson finished, after its last
	// step): the step's outcome has been seen, so reopening the lesson
	// goes on from there rather than playing a done step again (its
	// explanation is one click away in the row of steps).
	progressDone
)

// progressStore is the learner's lesson progress (loaded when first
// needed, in all), changed version times; loadErr says what could not be
// read (readOnly: nothing could, so nothing is saved), saveErr why the
// last save failed.
type progressStore struct {
	all      *doc.Progress
	version  int
	readOnly bool
	loadErr  string
	saveErr  string
}

// lessonProgress is the learner's progress, read from the store the first
// time it is needed. Progress that cannot be read never keeps the lessons
// from opening: entries that make no sense are left out, data that is not
// progress at all is replaced, and a store that cannot be read is not
// written this visit (so as not to overwrite what it holds). The list of
// lessons says which.
func (g *Game) lessonProgress() *doc.Progress {
	if g.progress.all != nil {
		return g.progress.all
	}
	g.progress.all = &doc.Progress{}
	if g.opts.Progress == nil {
		return g.progress.all
	}
	data, err := g.opts.Progress.Load()
	switch {
	case err != nil:
		g.progress.readOnly = true
		g.progress.loadErr = g.tr("progress.unreadable", i18n.ErrorIn(err, g.lang))
	case len(data) > 0:
		p, err := doc.ParseProgress(data)
		if p != nil {
			g.progress.all = p
		}
		if err != nil {
			g.progress.loadErr = g.tr("progress.partly-unusable", i18n.ErrorIn(err, g.lang))
		}
	}
	return g.progress.all
}

// recordProgress notes what happened in the lesson shown and saves the
// progress.
func (g *Game) recordProgress(ev progressEvent) {
	r := g.lesson.run
	l := r.Lesson()
	p := g.lessonProgress()
	switch ev {
	case progressAt:
		p.At(l.Name, r.Index()+1)
	case progressReach:
		p.Reach(l.Name, r.Index()+1)
	case progressFinish:
		p.Finish(l.Name, len(l.Steps))
	case progressDone:
		if r.Last() {
			p.Finish(l.Name, len(l.Steps))
		} else {
			p.Reach(l.Name, r.Index()+2)
		}
	}
	g.saveProgress()
}

// resetProgress forgets every lesson's progress (the learner asked, and
// confirmed) and saves that.
func (g *Game) resetProgress() {
	g.lessonProgress().Reset()
	g.saveProgress()
}

// saveProgress saves the progress after a change.
func (g *Game) saveProgress() {
	g.progress.version++
	if g.opts.Progress == nil || g.progress.readOnly {
		return
	}
	if err := g.opts.Progress.Save(g.lessonProgress().Marshal()); err != nil {
		g.progress.saveErr = g.tr("progress.save-failed", i18n.ErrorIn(err, g.lang))
	} else {
		g.progress.saveErr = ""
	}
}

// resumeStep is the step (0-based) to open a lesson at: where the learner
// left it, or the start of a lesson never opened or already finished.
func (g *Game) resumeStep(l *doc.Lesson) int {
	pr, ok := g.lessonProgress().Of(l.Name)
	if !ok || pr.Finished || pr.Step > len(l.Steps) {
		return 0
	}
	return pr.Step - 1
}
