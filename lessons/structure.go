package lessons

import (
	"regexp"
	"strings"
)

// skeletonLine is a line that a translation must keep as it is, and
// where it is in its file.
type skeletonLine struct {
	n    int
	text string
}

// translated are the keys whose values are text for the learner: a
// translation changes them, and keeps every other line of a step's header
// (its setup, conditions, highlights, answer...) byte for byte.
var translated = map[string]bool{"title": true, "summary": true, "question": true, "choice": true, "hint": true}

// skeleton is what a lesson file and its translations share: the front
// matter and step headers without their text values, the step headings
// without their titles, and the ### subsection markers.
func skeleton(data []byte) []skeletonLine {
	var out []skeletonLine
	add := func(n int, s string) { out = append(out, skeletonLine{n, s}) }
	lines := strings.Split(strings.ReplaceAll(strings.TrimPrefix(string(data), "\ufeff"), "\r\n", "\n"), "\n")
	front, header, fenced := false, false, false
	for i, raw := range lines {
		n, ln := i+1, strings.TrimRight(raw, " \t")
		if i == 0 && ln == "---" {
			front = true
			continue
		}
		if front {
			if ln == "---" {
				front = false
			} else {
				add(n, keepValue(ln))
			}
			continue
		}
		if strings.HasPrefix(strings.TrimSpace(ln), "```") {
			fenced = !fenced
		}
		switch {
		case header && ln == "" && !fenced:
			header = false
		case header:
			add(n, keepValue(ln))
		case fenced:
		case strings.HasPrefix(ln, "## "):
			header = true
			add(n, "## …")
		case strings.HasPrefix(ln, "### "):
			add(n, ln)
		}
	}
	return out
}

// keepValue is a key: value line as a translation must keep it: whole,
// or, for a key whose value is translated, the key alone. A highlight's
// captions ("majority of old") are text too.
func keepValue(ln string) string {
	k, _, ok := strings.Cut(ln, ":")
	switch {
	case ok && translated[strings.TrimSpace(k)]:
		return strings.TrimSpace(k) + ": …"
	case ok && strings.TrimSpace(k) == "highlight":
		return captionRE.ReplaceAllString(ln, `"…"`)
	}
	return ln
}

var captionRE = regexp.MustCompile(`"[^"]*"`)

// SameStructure reports the first place where a translated lesson file
// differs from its English original in anything but its text: the same
// steps of the same kinds, with the same setups, conditions, highlights,
// choices and answers, and the same subsections.
func SameStructure(enFile string, en []byte, file string, tr []byte) error {
	a, b := skeleton(en), skeleton(tr)
	for i := range min(len(a), len(b)) {
		if a[i].text != b[i].text {
			return errorf("lessons.structure.differs", file, b[i].n, b[i].text, enFile, a[i].n, a[i].text)
		}
	}
	switch {
	case len(a) > len(b):
		return errorf("lessons.structure.short", file, enFile, a[len(b)].n, a[len(b)].text)
	case len(b) > len(a):
		return errorf("lessons.structure.long", file, b[len(a)].n, b[len(a)].text, enFile)
	}
	return nil
}
