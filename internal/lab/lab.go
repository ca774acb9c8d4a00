package lab

import (
	"github.com/raftlab/raftlab/lessons"
	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/playground/view"
)

// Lab starts scenarios and lessons for the UI. Each session it starts is
// the UI's; it keeps only the course it parsed (see lessons.go).
type Lab struct{ course course }

// New returns a Lab.
func New() *Lab { return &Lab{} }

// ParseScenario reads a scenario file.
func (*Lab) ParseScenario(data []byte) (*view.Scenario, error) { return playground.ParseScenario(data) }

// MarshalScenario writes a scenario as a scenario file.
func (*Lab) MarshalScenario(sc *view.Scenario) ([]byte, error) {
	return playground.MarshalScenario(sc)
}

// EncodeLink writes a share link as a URL fragment (without the #).
func (*Lab) EncodeLink(l view.Link) (string, error) { return playground.EncodeLink(l) }

// DecodeLink reads a share link: a URL or its fragment.
func (*Lab) DecodeLink(link string) (view.Link, error) { return playground.DecodeLink(link) }

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
