package main

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/raftlab/raftlab/lessons"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// paced is a lesson within every pacing rule: a watch step that elects a
// leader at 1/10x, then five predict steps whose answers stand at
// positions 1, 2, 3, 1, 2, the longest choice right in the first two.
var paced = func() string {
	var b strings.Builder
	b.WriteString("---\ntitle: Paced\nnumber: 1\nspeed: 1/10x\n---\n\n## Start\nkind: watch\nsetup: {\"nodes\": 3, \"seed\": 2}\nuntil: leader\n\nThree servers elect a leader.\n")
	for i, answer := range []int{1, 2, 3, 1, 2} {
		right := "Yes."
		if i < 2 {
			right = "Yes, the same one."
		}
		fmt.Fprintf(&b, "\n## Guess %d\nkind: predict\nquestion: Is there a leader?\n", i+1)
		for pos := 1; pos <= 3; pos++ {
			if pos == answer {
				fmt.Fprintf(&b, "choice: %s\nwhen: leader\n", right)
			} else {
				fmt.Fprintf(&b, "choice: No, wrong %d.\nwhen: noLeader and elapsed = %d\n", pos, pos)
			}
		}
		fmt.Fprintf(&b, "answer: %d\nuntil: elapsed >= 100ms\n\nMake a guess.\n\n### Explanation\n\nThe leader stays, since its heartbeats go on.\n", answer)
	}
	return b.String()
}()

func TestCLILessonStats(t *testing.T) {
	path := cliWrite(t, "01-paced.md", paced)
	r := cliRun(t, "lesson", "stats", path)
	require.Equal(t, 0, r.code, "stdout:\n%s\nstderr:\n%s", r.stdout, r.stderr)
	assert.Empty(t, r.stderr)
	// Words 5 and 3 (five times); explanations 8; the answers spread, the
	// longest right twice of five.
	assert.Regexp(t, `(?m)^01-paced +steps   6  words median  3 p90   5 max   5  explanation max   8  answers 1:2 2:2 3:1 longest right 2/5 +wait max +\d+\.\d s  about 1 min$`, r.stdout)
	assert.Regexp(t, `(?m)^total \(1 lessons\) +steps   6 `, r.stdout)
	assert.Contains(t, r.stdout, "ok: every pacing rule holds")

	// Too many words, and a third answer made the longest: exit 1,
	// naming the lesson, the step and the figure.
	long := strings.Replace(paced, "Three servers elect a leader.", strings.Repeat("word ", 61), 1)
	long = strings.Replace(long, "choice: Yes.\n", "choice: Yes, yes, the same one.\n", 1)
	path = cliWrite(t, "01-long.md", long)
	r = cliRun(t, "lesson", "stats", path)
	assert.Equal(t, 1, r.code, r.stdout)
	assert.Contains(t, r.stdout, "2 pacing problems:\n")
	assert.Contains(t, r.stdout, `  01-long step 1 "Start": main text 61 words (at most 60)`)
	assert.Contains(t, r.stdout, "  the longest choice is the answer in 3 of 5 predict steps (60%; at most 40%)")
}

// TestCLILessonStatsBundled: a line per bundled lesson and a total, with
// or without --all.
func TestCLILessonStatsBundled(t *testing.T) {
	all, err := lessons.All()
	require.NoError(t, err)
	for _, args := range [][]string{{"lesson", "stats"}, {"lesson", "stats", "--all"}} {
		r := cliRun(t, args...)
		assert.Contains(t, []int{0, 1}, r.code, r.stderr)
		assert.Empty(t, r.stderr)
		assert.Len(t, regexp.MustCompile(`(?m)^\d\d-\S+ +steps `).FindAllString(r.stdout, -1), len(all), r.stdout)
		assert.Regexp(t, `(?m)^total \(\d+ lessons\) +steps +\d+ +words median`, r.stdout)
	}
}

func TestCLILessonStatsJSON(t *testing.T) {
	r := cliRun(t, "lesson", "stats", cliWrite(t, "01-paced.md", paced), "--json")
	require.Equal(t, 0, r.code, r.stderr)
	var docs []struct {
		Name  string `json:"name"`
		Steps []struct {
			Step        int     `json:"step"`
			Narration   int     `json:"narration"`
			Explanation int     `json:"explanation"`
			SimMs       int64   `json:"simMs"`
			WaitSeconds float64 `json:"waitSeconds"`
		} `json:"steps"`
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &docs), r.stdout)
	require.Len(t, docs, 1)
	assert.Equal(t, "01-paced", docs[0].Name)
	require.Len(t, docs[0].Steps, 6)
	assert.Equal(t, 2, docs[0].Steps[1].Step)
	assert.Equal(t, 3, docs[0].Steps[1].Narration)
	assert.Equal(t, 8, docs[0].Steps[1].Explanation)
	assert.Equal(t, int64(100), docs[0].Steps[1].SimMs)
	assert.InDelta(t, 1.0, docs[0].Steps[1].WaitSeconds, 1e-9, "100 ms at 1/10x")
}

func TestCLILessonStatsBadInput(t *testing.T) {
	checkBadInput(t, []cliBadCase{
		{"unknown lesson", []string{"lesson", "stats", "42"}, []string{`"42" is neither a lesson file nor a bundled lesson`}, true},
		{"unknown flag", []string{"lesson", "stats", "--verbose"}, []string{"raftsim lesson stats: ", "verbose"}, false},
	})
}
