package ui

import (
	"encoding/json"
	"testing"

	"github.com/raftlab/raftlab/internal/lab"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// challengeScenario is a challenge: get S3 elected without crashing
// anyone.
func challengeScenario(t *testing.T) *view.Scenario {
	t.Helper()
	sc, err := lab.New().ParseScenario([]byte(`{"name": "S3 leads", "nodes": 5, "seed": 3, "until": 600000,
		"challenge": {"goal": "Get S3 elected without crashing anyone.", "pass": "leaderIs(3)", "forbid": ["crash"]}}`))
	require.NoError(t, err)
	return sc
}

// challengeState is the state's challenge.
func challengeState(t *testing.T, g *Game) challengeDoc {
	t.Helper()
	data, err := g.StateJSON()
	require.NoError(t, err)
	var st struct{ Challenge *challengeDoc }
	require.NoError(t, json.Unmarshal(data, &st))
	require.NotNil(t, st.Challenge)
	return *st.Challenge
}

// TestChallengeCard: the card shows the goal; a forbidden crash fails it
// and Try again starts afresh; a leadership transfer to S3 passes it with
// a result code, and the solution's share link opens passed, with the same
// code.
func TestChallengeCard(t *testing.T) {
	var sh sharer
	g := testGameWith(t, Options{Scenario: challengeScenario(t), Share: sh.share})
	g.RunFor(600)
	c := challengeState(t, g)
	assert.Equal(t, challengeDoc{Goal: "Get S3 elected without crashing anyone.", State: "open"}, c)
	card, ok := g.challengeCard()
	require.True(t, ok)
	assert.Contains(t, card.lines, "Get S3 elected without crashing anyone.")

	g.act(view.Action{Do: "crash", Node: 1})
	c = challengeState(t, g)
	assert.Equal(t, "failed", c.State)
	assert.Equal(t, "crash was used, and the challenge forbids it", c.Why)
	retry := g.challengeButtons()
	require.Len(t, retry, 1)
	g.click(retry[0].Rect.CenterX(), retry[0].Rect.CenterY(), false)
	assert.Equal(t, int64(0), g.sess.Now(), "started afresh")
	assert.Equal(t, "open", challengeState(t, g).State)

	g.RunFor(600)
	g.act(view.Action{Do: "transferLeader", To: 3})
	g.RunFor(2000)
	c = challengeState(t, g)
	require.Equal(t, "passed", c.State, "%+v", c)
	assert.Regexp(t, `^[0-9A-F]{4}-[0-9A-F]{4}$`, c.Code)
	assert.Empty(t, g.challengeButtons())

	g.share()
	l, err := lab.New().DecodeLink(sh.link)
	require.NoError(t, err)
	opened := openedGame(t, &l)
	assert.Equal(t, c, challengeState(t, opened), "the solution link passes with the same code")
}
