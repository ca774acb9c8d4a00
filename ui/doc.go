// Package ui is RaftLab's visual playground: an Ebiten game that draws a
// playground session and turns clicks and keys into playground actions.
//
// ui owns the screen: the panels, their layout, input and drawing, the
// lesson panel and the menus, for both the desktop app and the browser. It
// reads the world and sends it actions through the playground. It must not
// import cmd or wasm: the programs choose where it runs. The goal (see
// ARCHITECTURE.md) is that it reads each node only through the
// playground's view and imports nothing of raft; today it still reads
// raft's types.
package ui
