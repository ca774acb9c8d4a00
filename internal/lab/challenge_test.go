package lab

import (
	"strings"
	"testing"

	"github.com/raftlab/raftlab/lessons"
	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// replayed is the verdict raftsim challenge verify gives a run: its
// scenario with the actions taken, replayed and judged to at.
func replayed(t *testing.T, sc *view.Scenario, actions []view.Action, at int64) view.Verdict {
	t.Helper()
	s := *sc
	s.Actions = actions
	w, err := playground.NewWorld(&s)
	require.NoError(t, err)
	sess := playground.NewSession(w, s.Actions)
	j, err := lessons.NewJudge(&s, sess)
	require.NoError(t, err)
	j.RunUntil(at)
	return j.Verdict()
}

// judgedSession starts a challenge scenario as the app does.
func judgedSession(t *testing.T, file string) (*view.Scenario, view.Session) {
	t.Helper()
	sc, err := playground.ParseScenario([]byte(file))
	require.NoError(t, err)
	sess, err := New().Start(sc)
	require.NoError(t, err)
	sess.SetTraceWindow(50_000)
	return sc, sess
}

// TestChallengeAppMatchesReplay: however the app reaches a moment (a seek
// forward past the verdict, an action in the very millisecond of a pass, a
// seek back that leaves the restored world a short trace), its verdict
// and result code are those of the replay raftsim verifies.
func TestChallengeAppMatchesReplay(t *testing.T) {
	const s1Leads = `{"name":"s1","nodes":5,"until":3000,
		"steps":[{"at":0,"do":"campaign","node":1},{"at":800,"do":"crash","node":1}],
		"challenge":{"goal":"g","pass":"leaderIs(1)","withinMs":WITHIN}}`
	for _, within := range []string{"0", "1000"} {
		sc, sess := judgedSession(t, strings.Replace(s1Leads, "WITHIN", within, 1))
		sess.RunUntil(1500)
		sess.SeekTo(0)
		sess.SeekTo(1500) // a click forward on the timeline
		v, _ := sess.Verdict()
		assert.Equal(t, view.Passed, v.State, "within %s", within)
		assert.Equal(t, replayed(t, sc, sess.Actions(), 1500), v, "within %s: a seek forward judges the way", within)
	}

	const s1Wins = `{"name":"s1","nodes":3,"until":5000,
		"steps":[{"at":0,"do":"campaign","node":1}],
		"challenge":{"goal":"g","pass":"leaderIs(1)","forbid":["crash"]}}`
	_, first := judgedSession(t, s1Wins)
	first.RunUntil(1000)
	passed, _ := first.Verdict()
	require.Equal(t, view.Passed, passed.State)
	sc, sess := judgedSession(t, s1Wins)
	sess.RunUntil(passed.AtMs)
	require.NoError(t, sess.Do(view.Action{Do: "crash", Node: 1})) // in the millisecond of the pass
	sess.RunUntil(1000)
	v, _ := sess.Verdict()
	assert.Equal(t, view.Failed, v.State)
	assert.Equal(t, replayed(t, sc, sess.Actions(), 1000), v, "an action in the pass's millisecond")

	sc, sess = judgedSession(t, `{"name":"hb","nodes":3,"until":20000,
		"steps":[{"at":0,"do":"campaign","node":1}],
		"challenge":{"goal":"g","pass":"sent(heartbeat) >= 300"}}`)
	sess.RunUntil(3000)
	sess.SeekTo(2900)
	sess.RunUntil(20000)
	v, _ = sess.Verdict()
	assert.Equal(t, view.Passed, v.State)
	assert.Equal(t, replayed(t, sc, sess.Actions(), 20000), v, "counts from the start after a seek back")
}
