package lessons

import (
	"github.com/raftlab/raftlab/playground/i18n"
)

// The lesson engine's sentences to a lesson's author (errors, pacing
// problems) are i18n messages: raftsim and the views write them in their
// reader's language.

func msg(key string, args ...any) i18n.Message { return i18n.Msg(key, args...) }

func errorf(key string, args ...any) error { return i18n.Errorf(key, args...) }

// wrapped is an error as a message: its own text, translated when the
// error is translatable.
func wrapped(err error) i18n.Message { return msg("lessons.text", err) }
