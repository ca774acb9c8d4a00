//go:build js && wasm

package main

import (
	"encoding/json"
	"sync"
	"syscall/js"

	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/ui"
)

// The speaker notes tab (index.html?notes=1) is a plain page, without
// RaftLab's wasm: it shows the notes that the presenter's tab posts on a
// BroadcastChannel, {type: "notes", doc: NotesDoc}, whenever they change.
// A notes tab opened later posts {type: "hello"}, and is answered with the
// notes on screen.

// notesChannelName is the channel's name; index.html's notes page uses it.
const notesChannelName = "raftlab-notes"

// notesChannel is the presenter's side of the channel.
type notesChannel struct {
	ch js.Value
	// last is the notes last shown, as JSON ("" before the first).
	mu   sync.Mutex
	last string
}

// newNotesChannel opens the channel (a browser without BroadcastChannel
// has a notes tab that waits).
func newNotesChannel() *notesChannel {
	n := &notesChannel{}
	bc := js.Global().Get("BroadcastChannel")
	if bc.Type() != js.TypeFunction {
		return n
	}
	n.ch = bc.New(notesChannelName)
	n.ch.Set("onmessage", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if d := args[0].Get("data"); d.Type() == js.TypeObject && d.Get("type").Equal(js.ValueOf("hello")) {
			n.post()
		}
		return nil
	}))
	return n
}

// show is the game's Options.Notes.
func (n *notesChannel) show(d ui.NotesDoc) {
	data, err := json.Marshal(d)
	if err != nil {
		return
	}
	n.mu.Lock()
	n.last = string(data)
	n.mu.Unlock()
	n.post()
}

// post sends the notes last shown to the notes tabs.
func (n *notesChannel) post() {
	n.mu.Lock()
	last := n.last
	n.mu.Unlock()
	if n.ch.IsUndefined() || last == "" {
		return
	}
	msg := js.Global().Get("Object").New()
	msg.Set("type", "notes")
	msg.Set("doc", js.Global().Get("JSON").Call("parse", last))
	n.ch.Call("postMessage", msg)
}

// open is the game's Options.OpenNotes: a new tab of this page with
// ?notes=1. It runs in the frame after the key press, within the press's
// user activation, so the browser allows it unless pop-ups are blocked.
func (n *notesChannel) open() error {
	loc := js.Global().Get("location")
	url := loc.Get("origin").String() + loc.Get("pathname").String() + "?notes=1"
	if w := js.Global().Call("open", url, "raftlab-notes"); w.IsNull() || w.IsUndefined() {
		return i18n.Errorf("notes.blocked", url)
	}
	return nil
}
