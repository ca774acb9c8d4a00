package main

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFileStore(t *testing.T) {
	dir := t.TempDir()
	s := fileStore{filepath.Join(dir, "raftlab", "progress.json")}
	data, err := s.Load()
	require.NoError(t, err, "no file yet is no progress yet")
	assert.Nil(t, data)
	require.NoError(t, s.Save([]byte(`{"lessons":[]}`)))
	require.NoError(t, s.Save([]byte(`{"lessons":[{"name":"a","step":1,"furthest":1}]}`)))
	data, err = s.Load()
	require.NoError(t, err)
	assert.Equal(t, `{"lessons":[{"name":"a","step":1,"furthest":1}]}`, string(data))
	left, err := filepath.Glob(filepath.Join(dir, "raftlab", "*"))
	require.NoError(t, err)
	assert.Equal(t, []string{s.path}, left, "no temporary file is left behind")

	blocked := fileStore{filepath.Join(s.path, "progress.json")} // a file where a folder should be
	assert.Error(t, blocked.Save([]byte("{}")))
	_, err = blocked.Load()
	assert.Error(t, err)
}

func TestProgressFlag(t *testing.T) {
	c, err := parseArgs([]string{"--progress", "/tmp/p.json"}, nil)
	require.NoError(t, err)
	assert.Equal(t, "/tmp/p.json", c.progress)
	c, err = parseArgs(nil, nil)
	require.NoError(t, err)
	assert.Equal(t, defaultProgressFile(), c.progress)
	assert.Contains(t, c.progress, filepath.Join("raftlab", "progress.json"))
}
