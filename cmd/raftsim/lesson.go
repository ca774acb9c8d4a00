package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"strings"
	"unicode"

	"github.com/raftlab/raftlab/lessons"
	"github.com/raftlab/raftlab/playground/i18n"
)

const lessonUsage = `usage:
  raftsim lesson list
  raftsim lesson check FILE|NAME... [--all] [-v]
  raftsim lesson stats [FILE|NAME...] [--all] [--json]
  raftsim lesson verify-result FILE...
`

// runLesson is `raftsim lesson`: list the bundled lessons, validate and
// auto-play lesson files (or bundled lessons by name or number), measure
// their pacing, or check an assessment's result.
func runLesson(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, lessonUsage)
		return 2
	}
	switch args[0] {
	case "list":
		if len(args) > 1 {
			fmt.Fprintf(stderr, "raftsim lesson list: takes no arguments\n%s", lessonUsage)
			return 2
		}
		return listLessons(stdout, stderr)
	case "check":
		return checkLessons(args[1:], stdout, stderr)
	case "stats":
		return lessonStats(args[1:], stdout, stderr)
	case "verify-result":
		return verifyResult(args[1:], stdout, stderr)
	case "-h", "--help", "help":
		fmt.Fprint(stdout, lessonUsage)
		return 0
	}
	fmt.Fprintf(stderr, "raftsim lesson: unknown command %q\n%s", args[0], lessonUsage)
	return 2
}

func listLessons(stdout, stderr io.Writer) int {
	all, err := lessons.All()
	if err != nil {
		fmt.Fprintf(stderr, "raftsim: %v\n", err)
		return 2
	}
	for _, l := range all {
		fmt.Fprintf(stdout, "%-28s Lesson %d: %s (%d steps, about %d min)\n", l.Name, l.Number, l.Title, len(l.Steps), l.Minutes)
		if l.Summary != "" {
			fmt.Fprintf(stdout, "%-28s %s\n", "", l.Summary)
		}
	}
	return 0
}

func checkLessons(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("raftsim lesson check", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	all := fs.Bool("all", false, "check every bundled lesson")
	verbose := fs.Bool("v", false, "print each step's end state and what was checked")
	pos, err := parseInterspersed(fs, args)
	if err == nil && len(pos) == 0 && !*all {
		err = errors.New("name a lesson file or a bundled lesson, or give --all")
	}
	if err != nil {
		fmt.Fprintf(stderr, "raftsim lesson check: %v\n%s", err, lessonUsage)
		return 2
	}
	if *all {
		for _, lang := range i18n.Langs {
			for _, name := range lessons.BundledIn(lang) {
				pos = append(pos, path.Join(bundledPrefix(lang), name))
			}
		}
	}
	code := 0
	for _, arg := range pos {
		l, err := loadLesson(arg)
		if err != nil {
			fmt.Fprintf(stderr, "raftsim: %v\n", err)
			code = 2
			continue
		}
		if c := checkLesson(l, *verbose, stdout); c > code {
			code = c
		}
	}
	return code
}

// loadLesson reads a lesson file, or a bundled lesson by name or number.
func loadLesson(arg string) (*lessons.Lesson, error) {
	data, err := os.ReadFile(arg)
	switch {
	case err == nil:
		return lessons.Parse(arg, data)
	case !errors.Is(err, fs.ErrNotExist):
		return nil, err
	}
	for _, lang := range i18n.Langs[1:] {
		if name, ok := strings.CutPrefix(arg, string(lang)+"/"); ok && !strings.HasSuffix(name, ".md") {
			return lessons.LoadIn(lang, name)
		}
	}
	if strings.HasSuffix(arg, ".md") || strings.ContainsAny(arg, `/\`) {
		return nil, err
	}
	l, lerr := lessons.Load(arg)
	if lerr != nil {
		return nil, fmt.Errorf("%q is neither a lesson file nor a bundled lesson (bundled: %s; zh-CN/3 for the Chinese edition)", arg, strings.Join(lessons.Bundled(), ", "))
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

// checkLesson auto-plays a parsed lesson, one line per step.
func checkLesson(l *lessons.Lesson, verbose bool, w io.Writer) int {
	fmt.Fprintf(w, "%s: lesson %d, %s (%d steps)\n", l.File, l.Number, l.Title, len(l.Steps))
	rep := lessons.AutoPlay(l)
	for _, s := range rep.Steps {
		mark := "ok  "
		if s.Err != nil {
			mark = "FAIL"
		}
		fmt.Fprintf(w, "  %s step %-2d %-7s %s %6d-%d ms\n", mark, s.Step, s.Kind, padWide(quoteTitle(s.Title), 40), s.StartMs, s.EndMs)
		if s.Err != nil {
			fmt.Fprintf(w, "       %v\n", s.Err)
			continue
		}
		if verbose {
			fmt.Fprintf(w, "       %s\n       end: %s\n", s.Detail, s.State)
		}
	}
	if err := rep.Err(); err != nil {
		fmt.Fprintf(w, "FAIL: %s stopped at step %d of %d\n", l.File, len(rep.Steps), len(l.Steps))
		return 1
	}
	code := 0
	for _, msg := range lessons.Pacing(l).Problems() {
		fmt.Fprintf(w, "  FAIL pacing: %s\n", msg)
		code = 1
	}
	if err := sameAsEnglish(l); err != nil {
		fmt.Fprintf(w, "  FAIL structure: %v\n", err)
		code = 1
	}
	if code != 0 {
		fmt.Fprintf(w, "FAIL: %s auto-played, but see above\n", l.File)
		return code
	}
	fmt.Fprintf(w, "ok: %d steps auto-played in %d ms\n", len(rep.Steps), rep.Wall.Milliseconds())
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
