package raft

// rng is a SplitMix64 generator. It is a plain value, so Clone copies a node's
// random future along with the rest of its state.
type rng struct{ state uint64 }

func newRNG(seed uint64, id ID) rng {
	return rng{state: seed ^ uint64(id)*0xd1342543de82ef95}
}

func (r *rng) next() uint64 {
	r.state += 0x9e3779b97f4a7c15
	z := r.state
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// between returns a number drawn uniformly from [lo, hi].
func (r *rng) between(lo, hi int) int {
	if hi <= lo {
		return lo
	}
	return lo + int(r.next()%uint64(hi-lo+1))
}
