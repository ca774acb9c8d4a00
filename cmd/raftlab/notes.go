package main

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"sync"

	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/ui"
)

// The speaker notes window is a second process, `raftlab --notes`, that
// the app starts when the presenter presses N: Ebiten runs one window a
// process. The app writes the notes of the step on screen to its stdin, a
// JSON document a line (ui.WriteNotes); the window shows the last one,
// and exits when its stdin closes, so it ends with the app.

// runNotes is `raftlab --notes`: the notes window, fed by stdin.
func runNotes(c config, stdin io.Reader, stdout, stderr io.Writer) int {
	lang := c.lang
	if lang == "" {
		lang = i18n.English
	}
	w := ui.NewNotesWindow(lang, installCJKFont(stderr))
	go func() {
		err := ui.ReadNotes(stdin, w.Show, func(err error) {
			w.Problem(err)
			fmt.Fprintf(stderr, "raftlab --notes: %v\n", err)
		})
		if err != nil {
			fmt.Fprintf(stderr, "raftlab --notes: %v\n", err)
		}
		w.Close()
	}()
	return runWindow(&app{game: w, frames: c.frames, screenshot: c.screenshot, stderr: stderr}, lang.T("notes.title"), c, stdout, stderr)
}

// notesChild is the app's side of the notes window: the process, once
// started, and the notes last shown, which a new window is sent first.
// Writes go through a goroutine, so that a window that stops reading
// never holds up the game.
type notesChild struct {
	mu   sync.Mutex
	last *ui.NotesDoc
	// docs hands the writer the newest notes (it holds one: a newer one
	// replaces one not yet written); nil while no window runs.
	docs   chan ui.NotesDoc
	stderr io.Writer
	// command starts the window's process (the app itself, --notes).
	command func(lang i18n.Lang) *exec.Cmd
}

// newNotesChild is the notes window of the running executable.
func newNotesChild(stderr io.Writer) *notesChild {
	return &notesChild{stderr: stderr, command: func(lang i18n.Lang) *exec.Cmd {
		exe, err := os.Executable()
		if err != nil {
			exe = os.Args[0]
		}
		return exec.Command(exe, "--notes", "--lang", string(lang))
	}}
}

// show is the game's Options.Notes: the window, if one runs, shows d.
func (n *notesChild) show(d ui.NotesDoc) {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.last = &d
	if n.docs == nil {
		return
	}
	select {
	case <-n.docs: // not yet written: d replaces it
	default:
	}
	n.docs <- d
}

// open is the game's Options.OpenNotes: it starts the window in a
// language, unless one runs.
func (n *notesChild) open(lang i18n.Lang) error {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.docs != nil {
		return nil
	}
	cmd := n.command(lang)
	cmd.Stdout, cmd.Stderr = n.stderr, n.stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	docs := make(chan ui.NotesDoc, 1)
	if n.last != nil {
		docs <- *n.last
	}
	n.docs = docs
	done := make(chan struct{})
	go func() {
		_ = cmd.Wait() // the window closed (Wait closes its stdin)
		n.mu.Lock()
		if n.docs == docs {
			n.docs = nil
		}
		n.mu.Unlock()
		close(done)
	}()
	go feedNotes(in, docs, done)
	return nil
}

// feedNotes writes the notes to a window until it stops reading or is
// done.
func feedNotes(in io.Writer, docs <-chan ui.NotesDoc, done <-chan struct{}) {
	for {
		select {
		case d := <-docs:
			if ui.WriteNotes(in, d) != nil {
				return
			}
		case <-done:
			return
		}
	}
}
