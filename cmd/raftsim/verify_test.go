package main

import (
	"os"
	"strings"
	"testing"

	"github.com/raftlab/raftlab/lessons"
	"github.com/raftlab/raftlab/lessons/doc"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// resultFile writes the result of an assessment nobody has answered yet,
// edited, to a file.
func resultFile(t *testing.T, name string, edit func(string) string) string {
	t.Helper()
	l, err := lessons.Parse("quiz.md", []byte("---\ntitle: Quiz\n---\n\n## Q\nkind: watch\ntopic: elections\nsetup: {\"nodes\": 3}\nuntil: leader\n\nx\n"))
	require.NoError(t, err)
	return cliWrite(t, name, edit(doc.NewScore(&l.Lesson).Result("2025-06-01")))
}

func TestCLIVerifyResult(t *testing.T) {
	good := resultFile(t, "good.txt", func(s string) string { return s })
	bad := resultFile(t, "bad.txt", func(s string) string { return strings.Replace(s, "elections 0/1", "elections 1/1", 1) })
	r := cliRun(t, "lesson", "verify-result", good)
	require.Equal(t, 0, r.code, r.stdout+r.stderr)
	assert.Equal(t, "ok   "+good+": Quiz, 2025-06-01: 0/1 (elections 0/1)\n", r.stdout)

	r = cliRun(t, "lesson", "verify-result", good, bad)
	assert.Equal(t, 1, r.code)
	assert.Contains(t, r.stdout, "ok   "+good)
	assert.Contains(t, r.stdout, "FAIL "+bad+": the check code ")
	assert.Contains(t, r.stdout, "does not match the lines above it: the result was edited\n")
	assert.Empty(t, r.stderr)
	data, err := os.ReadFile(bad)
	require.NoError(t, err)
	assert.Contains(t, string(data), "elections 1/1", "the edit is in the file")

	checkBadInput(t, []cliBadCase{
		{"no file", []string{"lesson", "verify-result"}, []string{"name the result files to check", "usage:"}, false},
		{"missing file", []string{"lesson", "verify-result", "nope/result.txt"}, []string{"nope/result.txt", "no such file"}, true},
	})
}
