package raft

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestProgressSet: members' progress is found by ID once added and gone
// once dropped, and a clone's progress is its own.
func TestProgressSet(t *testing.T) {
	var s progressSet
	for _, id := range []ID{4, 2, 7, 9} {
		s.add(&Progress{ID: id, Match: uint64(id) * 10})
	}
	for _, id := range []ID{4, 2, 7, 9} {
		require.Equal(t, uint64(id)*10, s.get(id).Match)
	}
	require.Nil(t, s.get(3))
	require.Nil(t, s.get(None))

	c := s.clone()
	c.get(4).Match = 1
	require.Equal(t, uint64(40), s.get(4).Match, "a clone's progress is its own")

	s.retain(func(id ID) bool { return id != 2 && id != 9 })
	require.Nil(t, s.get(2))
	require.Nil(t, s.get(9))
	require.Equal(t, uint64(40), s.get(4).Match)
	require.Equal(t, uint64(70), s.get(7).Match)
	require.Len(t, s.all(), 2)
	require.Equal(t, uint64(20), c.get(2).Match, "dropping from a set leaves its clone alone")

	s.reset()
	require.Empty(t, s.all())
	require.Nil(t, s.get(4))
	s.add(&Progress{ID: 4})
	require.Zero(t, s.get(4).Match)
	require.Equal(t, uint64(1), c.get(4).Match)
}
