package lab

import (
	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/playground/view"
)

// NewSearch starts the app's search for a way to break a cluster of these
// settings (its teaching switches): the default budget, stopping at the
// first failure and shrinking it. The features are left free, so that the
// search may turn off what hides a switch's harm (the leader's no-op hides
// Figure 8's); the run it finds carries its own settings.
func (*Lab) NewSearch(s view.Settings) (view.Search, error) {
	ps, err := playground.NewSearch(playground.SearchConfig{
		Settings: s, Runs: playground.DefaultSearchRuns, FirstSeed: 1,
		DurationMs: playground.DefaultSearchDurationMs, StopAtFailure: true, Minimize: true,
	})
	if err != nil {
		return nil, err
	}
	return search{ps}, nil
}

// search is a playground search as the UI reaches it.
type search struct{ *playground.Search }

func (s search) Result() view.SearchFound { return s.Search.Result().SearchFound }
