// Package lab is the playground and the lessons as the UI reaches them: it
// implements ui.Lab and view.Session over the playground's sessions and
// the lesson runner, so that the UI depends only on their views (package
// playground/view) and never on raft. The programs (cmd/raftlab, wasm)
// hand one to ui.New; the UI's tests use it too.
//
// It must not import ui, cmd or wasm.
package lab
