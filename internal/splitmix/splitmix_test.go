package splitmix

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSourceIsAValue(t *testing.T) {
	a := Source{State: 42}
	a.Uint64()
	b := a // a copy continues exactly where the original is
	for range 100 {
		assert.Equal(t, a.Uint64(), b.Uint64())
	}
	c, d := Source{State: 1}, Source{State: 2}
	assert.NotEqual(t, c.Uint64(), d.Uint64(), "different seeds, different streams")
}

func TestBetweenCoversTheRange(t *testing.T) {
	r := Source{State: 7}
	seen := map[int64]bool{}
	for range 1000 {
		v := r.Between(3, 7)
		assert.True(t, v >= 3 && v <= 7, "%d out of [3,7]", v)
		seen[v] = true
	}
	assert.Len(t, seen, 5, "every value is drawn")
	assert.Equal(t, int64(5), r.Between(5, 5))
	assert.Equal(t, int64(5), r.Between(5, 2))
	for range 1000 {
		f := r.Float64()
		assert.True(t, f >= 0 && f < 1)
	}
}

// TestKnownAnswers: the stream is SplitMix64's (the first numbers from
// seed 0 are the reference implementation's), and Mix is its finalizer.
func TestKnownAnswers(t *testing.T) {
	var r Source
	assert.Equal(t, uint64(0xe220a8397b1dcdaf), r.Uint64())
	assert.Equal(t, uint64(0x6e789e6aa1b965f4), r.Uint64())
	assert.Equal(t, uint64(0xe220a8397b1dcdaf), Mix(0x9e3779b97f4a7c15))
}
