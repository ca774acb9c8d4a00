package ui

import (
	"github.com/raftlab/raftlab/lessons/doc"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
)

// A build of the app may lack an engine: the browser's default build
// leaves etcd's raft out, to stay a small download. A new run or a lesson
// on an engine this build lacks goes on in a build that has it: the host
// reloads the app there (Options.LoadEngine). Until the page goes, the
// app shows what it showed, and the status line says what is loading.

// reloadWith has the host reload the app in a build that has engine e,
// opening open there, and says so meanwhile; or it returns why it cannot:
// no host that can, or one that could not.
func (g *Game) reloadWith(e view.Engine, open view.Link) error {
	if g.opts.LoadEngine == nil {
		return i18n.Errorf("settings.engine.absent", i18n.Msg(engineKey(e)))
	}
	if err := g.opts.LoadEngine(e, open); err != nil {
		return err
	}
	g.reloading = true
	g.say(g.tr("settings.engine.loading", g.tr(engineKey(e))))
	return nil
}

// lessonElsewhere opens lesson l at step (from 1; 0: where the learner
// left it, which the other build reads from the same progress) in a build
// that has the engine it runs on, when this build lacks it. It reports
// whether l is not this build's to run; the lesson panel then says why,
// when the app cannot reload.
func (g *Game) lessonElsewhere(l *doc.Lesson, step int) bool {
	if g.opts.Lab.HasEngine(l.RunsOn) {
		return false
	}
	g.lesson.err = ""
	if err := g.reloadWith(l.RunsOn, view.Link{Lesson: l.Number, Step: step, Lang: g.lang}); err != nil {
		g.lesson.err = i18n.ErrorIn(err, g.lang)
	}
	return true
}
