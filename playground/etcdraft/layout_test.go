package etcdraft

import (
	"testing"

	"github.com/stretchr/testify/require"
	"go.etcd.io/raft/v3/tracker"
)

// TestLayout fails when etcd's unexported fields the engine reads have
// moved or changed type (a new version of go.etcd.io/raft/v3).
func TestLayout(t *testing.T) {
	require.NoError(t, layoutErr)
}

// TestInflights reads etcd's ring of messages in flight in order, across
// its wrap.
func TestInflights(t *testing.T) {
	in := tracker.NewInflights(4, 0)
	require.Empty(t, inflights(in))
	for _, i := range []uint64{5, 7, 9} {
		in.Add(i, 10)
	}
	in.FreeLE(7)
	for _, i := range []uint64{11, 13, 15} {
		in.Add(i, 10)
	}
	require.True(t, in.Full())
	require.Equal(t, []uint64{9, 11, 13, 15}, inflights(in))
	require.Nil(t, inflights(nil))
}
