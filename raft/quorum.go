package raft

import "slices"

// smallQuorum is the most voters quorumValue sorts by insertion.
const smallQuorum = 9

// quorumValue returns the largest value that at least quorum of vals reach
// (the quorum-th largest), reordering vals. A leader asks on every
// acknowledgement, for a handful of voters: insertion sort does it in a few
// comparisons, where slices.Sort and a reversal cost several times more.
func quorumValue(vals []uint64, quorum int) uint64 {
	if len(vals) > smallQuorum {
		slices.Sort(vals)
	} else {
		for i := 1; i < len(vals); i++ {
			for j := i; j > 0 && vals[j] < vals[j-1]; j-- {
				vals[j], vals[j-1] = vals[j-1], vals[j]
			}
		}
	}
	return vals[len(vals)-quorum]
}
