package i18n

// Message is a sentence kept as its catalogue key and arguments rather than
// as text: a program that reports it (raftsim, the app) writes it in its
// reader's language, while String and Error stay the English the tests and
// scripts know.
type Message struct {
	Key  string
	Args []any
}

// Msg is the message of a catalogue key with its arguments.
func Msg(key string, args ...any) Message { return Message{Key: key, Args: args} }

// Translatable is a message or an error that can be written in any of the
// app's languages.
type Translatable interface {
	In(lang Lang) string
}

// In writes the message in lang. Arguments that are themselves
// translatable (a wrapped error, a nested message) are written in lang too.
func (m Message) In(lang Lang) string {
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

// Empty reports whether m says nothing (a result that needs no reason).
func (m Message) Empty() bool { return m.Key == "" }

// msgError is an error whose text is a Message.
type msgError struct{ m Message }

func (e *msgError) Error() string       { return e.m.In(English) }
func (e *msgError) In(lang Lang) string { return e.m.In(lang) }

// Unwrap is the errors among the arguments, so that errors.Is and
// errors.As see through a sentence that wraps an error.
func (e *msgError) Unwrap() []error {
	var errs []error
	for _, a := range e.m.Args {
		if err, ok := a.(error); ok {
			errs = append(errs, err)
		}
	}
	return errs
}

// Errorf makes a translatable error from a catalogue key and its arguments
// (an argument may be a translatable error: it is written in the same
// language).
func Errorf(key string, args ...any) error { return &msgError{Msg(key, args...)} }

// ErrorIn writes err in lang when it is translatable; any other error (a
// file that cannot be read) as it is.
func ErrorIn(err error, lang Lang) string {
	if t, ok := err.(Translatable); ok {
		return t.In(lang)
	}
	return err.Error()
}
