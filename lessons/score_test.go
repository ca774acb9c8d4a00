package lessons

import (
	"strings"
	"testing"

	"github.com/raftlab/raftlab/lessons/doc"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// quiz is an assessment: a watch step without a topic, two predict steps
// on elections and one on logs, and a do step on elections.
func quiz(t *testing.T) *Lesson {
	t.Helper()
	src := "---\ntitle: Quiz\n---\n\n" +
		"## Start\nkind: watch\nsetup: {\"nodes\": 3, \"seed\": 2}\nuntil: leader\n\nA leader.\n\n" +
		"## Q1\nkind: predict\ntopic: elections\nquestion: q\nchoice: A leader stays.\nwhen: leader\nchoice: Nobody leads.\nwhen: noLeader\nanswer: 1\nuntil: elapsed >= 100ms\n\nx\n\n### Explanation\n\ny\n\n" +
		"## Q2\nkind: predict\ntopic: logs\nquestion: q\nchoice: Nobody leads.\nwhen: noLeader\nchoice: A leader stays.\nwhen: leader\nanswer: 2\nuntil: elapsed >= 100ms\n\nx\n\n### Explanation\n\ny\n\n" +
		"## Q3\nkind: predict\ntopic: elections\nquestion: q\nchoice: A leader stays.\nwhen: leader\nchoice: Nobody leads.\nwhen: noLeader\nanswer: 1\nuntil: elapsed >= 100ms\n\nx\n\n### Explanation\n\ny\n\n" +
		"## Crash\nkind: do\ntopic: elections\ngoal: newLeader\nhint: Crash it.\nshowme: [{\"do\": \"crash\", \"node\": \"leader\"}]\n\nCrash the leader.\n"
	l, err := Parse("quiz.md", []byte(src))
	require.NoError(t, err)
	require.NoError(t, AutoPlay(l).Err())
	return l
}

func TestAssessment(t *testing.T) {
	assert.True(t, quiz(t).Assessment())
	l, err := Parse("tiny.md", []byte(tiny))
	require.NoError(t, err)
	assert.False(t, l.Assessment())
}

// TestScore: the first answer counts, show me scores nothing, and only
// steps with a topic are scored.
func TestScore(t *testing.T) {
	l := quiz(t)
	r, err := NewRunner(l)
	require.NoError(t, err)
	sc := doc.NewScore(&l.Lesson)
	observe := func() { sc.Observe(r.Play()) }

	assert.Equal(t, []doc.TopicScore{{Topic: "elections", Got: 0, Of: 3}, {Topic: "logs", Got: 0, Of: 1}}, sc.Topics(), "nothing decided yet; the watch step is not scored")
	observe()

	// Q1: wrong first, then right after a restart: the first answer counts.
	require.NoError(t, r.Jump(1))
	observe()
	require.NoError(t, r.Play().Answer(1))
	observe()
	require.NoError(t, r.Restart())
	require.NoError(t, r.Play().Answer(0))
	observe()

	// Q2: right at once.
	require.NoError(t, r.Next())
	require.NoError(t, r.Play().Answer(1))
	observe()

	// Q3 is left unanswered: it does not score.
	require.NoError(t, r.Next())
	observe()

	// The do step: show me scores nothing, even if the learner then does
	// it again alone.
	require.NoError(t, r.Next())
	require.NoError(t, r.Play().ShowMe())
	observe()
	require.NoError(t, r.Restart())
	crashLeader(t, r)
	observe()
	assert.Equal(t, []doc.TopicScore{{Topic: "elections", Got: 0, Of: 3}, {Topic: "logs", Got: 1, Of: 1}}, sc.Topics())
	assert.Equal(t, doc.TopicScore{Topic: "Total", Got: 1, Of: 4}, sc.Total())

	// Reached without show me: it scores.
	sc = doc.NewScore(&l.Lesson)
	require.NoError(t, r.Restart())
	observe()
	crashLeader(t, r)
	observe()
	assert.Equal(t, doc.TopicScore{Topic: "Total", Got: 1, Of: 4}, sc.Total())
	assert.Equal(t, []doc.TopicScore{{Topic: "elections", Got: 1, Of: 3}, {Topic: "logs", Got: 0, Of: 1}}, sc.Topics())

	// A play of another lesson is not scored.
	other := quiz(t)
	sc = doc.NewScore(&other.Lesson)
	sc.Observe(r.Play())
	assert.Equal(t, 0, sc.Total().Got)
}

// crashLeader crashes the leader as the learner would, and plays on until
// the do step's goal holds.
func crashLeader(t *testing.T, r *Runner) {
	t.Helper()
	p := r.Play()
	id := mustLeader(t, p.Session().World())
	require.NoError(t, p.Session().Do(view.Action{Do: "crash", Node: view.ID(id)}))
	require.True(t, p.Advance(p.Session().Now()+p.Step().Within), "%v", p.Facts())
	require.True(t, p.Done())
	require.False(t, p.ShownMe())
}

func TestResult(t *testing.T) {
	l := quiz(t)
	r, err := NewRunner(l)
	require.NoError(t, err)
	sc := doc.NewScore(&l.Lesson)
	require.NoError(t, r.Jump(1))
	require.NoError(t, r.Play().Answer(0))
	sc.Observe(r.Play())

	text := sc.Result("")
	lines := strings.Split(text, "\n")
	require.Len(t, lines, 7, text)
	assert.Equal(t, []string{"RaftLab result", "Lesson: Quiz", "elections 1/3", "logs 0/1", "Total 1/4"}, lines[:5])
	assert.Regexp(t, `^Check: [0-9a-f]{4}-[0-9a-f]{4}$`, lines[5])
	assert.Equal(t, "", lines[6])
	assert.Equal(t, text, sc.Result(""), "the same score, the same text")

	d, err := doc.VerifyResult(text)
	require.NoError(t, err)
	assert.Equal(t, &doc.ResultDoc{Lesson: "Quiz", Topics: []doc.TopicScore{{Topic: "elections", Got: 1, Of: 3}, {Topic: "logs", Got: 0, Of: 1}}, Total: doc.TopicScore{Topic: "Total", Got: 1, Of: 4}}, d)

	dated := sc.Result("2025-06-01")
	assert.Contains(t, dated, "\nDate: 2025-06-01\n")
	assert.NotEqual(t, lines[5], strings.Split(dated, "\n")[6], "the date is checked too")
	d, err = doc.VerifyResult(strings.ReplaceAll("\n"+dated+"\n\n", "\n", "\r\n  "))
	require.NoError(t, err, "blank lines, spaces and Windows line ends do not matter")
	assert.Equal(t, "2025-06-01", d.Date)
	assert.Zero(t, d.Attempt, "no attempt line")

	// A retake says which attempt it is, under the check code.
	sc.Attempt = 2
	retake := sc.Result("2025-06-01")
	assert.Contains(t, retake, "\nDate: 2025-06-01\nAttempt: 2\nelections 1/3\n")
	d, err = doc.VerifyResult(retake)
	require.NoError(t, err)
	assert.Equal(t, 2, d.Attempt)
	_, err = doc.VerifyResult(strings.Replace(retake, "Attempt: 2", "Attempt: 1", 1))
	require.ErrorContains(t, err, "the result was edited", "a retake cannot pass for a first attempt")
	sc.Attempt = 0

	for _, tc := range []struct{ name, text, want string }{
		{"a score raised", strings.Replace(text, "logs 0/1", "logs 1/1", 1), "does not match the lines above it: the result was edited"},
		{"the code changed", strings.Replace(text, "Check: ", "Check: 0", 1), "does not match"},
		{"no code", strings.Join(lines[:5], "\n"), `the last line should be the check code ("Check: ...")`},
		{"not a result", "hello\nworld\n", "not a RaftLab result"},
		{"empty", "", "not a RaftLab result"},
	} {
		_, err := doc.VerifyResult(tc.text)
		require.Error(t, err, tc.name)
		assert.Contains(t, err.Error(), tc.want, tc.name)
	}

}
