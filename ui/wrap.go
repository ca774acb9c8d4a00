package ui

import (
	"strings"
	"unicode/utf8"

	"github.com/hajimehoshi/ebiten/v2/text/v2"
)

// wrapPlain breaks plain text into lines no wider than width in face f,
// at spaces. A word wider than a whole line (a long file name, or a
// sentence in a language written without spaces) is broken between
// characters rather than cut short: every character is shown.
func wrapPlain(s string, f text.Face, width float64) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		if line != "" && textWidth(line+" "+w, f) > width {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " " + w
			continue
		}
		for textWidth(w, f) > width {
			n := fitPrefix(w, f, width)
			lines = append(lines, w[:n])
			w = w[n:]
		}
		line = w
	}
	if line != "" || len(lines) == 0 {
		lines = append(lines, line)
	}
	return lines
}

// fitPrefix is the length in bytes of the longest start of s (one
// character at least) that fits in width.
func fitPrefix(s string, f text.Face, width float64) int {
	n := 0
	for i, r := range s {
		end := i + utf8.RuneLen(r)
		if n > 0 && textWidth(s[:end], f) > width {
			break
		}
		n = end
	}
	return n
}
