package splitmix

// Source is a SplitMix64 generator; its zero value is usable.
type Source struct{ State uint64 }

// Uint64 returns the next number.
func (r *Source) Uint64() uint64 {
	r.State += 0x9e3779b97f4a7c15
	return Mix(r.State)
}

// Mix is SplitMix64's finalizer: a bijection of 64-bit words in which
// every bit of the result depends on every bit of z, for hashing.
func Mix(z uint64) uint64 {
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// Float64 returns a number in [0, 1).
func (r *Source) Float64() float64 { return float64(r.Uint64()>>11) / (1 << 53) }

// Between returns a number drawn uniformly from [lo, hi] (lo when hi <= lo).
func (r *Source) Between(lo, hi int64) int64 {
	if hi <= lo {
		return lo
	}
	return lo + int64(r.Uint64()%uint64(hi-lo+1))
}
