package lessons

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/raftlab/raftlab/lessons/doc"
)

// markTerms checks the key terms of a lesson in a language other than
// English and sets the English term beside the first use of each, as the
// Chinese etcd and Raft literature does: `领导者` reads 领导者(Leader) the
// first time, 领导者 after that. A term must be written in the lesson's
// language (the glossary's Chinese form), so that the course uses one
// word for one idea. The speaker's notes are held to the same.
func (l *Lesson) markTerms() error {
	if l.Lang == English {
		return nil
	}
	seen := map[string]bool{}
	var bad error
	mark := func(line int, spans []doc.Span) {
		for i := range spans {
			sp := &spans[i]
			if sp.Style != doc.Term || bad != nil {
				continue
			}
			e, ok := doc.Lookup(sp.Text)
			if !ok {
				continue // a server's name
			}
			zh, _ := e.In(l.Lang)
			if sp.Text != zh {
				bad = &Error{File: l.File, Line: line, Msg: msg("lessons.term.untranslated", sp.Text, l.Lang, zh)}
				return
			}
			if !seen[e.Term] && zh != e.Term {
				sp.Text += "(" + englishBeside(e.Term) + ")"
			}
			seen[e.Term] = true
		}
	}
	marks := func(line int, ps []doc.Paragraph) {
		for _, p := range ps {
			mark(line, p.Spans)
		}
	}
	marks(0, l.Intro)
	for _, st := range l.Engine {
		marks(st.Line, st.Narration)
		mark(st.Line, st.Question)
		for _, c := range st.Choices {
			mark(st.Line, c.Text)
		}
		marks(st.Line, st.Hints)
		marks(st.Line, st.Explanation)
		marks(st.Line, st.More)
	}
	// The speaker's notes show in the presenter's own window, read in
	// step order like the lesson: their first uses are theirs, and leave
	// the learner's text as it is.
	seen = map[string]bool{}
	for _, st := range l.Engine {
		marks(st.Line, st.Notes)
	}
	return bad
}

// englishBeside is how an English term is written beside its
// translation: a single word capitalised (Leader, Term, Snapshot), a
// phrase as it is (commit index).
func englishBeside(term string) string {
	if strings.Contains(term, " ") {
		return term
	}
	r, n := utf8.DecodeRuneInString(term)
	return string(unicode.ToUpper(r)) + term[n:]
}
