package ui

import "github.com/raftlab/raftlab/playground/view"

// Lab is the playground and the lessons as the UI reaches them. The
// programs hand one to New (internal/lab's), so that the UI depends on
// their views, not on raft: it reads sessions through view.Session.
type Lab interface {
	// ParseScenario reads a scenario file; a bad file's error names the
	// problem.
	ParseScenario(data []byte) (*view.Scenario, error)
	// MarshalScenario writes a scenario as a scenario file.
	MarshalScenario(sc *view.Scenario) ([]byte, error)
	// Start runs a scenario from its first moment.
	Start(sc *view.Scenario) (view.Session, error)
}
