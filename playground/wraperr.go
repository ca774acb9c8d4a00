package playground

import "github.com/raftlab/raftlab/playground/i18n"

// wrapError is a translatable error that wraps another: its sentence
// (a catalogue key) takes the wrapped error as an argument, written in the
// same language, and errors.Is and errors.As still find the wrapped one.
type wrapError struct {
	msg i18n.Message
	err error
}

// wrapf makes a translatable error of key and args that wraps err (which
// is among args).
func wrapf(err error, key string, args ...any) error {
	return &wrapError{msg: i18n.Msg(key, args...), err: err}
}

func (e *wrapError) Error() string            { return e.msg.String() }
func (e *wrapError) In(lang i18n.Lang) string { return e.msg.In(lang) }
func (e *wrapError) Unwrap() error            { return e.err }
