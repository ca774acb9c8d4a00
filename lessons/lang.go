package lessons

import (
	"path/filepath"
	"slices"
)

// The languages of the course. English is the original; each other
// language is a full edition whose lesson files live in a folder named
// after it (lessons/zh-CN/03-leader-election.md) and match the English
// files step for step (see SameStructure).
const (
	English = "en"
	Chinese = "zh-CN"
)

// Langs lists the course's languages, English first.
var Langs = []string{English, Chinese}

// langOf is the language of a lesson file, from its folder: a file in a
// folder named after a language other than English is in that language.
func langOf(file string) string {
	if dir := filepath.Base(filepath.Dir(file)); dir != English && slices.Contains(Langs, dir) {
		return dir
	}
	return English
}

// langDir is the folder of a language's bundled lessons, relative to
// lessons/.
func langDir(lang string) string {
	if lang == English {
		return "."
	}
	return lang
}
