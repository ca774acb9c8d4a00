package lessons

import (
	"path/filepath"
	"slices"

	"github.com/raftlab/raftlab/playground/i18n"
)

// The course speaks the app's languages. English is the original; each
// other language is a full edition whose lesson files live in a folder
// named after it (lessons/zh-CN/03-leader-election.md) and match the
// English files step for step (see SameStructure).
const (
	English = i18n.English
	Chinese = i18n.Chinese
)

// langOf is the language of a lesson file, from its folder: a file in a
// folder named after a language other than English is in that language.
func langOf(file string) i18n.Lang {
	dir := i18n.Lang(filepath.Base(filepath.Dir(file)))
	if dir != English && slices.Contains(i18n.Langs, dir) {
		return dir
	}
	return English
}

// edition is the language whose bundled lessons lang reads: the
// pseudo-locale marks the app's own words, not the lessons', so it reads
// the English edition.
func edition(lang i18n.Lang) i18n.Lang {
	if lang == i18n.Pseudo {
		return English
	}
	return lang
}

// langDir is the folder of a language's bundled lessons, relative to
// lessons/.
func langDir(lang i18n.Lang) string {
	if lang = edition(lang); lang == English {
		return "."
	}
	return string(lang)
}
