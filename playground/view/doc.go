// Package view is what a front end sees of a simulated world: plain
// values, built by the playground from its servers once per change, that
// name servers, roles, messages and log entries without the protocol's
// types. The UI reads these and nothing of raft/, so that the drawing
// code cannot reach into a node's state, and a second Raft engine can be
// shown by the same screens.
//
// It imports nothing of RaftLab: only the standard library, so that
// whatever reads it depends on nothing else.
package view
