package playground

import (
	"slices"
	"strings"
	"testing"

	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
)

// firstTimeout is when the first election timer of a fresh world runs out
// and the first vote request is sent, in virtual ms.
func firstTimeout(t *testing.T, s view.Settings) (timeout, send int64) {
	t.Helper()
	w, err := New(s)
	if err != nil {
		t.Fatal(err)
	}
	w.RunUntil(400)
	timeout, send = -1, -1
	for _, e := range w.Trace() {
		if e.Type == view.EvTimeout && timeout < 0 {
			timeout = e.AtMs
		}
		if e.Type == view.EvSend && send < 0 && e.Flight != nil && (e.Flight.Kind == view.FlightRaft && (e.Flight.Raft.Type == raft.MsgPreVote || e.Flight.Raft.Type == raft.MsgRequestVote)) {
			send = e.AtMs
		}
	}
	return timeout, send
}

func TestElectionTimerStart(t *testing.T) {
	s := view.DefaultSettings()
	cold, err := New(s)
	if err != nil {
		t.Fatal(err)
	}
	s.ElectionTimerStartPct = 80 // 120 of 150 ms
	warm, err := New(s)
	if err != nil {
		t.Fatal(err)
	}
	// Each timer starts 120 ms along and runs to the same randomized
	// timeout as without the setting.
	shortest := int64(1 << 62)
	for _, id := range warm.Nodes() {
		c, w := cold.Node(id).Raft, warm.Node(id).Raft
		if w.ElectionElapsed()+int(warm.TicksBehind(warm.Node(id))) != 120 || w.ElectionTimeout() != c.ElectionTimeout() {
			t.Errorf("%s: timer %d of %d ms at time 0, want 120 of %d", S(id), w.ElectionElapsed(), w.ElectionTimeout(), c.ElectionTimeout())
		}
		shortest = min(shortest, int64(c.ElectionTimeout()))
	}
	coldAt, _ := firstTimeout(t, view.DefaultSettings())
	warmAt, send := firstTimeout(t, s)
	if coldAt != shortest || warmAt != shortest-120 {
		t.Errorf("first timeout at %d ms, and %d ms with the timers started at 120 ms; want %d and %d", coldAt, warmAt, shortest, shortest-120)
	}
	if send != warmAt {
		t.Errorf("first vote request sent at %d ms, want at the timeout, %d ms", send, warmAt)
	}
	// The same settings make the same run.
	a, b := mustRun(t, s), mustRun(t, s)
	if !slices.Equal(a, b) {
		t.Error("two worlds with the same settings ran differently")
	}
}

func mustRun(t *testing.T, s view.Settings) []string {
	t.Helper()
	w, err := New(s)
	if err != nil {
		t.Fatal(err)
	}
	w.RunUntil(2000)
	var out []string
	for _, e := range w.Trace() {
		out = append(out, e.Text())
	}
	return out
}

func TestElectionTimerStartRange(t *testing.T) {
	for _, c := range []struct {
		start int
		ok    bool
	}{{-1, false}, {0, true}, {99, true}, {100, false}, {400, false}} {
		s := view.DefaultSettings()
		s.ElectionTimerStartPct = c.start
		err := s.Validate()
		if (err == nil) != c.ok {
			t.Errorf("electionTimerStartPct %d: error %v, want ok=%v", c.start, err, c.ok)
		}
		if err != nil && !strings.HasPrefix(err.Error(), "electionTimerStartPct") {
			t.Errorf("electionTimerStartPct %d: error %q does not name the setting", c.start, err)
		}
	}
	// The share holds whatever the timeouts: the shortest is 100 ms here,
	// and every timer starts 99 ms along, none run out.
	s := view.DefaultSettings()
	s.ElectionTimeoutMs, s.ElectionTimerStartPct = [2]int64{100, 100}, 99
	w, err := New(s)
	if err != nil {
		t.Fatal(err)
	}
	if at, _ := firstTimeout(t, s); at != 1 || w.Node(1).Raft.ElectionElapsed() != 99 {
		t.Errorf("timers 99%% of 100 ms along: at %d of 100 ms, first timeout at %d ms; want 99 and 1", w.Node(1).Raft.ElectionElapsed(), at)
	}
}

func TestElectionTimerStartInScenarioFile(t *testing.T) {
	sc, err := ParseScenario([]byte(`{"name":"warm","nodes":3,"timing":{"electionTimerStartPct":66}}`))
	if err != nil {
		t.Fatal(err)
	}
	if sc.Settings.ElectionTimerStartPct != 66 {
		t.Fatalf("electionTimerStartPct read as %d, want 66", sc.Settings.ElectionTimerStartPct)
	}
	data, err := MarshalScenario(sc)
	if err != nil {
		t.Fatal(err)
	}
	back, err := ParseScenario(data)
	if err != nil || back.Settings != sc.Settings {
		t.Errorf("saved and read back: %+v, %v; want %+v", back.Settings, err, sc.Settings)
	}
	// A scenario without the field saves without it.
	sc.Settings.ElectionTimerStartPct = 0
	if data, _ := MarshalScenario(sc); strings.Contains(string(data), "electionTimerStartPct") {
		t.Error("a scenario without electionTimerStartPct saved it")
	}
	_, err = ParseScenario([]byte(`{"name":"warm","nodes":3,"timing":{"electionTimerStartPct":100}}`))
	if err == nil || !strings.Contains(err.Error(), `field "timing.electionTimerStartPct"`) {
		t.Errorf("a timer start at the timeout: error %v, want one naming timing.electionTimerStartPct", err)
	}
	// Servers booted from an initial state start part-way too.
	sc, err = ParseScenario([]byte(`{"name":"warm","nodes":3,"timing":{"electionTimerStartPct":66},"initial":{"2":{"term":2,"log":[1,2]}}}`))
	if err != nil {
		t.Fatal(err)
	}
	w, err := NewWorld(sc)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range w.Nodes() {
		if got := w.Node(id).Raft.ElectionElapsed(); got != 99 {
			t.Errorf("%s: timer at %d ms at time 0, want 99 (66%% of 150)", S(id), got)
		}
	}
}
