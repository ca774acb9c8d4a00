package playground

import "testing"

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
