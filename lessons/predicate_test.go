package lessons

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// parseOn parses a condition as a step of a lesson with servers 1..nodes
// parses it (stepfields.go: the servers the step may name).
func parseOn(src string, nodes int) (*Predicate, error) {
	return parsePredicate(src, firstServers(nodes))
}

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
		"leaderIs(S1)":              `a server number (1 to 5), leader or leaderAtStart, not "S1"`,
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
		"!leader":                   `"!" is not an operator: write not`,
		"leader ; x":                "unexpected character",
		"and leader":                `"and" needs a condition before it`,
		"elapsed >= ":               "expected a condition or a number, got end of the condition",
		"elapsed >= 9999999999999s": "too large",
		"learner()":                 "learner takes a server, e.g. learner(4)",
		"voter(10)":                 "argument 1 must be a server number from 1 to 5",
		"voters(1) = 3":             "voters takes no arguments, e.g. voters = 4",
		"voters":                    "voters is a number: compare it",
		"learner(4) = 1":            "learner(4) is true or false",
		"staleRead = 0":             `unknown name "staleRead" (did you mean staleReads?)`,
		"read >= 1":                 `unknown name "read" (did you mean reads?)`,
		"readsAnswerd >= 1":         `unknown name "readsAnswerd" (did you mean readsAnswered?)`,
		"lerner(4)":                 `unknown name "lerner" (did you mean learner?)`,
		"retrys >= 1":               `unknown name "retrys" (did you mean retries?)`,
		"duplicate = 1":             `unknown name "duplicate" (did you mean duplicates?)`,
		"timeout >= 1":              `unknown name "timeout" (did you mean timeouts?)`,
		"redirect >= 1":             `unknown name "redirect" (did you mean redirects?)`,
		"revison(1) = 2":            `unknown name "revison" (did you mean revision?)`,
		"modRevison(1, x) = 2":      `unknown name "modRevison" (did you mean modRevision?)`,
		"version(1) = 1":            "version takes a server and a key, e.g. version(1, x) = 2",
		"value(x) = 1":              "value(...): argument 1 must be a server number",
		"version(1, 2s) = 1":        `version(...): argument 2 must be a key of the store (a word such as x), not "2s"`,
		"createRevision(1, ,) = 1":  `argument 2 must be a key of the store (a word such as x), not ","`,
	} {
		_, err := parseOn(src, 5)
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
		"learner(7) and voter(leader) and voters < nodes", "reads >= 1 and readsAnswered = reads and staleReads = 0",
		"retries >= 1 and timeouts = 0 and redirects >= 1 and duplicates = 0",
		"version(1, x) = 2 and modRevision(leader, user-1) > createRevision(leaderAtStart, y) and value(3, x) = 2 and revision(1) >= 1 and version(2, 42) = 1",
	} {
		_, err := parseOn(src, 7)
		assert.NoError(t, err, src)
	}
}

func TestVocabularyDocumented(t *testing.T) {
	readme, err := readmeText()
	require.NoError(t, err)
	for _, d := range atoms {
		_, err := parseOn(d.example, 9)
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
	w, err := playground.NewWorld(sc)
	require.NoError(t, err)
	s := playground.NewSession(w, sc.Actions)
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
	assert.Equal(t, raft.None, b.leader)
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
		p, err := parseOn(src, 3)
		require.NoError(t, err, src)
		assert.Equal(t, want, p.Eval(w, b), "%s: %v", src, p.Facts(w, b))
	}

	p, err := parseOn("nextIndex(1) >= 0 and term(3) >= 0 and leaderIs(2) and elapsed > 1s", 3)
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
	assert.Equal(t, raft.ID(1), b.leader)
	for src, want := range map[string]bool{
		"votes(1) = 0 and elections >= 1": true,
		"newLeader and not leaderIs(1)":   true,
		"role(leaderAtStart, leader)":     true, // no CheckQuorum? it is on by default: see below
		"partitioned and dropped >= 1":    true,
		"elapsed = 1400":                  true,
	} {
		p, err := parseOn(src, 3)
		require.NoError(t, err, src)
		if strings.HasPrefix(src, "role(") {
			// With CheckQuorum (the default) the cut-off S1 has stepped
			// down by now.
			want = false
		}
		assert.Equal(t, want, p.Eval(w, b), "%s: %v", src, p.Facts(w, b))
	}
}

// TestPredicateMembership follows S4 as it joins a cluster of three: a
// learner first, then a voter; with no leader, the highest-term server's
// configuration counts.
func TestPredicateMembership(t *testing.T) {
	sc := `{"name": "t", "nodes": 3, "steps": [
		{"at": 0, "do": "campaign", "node": 1},
		{"at": 200, "do": "addNode", "node": 4},
		{"at": 1000, "do": "crash", "node": 1}]}`
	for _, tc := range []struct {
		at   int64
		want map[string]bool
	}{
		{100, map[string]bool{
			"learner(4) or voter(4)":                        false,
			"voters = 3 and nodes = 3 and majority = 2":     true,
			"voter(1) and voter(leader) and not learner(1)": true,
		}},
		{250, map[string]bool{
			"learner(4) and not voter(4)":               true,
			"voters = 3 and nodes = 4 and majority = 3": true, // nodes counts the learner; voters does not
			"up(4) and role(4, follower)":               true,
		}},
		{900, map[string]bool{
			"voter(4) and not learner(4)": true,
			"voters = 4 and nodes = 4":    true,
		}},
		{1050, map[string]bool{
			"noLeader and voter(4) and voters = 4": true, // S1 is down: the others' configuration
			"voter(1) and down(1)":                 true, // still a member while crashed
		}},
	} {
		w, b := world(t, sc, 0, tc.at)
		for src, want := range tc.want {
			p, err := parseOn(src, 4)
			require.NoError(t, err, src)
			assert.Equal(t, want, p.Eval(w, b), "at %d: %s: %v", tc.at, src, p.Facts(w, b))
		}
	}
	w, b := world(t, sc, 0, 250)
	p, err := parseOn("learner(4) and voters = 3", 4)
	require.NoError(t, err)
	assert.Equal(t, []string{
		"learner(4) is true: the leader S1 has voters {1,2,3} learners {4}",
		"voters is 3 (the leader S1 has voters {1,2,3} learners {4})",
	}, p.Facts(w, b))
	w, b = world(t, sc, 0, 1050)
	assert.Contains(t, strings.Join(p.Facts(w, b), "; "), "with no leader, the highest-term server S2 has voters {1,2,3,4}")

	// The leader's configuration counts, even when a cut-off server has a
	// higher term (and an older configuration).
	w, b = world(t, `{"name": "t", "nodes": 3, "features": {"preVote": false, "checkQuorum": false}, "steps": [
		{"at": 0, "do": "campaign", "node": 1},
		{"at": 100, "do": "isolate", "node": 3},
		{"at": 200, "do": "addNode", "node": 4}]}`, 0, 2000)
	p, err = parseOn("leaderIs(1) and term(3) > leaderTerm and voter(4) and voters = 4", 4)
	require.NoError(t, err)
	assert.True(t, p.Eval(w, b), "%v", p.Facts(w, b))
}

// TestPredicateReads: a local read at a cut-off leader misses a write that
// the majority committed and acknowledged before it; reads through the
// leader do not.
func TestPredicateReads(t *testing.T) {
	sc := `{"name": "t", "nodes": 3, "features": {"checkQuorum": false}, "steps": [
		{"at": 0, "do": "campaign", "node": 1},
		{"at": 100, "do": "put", "key": "x", "value": "1", "node": 1},
		{"at": 300, "do": "isolate", "node": 1},
		{"at": 2000, "do": "put", "key": "x", "value": "2", "node": 2},
		{"at": 2050, "do": "get", "key": "x", "node": 1, "mode": "local"},
		{"at": 3000, "do": "get", "key": "x", "node": 1, "mode": "local"},
		{"at": 3000, "do": "get", "key": "y", "node": 1, "mode": "local"},
		{"at": 3100, "do": "get", "key": "x", "node": 2},
		{"at": 3200, "do": "get", "key": "x", "node": 3, "mode": "local"}]}`
	for _, tc := range []struct {
		from, to int64
		want     string
	}{
		// A read sent while x = 2 was under way is not stale, whatever
		// it returned.
		{2040, 2999, "reads = 1 and readsAnswered = 1 and staleReads = 0 and writes = 0"},
		// The write of x = 2 came before the step: it counts all the same.
		{2500, 2999, "reads = 0 and readsAnswered = 0 and staleReads = 0 and writes = 0"},
		{2500, 3001, "reads = 2 and readsAnswered = 0 and staleReads = 0"},
		// S1 answers x = 1 (stale) and y is missing (no write of y: fresh).
		{2500, 3050, "reads = 2 and readsAnswered = 2 and staleReads = 1"},
		{2500, 3500, "reads = 4 and readsAnswered = 4 and staleReads = 1"},
		// Counted from 3050: the leader's read and S3's (which has applied
		// x = 2) are fresh.
		{3050, 3500, "reads = 2 and readsAnswered = 2 and staleReads = 0"},
	} {
		w, b := world(t, sc, tc.from, tc.to)
		p, err := parseOn(tc.want, 3)
		require.NoError(t, err)
		assert.True(t, p.Eval(w, b), "%d to %d: %v", tc.from, tc.to, p.Facts(w, b))
	}
	w, b := world(t, sc, 2500, 3500)
	p, err := parseOn("staleReads = 0", 3)
	require.NoError(t, err)
	assert.Equal(t, []string{"staleReads is 1 (client 1's get x got a stale value from S1: its store is at revision 1, but put x=2 (revision 2) was acknowledged before the read was sent)"}, p.Facts(w, b))
}

// lostReplyWorld has S1 commit put y=2 and the reply to its client
// dropped: the client times out, tries S2, which redirects it to S1, and
// the retry commits too. The baseline is taken once S1 leads.
func lostReplyWorld(t *testing.T, sessions bool) (*playground.World, *Baseline) {
	t.Helper()
	sc, err := playground.ParseScenario(fmt.Appendf(nil, `{"name": "t", "nodes": 3, "features": {"clientSessions": %v}, "steps": [
		{"at": 0, "do": "campaign", "node": 1},
		{"at": 300, "do": "put", "key": "y", "value": "2", "node": 1}]}`, sessions))
	require.NoError(t, err)
	w, err := playground.NewWorld(sc)
	require.NoError(t, err)
	s := playground.NewSession(w, sc.Actions)
	s.RunUntil(200)
	b := NewBaseline(s.World())
	dropped := false
	for at := int64(301); !dropped && at < 1000; at++ {
		s.RunUntil(at)
		for _, f := range s.World().InFlight() {
			if f.Kind == view.FlightReply && !f.Reply.Redirect {
				require.NoError(t, s.Do(view.Action{Do: "drop", Msg: f.ID}))
				dropped = true
			}
		}
	}
	require.True(t, dropped, "the reply went out")
	s.RunUntil(4000)
	return s.World(), b
}

// TestPredicateClientsAndStore: a lost reply makes the client time out,
// be redirected and retry; without client sessions the retry is applied
// again, which the store's version and revision show.
func TestPredicateClientsAndStore(t *testing.T) {
	for _, tc := range []struct {
		sessions bool
		want     string
	}{
		{true, "retries = 2 and timeouts = 1 and redirects = 1 and duplicates = 0 and revision(1) = 1 and version(2, y) = 1 and modRevision(3, y) = 1"},
		{false, "retries = 2 and timeouts = 1 and redirects = 1 and duplicates = 1 and revision(1) = 2 and version(2, y) = 2 and modRevision(3, y) = 2"},
	} {
		w, b := lostReplyWorld(t, tc.sessions)
		p, err := parseOn(tc.want+" and createRevision(leader, y) = 1 and value(1, y) = 2", 3)
		require.NoError(t, err)
		assert.True(t, p.Eval(w, b), "sessions %v: %v", tc.sessions, p.Facts(w, b))
	}
	// Counted since the step began: nothing happened since 4000.
	w, _ := lostReplyWorld(t, false)
	p, err := parseOn("retries = 0 and timeouts = 0 and redirects = 0 and duplicates = 0", 3)
	require.NoError(t, err)
	assert.True(t, p.Eval(w, NewBaseline(w)), "%v", p.Facts(w, NewBaseline(w)))
}

// TestPredicateKeysUnknown: a number about a key is unknown while the
// server is down or does not hold the key, and a value that is not a
// whole number is unknown.
func TestPredicateKeysUnknown(t *testing.T) {
	w, b := world(t, `{"name": "t", "nodes": 3, "steps": [
		{"at": 0, "do": "campaign", "node": 1},
		{"at": 100, "do": "put", "key": "x", "value": "a"},
		{"at": 300, "do": "crash", "node": 3}]}`, 0, 500)
	p, err := parseOn("version(1, z) >= 0 or value(1, x) >= 0 or revision(3) >= 0 or version(3, x) >= 0", 3)
	require.NoError(t, err)
	assert.False(t, p.Eval(w, b))
	assert.Equal(t, []string{
		"version(1, z) is unknown: S1's store has no key z",
		`value(1, x) is unknown: S1's x is "a", not a whole number`,
		"revision(3) is unknown: S3 is down",
		"version(3, x) is unknown: S3 is down",
	}, p.Facts(w, b))
	p, err = parseOn("version(1, x) = 1 and revision(2) = 1", 3)
	require.NoError(t, err)
	assert.True(t, p.Eval(w, b), "%v", p.Facts(w, b))
}

// TestPredicateMissingServers: a condition on a server that does not exist
// (not yet added, or removed) is false, and a number about its state is
// unknown, like any unknown value; counts are 0.
func TestPredicateMissingServers(t *testing.T) {
	w, b := world(t, `{"name": "t", "nodes": 3, "steps": [{"at": 0, "do": "campaign", "node": 1}, {"at": 300, "do": "removeNode", "node": 3}]}`, 0, 1000)
	for src, want := range map[string]bool{
		"up(4)":                  false,
		"not up(4)":              true,
		"down(4)":                false,
		"role(4, follower)":      false,
		"caughtUp(4)":            false,
		"cut(1, 4) or cut(4, 1)": false,
		"not cut(1, 4)":          true,
		"leaderIs(4)":            false,
		"leaderIn(4, 5)":         false,
		"voter(4) or learner(4)": false,
		"term(4) >= 0":           false,
		"lastIndex(4) >= 0":      false,
		"termAt(4, 1) >= 0":      false,
		"nextIndex(4) >= 0":      false,
		"matchIndex(4) >= 0":     false,
		"votedFor(4) >= 0":       false,
		"votes(4) = 0 and rejections(4) = 0 and truncations(4) = 0 and sent(AppendEntries, 4) = 0": true,
		// S3, removed, no longer exists either.
		"up(3) or down(3) or role(3, follower) or voter(3) or cut(1, 3)": false,
		"nodes = 2 and voters = 2 and not up(3)":                         true,
	} {
		p, err := parseOn(src, 9)
		require.NoError(t, err, src)
		assert.Equal(t, want, p.Eval(w, b), "%s: %v", src, p.Facts(w, b))
	}
	p, err := parseOn("role(4, follower) and term(4) = 1 and cut(1, 4)", 9)
	require.NoError(t, err)
	assert.Equal(t, []string{"role(4, follower) is false: there is no S4", "term(4) is unknown: there is no S4", "cut(1, 4) is false: there is no S4"}, p.Facts(w, b))
}

func TestPredicateMarks(t *testing.T) {
	p, err := parseOn("leader or (elapsed >= 2s and 500 < elapsed)", 3)
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
	w, err := playground.NewWorld(sc)
	require.NoError(f, err)
	s := playground.NewSession(w, sc.Actions)
	b := NewBaseline(s.World())
	s.RunUntil(500)
	f.Fuzz(func(t *testing.T, src string) {
		p, err := parseOn(src, 3)
		if err != nil {
			return
		}
		p.Eval(s.World(), b)
		p.Facts(s.World(), b)
	})
}

// TestCountsOutliveTheTraceWindow: a step's counts are read from the trace,
// which a long session keeps only the newest part of. When the world is
// replaced (a seek) by one whose trace starts after the step did, the
// counts are of what it still holds, and reading them does not fail.
func TestCountsOutliveTheTraceWindow(t *testing.T) {
	sc, err := playground.LoadBundled("initial-election")
	require.NoError(t, err)
	w, err := playground.NewWorld(sc)
	require.NoError(t, err)
	s := playground.NewSession(w, sc.Actions)
	s.SetTraceWindow(500)
	b := NewBaseline(s.World())
	s.RunUntil(20_000)
	p, err := parseOn("sent(heartbeat) >= 1", 5)
	require.NoError(t, err)
	require.True(t, p.Eval(s.World(), b))
	s.SeekTo(15_000) // the restored world's trace starts about 2 s earlier
	require.Greater(t, s.World().TraceStart(), 0)
	require.True(t, p.Eval(s.World(), b))
}
