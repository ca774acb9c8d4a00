// Package ui is RaftLab's visual playground: an Ebiten game that draws a
// session and turns clicks and keys into actions.
//
// ui owns the screen: the panels, their layout, input and drawing, the
// lesson panel and the menus, for both the desktop app and the browser. It
// reads a run through view.Session and a lesson through doc.Runner, which
// the programs hand it (ui.Lab, implemented by internal/lab), so that it
// never sees raft's types nor the playground's machinery. Its colours are
// internal/palette's, which the pictures share. It imports nothing of
// RaftLab but playground/view, playground/i18n, lessons/doc,
// internal/palette and internal/sha256 (lessons/doc's).
package ui
