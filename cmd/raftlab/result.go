package main

import (
	"os"
	"path/filepath"

	"github.com/raftlab/raftlab/ui"
)

// resultStore saves an assessment's result as a text file next to the
// progress file (in the current directory when no progress is kept), and
// says where. The desktop app offers no Copy: Ebiten has no clipboard.
func resultStore(progress string) ui.ResultStore {
	dir := "."
	if progress != "" {
		dir = filepath.Dir(progress)
	}
	return ui.ResultStore{Download: func(name string, data []byte) (string, error) {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return "", err
		}
		path, err := writeNew(filepath.Join(dir, name), data)
		if err != nil {
			return "", err
		}
		if abs, err := filepath.Abs(path); err == nil {
			path = abs
		}
		return path, nil
	}}
}
