package ui

import (
	"github.com/raftlab/raftlab/lessons"
)

// ProgressStore keeps the learner's lesson progress between visits: the
// browser in localStorage, the desktop in a file. Load returns nil data
// when nothing was saved yet.
type ProgressStore interface {
	Load() ([]byte, error)
	Save(data []byte) error
}

// lessonProgress is the learner's progress, read from the store the first
// time it is needed. Unreadable progress is reported on the lesson panel
// and replaced by a fresh one: it never keeps the lessons from opening.
func (g *Game) lessonProgress() *lessons.Progress {
	if g.progress != nil {
		return g.progress
	}
	g.progress = &lessons.Progress{}
	if g.opts.Progress == nil {
		return g.progress
	}
	data, err := g.opts.Progress.Load()
	if err == nil && len(data) > 0 {
		var p *lessons.Progress
		if p, err = lessons.ParseProgress(data); err == nil {
			g.progress = p
		}
	}
	if err != nil {
		g.progressErr = "Saved progress could not be read, so it starts afresh: " + err.Error()
	}
	return g.progress
}

// recordProgress notes the step the lesson shows (or, finished, the whole
// lesson) and saves the progress.
func (g *Game) recordProgress(finished bool) {
	r := g.lesson.run
	l := r.Lesson()
	p := g.lessonProgress()
	if finished {
		p.Finish(l.Name, len(l.Steps))
	} else {
		p.At(l.Name, r.Index()+1)
	}
	if g.opts.Progress == nil {
		return
	}
	if err := g.opts.Progress.Save(p.Marshal()); err != nil {
		g.progressErr = "Progress could not be saved: " + err.Error()
	}
}

// resumeStep is the step (0-based) to open a lesson at: where the learner
// left it, or the start of a lesson never opened or already finished.
func (g *Game) resumeStep(l *lessons.Lesson) int {
	pr, ok := g.lessonProgress().Of(l.Name)
	if !ok || pr.Finished || pr.Step > len(l.Steps) {
		return 0
	}
	return pr.Step - 1
}
