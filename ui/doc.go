// Package ui is RaftLab's visual playground: an Ebiten game that draws a
// playground session and turns clicks and keys into playground actions.
//
// ui owns the screen: the panels, their layout, input and drawing, the
// lesson panel and the menus, for both the desktop app and the browser. It
// reads the world and sends it actions through the playground. It must not
// import cmd or wasm: the programs choose where it runs. It reads the
// servers through the playground's view (package playground/view), never
// raft's types; the goal (see ARCHITECTURE.md) is that it reach the
// playground and the lessons only through the view, so that raft is none
// of its dependencies.
package ui
