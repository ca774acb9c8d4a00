package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"
	"unicode"

	"github.com/raftlab/raftlab/lessons"
	"github.com/raftlab/raftlab/playground/i18n"
)

// runLesson is `raftsim lesson`: list the bundled lessons, validate and
// auto-play lesson files (or bundled lessons by name or number), measure
// their pacing, or check an assessment's result.
func runLesson(args []string, lang i18n.Lang, stdout, stderr io.Writer) int {
	lessonUsage := lang.T("raftsim.lesson.usage")
	if len(args) == 0 {
		fmt.Fprint(stderr, lessonUsage)
		return 2
	}
	switch args[0] {
	case "list":
		if len(args) > 1 {
			fmt.Fprintf(stderr, "raftsim lesson list: %s\n%s", lang.T("raftsim.lesson.list.args"), lessonUsage)
			return 2
		}
		return listLessons(lang, stdout, stderr)
	case "check":
		return checkLessons(args[1:], lang, stdout, stderr)
	case "stats":
		return lessonStats(args[1:], lang, stdout, stderr)
	case "verify-result":
		return verifyResult(args[1:], lang, stdout, stderr)
	case "-h", "--help", "help":
		fmt.Fprint(stdout, lessonUsage)
		return 0
	}
	fmt.Fprintf(stderr, "raftsim lesson: %s\n%s", lang.T("raftsim.unknown-command", args[0]), lessonUsage)
	return 2
}

// listLessons lists the course in the language asked for: in Chinese, the
// Chinese edition, under the names that check and stats take for it
// (zh-CN/03-leader-election).
func listLessons(lang i18n.Lang, stdout, stderr io.Writer) int {
	edition := lessons.English
	if slices.Contains(i18n.Langs, lang) {
		edition = lang
	}
	all, err := lessons.AllIn(edition)
	if err != nil {
		fmt.Fprintf(stderr, "raftsim: %s\n", i18n.ErrorIn(err, lang))
		return 2
	}
	for _, l := range all {
		fmt.Fprintf(stdout, "%-28s %s\n", path.Join(bundledPrefix(edition), l.Name), lang.T("raftsim.list.lesson", l.Number, l.Title, len(l.Steps), l.Minutes))
		if l.Summary != "" {
			fmt.Fprintf(stdout, "%-28s %s\n", "", l.Summary)
		}
	}
	return 0
}

func checkLessons(args []string, lang i18n.Lang, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("raftsim lesson check", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	all := fs.Bool("all", false, "check every bundled lesson")
	verbose := fs.Bool("v", false, "print each step's end state and what was checked")
	pos, err := parseInterspersed(fs, args)
	if err == nil && len(pos) == 0 && !*all {
		err = errors.New(lang.T("raftsim.check.nothing"))
	}
	if err != nil {
		fmt.Fprintf(stderr, "raftsim lesson check: %v\n%s", err, lang.T("raftsim.lesson.usage"))
		return 2
	}
	if *all {
		for _, edition := range i18n.Langs {
			for _, name := range lessons.BundledIn(edition) {
				pos = append(pos, path.Join(bundledPrefix(edition), name))
			}
		}
	}
	code := 0
	for _, arg := range pos {
		l, err := loadLesson(arg, lang)
		if err != nil {
			fmt.Fprintf(stderr, "raftsim: %s\n", i18n.ErrorIn(err, lang))
			code = 2
			continue
		}
		if c := checkLesson(l, *verbose, lang, stdout); c > code {
			code = c
		}
	}
	return code
}

// loadLesson reads a lesson file, or a bundled lesson by name or number;
// lang is the language of its error.
func loadLesson(arg string, lang i18n.Lang) (*lessons.Lesson, error) {
	data, err := readAtMost(arg, lessons.MaxFileBytes, lang.T("raftsim.lesson.too-large", lessons.MaxFileBytes>>20))
	switch {
	case err == nil:
		return lessons.Parse(arg, data)
	case !errors.Is(err, fs.ErrNotExist):
		return nil, err
	}
	for _, edition := range i18n.Langs[1:] {
		if name, ok := strings.CutPrefix(arg, string(edition)+"/"); ok && !strings.HasSuffix(name, ".md") {
			return lessons.LoadIn(edition, name)
		}
	}
	if strings.HasSuffix(arg, ".md") || strings.ContainsAny(arg, `/\`) {
		return nil, err
	}
	l, lerr := lessons.Load(arg)
	if lerr != nil {
		return nil, errors.New(lang.T("raftsim.lesson.unknown", arg, strings.Join(lessons.Bundled(), ", ")))
	}
	return l, nil
}

// bundledPrefix is how a language's bundled lessons are named on the
// command line: 03-leader-election in English, zh-CN/03-leader-election
// in Chinese.
func bundledPrefix(lang i18n.Lang) string {
	if lang == lessons.English {
		return ""
	}
	return string(lang)
}

// checkLesson auto-plays a parsed lesson, one line per step. The marks ok
// and FAIL stay as they are in every language, for scripts that look for
// them.
func checkLesson(l *lessons.Lesson, verbose bool, lang i18n.Lang, w io.Writer) int {
	fmt.Fprintf(w, "%s\n", lang.T("raftsim.check.lesson", l.File, l.Number, l.Title, len(l.Steps)))
	rep := lessons.AutoPlay(l)
	for _, s := range rep.Steps {
		mark := "ok  "
		if s.Err != nil {
			mark = "FAIL"
		}
		fmt.Fprintf(w, "  %s\n", lang.T("raftsim.check.step", mark, s.Step, s.Kind, padWide(quoteTitle(s.Title), 40), s.StartMs, s.EndMs))
		if s.Err != nil {
			fmt.Fprintf(w, "       %s\n", i18n.ErrorIn(s.Err, lang))
			continue
		}
		if verbose {
			fmt.Fprintf(w, "       %s\n       %s\n", s.Detail.In(lang), lang.T("raftsim.check.end", s.StateIn(lang)))
		}
	}
	if err := rep.Err(); err != nil {
		fmt.Fprintf(w, "%s\n", lang.T("raftsim.check.stopped", l.File, len(rep.Steps), len(l.Steps)))
		return 1
	}
	code := 0
	for _, msg := range lessons.Pacing(l).ProblemsIn(lang) {
		fmt.Fprintf(w, "  %s\n", lang.T("raftsim.check.pacing", msg))
		code = 1
	}
	if err := sameAsEnglish(l); err != nil {
		fmt.Fprintf(w, "  %s\n", lang.T("raftsim.check.structure", i18n.ErrorIn(err, lang)))
		code = 1
	}
	if code != 0 {
		fmt.Fprintf(w, "%s\n", lang.T("raftsim.check.see-above", l.File))
		return code
	}
	fmt.Fprintf(w, "%s\n", lang.T("raftsim.check.ok", len(rep.Steps), rep.Wall.Milliseconds()))
	return 0
}

// sameAsEnglish checks a translated lesson against the bundled English
// lesson of the same name, if there is one: a new lesson being written in
// another language has nothing to match yet.
func sameAsEnglish(l *lessons.Lesson) error {
	if l.Lang == lessons.English {
		return nil
	}
	en, err := lessons.BundledFile(l.Name)
	if err != nil {
		return nil
	}
	tr, err := lessons.BundledFileIn(l.Lang, l.Name)
	if data, rerr := os.ReadFile(l.File); rerr == nil {
		tr, err = data, nil
	}
	if err != nil {
		return err
	}
	return lessons.SameStructure(l.Name+".md", en, l.File, tr)
}

// padWide pads s with spaces to n terminal columns, counting a Chinese
// character as the two columns it takes, so that tables line up in both
// languages.
func padWide(s string, n int) string {
	w := 0
	for _, r := range s {
		w++
		if unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303f) || (r >= 0xff00 && r <= 0xff60) {
			w++
		}
	}
	return s + strings.Repeat(" ", max(0, n-w))
}

func quoteTitle(t string) string {
	if r := []rune(t); len(r) > 38 {
		t = string(r[:37]) + "…"
	}
	return fmt.Sprintf("%q", t)
}
