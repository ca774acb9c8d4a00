package ui

import (
	"github.com/raftlab/raftlab/lessons/doc"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
)

// Lab is the playground and the lessons as the UI reaches them. The
// programs hand one to New (internal/lab's), so that the UI depends on
// their views, not on raft: it reads sessions through view.Session.
type Lab interface {
	// ParseScenario reads a scenario file; a bad file's error names the
	// problem.
	ParseScenario(data []byte) (*view.Scenario, error)
	// MarshalScenario writes a scenario as a scenario file.
	MarshalScenario(sc *view.Scenario) ([]byte, error)
	// EncodeLink writes a share link as a URL fragment (without the #).
	EncodeLink(l view.Link) (string, error)
	// DecodeLink reads a share link (a URL or its fragment); a damaged
	// link's error names what is wrong.
	DecodeLink(link string) (view.Link, error)
	// Start runs a scenario from its first moment.
	Start(sc *view.Scenario) (view.Session, error)
	// NewSearch starts a search for a run of a cluster of these settings
	// that breaks safety or linearizability, shrunk once found.
	NewSearch(s view.Settings) (view.Search, error)
	// HasEngine reports whether engine e is built into this program.
	HasEngine(e view.Engine) bool

	// AllIn is the bundled course in a language, in course order.
	AllIn(lang i18n.Lang) ([]*doc.Lesson, error)
	// NewRunner runs a lesson that AllIn gave from its first step.
	NewRunner(l *doc.Lesson) (doc.Runner, error)
}
