package playground

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestChunkListIsASlice: pushes, truncations and clones of chains, at
// random and across chunk edges, leave every chain holding what a plain
// slice given the same operations holds; no chain sees another's changes.
func TestChunkListIsASlice(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	type pair struct {
		c    hashChain
		want []uint64
	}
	chains := []pair{{newHashChain(0), []uint64{0}}}
	for step := range 20_000 {
		i := r.IntN(len(chains))
		p := &chains[i]
		switch op := r.IntN(100); {
		case op < 80:
			for range r.IntN(3*listChunk/2) + 1 {
				h := r.Uint64()
				p.c.push(h)
				p.want = append(p.want, h)
			}
		case op < 92:
			n := uint64(r.IntN(len(p.want)) + 1)
			p.c.truncate(n)
			p.want = p.want[:n]
		case op < 97:
			chains = append(chains, pair{p.c.clone(), slices.Clone(p.want)})
		default:
			n := uint64(r.IntN(len(p.want)) + 1)
			chains = append(chains, pair{p.c.prefix(n), slices.Clone(p.want[:n])})
		}
		if len(chains) > 8 {
			chains = slices.Delete(chains, 0, 1)
			i = max(0, i-1)
		}
		if step%97 == 0 {
			for k := range chains {
				q := &chains[k]
				require.Equal(t, uint64(len(q.want)), q.c.len(), "step %d chain %d", step, k)
				for j, h := range q.want {
					if q.c.at(uint64(j)) != h {
						t.Fatalf("step %d chain %d: hash %d differs", step, k, j)
					}
				}
			}
		}
		if p := &chains[i]; len(p.want) > 40_000 { // keep it quick
			p.c.truncate(1)
			p.want = p.want[:1]
		}
	}
}
