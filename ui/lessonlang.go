package ui

import (
	"github.com/raftlab/raftlab/lessons/doc"
	"github.com/raftlab/raftlab/playground/i18n"
)

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
	all, err := g.opts.Lab.AllIn(g.lang)
	if err != nil {
		p.err = i18n.ErrorIn(err, g.lang)
		return
	}
	p.all = all
	if p.run == nil {
		return
	}
	old := p.run
	l, err := doc.Find(all, old.Lesson().Number, old.Index()+1)
	var r doc.Runner
	if err == nil {
		r, err = g.opts.Lab.NewRunner(l)
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
