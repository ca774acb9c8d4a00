package doc

import (
	"strings"

	"github.com/raftlab/raftlab/playground/i18n"
)

// List is messages joined by a separator from the catalogue ("choice 1
// and choice 2"): the engine's lists of facts and problems, and what
// ParseProgress left out, in their reader's language.
type List struct {
	Sep   string
	Items []i18n.Message
}

// In writes the list in lang.
func (l List) In(lang i18n.Lang) string {
	out := make([]string, len(l.Items))
	for i, m := range l.Items {
		out[i] = m.In(lang)
	}
	return strings.Join(out, lang.T(l.Sep))
}

func (l List) String() string { return l.In(i18n.English) }
