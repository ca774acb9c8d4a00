package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/ui"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestNotesChildFeedsItsWindow: the notes window is started on the first
// open, in the app's language, and sent the notes shown so far; a second
// open while it runs starts no other; once it has closed, the next open
// starts a new one, sent the newest notes.
func TestNotesChildFeedsItsWindow(t *testing.T) {
	dir := t.TempDir()
	var started []string
	n := newNotesChild(&bytes.Buffer{})
	n.command = func(lang i18n.Lang) *exec.Cmd {
		out := filepath.Join(dir, "window"+string(rune('1'+len(started)))+".txt")
		started = append(started, string(lang))
		// A window that reads a line, then closes.
		return exec.Command("sh", "-c", "head -n 1 > "+out)
	}
	line := func(name string) string {
		for end := time.Now().Add(10 * time.Second); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
			if data, _ := os.ReadFile(filepath.Join(dir, name)); strings.HasSuffix(string(data), "\n") {
				return string(data)
			}
		}
		return ""
	}
	closed := func() bool {
		for end := time.Now().Add(10 * time.Second); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
			n.mu.Lock()
			done := n.docs == nil
			n.mu.Unlock()
			if done {
				return true
			}
		}
		return false
	}
	n.show(ui.NotesDoc{Lang: "en", Head: "first"})
	require.NoError(t, n.open(i18n.Chinese))
	require.NoError(t, n.open(i18n.Chinese), "one window at a time")
	assert.Contains(t, line("window1.txt"), `"head":"first"`)
	assert.Equal(t, []string{"zh-CN"}, started)
	require.True(t, closed(), "the window has closed")

	n.show(ui.NotesDoc{Lang: "en", Head: "second"})
	require.NoError(t, n.open(i18n.English))
	assert.Contains(t, line("window2.txt"), `"head":"second"`, "the newest notes")
	assert.Equal(t, []string{"zh-CN", "en"}, started)
}
