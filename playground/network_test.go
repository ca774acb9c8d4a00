package playground

import (
	"strings"
	"testing"

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
	w, err := sc.NewWorld()
	require.NoError(t, err)
	s := NewSession(w, sc.Steps)
	s.RunUntil(sc.Until)
	found := false
	for _, e := range s.World().Trace() {
		if strings.Contains(e.Text(), "refusal S1→client") && strings.Contains(e.Text(), "(leadership transfer in progress)") {
			found = true
		}
	}
	assert.True(t, found, "the trace says why the write was refused")
}
