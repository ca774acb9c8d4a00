package lessons

import (
	"os"
	"strings"
	"testing"

	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/raft"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPredicateParseErrors(t *testing.T) {
	for src, want := range map[string]string{
		"":                          "empty condition",
		"leadr":                     `unknown name "leadr" (did you mean leader?)`,
		"Leader":                    `unknown name "Leader" (did you mean leader?)`,
		"rejections(3)":             "rejections(3) is a number: compare it, e.g. rejections(3) >= 1",
		"leader >= 2":               "leader is true or false: it cannot be compared with >=",
		"2 >= leader":               "leader is true or false",
		"3 = 3":                     "compares two numbers",
		"3":                         "a number (3) where a condition was expected",
		"leaderIs()":                "leaderIs takes a server, e.g. leaderIs(3)",
		"leaderIs(1, 2)":            "leaderIs takes a server",
		"leaderIs(6)":               "argument 1 must be a server number from 1 to 5",
		"leaderIs(S1)":              `a server number (1..5), leader or leaderAtStart, not "S1"`,
		"leaderIs(1":                `expected "," or ")", got end of the condition`,
		"committed(0)":              "a log index (1 or more)",
		"sent(Vote)":                "must be a message type (RequestVote, RequestVoteResponse",
		"role(1, boss)":             "must be a role (follower, pre-candidate, candidate or leader)",
		"termAt(1)":                 "termAt takes a server and a log index",
		"leader and":                "a condition is missing after and",
		"leader leader":             `unexpected "leader" after a complete condition`,
		"(leader":                   `expected ")" to close "("`,
		"elapsed >= 2m":             "the only units are ms and s",
		"elapsed >= 1.5":            "only seconds may have a fraction",
		"elapsed >= 1.2.3s":         "is not a number",
		"elapsed >= 1.2345s":        "at most three decimals",
		"leader & noLeader":         "write and / or",
		"!leader":                   "write not instead of !",
		"leader ; x":                "unexpected character",
		"and leader":                `"and" needs a condition before it`,
		"elapsed >= ":               "expected a condition or a number, got end of the condition",
		"elapsed >= 9999999999999s": "too large",
	} {
		_, err := ParsePredicate(src, 5)
		if assert.Error(t, err, src) {
			assert.Contains(t, err.Error(), want, src)
		}
	}
}

func TestPredicateParse(t *testing.T) {
	for _, src := range []string{
		"leader", "not leader", "leader and noLeader or newLeader", "(leader or noLeader) and not (elapsed < 2s)",
		"leaderIs(leader)", "leaderIn(1, 2, 3)", "role(1, pre-candidate)", "role(2, PreCandidate)",
		"sent(heartbeat) >= 3", "sent(RequestVote, leaderAtStart) = 0", "term >= term(1)", "term(1) != 2",
		"elapsed >= 1.5s", "elapsed > 300ms", "elapsed <= 300", "committedOn(5) >= majority", "replicatedOn(2) = nodes",
		"lastIndex(1) > commitIndex(1)", "termAt(3, 5) == 4", "votes(1) = 4 and votedFor(4) != 1", "cut(1, 2) and partitioned",
		"writes >= 1 and writesCommitted >= 1 and dropped = 0 and violations = 0", "truncations(7) >= 1 and rejections(3) = 6",
		"caughtUp(3) and logsMatch and committed(4)", "up(1) and down(2)", "nextIndex(2) <= matchIndex(2)", "elections = 0 AND leader",
	} {
		_, err := ParsePredicate(src, 7)
		assert.NoError(t, err, src)
	}
}

func TestVocabularyDocumented(t *testing.T) {
	vocab := Vocabulary()
	assert.Len(t, vocab, len(atoms))
	readme, err := readmeText()
	require.NoError(t, err)
	for _, d := range atoms {
		_, err := ParsePredicate(d.example, 9)
		assert.NoError(t, err, "the example of %s parses", d.name)
		assert.Contains(t, readme, "`"+d.name, "README.md documents %s", d.name)
	}
}

// world runs a scenario to t and returns the world, with a baseline taken
// at from.
func world(t *testing.T, scenario string, from, to int64) (*playground.World, *Baseline) {
	t.Helper()
	sc, err := playground.ParseScenario([]byte(scenario))
	require.NoError(t, err)
	w, err := sc.NewWorld()
	require.NoError(t, err)
	s := playground.NewSession(w, sc.Steps)
	if from > 0 {
		s.RunUntil(from) // (at 0, the baseline comes before the steps, as in a lesson)
	}
	b := NewBaseline(s.World())
	s.RunUntil(to)
	return s.World(), b
}

func TestPredicateEval(t *testing.T) {
	w, b := world(t, `{"name": "t", "nodes": 3, "features": {"preVote": false}, "steps": [
		{"at": 0, "do": "campaign", "node": 1},
		{"at": 200, "do": "put", "key": "x", "value": "1"},
		{"at": 400, "do": "crash", "node": 3},
		{"at": 400, "do": "cut", "from": 1, "to": 2}]}`, 0, 450)
	assert.Equal(t, raft.None, b.LeaderAtStart())
	assert.Equal(t, int64(0), b.StartMs())
	for src, want := range map[string]bool{
		"leader":                                true,
		"leaderIs(1)":                           true,
		"leaderIs(leader)":                      true,
		"leaderIn(2, 3)":                        false,
		"newLeader":                             true,
		"noLeader":                              false,
		"role(1, leader)":                       true,
		"role(2, follower)":                     true,
		"role(3, follower)":                     false, // down
		"down(3) and up(1)":                     true,
		"cut(1, 2) and not cut(2, 1)":           true,
		"partitioned":                           false,
		"elapsed = 450":                         true,
		"term = 1 and term(2) = 1":              true,
		"leaderTerm = 1":                        true,
		"votes(1) = 2":                          true,
		"elections = 1":                         true,
		"sent(RequestVote) = 2":                 true,
		"sent(RequestVote, 1) = 2":              true,
		"sent(RequestVote, 2) = 0":              true,
		"sent(heartbeat) >= 4":                  true,
		"sent(AppendEntries) > sent(heartbeat)": true,
		"lastIndex(1) = 2 and commitIndex(1) = 2 and appliedIndex(2) = 2": true,
		"termAt(2, 2) = 1 and termAt(2, 3) = 0":                           true,
		"committed(2) and not committed(3)":                               true,
		"committedOn(2) = 2":                                              true, // S3 is down
		"replicatedOn(2) = 2":                                             true,
		"majority = 2 and nodes = 3":                                      true,
		"matchIndex(2) = 2 and nextIndex(2) = 3":                          true,
		"writes = 1 and writesCommitted = 1":                              true,
		"violations = 0 and rejections(2) = 0 and truncations(2) = 0":     true,
		"logsMatch and caughtUp(2)":                                       true,
		"votedFor(2) = 1":                                                 true,
		"nextIndex(1) >= 0":                                               false, // the leader itself: unknown
		"term(3) >= 0":                                                    false, // down: unknown
		"leaderIs(leaderAtStart)":                                         false, // nobody led at the start
	} {
		p, err := ParsePredicate(src, 3)
		require.NoError(t, err, src)
		assert.Equal(t, want, p.Eval(w, b), "%s: %v", src, p.Facts(w, b))
	}

	p, err := ParsePredicate("nextIndex(1) >= 0 and term(3) >= 0 and leaderIs(2) and elapsed > 1s", 3)
	require.NoError(t, err)
	assert.Equal(t, []string{
		"nextIndex(1) is unknown: S1 is the leader itself",
		"term(3) is unknown: S3 is down",
		"leaderIs(2) is false: S1 leads in term 1",
		"elapsed is 450",
	}, p.Facts(w, b))

	// Counts start at the baseline: after the election, no votes.
	w, b = world(t, `{"name": "t", "nodes": 3, "features": {"preVote": false}, "steps": [
		{"at": 0, "do": "campaign", "node": 1}, {"at": 300, "do": "isolate", "node": 1}]}`, 100, 1500)
	assert.Equal(t, raft.ID(1), b.LeaderAtStart())
	for src, want := range map[string]bool{
		"votes(1) = 0 and elections >= 1": true,
		"newLeader and not leaderIs(1)":   true,
		"role(leaderAtStart, leader)":     true, // no CheckQuorum? it is on by default: see below
		"partitioned and dropped >= 1":    true,
		"elapsed = 1400":                  true,
	} {
		p, err := ParsePredicate(src, 3)
		require.NoError(t, err, src)
		if strings.HasPrefix(src, "role(") {
			// With CheckQuorum (the default) the cut-off S1 has stepped
			// down by now.
			want = false
		}
		assert.Equal(t, want, p.Eval(w, b), "%s: %v", src, p.Facts(w, b))
	}
}

func TestPredicateMarks(t *testing.T) {
	p, err := ParsePredicate("leader or (elapsed >= 2s and 500 < elapsed)", 3)
	require.NoError(t, err)
	at, ok := p.nextMark(100, 100)
	assert.True(t, ok)
	assert.Equal(t, int64(600), at)
	at, _ = p.nextMark(100, 600)
	assert.Equal(t, int64(601), at)
	at, _ = p.nextMark(100, 601)
	assert.Equal(t, int64(2100), at)
	_, ok = p.nextMark(100, 5000)
	assert.False(t, ok)
}

func readmeText() (string, error) {
	data, err := os.ReadFile("README.md")
	return string(data), err
}

// FuzzParsePredicate: parsing any text never panics, and whatever parses
// evaluates (and explains itself) without panicking.
func FuzzParsePredicate(f *testing.F) {
	for _, d := range atoms {
		f.Add(d.example)
	}
	f.Add("(leader or not noLeader) and elapsed >= 1.5s and sent(heartbeat, leader) > votes(leaderAtStart)")
	sc, err := playground.ParseScenario([]byte(`{"name": "t", "nodes": 3, "steps": [{"at": 0, "do": "campaign", "node": 1}, {"at": 300, "do": "crash", "node": 2}]}`))
	require.NoError(f, err)
	w, err := sc.NewWorld()
	require.NoError(f, err)
	s := playground.NewSession(w, sc.Steps)
	b := NewBaseline(s.World())
	s.RunUntil(500)
	f.Fuzz(func(t *testing.T, src string) {
		p, err := ParsePredicate(src, 3)
		if err != nil {
			return
		}
		p.Eval(s.World(), b)
		p.Facts(s.World(), b)
	})
}
