package lab

import (
	"sync"

	"github.com/raftlab/raftlab/lessons"
	"github.com/raftlab/raftlab/lessons/doc"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
)

// course holds the bundled lessons a Lab parsed, per language, parsed
// once: a lesson the UI holds (a *doc.Lesson, which AllIn handed out)
// must lead back to the engine's lesson that embeds it when the UI asks
// to run it.
type course struct {
	sync.Mutex
	byLang map[i18n.Lang][]*lessons.Lesson
	// parsed are the lessons of every language parsed so far (a language
	// without lessons of its own reads another's files).
	parsed []*lessons.Lesson
}

// in is the bundled course in lang, parsed the first time.
func (c *course) in(lang i18n.Lang) ([]*lessons.Lesson, error) {
	c.Lock()
	defer c.Unlock()
	if all, ok := c.byLang[lang]; ok {
		return all, nil
	}
	all, err := lessons.AllIn(lang)
	if err != nil {
		return nil, err
	}
	if c.byLang == nil {
		c.byLang = map[i18n.Lang][]*lessons.Lesson{}
	}
	c.byLang[lang] = all
	c.parsed = append(c.parsed, all...)
	return all, nil
}

// engine is the engine's lesson that embeds l, when AllIn handed l out.
func (c *course) engine(l *doc.Lesson) (*lessons.Lesson, bool) {
	c.Lock()
	defer c.Unlock()
	for _, e := range c.parsed {
		if &e.Lesson == l {
			return e, true
		}
	}
	return nil, false
}

// AllIn is the bundled course in a language, in course order.
func (lab *Lab) AllIn(lang i18n.Lang) ([]*doc.Lesson, error) {
	all, err := lab.course.in(lang)
	if err != nil {
		return nil, err
	}
	out := make([]*doc.Lesson, len(all))
	for i, l := range all {
		out[i] = &l.Lesson
	}
	return out, nil
}

// NewRunner runs a lesson of the bundled course (one AllIn handed out)
// from its first step.
func (lab *Lab) NewRunner(l *doc.Lesson) (doc.Runner, error) {
	e, ok := lab.course.engine(l)
	if !ok {
		return nil, i18n.Errorf("lessons.bundled.unknown", l.Name)
	}
	r, err := lessons.NewRunner(e)
	if err != nil {
		return nil, err
	}
	return Runner(r), nil
}

// runner is the engine's Runner as the UI steers it: the same runner,
// with the lesson, the step and the session as the UI reads them. last is
// the session it last handed out, so that the step's session is one
// session (equal every time it is asked for, with one cache of the
// messages on the wire) until the step changes it.
type runner struct {
	*lessons.Runner
	last *session
}

// Runner is r as the UI steers it. (Its plays are the engine's: they
// already are what the UI reads.)
func Runner(r *lessons.Runner) doc.Runner { return runner{r, &session{}} }

func (r runner) Lesson() *doc.Lesson { return &r.Runner.Lesson().Lesson }
func (r runner) Step() *doc.Step     { return &r.Runner.Step().Step }
func (r runner) Play() doc.Play      { return r.Runner.Play() }
func (r runner) Session() view.Session {
	if s := r.Runner.Session(); r.last.s != s {
		*r.last = session{s: s, flights: &flightViews{}}
	}
	return *r.last
}
