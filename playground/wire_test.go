package playground

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestWireMatchesAMap drives the wire and a map with the same random adds,
// removals and replacements: the wire finds exactly the flights the map
// holds and lists them in ID order, while its window slides and reuses its
// front.
func TestWireMatchesAMap(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var q wire
	ref := map[uint64]*Flight{}
	next := uint64(0)
	for range 20_000 {
		switch op := r.IntN(10); {
		case op < 5 || len(ref) == 0:
			next++
			f := &Flight{ID: next}
			q.add(f)
			ref[f.ID] = f
		case op < 9:
			id := next - uint64(r.IntN(min(int(next), 40)))
			if _, ok := ref[id]; ok {
				q.remove(id)
				delete(ref, id)
			}
		default:
			id := next - uint64(r.IntN(min(int(next), 40)))
			if _, ok := ref[id]; ok {
				f := &Flight{ID: id, Lost: true}
				q.replace(id, f)
				ref[id] = f
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
	if len(list) > 0 {
		q.remove(list[0].ID)
		_, ok := c.get(list[0].ID)
		require.True(t, ok, "a removal from the original reached its clone")
	}
}
