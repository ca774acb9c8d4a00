package doc

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestVerifyResultChecksLines: lines that carry a valid check code but
// do not add up, or do not read as scores, are caught too. (Edits that
// break the code are lessons' TestResult, on a played quiz.)
func TestVerifyResultChecksLines(t *testing.T) {
	for _, tc := range []struct {
		lines []string
		want  string
	}{
		{[]string{"RaftLab result", "Lesson: Quiz", "elections 1/3", "Total 2/3"}, "the total 2/3 is not the sum of the topics, 1/3"},
		{[]string{"RaftLab result", "Lesson: Quiz", "elections 4/3", "Total 4/3"}, `expected a score such as "elections 3/4", not "elections 4/3"`},
		{[]string{"RaftLab result", "Lesson: Quiz", "elections 1/3", "logs"}, `not "logs"`},
		{[]string{"RaftLab result", "Lesson: Quiz", "Date: today", "elections 1/3"}, `should be the total ("Total 3/4"), not "elections 1/3"`},
		{[]string{"RaftLab result", "Quiz", "Total 0/0"}, `the second line should name the lesson`},
		{[]string{"RaftLab result", "Lesson: Quiz", "Date: today"}, "the result has no total"},
		{[]string{"RaftLab result", "Lesson: Quiz", "Date: today", "Attempt: 0", "Total 0/0"}, `expected the attempt as a whole number from 1 ("Attempt: 2"), not "Attempt: 0"`},
		{[]string{"RaftLab result", "Lesson: Quiz", "Attempt: 2"}, "the result has no total"},
	} {
		_, err := VerifyResult(strings.Join(tc.lines, "\n") + "\nCheck: " + checkCode(tc.lines))
		require.Error(t, err, "%v", tc.lines)
		assert.Contains(t, err.Error(), tc.want)
	}
}
