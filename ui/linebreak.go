package ui

import (
	"strings"
	"unicode"
)

// Where a line may break. English breaks at spaces. Chinese has no spaces:
// a line may break between any two ideographs, and between an ideograph
// and a Latin word, but never so that a line starts with closing
// punctuation (。，、；：？！）」…) or ends with an opening one (（「…),
// the rules of Chinese typesetting.

// noLineStart are the characters a line must not begin with.
const noLineStart = "。，、；：？！）」』】》〉〕〗’”…‥・ー々〜,.;:!?)]}%"

// noLineEnd are the characters a line must not end with.
const noLineEnd = "（「『【《〈〔〖‘“([{"

// isCJK reports whether r is written without spaces around it: an
// ideograph, kana, Hangul, or CJK or full-width punctuation.
func isCJK(r rune) bool {
	return r >= 0x2e80 && (unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) ||
		(r >= 0x3000 && r <= 0x303f) || (r >= 0xff00 && r <= 0xffef))
}

// canBreak reports whether a line may break between a and b.
func canBreak(a, b rune) bool {
	switch {
	case unicode.IsSpace(b):
		return false // spaces stay at the end of the line they follow
	case unicode.IsSpace(a):
		return true
	case strings.ContainsRune(noLineStart, b), strings.ContainsRune(noLineEnd, a):
		return false
	}
	return isCJK(a) || isCJK(b)
}

// breakUnits cuts s into the pieces a line is made of: a line may break
// between two pieces and nowhere else. The pieces together are s; a
// piece keeps the spaces that follow it.
func breakUnits(s string) []string {
	var units []string
	start := 0
	prev, first := rune(0), true
	for i, r := range s {
		if !first && canBreak(prev, r) {
			units = append(units, s[start:i])
			start = i
		}
		prev, first = r, false
	}
	if start < len(s) {
		units = append(units, s[start:])
	}
	return units
}
