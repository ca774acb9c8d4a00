package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestResultStore: a result goes next to the progress file, never over an
// earlier one, and the store says where.
func TestResultStore(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "raftlab")
	rs := resultStore(filepath.Join(dir, "progress.json"))
	assert.Nil(t, rs.Copy, "no clipboard on the desktop")
	for i, want := range []string{"raftlab-result-16-quiz.txt", "raftlab-result-16-quiz-2.txt"} {
		where, err := rs.Download("raftlab-result-16-quiz.txt", []byte{'a' + byte(i)})
		require.NoError(t, err)
		assert.Equal(t, filepath.Join(dir, want), where)
		data, err := os.ReadFile(where)
		require.NoError(t, err)
		assert.Equal(t, []byte{'a' + byte(i)}, data)
	}

	// No progress file: the current directory.
	t.Chdir(t.TempDir())
	where, err := resultStore("").Download("r.txt", []byte("x"))
	require.NoError(t, err)
	wd, err := os.Getwd()
	require.NoError(t, err)
	assert.Equal(t, filepath.Join(wd, "r.txt"), where)
}
