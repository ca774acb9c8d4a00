package etcdraft

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestLayout fails when etcd's unexported fields the engine reads have
// moved or changed type (a new version of go.etcd.io/raft/v3).
func TestLayout(t *testing.T) {
	require.NoError(t, layoutErr)
}
