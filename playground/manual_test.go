package playground

import (
	"strings"
	"testing"

	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// failedSteps are the feed's notes of scripted actions that could not be
// carried out.
func failedSteps(w *World) []string {
	var out []string
	for _, e := range w.Trace() {
		if e.Key == "feed.step-failed" {
			out = append(out, e.Text())
		}
	}
	return out
}

// TestManualFigure8: the scripted interleaving of figure8-manual breaks
// safety with commitOldTermsByCounting on (Leader Completeness, then State
// Machine Safety) and, with the same choices, nothing with it off.
func TestManualFigure8(t *testing.T) {
	for _, counting := range []bool{true, false} {
		sc, err := LoadBundled("figure8-manual")
		require.NoError(t, err)
		sc.Settings.Rules.CommitOldTermsByCounting = counting
		w := runScenario(t, sc).World()
		require.Empty(t, failedSteps(w), "every choice names a waiting message (counting %v)", counting)
		props := map[string]bool{}
		for _, v := range w.Violations() {
			props[v.Property] = true
		}
		if counting {
			assert.True(t, props[view.LeaderCompleteness], "%v", w.Violations())
			assert.True(t, props[view.StateMachineSafety], "%v", w.Violations())
		} else {
			assert.Empty(t, w.Violations())
			assert.Equal(t, uint64(1), w.Node(1).Raft.CommitIndex(), "S1 does not commit its term-2 entry by counting")
		}
		if t.Failed() {
			t.Log(traceText(w))
		}
	}
}

// TestManualReplay: a manual run is the same every time, and a seek back
// and forward again through its choices gives the same world.
func TestManualReplay(t *testing.T) {
	sc, err := LoadBundled("figure8-manual")
	require.NoError(t, err)
	first := runScenario(t, sc)
	want := traceText(first.World())
	assert.Equal(t, want, traceText(runScenario(t, sc).World()))
	end := first.Now()
	first.SeekTo(2)
	first.SeekTo(end)
	assert.Equal(t, want, traceText(first.World()), "replayed from a checkpoint")
}

// threeNodes are the default settings for three nodes.
func threeNodes(seed int64) view.Settings {
	s := view.DefaultSettings()
	s.Nodes, s.Seed = 3, seed
	return s
}

// manualWorld is a 3-node cluster with a leader, S1, and the network then
// in manual mode.
func manualWorld(t *testing.T) *Session {
	t.Helper()
	w, err := New(threeNodes(7))
	require.NoError(t, err)
	s := NewSession(w, nil)
	require.NoError(t, s.Do(view.Action{Do: "campaign", Node: 1}))
	s.RunUntil(100)
	require.Equal(t, raft.Leader, s.World().Node(1).Raft.Role())
	require.NoError(t, s.Do(view.Action{Do: "manual", On: true}))
	return s
}

// TestManualTimeStandsStill: in manual mode nothing happens as time
// passes but the client load: no timer fires, even once a message arrives
// after a long wait, the messages between servers wait, and a client's
// timeout waits too. Turned off, the messages arrive and the timers run
// again.
func TestManualTimeStandsStill(t *testing.T) {
	s := manualWorld(t)
	w := s.World()
	require.NoError(t, s.Do(view.Action{Do: "fireTimer", Node: 1, Kind: "heartbeat"}))
	queued := len(w.Queued(1, 2))
	require.Positive(t, queued, "the heartbeat waits on S1 → S2")
	// Two calls of a client load, the second one half a second later.
	before, delivered := len(w.Trace()), w.Stats().MessagesDelivered
	require.NoError(t, s.Do(view.Action{Do: "load", Rate: 2, ForMs: 600, Node: 1}))
	s.RunUntil(s.Now() + 20_000)
	require.NoError(t, s.Do(view.Action{Do: "deliver", From: 1, To: 2}))
	w = s.World()
	requests := 0
	for _, e := range w.Trace()[before:] {
		assert.NotContains(t, []view.EventType{view.EvTimeout, view.EvRole}, e.Type, e.Text())
		if e.Type == view.EvSend && e.Node == raft.None {
			requests++
		}
	}
	assert.Equal(t, 2, requests, "each call sent its request once: none timed out")
	assert.Equal(t, delivered+1, w.Stats().MessagesDelivered, "only the message delivered by hand")
	assert.Equal(t, raft.Leader, w.Node(1).Raft.Role())
	assert.GreaterOrEqual(t, len(w.Queued(1, 2)), queued, "the load's AppendEntries wait")
	assert.Len(t, w.manual.deferred, 2, "the clients' timeouts wait")

	require.NoError(t, s.Do(view.Action{Do: "manual", On: false}))
	s.RunUntil(s.Now() + 1000)
	w = s.World()
	assert.Empty(t, w.Queued(1, 2))
	assert.Empty(t, w.manual.deferred)
	assert.Equal(t, uint64(3), w.Node(2).Raft.CommitIndex(), "the writes commit once the messages flow")
}

// TestManualChoices: deliver, drop and duplicate act on the message named
// by link, kind and position; fireTimer fires a timer.
func TestManualChoices(t *testing.T) {
	s := manualWorld(t)
	require.NoError(t, s.Do(view.Action{Do: "fireTimer", Node: 1, Kind: "heartbeat"}))
	require.NoError(t, s.Do(view.Action{Do: "fireTimer", Node: 1, Kind: "heartbeat"}))
	w := s.World()
	q := w.Queued(1, 2)
	n := len(q) // the two heartbeats, and any in flight when manual mode began
	require.GreaterOrEqual(t, n, 2)
	second := q[1].ID
	require.NoError(t, s.Do(view.Action{Do: "duplicate", From: 1, To: 2, Kind: "appendentries", Nth: 2}))
	q = w.Queued(1, 2)
	require.Len(t, q, n+1)
	assert.True(t, q[n].Duplicate, "the copy waits last")
	assert.Equal(t, q[1].Raft, q[n].Raft, "the copy is of the second")
	require.NoError(t, s.Do(view.Action{Do: "drop", From: 1, To: 2}))
	q = w.Queued(1, 2)
	require.Len(t, q, n)
	assert.Equal(t, second, q[0].ID, "the oldest went")
	dropped, answers := w.Stats().MessagesDropped, len(w.Queued(2, 1))
	require.NoError(t, s.Do(view.Action{Do: "deliver", From: 1, To: 2, Nth: 2}))
	assert.Len(t, w.Queued(1, 2), n-1)
	assert.Equal(t, dropped, w.Stats().MessagesDropped)
	assert.Len(t, w.Queued(2, 1), answers+1, "S2 answered")
	// A drop by ID, as the menu of a message in flight gives it.
	require.NoError(t, s.Do(view.Action{Do: "drop", Msg: w.Queued(2, 1)[0].ID}))
	assert.Len(t, w.Queued(2, 1), answers)
	assert.Equal(t, dropped+1, w.Stats().MessagesDropped)

	waiting := len(w.Queued(3, 1)) // S3's answer to the commit index it was sent, if any
	require.NoError(t, s.Do(view.Action{Do: "fireTimer", Node: 3, Kind: "election"}))
	assert.Equal(t, raft.PreCandidate, w.Node(3).Raft.Role(), "(pre-vote is on)")
	q = w.Queued(3, 1)
	require.Len(t, q, waiting+1, "its PreVote waits")
	assert.Equal(t, raft.MsgPreVote, q[waiting].Raft.Type)
}

// TestManualErrors: a choice that names nothing waiting, or made outside
// manual mode, gets a one-line error that names what was asked, and
// changes nothing.
func TestManualErrors(t *testing.T) {
	w, err := New(threeNodes(1))
	require.NoError(t, err)
	s := NewSession(w, nil)
	for _, c := range []struct {
		a    view.Action
		want string
	}{
		{view.Action{Do: "deliver", From: 1, To: 2}, "deliver: the network is not in manual mode"},
		{view.Action{Do: "fireTimer", Node: 1, Kind: "election"}, "fireTimer: the network is not in manual mode"},
		{view.Action{Do: "manual", On: false}, "the network is not in manual mode"},
	} {
		err := s.Do(c.a)
		require.Error(t, err)
		assert.True(t, strings.HasPrefix(err.Error(), c.want), err.Error())
	}
	require.NoError(t, s.Do(view.Action{Do: "manual", On: true}))
	require.NoError(t, s.Do(view.Action{Do: "fireTimer", Node: 1, Kind: "election"}))
	n := len(s.Actions())
	for _, c := range []struct {
		a    view.Action
		want string
	}{
		{view.Action{Do: "deliver", From: 2, To: 1}, "deliver: no message waits on the link from S2 to S1"},
		{view.Action{Do: "drop", From: 1, To: 2, Kind: "AppendEntries"}, "drop: no AppendEntries waits on the link from S1 to S2"},
		{view.Action{Do: "duplicate", From: 1, To: 2, Nth: 3}, "duplicate: message number 3 was asked for, but only 1 wait on the link from S1 to S2"},
		{view.Action{Do: "deliver", From: 1, To: 3, Kind: "PreVote", Nth: 2}, "deliver: message number 2 was asked for, but only 1 PreVote wait on the link from S1 to S3"},
		{view.Action{Do: "fireTimer", Node: 2, Kind: "heartbeat"}, "S2 is not the leader: only a leader sends heartbeats"},
		{view.Action{Do: "manual", On: true}, "the network is already in manual mode"},
	} {
		err := s.Do(c.a)
		require.Error(t, err)
		assert.Equal(t, c.want, err.Error())
		assert.NotContains(t, err.Error(), "\n")
		assert.NotEmpty(t, i18n.ErrorIn(err, i18n.Chinese))
	}
	assert.Len(t, s.Actions(), n, "a refused choice is not recorded")
	assert.Len(t, s.World().Queued(1, 2), 1, "and changes nothing")
}

// TestManualScriptErrors: a script's manual actions are checked before the
// run, each error naming the step and the field.
func TestManualScriptErrors(t *testing.T) {
	for _, c := range []struct{ step, want string }{
		{`{"at": 0, "do": "manual"}`, `steps[0] (manual): field "on": required`},
		{`{"at": 0, "do": "deliver", "to": 2}`, `steps[0] (deliver): field "from": required`},
		{`{"at": 0, "do": "deliver", "from": 1, "to": 1}`, `steps[0] (deliver): field "to"`},
		{`{"at": 0, "do": "deliver", "from": 1, "to": 2, "kind": "Vote"}`, `steps[0] (deliver): field "kind": unknown message kind "Vote": use one of RequestVote,`},
		{`{"at": 0, "do": "duplicate", "from": 1, "to": 2, "nth": -1}`, `steps[0] (duplicate): field "nth"`},
		{`{"at": 0, "do": "drop"}`, `steps[0] (drop): field "msg": required: msg (a message in flight) or from and to`},
		{`{"at": 0, "do": "drop", "msg": 3, "from": 1, "to": 2}`, `steps[0] (drop): field "msg": give msg`},
		{`{"at": 0, "do": "fireTimer", "node": 1, "timer": "vote"}`, `steps[0] (fireTimer): field "timer": unknown timer "vote"`},
		{`{"at": 0, "do": "fireTimer", "node": 9, "timer": "election"}`, `steps[0] (fireTimer): field "node"`},
	} {
		_, err := ParseActions([]byte("["+c.step+"]"), firstNodes(3), view.ReadIndexRead)
		require.Error(t, err, c.step)
		assert.True(t, strings.HasPrefix(err.Error(), c.want), "%s: %s", c.step, err)
	}
}

// TestManualRoundTrip: the new actions are written to a scenario file and
// a share link as they were read, and a session's choices made by hand
// save and replay to the same state.
func TestManualRoundTrip(t *testing.T) {
	s := manualWorld(t)
	for _, a := range []view.Action{
		{Do: "fireTimer", Node: 1, Kind: "heartbeat"},
		{Do: "duplicate", From: 1, To: 3, Kind: "AppendEntries"},
		{Do: "deliver", From: 1, To: 3, Nth: 2},
		{Do: "drop", From: 1, To: 2},
		{Do: "deliver", From: 3, To: 1, Kind: "AppendEntriesResponse"},
		{Do: "manual", On: false},
	} {
		require.NoError(t, s.Do(a), a.Do)
	}
	sc := &view.Scenario{Name: "manual", Settings: s.World().Settings(), Until: s.Now() + 500, Actions: s.Actions()}
	data, err := MarshalScenario(sc)
	require.NoError(t, err)
	for _, want := range []string{`"do": "manual",`, `"on": true`, `"timer": "heartbeat"`, `"kind": "AppendEntries"`, `"nth": 2`} {
		assert.Contains(t, string(data), want)
	}
	back, err := ParseScenario(data)
	require.NoError(t, err)
	assert.Equal(t, sc.Actions, back.Actions)
	link, err := EncodeLink(view.Link{Scenario: sc, AtMs: sc.Until})
	require.NoError(t, err)
	got, err := DecodeLink(link)
	require.NoError(t, err)
	assert.Equal(t, sc.Actions, got.Scenario.Actions)

	s.RunUntil(sc.Until)
	replay := runScenario(t, back)
	require.Empty(t, failedSteps(replay.World()))
	assert.Equal(t, traceText(s.World()), traceText(replay.World()), "the saved run replays to the same trace")
}
