package lessons

import (
	"testing"

	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The pseudo-locale (which marks the app's own words to find the ones that
// bypass the catalogue) shows the English course, not an empty list.
func TestPseudoLocaleReadsTheEnglishLessons(t *testing.T) {
	en, err := AllIn(English)
	require.NoError(t, err)
	pseudo, err := AllIn(i18n.Pseudo)
	require.NoError(t, err)
	require.Len(t, pseudo, len(en))
	assert.Equal(t, en[0].Title, pseudo[0].Title)
	data, err := BundledFileIn(i18n.Pseudo, BundledIn(English)[0])
	require.NoError(t, err)
	assert.NotEmpty(t, data)
}
