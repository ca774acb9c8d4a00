package ui

import (
	"slices"
	"strings"
	"time"

	"github.com/raftlab/raftlab/lessons/doc"
	"github.com/raftlab/raftlab/playground/i18n"
)

// ResultStore hands the result of an assessment to the learner, for a
// teacher to collect. Copy puts the text on the clipboard (nil where there
// is none); Download saves it as a file and says where ("" when the
// browser decides).
type ResultStore struct {
	Copy     func(text string) error
	Download func(name string, data []byte) (where string, err error)
}

// assessment is the score of the assessment being run: a new run (a
// lesson opened again) starts a new score.
type assessment struct {
	run   doc.Runner
	score *doc.Score
}

// keepScore keeps the score of the assessment being run, in Update: a new
// run (a lesson opened again) starts a new score, counted as a new attempt
// in the progress, and each step's first outcome (answered, shown, done) is
// marked as soon as it is known.
func (g *Game) keepScore() {
	pl := g.lessonPlay()
	if pl == nil || !g.lesson.run.Lesson().Assessment() {
		return
	}
	r := g.lesson.run
	if g.score == nil || g.score.run != r {
		sc := doc.NewScore(r.Lesson())
		sc.Attempt = g.lessonProgress().Attempt(r.Lesson().Name)
		g.saveProgress()
		g.score = &assessment{run: r, score: sc}
	}
	g.score.score.Observe(pl)
}

// layoutScore lays out, once an assessment's last step is done, the score
// per topic with the controls that copy and download the result.
func (g *Game) layoutScore(b *lessonBuilder) {
	pl := g.lessonPlay()
	r := g.lesson.run
	if pl == nil || g.score == nil || g.score.run != r || !r.Last() || !pl.Done() {
		return
	}
	sc := g.score.score
	s := g.scale
	lh := lessonLineH * s
	b.gap(10)
	b.line(g.tr("score.title"), face(13*s, true), colAccent, 22*s)
	f := face(lessonTextSize*s, false)
	for _, t := range sc.Topics() {
		b.line(g.tr("score.topic", topicName(g.lang, t.Topic), t.Got, t.Of), f, colText, lh)
	}
	t := sc.Total()
	b.line(g.tr("score.total", t.Got, t.Of), face(lessonTextSize*s, true), colText, lh)
	if sc.Attempt > 1 {
		b.line(g.tr("score.attempt", sc.Attempt), f, colTextDim, lh)
	}
	b.gap(6)
	res := g.opts.Results
	x := b.x
	for _, c := range []struct {
		kind        lessonKind
		label, hint string
		on          bool
	}{
		{scoreCopy, "score.copy", "score.copy.hint", res.Copy != nil},
		{scoreDownload, "score.download", "score.download.hint", res.Download != nil},
	} {
		if !c.on {
			continue
		}
		rr := Rect{x, b.y - b.scroll, 110 * s, 26 * s}
		if b.visible(b.y, rr.H) {
			b.button(lessonControl{kind: c.kind}, g.tr(c.label), g.tr(c.hint), rr, colText)
		}
		x += rr.W + 8*s
	}
	if x > b.x {
		b.y += 26*s + 4*s
	}
}

// topicName is a lesson topic's name in a language: the catalogue's
// (score.topic.elections...) for the course's topics, else as the lesson
// names it.
func topicName(lang i18n.Lang, topic string) string {
	key := "score.topic." + topic
	if _, ok := slices.BinarySearch(i18n.Keys(), key); ok {
		return lang.T(key)
	}
	return topic
}

// resultText is the assessment's result as a teacher collects it, dated
// today.
func (g *Game) resultText() string {
	return g.score.score.Result(time.Now().Format("2006-01-02"))
}

// pressScore carries out the score's controls: the result goes to the
// clipboard or into a file, and the status line says so.
func (g *Game) pressScore(k lessonKind) {
	if g.score == nil || g.lesson == nil || g.score.run != g.lesson.run {
		return
	}
	res := g.opts.Results
	switch {
	case k == scoreCopy && res.Copy != nil:
		if err := res.Copy(g.resultText()); err != nil {
			g.say(g.tr("status.copy-result.failed", i18n.ErrorIn(err, g.lang)))
			return
		}
		g.say(g.tr("status.copied-result"))
	case k == scoreDownload && res.Download != nil:
		l := g.score.run.Lesson()
		where, err := res.Download(resultFileName(l), []byte(g.resultText()))
		switch {
		case err != nil:
			g.say(g.tr("status.save-result.failed", i18n.ErrorIn(err, g.lang)))
		case where != "":
			g.say(g.tr("status.saved-result.to", where))
		default:
			g.say(g.tr("status.saved-result"))
		}
	}
}

// resultFileName names a lesson's result file: raftlab-result-16-final.txt.
func resultFileName(l *doc.Lesson) string {
	return "raftlab-result-" + strings.TrimSuffix(l.Name, ".md") + ".txt"
}
