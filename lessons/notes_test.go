package lessons

import (
	"testing"

	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestBundledNotes: every step of every bundled lesson has speaker notes,
// in every language (the structure check keeps the translations' markers
// where the English has them; this keeps a step from having none).
func TestBundledNotes(t *testing.T) {
	steps := 0
	for _, lang := range i18n.Langs {
		for _, name := range BundledIn(lang) {
			l, err := LoadIn(lang, name)
			require.NoError(t, err)
			for i, st := range l.Engine {
				steps++
				assert.NotEmpty(t, st.Notes, "%s/%s step %d %q has no ### Notes", lang, name, i+1, st.Title)
			}
		}
	}
	assert.Greater(t, steps, 300, "both languages' steps were read")
}
