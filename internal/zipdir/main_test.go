package main

import (
	"archive/zip"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestZipDir: the files of a folder, under one folder named after the
// zip, with their contents; the same files give the same bytes.
func TestZipDir(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "site", "fonts"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "site", "index.html"), []byte("<p>hi</p>"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "site", "fonts", "a.otf"), []byte("font"), 0o644))

	out := filepath.Join(dir, "raftlab-dist.zip")
	require.NoError(t, zipDir(filepath.Join(dir, "site"), out))
	first, err := os.ReadFile(out)
	require.NoError(t, err)

	zr, err := zip.OpenReader(out)
	require.NoError(t, err)
	defer zr.Close()
	got := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		require.NoError(t, err)
		data, err := io.ReadAll(rc)
		require.NoError(t, err)
		rc.Close()
		got[f.Name] = string(data)
	}
	assert.Equal(t, map[string]string{"raftlab-dist/index.html": "<p>hi</p>", "raftlab-dist/fonts/a.otf": "font"}, got)

	// A later run, with newer time stamps on the files, writes the same bytes.
	later := filepath.Join(dir, "again", "raftlab-dist.zip")
	require.NoError(t, os.MkdirAll(filepath.Dir(later), 0o755))
	require.NoError(t, os.Chtimes(filepath.Join(dir, "site", "index.html"), stamp.AddDate(1, 0, 0), stamp.AddDate(1, 0, 0)))
	require.NoError(t, zipDir(filepath.Join(dir, "site"), later))
	second, err := os.ReadFile(later)
	require.NoError(t, err)
	assert.Equal(t, first, second)
}

// TestZipDirMissing: a folder that is not there is an error, and no zip
// is left behind.
func TestZipDirMissing(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "x.zip")
	assert.Error(t, zipDir(filepath.Join(dir, "nothing"), out))
	assert.NoFileExists(t, out)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "file"), nil, 0o644))
	assert.ErrorContains(t, zipDir(filepath.Join(dir, "file"), out), "is not a folder")
}
