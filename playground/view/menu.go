package view

import "github.com/raftlab/raftlab/playground/i18n"

// MenuItem is an entry of a popup menu: its name (lessons, tests and hooks
// point at it), its label, and the actions it does, in order.
type MenuItem struct {
	Name    string
	Label   i18n.Message
	Actions []Action
}
