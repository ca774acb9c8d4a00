package ui

import (
	"fmt"
	"unicode"

	"golang.org/x/image/font/opentype"
)

// The Go fonts have no Chinese glyphs. Chinese is drawn with Noto Sans
// CJK SC subsets (assets/fonts), which are large (1.3 MB gzip a weight),
// so they are not part of the app: the host hands them over with
// SetCJKFont when Chinese is chosen or first needed (the desktop from its
// binary, the browser by fetching them), and text falls back to them for
// the characters the Go fonts lack. Until then, English costs nothing.

// SetCJKFont installs the Chinese fonts (OpenType data, regular and bold).
// Every face is made again with them, so that text drawn from now on
// shows Chinese. It is safe to call from another goroutine (a browser
// callback).
func SetCJKFont(regular, bold []byte) error {
	r, err := opentype.Parse(regular)
	if err != nil {
		return fmt.Errorf("the Chinese font: %w", err)
	}
	b, err := opentype.Parse(bold)
	if err != nil {
		return fmt.Errorf("the Chinese bold font: %w", err)
	}
	faces.Lock()
	defer faces.Unlock()
	fonts.cjkRegular, fonts.cjkBold = r, b
	faces.m = nil
	faces.generation++
	return nil
}

// HasCJKFont reports whether the Chinese fonts are installed.
func HasCJKFont() bool {
	faces.Lock()
	defer faces.Unlock()
	return fonts.cjkRegular != nil
}

// fontGeneration counts the changes of fonts: a cache of drawn text keys
// on it, so that text drawn before the Chinese fonts came is drawn again.
func fontGeneration() int {
	faces.Lock()
	defer faces.Unlock()
	return faces.generation
}

// needsCJK reports whether s has characters only the Chinese fonts have:
// Han ideographs, CJK punctuation, full-width forms, kana, Hangul.
func needsCJK(s string) bool {
	for _, r := range s {
		if r >= 0x2e80 && (unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) ||
			(r >= 0x3000 && r <= 0x303f) || (r >= 0xff00 && r <= 0xffef)) {
			return true
		}
	}
	return false
}
