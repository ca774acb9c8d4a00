package lessons

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestManualModeInALesson: a lesson step can put the network in the
// learner's hands (its setup turns manual mode on) and ask for a leader
// built by hand; show me fires S1's election timer and delivers the votes
// one by one, and the step's goal is met. Without the deliveries nothing
// moves: the servers' timers stand still.
func TestManualModeInALesson(t *testing.T) {
	step := func(showme string) string {
		return lesson(`## An election by hand
kind: do
setup: {"nodes": 3, "seed": 1, "features": {"preVote": false}, "steps": [{"at": 0, "do": "manual", "on": true}]}
goal: leaderIs(1) and elections = 1
hint: h
showme: ` + showme + `

x
`)
	}
	l, err := Parse("manual.md", []byte(step(`[{"do": "fireTimer", "node": 1, "timer": "election"}, {"do": "deliver", "from": 1, "to": 2, "kind": "RequestVote"}, {"do": "deliver", "from": 2, "to": 1, "kind": "RequestVoteResponse"}]`)))
	require.NoError(t, err)
	require.NoError(t, AutoPlay(l).Err())

	l, err = Parse("manual.md", []byte(step(`[{"do": "fireTimer", "node": 1, "timer": "election"}]`)))
	require.NoError(t, err)
	err = AutoPlay(l).Err()
	require.Error(t, err, "a vote that waits on its link elects no one")
	require.ErrorContains(t, err, "no server leads")
}
