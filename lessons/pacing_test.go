package lessons

import (
	"fmt"
	"strings"
	"testing"

	"github.com/raftlab/raftlab/lessons/doc"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWords(t *testing.T) {
	for _, tc := range []struct {
		text string
		want int
	}{
		{"", 0},
		{"  one  two\nthree ", 3},
		{"S3's `follower`, now.", 3},
		{"领导者", 2},                  // 3 CJK characters: one word per 2, rounded up
		{"领导者和跟随者", 4},              // 7 CJK characters
		{"一个 leader 选举", 1 + 1 + 1}, // 2 + 2 CJK characters, and a word
		{"任期，投票", 3},                // the comma is not CJK: a word of its own
	} {
		assert.Equal(t, tc.want, Words(tc.text), "%q", tc.text)
	}
}

// TestParagraphsWords counts Markdown as the tool does: a bullet's "-" is
// a word, styles are not, and CJK counts over the whole text.
func TestParagraphsWords(t *testing.T) {
	ps := []doc.Paragraph{
		{Spans: []doc.Span{{Text: "A "}, {Text: "leader", Style: doc.Term}, {Text: " wins."}}},
		{Bullet: true, Spans: []doc.Span{{Text: "two words"}}},
		{Spans: []doc.Span{{Text: "领"}}},
		{Spans: []doc.Span{{Text: "导"}}},
	}
	assert.Equal(t, 3+3+1, ParagraphsWords(ps))
	assert.Equal(t, 0, ParagraphsWords(nil))
}

// pacedLesson is a lesson of a watch step that runs to a leader (with a
// header line such as a speed), a predict step and a do step, with texts of
// the given lengths.
func pacedLesson(t *testing.T, narration, explanation, notes int, speed string) *Lesson {
	t.Helper()
	words := func(n int) string { return strings.TrimSpace(strings.Repeat("word ", n)) }
	src := lesson(
		"## Watch\nkind: watch\nsetup: {\"nodes\": 3, \"seed\": 2}\nuntil: leader\n"+speed+"\n"+words(narration)+"\n\n### Explanation\n\n"+words(explanation)+"\n\n### More\n\n"+words(500)+"\n\n### Notes\n\n"+words(notes)+"\n",
		"## Guess\nkind: predict\nquestion: Who leads now?\nchoice: The same leader.\nwhen: leader\nchoice: Nobody.\nwhen: noLeader\nanswer: 1\nuntil: elapsed >= 100ms\n\nGuess.\n\n### Explanation\n\nThe leader stays.\n",
		"## Crash\nkind: do\ngoal: newLeader\nhint: Crash it.\nshowme: [{\"do\": \"crash\", \"node\": \"leader\"}]\nsettle: 50ms\n\n- Crash the leader.\n")
	l, err := Parse("paced.md", []byte(src))
	require.NoError(t, err)
	return l
}

func TestPacing(t *testing.T) {
	l := pacedLesson(t, 60, 80, 60, "")
	p := Pacing(l)
	require.NoError(t, p.Err)
	require.Len(t, p.Steps, 3)
	assert.Empty(t, p.ProblemsIn(English), "at the limits")
	w, g, d := p.Steps[0], p.Steps[1], p.Steps[2]
	assert.Equal(t, 60, w.Narration)
	assert.Equal(t, 80, w.Explanation, "### More is not counted")
	assert.Equal(t, 140, w.Reading, "the speaker's notes are not the learner's reading")
	assert.Equal(t, 60, w.Notes)
	assert.Equal(t, 1+3, g.Narration+g.Explanation)
	assert.Equal(t, 1+3+3+3+1, g.Reading, "narration, explanation, question and choices")
	assert.Equal(t, 4, d.Narration, "the bullet's dash is a word, as the tool counts it")

	// The waits are the canonical plays' simulated time at the step's speed.
	rep := AutoPlay(l)
	for i, s := range p.Steps {
		assert.Equal(t, rep.Steps[i].EndMs-rep.Steps[i].StartMs, s.SimMs, "step %d", i+1)
		assert.Equal(t, doc.DefaultSpeed, s.Speed)
	}
	assert.Equal(t, int64(100), g.SimMs)
	assert.InDelta(t, 5.0, g.WaitSeconds(), 1e-9, "100 simulated ms at 1/50x")
	assert.Greater(t, d.SimMs, int64(50), "a do step: show me, the goal, then settle")
	wait := 0.0
	for _, s := range p.Steps {
		wait += s.WaitSeconds()
	}
	assert.InDelta(t, float64(140+g.Reading+d.Reading)/200+wait/60, p.Minutes(), 1e-9)
}

func TestPacingProblems(t *testing.T) {
	p := Pacing(pacedLesson(t, 61, 81, 61, ""))
	probs := p.ProblemsIn(English)
	require.Len(t, probs, 3, "%v", probs)
	assert.Equal(t, `paced step 1 "Watch": main text 61 words (at most 60)`, probs[0])
	assert.Equal(t, `paced step 1 "Watch": explanation 81 words (at most 80)`, probs[1])
	assert.Equal(t, `paced step 1 "Watch": speaker notes 61 words (at most 60)`, probs[2])

	// The watch step takes a few hundred simulated ms to elect a leader:
	// too long at 1/100x, fine at its own 1/10x.
	slow := Pacing(pacedLesson(t, 10, 10, 10, "speed: 1/100x\n"))
	require.NoError(t, slow.Err)
	w := slow.Steps[0]
	require.Greater(t, w.SimMs, int64(200))
	assert.Equal(t, []string{fmt.Sprintf(`paced step 1 "Watch": waits %.1f s (%d simulated ms at 1/100x; at most 20 s)`, w.WaitSeconds(), w.SimMs)}, slow.ProblemsIn(English))
	assert.Empty(t, Pacing(pacedLesson(t, 10, 10, 10, "speed: 1/10x\n")).ProblemsIn(English))
}

// TestPacingAutoPlayFails: the waits from a failing step on are unknown,
// and the failure is a problem.
func TestPacingAutoPlayFails(t *testing.T) {
	l, err := Parse("bad.md", []byte(lesson("## W\nkind: watch\nsetup: {\"nodes\": 3, \"seed\": 2}\nuntil: noLeader\n\nx\n")))
	require.NoError(t, err)
	p := Pacing(l)
	require.Error(t, p.Err)
	assert.Equal(t, int64(-1), p.Steps[0].SimMs)
	assert.Zero(t, p.Steps[0].WaitSeconds())
	probs := p.ProblemsIn(English)
	require.Len(t, probs, 1)
	assert.Contains(t, probs[0], "bad: auto-play failed, waits not measured: bad.md:")
}

// predicts is a lesson of predict steps, one per answer (1-based), each
// choice's text given.
func predicts(t *testing.T, steps ...[]string) *Lesson {
	t.Helper()
	var b strings.Builder
	for i, s := range steps {
		fmt.Fprintf(&b, "## P%d\nkind: predict\n", i+1)
		if i == 0 {
			b.WriteString("setup: {\"nodes\": 3, \"seed\": 2}\n")
		}
		b.WriteString("question: q\n")
		for _, c := range s[1:] {
			fmt.Fprintf(&b, "choice: %s\nwhen: leader\n", c)
		}
		fmt.Fprintf(&b, "answer: %s\nuntil: leader\n\nx\n\n### Explanation\n\ny\n\n", s[0])
	}
	l, err := Parse("p.md", []byte(lesson(b.String())))
	require.NoError(t, err)
	return l
}

func TestAnswerBalance(t *testing.T) {
	// Five answers over three positions, the longest right twice of five:
	// within the rules.
	ok := predicts(t,
		[]string{"1", "long answer", "short"},
		[]string{"2", "aaa", "`leader`"}, // its Markdown, backquotes included, is the longest
		[]string{"3", "aaaa", "bbbb", "cc"},
		[]string{"1", "x", "yyyy"},
		[]string{"2", "yyyy", "x"},
	)
	b := AnswerBalance(ok)
	assert.Equal(t, Balance{Predicts: 5, Positions: []int{2, 2, 1}, LongestRight: 2}, b)
	assert.Empty(t, b.ProblemsIn(English))

	// One more answer at position 1 (three of six is 50%), and a tie for
	// the longest counts as longest (three of six).
	bad := predicts(t, []string{"1", "same", "same"})
	b = AnswerBalance(ok, bad)
	assert.Equal(t, Balance{Predicts: 6, Positions: []int{3, 2, 1}, LongestRight: 3}, b)
	assert.Equal(t, []string{
		"answer position 1 holds 3 of 6 predict answers (50%; at most 40%)",
		"the longest choice is the answer in 3 of 6 predict steps (50%; at most 40%)",
	}, b.ProblemsIn(English))
	assert.Empty(t, Balance{}.ProblemsIn(English))
}
