package lessons

import (
	"errors"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/raftlab/raftlab/lessons/doc"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
)

// Parse parses a lesson file. file names it in errors; its base name
// without .md becomes the lesson's Name. Every error is an *Error naming
// the file, the line and, inside a step, the step and the field.
//
// The file is read in passes, each in its own function: the lines
// (splitLines), the front matter (frontMatter), the intro and the steps'
// sections (splitSections), then each step (parseStep, in parsestep.go)
// and the key terms of the whole text (markTerms).
func Parse(file string, data []byte) (*Lesson, error) {
	l := &Lesson{Lesson: doc.Lesson{File: file, Name: strings.TrimSuffix(filepath.Base(file), ".md"), Lang: langOf(file)}}
	lines, err := l.splitLines(data)
	if err != nil {
		return nil, err
	}
	body, closeLine, err := l.frontMatter(lines)
	if err != nil {
		return nil, err
	}
	intro, sections := splitSections(body)
	if l.Intro, err = parseParagraphs(intro); err != nil {
		var le *lineError
		if errors.As(err, &le) {
			return nil, l.fail(le.line, "", le.msg)
		}
		return nil, err
	}
	if len(sections) == 0 {
		return nil, l.fail(closeLine, "", msg("lessons.parse.no-steps"))
	}
	if err := l.parseSteps(sections); err != nil {
		return nil, err
	}
	if err := l.markTerms(); err != nil {
		return nil, err
	}
	return l, nil
}

// fail is an error of the file outside any step, at line (0: the whole
// file) and in field (of the front matter; "" for none).
func (l *Lesson) fail(line int, field string, m i18n.Message) error {
	return &Error{File: l.File, Line: line, Field: field, Msg: m}
}

// splitLines checks the file's size and encoding, and splits it into
// numbered lines without trailing spaces (a byte order mark and Windows
// line ends are accepted).
func (l *Lesson) splitLines(data []byte) ([]textLine, error) {
	if len(data) > MaxFileBytes {
		return nil, l.fail(0, "", msg("lessons.parse.too-big", len(data), MaxFileBytes))
	}
	if !utf8.Valid(data) {
		return nil, l.fail(0, "", msg("lessons.parse.not-utf8"))
	}
	text := strings.TrimPrefix(string(data), "\ufeff")
	text = strings.ReplaceAll(text, "\r\n", "\n")
	var lines []textLine
	for i, s := range strings.Split(text, "\n") {
		lines = append(lines, textLine{n: i + 1, text: strings.TrimRight(s, " \t\r")})
	}
	return lines, nil
}

// frontMatter parses the front matter, between the first line's "---"
// and the next; it returns the lines after it and the line number of its
// closing "---".
func (l *Lesson) frontMatter(lines []textLine) (body []textLine, closeLine int, err error) {
	if len(lines) == 0 || lines[0].text != "---" {
		return nil, 0, l.fail(1, "", msg("lessons.parse.no-front-matter"))
	}
	end := slices.IndexFunc(lines[1:], func(t textLine) bool { return t.text == "---" })
	if end < 0 {
		return nil, 0, l.fail(1, "", msg("lessons.parse.front-matter-open"))
	}
	end++
	if err := l.parseFrontMatter(lines[1:end]); err != nil {
		return nil, 0, err
	}
	return lines[end+1:], lines[end].n, nil
}

// section is a step's part of the file: its ## heading and the lines up to
// the next one.
type section struct {
	head  textLine
	lines []textLine
}

// splitSections splits the body into the intro and the steps' sections
// (## headings outside fenced blocks). A # title before the intro's text
// is dropped: it is for readers of the file, and the front matter's title
// is the one that counts.
func splitSections(body []textLine) (intro []textLine, sections []section) {
	fenced, titled := false, false
	for _, ln := range body {
		if isFence(ln.text) {
			fenced = !fenced
		}
		switch {
		case !fenced && (strings.HasPrefix(ln.text, "## ") || ln.text == "##"):
			sections = append(sections, section{head: ln})
		case len(sections) > 0:
			sections[len(sections)-1].lines = append(sections[len(sections)-1].lines, ln)
		case !fenced && strings.HasPrefix(ln.text, "# ") && !titled && !slices.ContainsFunc(intro, func(t textLine) bool { return t.text != "" }):
			titled = true
		default:
			intro = append(intro, ln)
		}
	}
	return intro, sections
}

// isFence reports whether a line opens or closes a fenced block.
func isFence(s string) bool { return strings.HasPrefix(strings.TrimSpace(s), "```") }

// parseSteps parses the steps in order: each goes on with the cluster
// the step before it left.
func (l *Lesson) parseSteps(sections []section) error {
	prev := &Step{} // no cluster before the first step
	for i, s := range sections {
		st, err := l.parseStep(i, s.head, s.lines, prev)
		if err != nil {
			return err
		}
		prev = st
		l.addStep(st)
	}
	return nil
}

var frontMatterKeys = []string{"title", "number", "summary", "minutes", "speed", "engine", "allowViolations"}

// parseFrontMatter parses the front matter's key: value lines; each key
// is known and given at most once, and the title is required.
func (l *Lesson) parseFrontMatter(lines []textLine) error {
	seen := map[string]bool{}
	for _, ln := range lines {
		if strings.TrimSpace(ln.text) == "" {
			continue
		}
		key, value, ok := cutKey(ln.text)
		fail := func(mkey string, args ...any) error {
			return l.fail(ln.n, key, msg(mkey, args...))
		}
		switch {
		case !ok:
			return fail("lessons.parse.front-matter.not-key", ln.text)
		case !slices.Contains(frontMatterKeys, key):
			if s := suggest(key, frontMatterKeys); s != "" {
				return fail("lessons.parse.front-matter.unknown-key.suggest", key, s, strings.Join(frontMatterKeys, ", "))
			}
			return fail("lessons.parse.front-matter.unknown-key", key, strings.Join(frontMatterKeys, ", "))
		case seen[key]:
			return fail("lessons.parse.given-twice")
		}
		seen[key] = true
		if m := l.setFrontMatter(key, value); !m.Empty() {
			return l.fail(ln.n, key, m)
		}
	}
	if strings.TrimSpace(l.Title) == "" {
		return l.fail(1, "title", msg("lessons.parse.front-matter.no-title"))
	}
	return nil
}

// setFrontMatter sets the front matter's key (a known one) to value. It
// returns what is wrong with the value, or an empty message.
func (l *Lesson) setFrontMatter(key, value string) i18n.Message {
	switch key {
	case "title":
		l.Title = value
	case "summary":
		l.Summary = value
	case "number", "minutes":
		n, err := strconv.Atoi(value)
		if err != nil || n < 1 || n > 999 {
			return msg("lessons.parse.front-matter.number", value)
		}
		if key == "number" {
			l.Number = n
		} else {
			l.Minutes = n
		}
	case "speed":
		v, err := parseSpeed(value)
		if err != nil {
			return wrapped(err)
		}
		l.Speed = v
	case "engine":
		e, ok := view.ParseEngine(value)
		if !ok {
			return msg("scenario.engine", value)
		}
		l.RunsOn = e
	case "allowViolations":
		b, err := strconv.ParseBool(value)
		if err != nil {
			return msg("lessons.parse.front-matter.bool", value)
		}
		l.AllowViolations = b
	}
	return i18n.Message{}
}

// cutKey splits "key: value", where key is a word.
func cutKey(s string) (key, value string, ok bool) {
	key, value, ok = strings.Cut(s, ":")
	if !ok || key == "" {
		return "", "", false
	}
	for _, c := range key {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return "", "", false
		}
	}
	return key, strings.TrimSpace(value), true
}

// parseDuration reads 500, 500ms, 2s or 1.5s as milliseconds.
func parseDuration(s string) (int64, error) {
	s = strings.TrimSpace(s)
	i := strings.IndexFunc(s, func(r rune) bool { return !(r >= '0' && r <= '9' || r == '.') })
	digits, unit := s, ""
	if i >= 0 {
		digits, unit = s[:i], strings.TrimSpace(s[i:])
	}
	if digits == "" {
		return 0, errorf("lessons.parse.duration", s)
	}
	ms, err := parseNumber(digits, unit)
	if err != nil {
		return 0, errorf("lessons.parse.duration.bad", err)
	}
	if ms > maxDurationMs {
		return 0, errorf("lessons.parse.duration.long", s)
	}
	return ms, nil
}

// parseSpeed reads a speed written as SpeedLabel writes it.
func parseSpeed(s string) (int, error) {
	var labels []string
	for _, v := range doc.Speeds {
		if doc.SpeedLabel(v) == strings.TrimSpace(s) {
			return v, nil
		}
		labels = append(labels, doc.SpeedLabel(v))
	}
	return 0, errorf("lessons.parse.speed", strings.Join(labels, ", "), s)
}
