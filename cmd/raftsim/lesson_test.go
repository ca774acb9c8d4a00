package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/raftlab/raftlab/lessons"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCLILessonList(t *testing.T) {
	r := cliRun(t, "lesson", "list")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Empty(t, r.stderr)
	assert.Contains(t, r.stdout, "03-leader-election")
	assert.Contains(t, r.stdout, "Lesson 3: Leader election (8 steps, about 5 min)")
	assert.Contains(t, r.stdout, "06-log-repair")
	assert.Less(t, strings.Index(r.stdout, "03-"), strings.Index(r.stdout, "06-"), "in course order")
}

func TestCLILessonCheckBundled(t *testing.T) {
	// --all checks every edition of the course.
	var all []*lessons.Lesson
	for _, lang := range i18n.Langs {
		in, err := lessons.AllIn(lang)
		require.NoError(t, err)
		all = append(all, in...)
	}
	steps := 0
	for _, l := range all {
		steps += len(l.Steps)
	}
	l3, err := lessons.Load("3")
	require.NoError(t, err)
	l6, err := lessons.Load("6")
	require.NoError(t, err)
	for _, tc := range []struct {
		args           []string
		verdicts, rows int
	}{
		{[]string{"lesson", "check", "--all"}, len(all), steps},
		{[]string{"lesson", "check", "3", "06-log-repair"}, 2, len(l3.Steps) + len(l6.Steps)},
		{[]string{"lesson", "check", "../../lessons/03-leader-election.md", "../../lessons/06-log-repair.md"}, 2, len(l3.Steps) + len(l6.Steps)},
	} {
		r := cliRun(t, tc.args...)
		require.Equal(t, 0, r.code, "%v\nstdout:\n%s\nstderr:\n%s", tc.args, r.stdout, r.stderr)
		assert.Empty(t, r.stderr)
		assert.NotContains(t, r.stdout, "FAIL")
		assert.Equal(t, tc.verdicts, strings.Count(r.stdout, "\nok: "), "a verdict per lesson:\n%s", r.stdout)
		assert.Regexp(t, `ok   step 1  watch   "Five followers" +0-163 ms`, r.stdout)
		assert.Equal(t, tc.rows, len(regexp.MustCompile(`(?m)^  ok   step `).FindAllString(r.stdout, -1)), "one line per step:\n%s", r.stdout)
	}
}

func TestCLILessonCheckVerbose(t *testing.T) {
	r := cliRun(t, "lesson", "check", "6", "-v")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, `answer 2 is what the run did`)
	assert.Contains(t, r.stdout, "rejections(3) is 6")
	assert.Contains(t, r.stdout, "end: S1 leader t8")
}

// lessonFile writes a bundled lesson, edited, to a temporary file.
func lessonFile(t *testing.T, name string, edit func(string) string) string {
	t.Helper()
	data, err := lessons.BundledFile(name)
	require.NoError(t, err)
	src := edit(string(data))
	require.NotEqual(t, string(data), src, "the edit changed nothing")
	path := filepath.Join(t.TempDir(), name+".md")
	require.NoError(t, os.WriteFile(path, []byte(src), 0o644))
	return path
}

func TestCLILessonCheckFails(t *testing.T) {
	// The file claims S3 rejects once; the run says six times.
	path := lessonFile(t, "06-log-repair", func(s string) string {
		i := strings.Index(s, "## How far back?")
		return s[:i] + strings.Replace(s[i:], "answer: 2", "answer: 1", 1)
	})
	r := cliRun(t, "lesson", "check", path)
	assert.Equal(t, 1, r.code, r.stdout)
	assert.Empty(t, r.stderr)
	assert.Contains(t, r.stdout, `  FAIL step 7  predict "How far back?"`)
	assert.Contains(t, r.stdout, `step 7 "How far back?": answer: the file says the answer is choice 1 ("One: S3 answers with where its log ends.", when rejections(3) = 1), but the run made choice 2`)
	assert.Contains(t, r.stdout, "rejections(3) is 6")
	assert.Contains(t, r.stdout, "FAIL: "+path+" stopped at step 7 of 10")
	assert.Equal(t, 6, strings.Count(r.stdout, "  ok   step "), "the steps before it passed")

	// A do step whose show me does not reach the goal.
	path = lessonFile(t, "03-leader-election", func(s string) string {
		return strings.Replace(s, `showme: [{"do": "crash", "node": "leader"}]`, `showme: [{"do": "heal"}]`, 1)
	})
	r = cliRun(t, "lesson", "check", path)
	assert.Equal(t, 1, r.code, r.stdout)
	assert.Contains(t, r.stdout, `step 4 "Crash the leader": goal: "newLeader and down(3) and leaderTerm = 2 and elections = 1" does not hold within 5s of show me (newLeader is false`)
}

func TestCLILessonBadInput(t *testing.T) {
	bad := lessonFile(t, "03-leader-election", func(s string) string { return strings.Replace(s, "until: leader\n", "until: leadr\n", 1) })
	badSetup := lessonFile(t, "06-log-repair", func(s string) string {
		return strings.Replace(s, `{"steps": [{"at": 0, "do": "heal"}]}`, `{"steps": [{"at": 0, "do": "heal", "node": 1}]}`, 1)
	})
	checkBadInput(t, []cliBadCase{
		{"misspelled condition", []string{"lesson", "check", bad}, []string{bad + ":", `step 2 "Who wins?": until: "leadr": unknown name "leadr" (did you mean leader?)`}, true},
		{"bad setup", []string{"lesson", "check", badSetup}, []string{badSetup + ":", `step 5 "Reconnect": setup: action 1 (heal): field "node": unknown field`}, true},
		{"missing file", []string{"lesson", "check", "nope/missing.md"}, []string{"nope/missing.md", "no such file"}, true},
		{"unknown lesson", []string{"lesson", "check", "42"}, []string{`"42" is neither a lesson file nor a bundled lesson (bundled: `, `03-leader-election`}, true},
		{"nothing to check", []string{"lesson", "check"}, []string{"name a lesson file or a bundled lesson, or give --all", "usage:"}, false},
		{"unknown flag", []string{"lesson", "check", "3", "--verbose"}, []string{"raftsim lesson check: ", "verbose"}, false},
		{"no subcommand", []string{"lesson"}, []string{"raftsim lesson check FILE|NAME"}, false},
		{"unknown subcommand", []string{"lesson", "teach"}, []string{`unknown command "teach"`}, false},
		{"list with arguments", []string{"lesson", "list", "3"}, []string{"takes no arguments"}, false},
	})
}

func TestCLILessonHelp(t *testing.T) {
	r := cliRun(t, "lesson", "help")
	assert.Equal(t, 0, r.code)
	assert.Contains(t, r.stdout, "raftsim lesson list")
	r = cliRun(t, "help")
	assert.Contains(t, r.stdout, "raftsim lesson")
}

func TestPadWideCountsChineseAsTwoColumns(t *testing.T) {
	assert.Equal(t, `"ab"  `, padWide(`"ab"`, 6))
	assert.Equal(t, `"心跳"  `, padWide(`"心跳"`, 8), "two characters of two columns each, and two quotes")
	assert.Equal(t, "谁会胜出？", padWide("谁会胜出？", 4), "never cut")
}
