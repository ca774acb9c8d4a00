package lessons

import (
	"testing"

	"github.com/raftlab/raftlab/playground/i18n"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestBundledTranslations holds every translated lesson to its English
// original: the same structure line for line (so the same steps, setups,
// conditions and answers), a clean auto-play, and the pacing rules.
func TestBundledTranslations(t *testing.T) {
	for _, lang := range i18n.Langs[1:] {
		names := BundledIn(lang)
		require.NotEmpty(t, names, lang)
		for _, name := range names {
			t.Run(string(lang)+"/"+name, func(t *testing.T) {
				en, err := BundledFile(name)
				require.NoError(t, err, "a %s lesson translates an English one of the same name", lang)
				tr, err := BundledFileIn(lang, name)
				require.NoError(t, err)
				require.NoError(t, SameStructure(name+".md", en, string(lang)+"/"+name+".md", tr))
				l, err := LoadIn(lang, name)
				require.NoError(t, err)
				assert.Equal(t, lang, l.Lang)
				require.NoError(t, AutoPlay(l).Err())
				for _, msg := range Pacing(l).ProblemsIn(English) {
					t.Error(msg)
				}
			})
		}
	}
}

func TestLoadInALanguage(t *testing.T) {
	l, err := LoadIn(Chinese, "13")
	require.NoError(t, err)
	assert.Equal(t, "zh-CN/13-reads.md", l.File)
	assert.Equal(t, Chinese, l.Lang)
	_, err = LoadIn("fr", "3")
	assert.ErrorContains(t, err, `no lessons in language "fr" (have: en, zh-CN)`)
	_, err = BundledFileIn(Chinese, "../03-leader-election")
	assert.Error(t, err)
}
