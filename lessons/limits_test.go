package lessons

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Hostile conditions are refused with the limit named, before they can
// exhaust the stack (millions of nested parentheses or nots once killed the
// process) or memory.
func TestConditionLimits(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"3 million (", strings.Repeat("(", 3_000_000) + "leader" + strings.Repeat(")", 3_000_000), "at most 2000"},
		{"2 million not", strings.Repeat("not ", 2_000_000) + "leader", "at most 2000"},
		{"33 parentheses", strings.Repeat("(", 33) + "leader" + strings.Repeat(")", 33), "more than 32 deep"},
		{"33 nots", strings.Repeat("not ", 33) + "leader", "more than 32 deep"},
		{"mixed", strings.Repeat("not (", 17) + "leader" + strings.Repeat(")", 17), "more than 32 deep"},
	} {
		_, err := parseOn(tc.src, 5)
		require.Error(t, err, tc.name)
		assert.Contains(t, err.Error(), tc.want, tc.name)
	}
	for _, ok := range []string{
		strings.Repeat("(", 32) + "leader" + strings.Repeat(")", 32),
		strings.Repeat("not not ", 16) + "leader",
	} {
		_, err := parseOn(ok, 5)
		assert.NoError(t, err, "nesting up to the limit is fine")
	}
}

// A lesson file bigger than MaxFileBytes is refused before it is read into
// lines (a 42 MB narration once took 980 MB).
func TestLessonFileSizeLimit(t *testing.T) {
	data := []byte("---\ntitle: big\n---\n\n## Step 1\n\n" + strings.Repeat("word ", MaxFileBytes/5+1))
	_, err := Parse("big.md", data)
	require.Error(t, err)
	assert.Equal(t, "big.md: the file is 1048611 bytes; a lesson file may have at most 1048576", err.Error())
}

// An error about a hostile condition is one short line: it quotes the
// start of the condition, not all of it.
func TestAHugeConditionIsQuotedShort(t *testing.T) {
	data, err := BundledFile("03-leader-election")
	require.NoError(t, err)
	huge := strings.Repeat("(", 300_000) + "leader" + strings.Repeat(")", 300_000)
	src := strings.Replace(string(data), "until: elections >= 1", "until: "+huge, 1)
	require.NotEqual(t, string(data), src)
	_, err = Parse("03-leader-election.md", []byte(src))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "the condition is 600006 bytes long")
	assert.Less(t, len(err.Error()), 400, "%.400s", err.Error())
}
