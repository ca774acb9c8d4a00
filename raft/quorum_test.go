package raft

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestQuorumValue: quorumValue is the quorum-th largest value, for clusters
// sorted by insertion and larger ones alike, with ties.
func TestQuorumValue(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for size := 1; size <= 2*smallQuorum+1; size++ {
		for range 200 {
			vals := make([]uint64, size)
			for i := range vals {
				vals[i] = r.Uint64N(8)
			}
			want := slices.Clone(vals)
			slices.Sort(want)
			slices.Reverse(want)
			q := size/2 + 1
			if got := quorumValue(slices.Clone(vals), q); got != want[q-1] {
				t.Fatalf("quorumValue(%v, %d) = %d, want %d", vals, q, got, want[q-1])
			}
		}
	}
}
