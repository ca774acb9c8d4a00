package ui

import (
	"testing"

	cjkfonts "github.com/raftlab/raftlab/assets/fonts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// withCJKFont installs the Chinese fonts for one test, and takes them
// away after it, so that other tests see the fonts English users have.
func withCJKFont(t *testing.T) {
	t.Helper()
	require.NoError(t, SetCJKFont(cjkfonts.SCRegular, cjkfonts.SCBold))
	t.Cleanup(func() {
		faces.Lock()
		defer faces.Unlock()
		fonts.cjkRegular, fonts.cjkBold = nil, nil
		faces.m = nil
		faces.generation++
	})
}

func TestChineseTextIsDrawnWithTheChineseFont(t *testing.T) {
	gen := fontGeneration()
	latin := textWidth("Leader election", face(14, false))
	withCJKFont(t)
	assert.True(t, HasCJKFont())
	assert.Greater(t, fontGeneration(), gen, "caches of drawn text see the change")
	f := face(14, false)
	// An ideograph is as wide as the font is tall.
	assert.InDelta(t, 3*14, textWidth("领导者", f), 1)
	assert.InDelta(t, 14+textWidth("S1 ", f), textWidth("S1 领", f), 1)
	assert.Equal(t, latin, textWidth("Leader election", f), "Latin text keeps the Go font")
	assert.InDelta(t, 2*14, textWidth("任期", face(14, true)), 1, "bold too")
}

func TestSetCJKFontRefusesWhatIsNotAFont(t *testing.T) {
	err := SetCJKFont([]byte("<html>404</html>"), cjkfonts.SCBold)
	assert.ErrorContains(t, err, "the Chinese font: ")
	assert.False(t, HasCJKFont())
}

func TestNeedsCJK(t *testing.T) {
	for s, want := range map[string]bool{"leader": false, "naïve – “x”": false, "领导者": true, "x，y": true, "キー": true, "키": true, "S1 任期 3": true} {
		assert.Equal(t, want, needsCJK(s), s)
	}
}
