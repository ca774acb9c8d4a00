package ui

import (
	"strings"
	"unicode/utf8"

	"github.com/hajimehoshi/ebiten/v2/text/v2"
)

// wrapPlain breaks plain text into lines no wider than width in face f,
// where a line may break (see breakUnits): at spaces, and between Chinese
// characters. A word wider than a whole line (a long file name) is broken
// between characters rather than cut short: every character is shown.
func wrapPlain(s string, f text.Face, width float64) []string {
	var lines []string
	line := ""
	for _, u := range breakUnits(strings.Join(strings.Fields(s), " ")) {
		if line != "" && textWidth(strings.TrimRight(line+u, " "), f) > width {
			lines = append(lines, strings.TrimRight(line, " "))
			line = ""
		}
		if line != "" {
			line += u
			continue
		}
		for textWidth(strings.TrimRight(u, " "), f) > width {
			n := fitPrefix(u, f, width)
			lines = append(lines, u[:n])
			u = u[n:]
		}
		if strings.TrimSpace(u) != "" {
			line = u
		}
	}
	if line = strings.TrimRight(line, " "); line != "" || len(lines) == 0 {
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
