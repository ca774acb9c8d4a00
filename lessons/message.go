package lessons

import (
	"strings"

	"github.com/raftlab/raftlab/playground/i18n"
)

// Message is a sentence the lesson engine says to a lesson's author (an
// error, a pacing problem), kept as its catalogue key and arguments rather
// than as text: raftsim and the views write it in their reader's language,
// while String and Error stay the English the tests and scripts know.
type Message struct {
	Key  string
	Args []any
}

func msg(key string, args ...any) Message { return Message{Key: key, Args: args} }

// Translatable is a message or an error that can be written in any of the
// app's languages.
type Translatable interface {
	In(lang i18n.Lang) string
}

// In writes the message in lang. Arguments that are themselves
// translatable (a wrapped error, a nested message) are written in lang too.
func (m Message) In(lang i18n.Lang) string {
	args := make([]any, len(m.Args))
	for i, a := range m.Args {
		if t, ok := a.(Translatable); ok {
			a = t.In(lang)
		}
		args[i] = a
	}
	return lang.T(m.Key, args...)
}

// String is the message in English.
func (m Message) String() string { return m.In(English) }

// msgError is an error whose text is a Message.
type msgError struct{ m Message }

func (e *msgError) Error() string            { return e.m.In(English) }
func (e *msgError) In(lang i18n.Lang) string { return e.m.In(lang) }

// errorf makes a translatable error from a catalogue key and its
// arguments.
func errorf(key string, args ...any) error { return &msgError{msg(key, args...)} }

// wrapped is an error as a Message: its own text, translated when the
// error is translatable.
func wrapped(err error) Message { return msg("lessons.text", err) }

// ErrorIn writes err in lang when the lesson engine made it; any other
// error (a file that cannot be read) as it is.
func ErrorIn(err error, lang i18n.Lang) string {
	if t, ok := err.(Translatable); ok {
		return t.In(lang)
	}
	return err.Error()
}

// list is messages joined by a separator from the catalogue ("choice 1
// and choice 2").
type list struct {
	sep   string
	items []Message
}

func (l list) In(lang i18n.Lang) string {
	out := make([]string, len(l.items))
	for i, m := range l.items {
		out[i] = m.In(lang)
	}
	return strings.Join(out, lang.T(l.sep))
}

func (l list) String() string { return l.In(English) }

// empty reports whether m says nothing (a condition's value that needs no
// reason).
func (m Message) empty() bool { return m.Key == "" }
