package playground

import (
	"strings"
	"testing"

	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLostWhy: a lost flight says why in the words the trace has always
// used (a flight keeps only a code for it).
func TestLostWhy(t *testing.T) {
	for why, want := range map[lossCause]string{
		notLost:          "",
		lostLinkCut:      "the link is cut",
		lostPartitioned:  "the network is partitioned",
		lostDropped:      "dropped by the network",
		lostReceiverDown: "S3 is down",
		lostCutInFlight:  "the link was cut while it flew",
		lostByHand:       "dropped by hand",
	} {
		f := &Flight{To: 3, Lost: why != notLost, lostWhy: why}
		if got := f.LostWhy(); got != want {
			t.Errorf("cause %d: LostWhy() = %q, want %q", why, got, want)
		}
		if zh := f.LostWhyIn(i18n.Chinese); why != notLost && !han.MatchString(zh) {
			t.Errorf("cause %d: LostWhyIn(Chinese) = %q", why, zh)
		}
	}
}

// TestRefusalSaysWhy: a write sent to a leader that is handing leadership
// over is turned away with the reason, which the trace says in words.
func TestRefusalSaysWhy(t *testing.T) {
	sc, err := ParseScenario([]byte(`{"name": "refusal", "nodes": 3, "until": 400, "steps": [
		{"at": 0, "do": "campaign", "node": 1},
		{"at": 100, "do": "isolate", "node": 2},
		{"at": 100, "do": "transferLeader", "to": 2},
		{"at": 110, "do": "put", "key": "y", "value": "1", "node": 1}]}`))
	require.NoError(t, err)
	w, err := NewWorld(sc)
	require.NoError(t, err)
	s := NewSession(w, sc.Actions)
	s.RunUntil(sc.Until)
	found := false
	for _, e := range s.World().Trace() {
		if strings.Contains(e.Text(), "refusal S1→client") && strings.Contains(e.Text(), "(leadership transfer in progress)") {
			found = true
		}
	}
	assert.True(t, found, "the trace says why the write was refused")
}

// TestDroppedReplyIsNotDelivered: a client's reply dropped by hand never
// reaches it (it once was delivered all the same): the client times out,
// asks again and gets its answer from a later attempt.
func TestDroppedReplyIsNotDelivered(t *testing.T) {
	w, leader := ledWorld(t)
	call := w.Submit(view.Command{Op: view.OpPut, Key: "k", Value: "v"}, leader, view.ReadIndexRead)
	var reply uint64
	for reply == 0 && w.Now() < 2000 {
		w.RunUntil(w.Now() + 1)
		for _, f := range w.InFlight() {
			if f.Kind == view.FlightReply {
				reply = f.ID
			}
		}
	}
	require.NotZero(t, reply, "no reply went out")
	require.NoError(t, w.DropMessage(reply))
	w.RunUntil(w.Now() + 5000)
	var got []view.EventType
	for _, e := range w.Trace() {
		if e.Msg == reply && e.Type != view.EvSend {
			got = append(got, e.Type)
			require.Equal(t, "dropped by hand", e.Flight.LostWhy())
		}
	}
	require.Equal(t, []view.EventType{view.EvDrop}, got)
	c := w.History()[call]
	require.True(t, c.Done && c.Result.OK, "the call was not answered: %+v", c)
	require.Greater(t, c.Attempts, 1)
}
