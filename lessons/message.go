package lessons

import (
	"strings"

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

// list is messages joined by a separator from the catalogue ("choice 1
// and choice 2").
type list struct {
	sep   string
	items []i18n.Message
}

func (l list) In(lang i18n.Lang) string {
	out := make([]string, len(l.items))
	for i, m := range l.items {
		out[i] = m.In(lang)
	}
	return strings.Join(out, lang.T(l.sep))
}

func (l list) String() string { return l.In(English) }
