package lab

import (
	"github.com/raftlab/raftlab/lessons"
	"github.com/raftlab/raftlab/lessons/doc"
	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
)

// Lab starts scenarios and lessons for the UI. Each session it starts is
// the UI's; it keeps only the course it parsed (see lessons.go).
type Lab struct{ course course }

// New returns a Lab.
func New() *Lab { return &Lab{} }

// ParseScenario reads a scenario file, its challenge's conditions
// checked.
func (*Lab) ParseScenario(data []byte) (*view.Scenario, error) {
	sc, err := playground.ParseScenario(data)
	if err == nil && sc.Challenge != nil {
		err = lessons.CheckChallenge(sc.Challenge)
	}
	if err != nil {
		return nil, err
	}
	return sc, nil
}

// MarshalScenario writes a scenario as a scenario file.
func (*Lab) MarshalScenario(sc *view.Scenario) ([]byte, error) {
	return playground.MarshalScenario(sc)
}

// HasEngine reports whether engine e is built into this program.
func (*Lab) HasEngine(e view.Engine) bool { return playground.HasEngine(e) }

// EncodeLink writes a share link as a URL fragment (without the #).
func (*Lab) EncodeLink(l view.Link) (string, error) { return playground.EncodeLink(l) }

// DecodeLink reads a share link: a URL or its fragment. Beyond what the
// playground checks, the lesson and step it names exist and its
// challenge's conditions can be judged: a link that opens is one that
// starts.
func (lab *Lab) DecodeLink(link string) (view.Link, error) {
	l, err := playground.DecodeLink(link)
	if err == nil && l.Scenario.Challenge != nil {
		err = lessons.CheckChallenge(l.Scenario.Challenge)
	}
	if err == nil && l.Lesson != 0 {
		var all []*doc.Lesson
		if all, err = lab.AllIn(i18n.English); err == nil {
			_, err = doc.Find(all, l.Lesson, l.Step)
		}
	}
	if err != nil {
		return view.Link{}, err
	}
	return l, nil
}

// Start runs a scenario from its first moment, its script still to come,
// judging its challenge if it sets one.
func (*Lab) Start(sc *view.Scenario) (view.Session, error) {
	w, err := playground.NewWorld(sc)
	if err != nil {
		return nil, err
	}
	ps := playground.NewSession(w, sc.Actions)
	s := session{s: ps, flights: &flightViews{}}
	if sc.Challenge != nil {
		if s.judge, err = lessons.NewJudge(sc, ps); err != nil {
			return nil, err
		}
	}
	return s, nil
}
