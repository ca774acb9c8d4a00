package ui

import (
	"testing"

	"github.com/raftlab/raftlab/internal/lab"
	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSandboxElectsAtOnce: the sandbox the app opens on sends its first
// vote request within 40 virtual ms (2 s at the default 1/50x), while a
// bundled scenario keeps its timers from zero.
func TestSandboxElectsAtOnce(t *testing.T) {
	firstVote := func(g *Game) int64 {
		g.RunFor(400)
		for _, e := range g.world().Trace() {
			if e.Type == view.EvSend && e.Flight != nil && e.Flight.Kind == view.FlightRaft &&
				(e.Flight.Raft.Type == raft.MsgPreVote || e.Flight.Raft.Type == raft.MsgRequestVote) {
				return e.AtMs
			}
		}
		return -1
	}
	at := firstVote(testGame(t, ""))
	require.GreaterOrEqual(t, at, int64(0), "the sandbox holds an election")
	assert.LessOrEqual(t, at, int64(40), "the first vote request leaves within 40 ms")
	assert.Greater(t, firstVote(testGame(t, "initial-election")), int64(100), "a scenario's timers start from zero")
}

// TestStartErrorTranslates: a scenario that cannot run makes New fail
// with an error naming it, in English as before and in Chinese through
// i18n.ErrorIn (the browser's loading page shows it).
func TestStartErrorTranslates(t *testing.T) {
	s := view.DefaultSettings()
	s.Nodes = 0
	_, err := New(Options{Lab: lab.New(), Scenario: &view.Scenario{Name: "empty", Settings: s}})
	require.Error(t, err)
	_, why := playground.New(s)
	require.Error(t, why)
	assert.Equal(t, `scenario "empty": `+why.Error(), err.Error())
	assert.Equal(t, `场景 "empty"：`+i18n.ErrorIn(why, i18n.Chinese), i18n.ErrorIn(err, i18n.Chinese))
}

// TestSavedSessionName: a saved sandbox session is named in the app's
// language (it is shown by that name when opened again); a scenario keeps
// its own name.
func TestSavedSessionName(t *testing.T) {
	name := func(g *Game) string {
		data, err := g.exportScenario()
		require.NoError(t, err)
		sc, err := playground.ParseScenario(data)
		require.NoError(t, err)
		return sc.Name
	}
	assert.Equal(t, "RaftLab session", name(testGame(t, "")))
	assert.Equal(t, "RaftLab 会话", name(testGameWith(t, Options{Lang: i18n.Chinese})))
	sc, err := playground.LoadBundled("leader-crash")
	require.NoError(t, err)
	assert.Equal(t, sc.Name, name(testGameWith(t, Options{Lang: i18n.Chinese, Scenario: sc})))
}
