package lab

import (
	"testing"

	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLinksThatWouldNotStart: a link naming a lesson or step the course
// lacks, or a challenge whose condition cannot be judged, is refused when
// read, in one line, rather than stopping the app when it starts.
func TestLinksThatWouldNotStart(t *testing.T) {
	lab := New()
	sc, err := playground.LoadBundled("figure7")
	require.NoError(t, err)
	link := func(l view.Link) string {
		frag, err := playground.EncodeLink(l)
		require.NoError(t, err)
		return frag
	}
	_, err = lab.DecodeLink(link(view.Link{Scenario: sc, Lesson: 3, Step: 2}))
	require.NoError(t, err)
	_, err = lab.DecodeLink(link(view.Link{Scenario: sc, Lesson: 99, Step: 1}))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "there is no lesson 99")
	_, err = lab.DecodeLink(link(view.Link{Scenario: sc, Lesson: 3, Step: 99}))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "not 99")

	bad := `{"name": "odd", "nodes": 3, "challenge": {"goal": "g", "pass": "leaderIs(3"}}`
	_, err = lab.ParseScenario([]byte(bad))
	require.Error(t, err, "a file")
	assert.Contains(t, err.Error(), "challenge.pass: ")
	odd, err := playground.ParseScenario([]byte(bad))
	require.NoError(t, err, "the playground leaves conditions to the lessons")
	_, err = lab.DecodeLink(link(view.Link{Scenario: odd}))
	require.Error(t, err, "a link")
	assert.Contains(t, err.Error(), "challenge.pass: ")
	assert.NotContains(t, err.Error(), "\n")
}
