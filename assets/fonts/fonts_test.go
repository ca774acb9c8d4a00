package fonts

import (
	"slices"
	"testing"
	"unicode"

	"github.com/raftlab/raftlab/lessons"
	"github.com/raftlab/raftlab/lessons/doc"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
)

// TestFontsCoverTheChineseText checks that every character of the zh-CN
// catalogue, glossary and lessons that the Go font lacks has a glyph in
// both weights of the Chinese font: a missing
// one would draw as an empty box. After adding Chinese text, run
// /usr/bin/python3 assets/fonts/subset.py.
func TestFontsCoverTheChineseText(t *testing.T) {
	need := map[rune]string{}
	add := func(where, s string) {
		for _, r := range s {
			if r > unicode.MaxASCII && need[r] == "" {
				need[r] = where
			}
		}
	}
	for _, k := range i18n.Keys() {
		add("catalogue "+k, i18n.Chinese.T(k))
	}
	for _, e := range doc.Glossary {
		add("glossary "+e.Term, e.Zh+e.ZhMeaning)
	}
	names := lessons.BundledIn(lessons.Chinese)
	require.NotEmpty(t, names)
	for _, name := range names {
		data, err := lessons.BundledFileIn(lessons.Chinese, name)
		require.NoError(t, err)
		add("lesson "+name, string(data))
	}
	// The Go font draws what it has (Latin, §, …): text falls back to the
	// Chinese font only for the rest.
	gofont, err := sfnt.Parse(goregular.TTF)
	require.NoError(t, err)
	var runes []rune
	var buf sfnt.Buffer
	for r := range need {
		if gi, err := gofont.GlyphIndex(&buf, r); err != nil || gi == 0 {
			runes = append(runes, r)
		}
	}
	slices.Sort(runes)
	for weight, data := range map[string][]byte{"regular": SCRegular, "bold": SCBold} {
		f, err := sfnt.Parse(data)
		require.NoError(t, err, weight)
		missing := 0
		for _, r := range runes {
			if gi, err := f.GlyphIndex(&buf, r); err != nil || gi == 0 {
				if missing++; missing <= 20 {
					t.Errorf("%s: no glyph for %q (U+%04X), used in %s", weight, r, r, need[r])
				}
			}
		}
		assert.Zero(t, missing, "%s: %d characters missing; run /usr/bin/python3 assets/fonts/subset.py", weight, missing)
		t.Logf("%s: %d characters checked, %d glyphs in the font", weight, len(runes), f.NumGlyphs())
	}
}
