package ui

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"github.com/stretchr/testify/assert"
)

// This file reads the lines the pseudo-locale test records (see
// pseudo_test.go): which words on screen did not come from the catalogue.

// drawnLine is a line drawText drew: on which image, what, and where (its
// vertical centre and its face's line height).
type drawnLine struct {
	dst  *ebiten.Image
	s    string
	y, h float64
}

// recordLines has every line drawText draws appended to *lines until the
// test ends.
func recordLines(t *testing.T, lines *[]drawnLine) {
	textDrawn = func(dst *ebiten.Image, s string, f text.Face, _, y float64) {
		m := f.Metrics()
		*lines = append(*lines, drawnLine{dst, s, y, m.HAscent + m.HDescent + m.HLineGap})
	}
	t.Cleanup(func() { textDrawn = nil })
}

// The marks i18n.Pseudo puts around every message.
const (
	markOpen  = '⟦'
	markClose = '⟧'
)

// unmarkedParts are, for each line, its parts with letters outside the
// marks, trimmed. A message wrapped over lines opens its mark in one line
// and closes it in a later one: a line continues the previous line's open
// mark when it is drawn next, on the same image, on the same line or a
// line or two below. A line cut short with "…" closes its mark, and a
// line that closes a mark it did not open (the message's start scrolled
// out of view) was inside it up to there.
func unmarkedParts(lines []drawnLine) [][]string {
	out := make([][]string, len(lines))
	depth := 0
	for i, ln := range lines {
		if i > 0 && !continues(lines[i-1], ln) {
			depth = 0
		}
		var part strings.Builder
		flush := func() {
			if p := strings.TrimSpace(part.String()); strings.IndexFunc(p, unicode.IsLetter) >= 0 {
				out[i] = append(out[i], p)
			}
			part.Reset()
		}
		for _, r := range ln.s {
			switch {
			case r == markOpen:
				if depth == 0 {
					flush()
				}
				depth++
			case r == markClose && depth > 0:
				depth--
			case r == markClose:
				part.Reset() // the mark opened out of view
			case depth == 0:
				part.WriteRune(r)
			}
		}
		flush()
		if strings.HasSuffix(ln.s, "…") {
			depth = 0
		}
	}
	return out
}

// continues reports whether line b can be the rest of a message line a
// began: drawn on the same image at the same height or just below.
func continues(a, b drawnLine) bool {
	dy := b.y - a.y
	return a.dst == b.dst && dy > -0.5 && dy <= 2.5*max(a.h, b.h)
}

// exempt is what may be drawn without a mark: names of servers, numbers
// (digits are no letters), user data and lesson text. Words may stand
// anywhere in a line (a key the test typed, the product's name); names
// (of a scenario, of a file) only whole; passages (lesson text, drawn a
// span or a line at a time) whole or in part.
type exempt struct {
	words, names, passages []string
}

var (
	serverName = regexp.MustCompile(`^S[0-9]+$`)
	numbered   = regexp.MustCompile(`^[0-9]+\.\s*`)
)

// allows reports whether an unmarked part may be drawn: the part (from
// its first letter to its last) is an exempt word or name or found in an
// exempt passage, or each of its words is a server's name or an exempt
// word. A part cut short with "…" need only begin a name or passage.
func (e exempt) allows(part string) bool {
	cut := strings.HasSuffix(part, "…")
	// A numbered item ("3. Leader election") is its text.
	whole := numbered.ReplaceAllString(trimWord(part), "")
	if slices.Contains(e.words, whole) || found(e.passages, whole, cut) {
		return true
	}
	for _, n := range e.names {
		if n = trimWord(n); whole == n || cut && strings.HasPrefix(n, whole) {
			return true
		}
	}
	for _, w := range strings.FieldsFunc(part, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if strings.IndexFunc(w, unicode.IsLetter) < 0 || serverName.MatchString(w) || slices.Contains(e.words, w) {
			continue
		}
		return false
	}
	return true
}

// trimWord is s from its first letter or digit to its last.
func trimWord(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// found reports whether s is in one of texts, at word boundaries (only at
// its start when cut), its spaces as any run of white space.
func found(texts []string, s string, cut bool) bool {
	s = normText(s)
	if s == "" {
		return false
	}
	for _, t := range texts {
		for i := 0; ; {
			k := strings.Index(t[i:], s)
			if k < 0 {
				break
			}
			at := i + k
			if wordEdge(t, at) && (cut || wordEdge(t, at+len(s))) {
				return true
			}
			i = at + 1
		}
	}
	return false
}

// wordEdge reports whether byte offset i of t is not inside a word.
func wordEdge(t string, i int) bool {
	if i == 0 || i == len(t) {
		return true
	}
	before, _ := utf8.DecodeLastRuneInString(t[:i])
	after, _ := utf8.DecodeRuneInString(t[i:])
	inWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	return !inWord(before) || !inWord(after)
}

// normText is a passage as exempt.found compares it: white space runs as
// one space.
func normText(s string) string { return strings.Join(strings.Fields(s), " ") }

// TestUnmarkedParts: the checker itself finds an unmarked word, and lets
// through marked text (wrapped or cut short), names, numbers and exempt
// text.
func TestUnmarkedParts(t *testing.T) {
	img := ebiten.NewImage(4, 4)
	other := ebiten.NewImage(4, 4)
	line := func(s string, y float64) drawnLine { return drawnLine{img, s, y, 14} }
	lines := []drawnLine{
		line("⟦Play⟧", 10),
		line("Pause", 10),
		line("S1 ⟦is the leader in term 3⟧ · 42 ms", 30),
		line("⟦A message that wraps", 50),
		line("over three lines", 64),
		line("and ends here⟧ then this", 78),
		line("⟦A message cut sho…", 120),
		line("next", 134),
		line("ed out of view⟧ · S2", 200),
		{other, "continued elsewhere", 214, 14},
		line("⟦Outer ⟦inner⟧ outer⟧", 300),
		line("x = apple", 320),
		line("Leader election", 340),
	}
	parts := unmarkedParts(lines)
	assert.Equal(t, [][]string{
		nil, {"Pause"}, {"S1", "· 42 ms"}, nil, nil, {"then this"}, nil, {"next"}, {"· S2"},
		{"continued elsewhere"}, nil, {"x = apple"}, {"Leader election"},
	}, parts)
	e := exempt{words: []string{"x", "apple"}, names: []string{"Split vote"}, passages: []string{normText("A lesson on\nLeader election, a lesson.")}}
	assert.False(t, e.allows("Pause"))
	assert.True(t, e.allows("S1"))
	assert.False(t, e.allows("· 42 ms"), "a unit is a word")
	assert.True(t, e.allows("· S2"))
	assert.True(t, e.allows("x = apple"), "user data")
	assert.True(t, e.allows("Leader election"), "lesson text")
	assert.False(t, e.allows("Lead"), "found only whole")
	assert.False(t, e.allows("Leader elected"))
	assert.False(t, e.allows("lesson election"), "every word of it is lesson text, but not the whole")
	assert.True(t, e.allows("election, a"))
	assert.True(t, e.allows("2. Leader election"), "a numbered item")
	assert.True(t, e.allows("Split vote"), "a scenario's name")
	assert.True(t, e.allows("Split v…"), "a name cut short")
	assert.True(t, exempt{names: []string{"member/wal/"}}.allows("  member/wal/"), "a file's name")
	assert.False(t, e.allows("vote"), "a name's word is no word of its own")
	assert.True(t, e.allows("Leader elec…"), "cut short")
	assert.False(t, e.allows("eader elec…"))
}

// TestPseudoLocaleFindsUnmarkedText: drawn in the pseudo-locale, a line
// that bypasses the catalogue (here the status line) is found, and the
// same line through the catalogue is not.
func TestPseudoLocaleFindsUnmarkedText(t *testing.T) {
	p := newPseudoRun(t, [2]int{800, 600})
	g := p.pseudoGame(t, Options{})
	g.say(g.tr("status.saved"))
	p.draw(t, g, "status", -1)
	assert.Empty(t, p.found, "every line comes from the catalogue")
	g.say("Saved")
	p.draw(t, g, "status", -1)
	assert.Equal(t, []string{"Saved"}, p.byPlace["800x600 status"])
}
