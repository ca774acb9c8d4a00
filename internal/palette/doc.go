// Package palette holds RaftLab's colours: the dark, light and presenter
// palettes, and the colour of a role, a term and a message type in each.
// The screen (ui) and the pictures (internal/picture) both draw with them,
// so that a leader, a term or a vote has the same colour in the app and
// in a GIF or a slide taken from it; neither depends on the other.
//
// It imports nothing of RaftLab but playground/view and playground/i18n:
// view's types name the roles and messages it colours (view imports i18n).
package palette
