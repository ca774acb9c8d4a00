package view

import "github.com/raftlab/raftlab/playground/i18n"

// Violation is a broken safety property (one of Properties, or
// NoStaleReads), found at AtMs, with the servers involved.
type Violation struct {
	AtMs     int64
	Property string
	Nodes    []ID
	// Message says what broke, in any language.
	Message i18n.Translatable
}

// Text is the violation as the event feed says it: the property, then
// what broke.
func (v Violation) Text(lang i18n.Lang) string {
	return lang.T("safety.violation", PropertyName(v.Property, lang), v.Message.In(lang))
}

// StaleRead is a read the check of reads found stale: Call is its index
// in the history.
type StaleRead struct {
	Violation
	Call int
}
