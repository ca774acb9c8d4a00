package lessons

import (
	"regexp"
	"strconv"
	"testing"

	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// challenge is a five-server scenario whose challenge is to get S3
// elected without crashing anyone, within within ms.
func challenge(t *testing.T, within int64) *view.Scenario {
	t.Helper()
	sc, err := playground.ParseScenario([]byte(`{"name": "S3 leads", "nodes": 5, "seed": 3, "until": 60000,
		"challenge": {"goal": "Get S3 elected without crashing anyone.", "pass": "leaderIs(3)", "forbid": ["crash"], "withinMs": ` +
		strconv.FormatInt(within, 10) + `}}`))
	require.NoError(t, err)
	return sc
}

// judged runs sc with a judge: the actions at their times, then to t, in
// steps of step ms (a frame's worth, or all at once).
func judged(t *testing.T, sc *view.Scenario, actions []view.Action, until, step int64) (*Judge, *playground.Session) {
	t.Helper()
	w, err := playground.NewWorld(sc)
	require.NoError(t, err)
	s := playground.NewSession(w, sc.Actions)
	j, err := NewJudge(sc, s)
	require.NoError(t, err)
	for _, a := range actions {
		for s.Now() < a.At {
			j.RunUntil(min(a.At, s.Now()+step))
		}
		require.NoError(t, s.Do(a))
		j.Acted()
	}
	for s.Now() < until {
		j.RunUntil(min(until, s.Now()+step))
	}
	return j, s
}

// TestChallengePassed: the leader hands its leadership to S3 (allowed:
// nobody crashes); the verdict and its result code are the same however the run is
// cut into frames.
func TestChallengePassed(t *testing.T) {
	sc := challenge(t, 0)
	transfer := []view.Action{{At: 1000, Do: "transferLeader", To: 3}}
	j, _ := judged(t, sc, transfer, 5000, 5000)
	v := j.Verdict()
	require.Equal(t, view.Passed, v.State, "%+v", v)
	assert.Greater(t, v.AtMs, int64(1000))
	assert.Regexp(t, regexp.MustCompile(`^[0-9A-F]{4}-[0-9A-F]{4}$`), v.Code)
	for _, step := range []int64{1, 16, 333} {
		again, _ := judged(t, sc, transfer, 5000, step)
		assert.Equal(t, v, again.Verdict(), "frames of %d ms", step)
	}
	other, _ := judged(t, sc, []view.Action{{At: 1200, Do: "transferLeader", To: 3}}, 5000, 16)
	require.Equal(t, view.Passed, other.Verdict().State)
	assert.NotEqual(t, v.Code, other.Verdict().Code, "another run, another code")
}

// TestChallengeFailed: a forbidden crash, time running out and the fail
// condition each fail the challenge, saying why.
func TestChallengeFailed(t *testing.T) {
	j, _ := judged(t, challenge(t, 0), []view.Action{{At: 800, Do: "crash", Node: 1}}, 2000, 16)
	v := j.Verdict()
	require.Equal(t, view.Failed, v.State)
	assert.Equal(t, int64(800), v.AtMs)
	assert.Equal(t, "crash was used at 0.800 s, and the challenge forbids it", v.Why.In(i18n.English))
	assert.NotEqual(t, v.Why.In(i18n.English), v.Why.In(i18n.Chinese))

	j, _ = judged(t, challenge(t, 3000), nil, 5000, 16)
	v = j.Verdict()
	require.NotEqual(t, view.Passed, v.State, "with this seed S3 does not win on its own")
	assert.Equal(t, view.Verdict{State: view.Failed, AtMs: 3000, Why: i18n.Msg("lessons.challenge.time-up", 3.0)}, v)

	sc := challenge(t, 0)
	sc.Challenge.Fail = "term >= 3"
	j, _ = judged(t, sc, []view.Action{{At: 1000, Do: "transferLeader", To: 2}, {At: 1500, Do: "transferLeader", To: 4}, {At: 2000, Do: "transferLeader", To: 1}}, 6000, 16)
	v = j.Verdict()
	require.Equal(t, view.Failed, v.State, "%+v", v)
	assert.Contains(t, v.Why.In(i18n.English), "fail condition holds: term >= 3")
}

// TestChallengeRewind: travelling back before the verdict reopens it; the
// same moves pass again with the same code.
func TestChallengeRewind(t *testing.T) {
	j, s := judged(t, challenge(t, 0), []view.Action{{At: 1000, Do: "transferLeader", To: 3}}, 5000, 16)
	v := j.Verdict()
	require.Equal(t, view.Passed, v.State)
	s.SeekTo(v.AtMs - 1)
	j.Acted()
	assert.Equal(t, view.Open, j.Verdict().State)
	j.RunUntil(5000)
	assert.Equal(t, v, j.Verdict())
}

// TestChallengeBadCondition: a condition that does not parse is an error
// that names it.
func TestChallengeBadCondition(t *testing.T) {
	sc := challenge(t, 0)
	sc.Challenge.Pass = "leaderIs(3"
	w, err := playground.NewWorld(sc)
	require.NoError(t, err)
	_, err = NewJudge(sc, playground.NewSession(w, nil))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "challenge.pass: ")
}
