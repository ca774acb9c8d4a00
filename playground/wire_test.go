package playground

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestWireMatchesAMap drives the wire and a map with the same random adds
// and removals: the wire finds exactly the flights the map holds and lists
// them in ID order, while its window slides and reuses its front. A clone
// holds copies of the flights, untouched by what the original does next.
func TestWireMatchesAMap(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var q wire
	ref := map[uint64]*Flight{}
	next := uint64(0)
	for range 20_000 {
		if r.IntN(9) < 5 || len(ref) == 0 {
			next++
			f := &Flight{ID: next}
			q.add(f)
			ref[f.ID] = f
		} else {
			id := next - uint64(r.IntN(min(int(next), 40)))
			if _, ok := ref[id]; ok {
				q.remove(id)
				delete(ref, id)
			}
		}
		for _, id := range []uint64{next, next - 1, next - 7, next + 1, 0} {
			f, ok := q.get(id)
			g, gok := ref[id]
			require.Equal(t, gok, ok, "flight %d", id)
			require.Same(t, g, f, "flight %d", id)
		}
	}
	list := q.list()
	require.Len(t, list, len(ref))
	for i, f := range list {
		require.Same(t, ref[f.ID], f)
		if i > 0 {
			require.Less(t, list[i-1].ID, f.ID)
		}
	}
	c := q.clone()
	require.NotEmpty(t, list)
	for _, f := range list {
		g, ok := c.get(f.ID)
		require.True(t, ok, "flight %d is not in the clone", f.ID)
		require.NotSame(t, f, g, "flight %d is shared with the clone", f.ID)
		require.Equal(t, *f, *g)
	}
	q.remove(list[0].ID)
	list[1].Lost = true
	_, ok := c.get(list[0].ID)
	require.True(t, ok, "a removal from the original reached its clone")
	g, _ := c.get(list[1].ID)
	require.False(t, g.Lost, "a change to the original's flight reached its clone")
}
