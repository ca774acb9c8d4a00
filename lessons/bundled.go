package lessons

import (
	"embed"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/raftlab/raftlab/playground/i18n"
)

// bundled holds the lessons that ship with RaftLab, in English and in
// every other language's folder. Lesson files begin with their number
// (03-leader-election.md); README.md is for teachers.
//
//go:embed [0-9]*.md zh-CN/[0-9]*.md
var bundled embed.FS

// Bundled lists the names of the bundled English lessons, in course
// order.
func Bundled() []string { return BundledIn(English) }

// BundledIn lists the names of a language's bundled lessons, in course
// order.
func BundledIn(lang i18n.Lang) []string {
	entries, _ := fs.ReadDir(bundled, langDir(lang))
	var names []string
	for _, e := range entries {
		if !e.IsDir() {
			names = append(names, strings.TrimSuffix(e.Name(), ".md"))
		}
	}
	slices.Sort(names)
	return names
}

// BundledFile returns the raw file of a bundled English lesson.
func BundledFile(name string) ([]byte, error) { return BundledFileIn(English, name) }

// BundledFileIn returns the raw file of a language's bundled lesson.
func BundledFileIn(lang i18n.Lang, name string) ([]byte, error) {
	if name == "" || strings.ContainsAny(name, `/\`) || strings.HasPrefix(name, ".") {
		return nil, errorf("lessons.bundled.unknown", name)
	}
	if !slices.Contains(i18n.Langs, edition(lang)) {
		return nil, errorf("lessons.bundled.lang", lang, English, Chinese)
	}
	data, err := bundled.ReadFile(path.Join(langDir(lang), strings.TrimSuffix(name, ".md")+".md"))
	if err != nil {
		return nil, errorf("lessons.bundled.unknown.have", name, strings.Join(BundledIn(lang), ", "))
	}
	return data, nil
}

// Load parses a bundled English lesson by name ("03-leader-election") or
// by number ("3" or "03").
func Load(name string) (*Lesson, error) { return LoadIn(English, name) }

// LoadIn parses a language's bundled lesson by name or by number.
func LoadIn(lang i18n.Lang, name string) (*Lesson, error) {
	if n, err := strconv.Atoi(name); err == nil {
		for _, b := range BundledIn(lang) {
			if num, _, ok := strings.Cut(b, "-"); ok {
				if m, err := strconv.Atoi(num); err == nil && m == n {
					name = b
					break
				}
			}
		}
	}
	data, err := BundledFileIn(lang, name)
	if err != nil {
		return nil, err
	}
	return Parse(path.Join(langDir(lang), strings.TrimSuffix(name, ".md")+".md"), data)
}

// All parses every bundled English lesson, in course order.
func All() ([]*Lesson, error) { return AllIn(English) }

// AllIn parses every bundled lesson of a language, in course order.
func AllIn(lang i18n.Lang) ([]*Lesson, error) {
	var out []*Lesson
	for _, name := range BundledIn(lang) {
		l, err := LoadIn(lang, name)
		if err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, nil
}
