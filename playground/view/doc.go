// Package view is the playground as a front end sees it: the values it
// reads (each server's role, term, log tail, progress, disk and store; the
// network; the trace's event types) and the ones it hands back (settings,
// scenarios, actions, client commands). They name servers, roles,
// messages and log entries without the protocol's types. The playground
// builds the views once per change and runs the actions.
//
// The UI reads these and nothing of raft/, so that the drawing code cannot
// reach into a node's state, and a second Raft engine can be shown by the
// same screens. It imports nothing of RaftLab but playground/i18n.
package view
