package main

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// fileStore keeps a document in a file: lesson progress, preferences.
type fileStore struct{ path string }

// defaultProgressFile is where progress is kept unless --progress says
// otherwise.
func defaultProgressFile() string { return configFile("progress.json") }

// configFile is a file in the user's configuration folder
// (~/.config/raftlab on Linux); "" when the system has none (no $HOME).
func configFile(name string) string {
	dir, err := os.UserConfigDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "raftlab", name)
}

// Load reads the file; a missing file is no progress yet.
func (s fileStore) Load() ([]byte, error) {
	data, err := os.ReadFile(s.path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	return data, err
}

// Save replaces the file through a temporary one of its own, synced
// before it takes the file's name, so that a crash while writing leaves
// the old progress rather than half a file.
func (s fileStore) Save(data []byte) error {
	dir := filepath.Dir(s.path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, filepath.Base(s.path)+".*.tmp")
	if err != nil {
		return err
	}
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), s.path)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}
