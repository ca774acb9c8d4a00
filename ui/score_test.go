package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/raftlab/raftlab/lessons"
	"github.com/raftlab/raftlab/lessons/doc"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// quizSource is an assessment: a watch step without a topic, then a
// predict step on elections and the last one on logs.
const quizSource = "---\ntitle: Quiz\n---\n\n" +
	"## Start\nkind: watch\nsetup: {\"nodes\": 3, \"seed\": 2}\nuntil: leader\n\nA leader.\n\n" +
	"## Q1\nkind: predict\ntopic: elections\nquestion: q\nchoice: A leader stays.\nwhen: leader\nchoice: Nobody leads.\nwhen: noLeader\nanswer: 1\nuntil: elapsed >= 100ms\n\nx\n\n### Explanation\n\ny\n\n" +
	"## Q2\nkind: predict\ntopic: logs\nquestion: q\nchoice: Nobody leads.\nwhen: noLeader\nchoice: A leader stays.\nwhen: leader\nanswer: 2\nuntil: elapsed >= 100ms\n\nx\n\n### Explanation\n\ny\n"

// startQuiz runs src in the lesson panel of a game made with opts.
func startQuiz(t *testing.T, opts Options, src string) *Game {
	t.Helper()
	l, err := lessons.Parse("16-quiz.md", []byte(src))
	require.NoError(t, err)
	g := testGameWith(t, withCourse(opts, l))
	g.lesson = &lessonPanel{all: []*doc.Lesson{&l.Lesson}}
	g.startLesson(0)
	require.NotNil(t, g.lesson.run)
	return g
}

// panelText is the text the lesson panel shows, a line each.
func panelText(g *Game) string {
	g.lessonButtons() // lays the panel out
	var lines []string
	for _, t := range g.lesson.view.texts {
		lines = append(lines, t.s)
	}
	return strings.Join(lines, "\n")
}

// playQuiz answers Q1 wrong, then right after a restart, and Q2 right, and
// plays the last step out.
func playQuiz(t *testing.T, g *Game) {
	t.Helper()
	done := func() bool { return g.lessonPlay().Done() }
	g.paused = false
	updateUntil(t, g, 5000, done)
	clickButton(t, g, g.lessonButtons(), "lesson-next")
	clickButton(t, g, g.lessonButtons(), "lesson-choice-2")
	updateUntil(t, g, 5000, done)
	assert.NotContains(t, panelText(g), "Your score", "not before the end")
	clickButton(t, g, g.lessonButtons(), "lesson-step-2")
	clickButton(t, g, g.lessonButtons(), "lesson-choice-1")
	updateUntil(t, g, 5000, done)
	clickButton(t, g, g.lessonButtons(), "lesson-next")
	clickButton(t, g, g.lessonButtons(), "lesson-choice-2")
	assert.NotContains(t, panelText(g), "Your score", "not before the last step is done")
	updateUntil(t, g, 5000, done)
}

// TestScoreView: at the end of an assessment the panel shows the score per
// topic (the first answer counts), and Copy and Download hand the result
// over, saying so.
func TestScoreView(t *testing.T) {
	var copied, savedName string
	var saved []byte
	g := startQuiz(t, Options{Results: ResultStore{
		Copy: func(text string) error { copied = text; return nil },
		Download: func(name string, data []byte) (string, error) {
			savedName, saved = name, data
			return "/somewhere/" + name, nil
		},
	}}, quizSource)
	playQuiz(t, g)
	text := panelText(g)
	assert.Contains(t, text, "Your score\nelections: 0 of 1\nlogs: 1 of 1\nIn all: 1 of 2")

	clickButton(t, g, g.lessonButtons(), "score-copy")
	today := time.Now().Format("2006-01-02")
	assert.Regexp(t, `^RaftLab result\nLesson: Quiz\nDate: `+today+`\nAttempt: 1\nelections 0/1\nlogs 1/1\nTotal 1/2\nCheck: \S+\n$`, copied)
	d, err := doc.VerifyResult(copied)
	require.NoError(t, err)
	assert.Equal(t, doc.TopicScore{Topic: "Total", Got: 1, Of: 2}, d.Total)
	assert.Equal(t, "copied the result", g.status.text)

	clickButton(t, g, g.lessonButtons(), "score-download")
	assert.Equal(t, "raftlab-result-16-quiz.txt", savedName)
	assert.Equal(t, copied, string(saved))
	assert.Equal(t, "saved the result to /somewhere/raftlab-result-16-quiz.txt", g.status.text)
}

// TestScoreViewInChinese: the score speaks the app's language: its title,
// the course's topics (选举), the total, and what Copy says; a topic the
// catalogue does not know is shown as the lesson names it.
func TestScoreViewInChinese(t *testing.T) {
	withCJKFont(t)
	g := startQuiz(t, Options{Lang: i18n.Chinese, Results: ResultStore{Copy: func(string) error { return nil }}}, quizSource)
	playQuiz(t, g)
	assert.Contains(t, panelText(g), "你的得分\n选举：0 / 1\nlogs：1 / 1\n总计：1 / 2")
	clickButton(t, g, g.lessonButtons(), "score-copy")
	assert.Equal(t, "已复制结果", g.status.text)
}

// TestScoreRetake: opening an assessment again starts a new score, which
// the progress counts as the next attempt, and the result says which.
func TestScoreRetake(t *testing.T) {
	var copied string
	g := startQuiz(t, Options{Results: ResultStore{Copy: func(text string) error { copied = text; return nil }}}, quizSource)
	playQuiz(t, g)
	assert.NotContains(t, panelText(g), "Attempt")
	all := g.lesson.all
	g.closeLesson() // finished: it opens again from the start
	g.lesson = &lessonPanel{all: all}
	g.startLesson(0)
	g.Update()
	l, _ := g.lessonProgress().Of("16-quiz")
	assert.Equal(t, 2, l.Attempts, "the second opening is the second attempt")
	playQuiz(t, g)
	assert.Contains(t, panelText(g), "Attempt 2: the result says so.")
	clickButton(t, g, g.lessonButtons(), "score-copy")
	d, err := doc.VerifyResult(copied)
	require.NoError(t, err)
	assert.Equal(t, 2, d.Attempt)
}

// TestScoreViewWithout: without a front end that takes the result, the
// score shows with no controls; a lesson without topics has no score.
func TestScoreViewWithout(t *testing.T) {
	g := startQuiz(t, Options{}, quizSource)
	playQuiz(t, g)
	assert.Contains(t, panelText(g), "In all: 1 of 2")
	assert.NotContains(t, lessonButtonNames(g), "score-copy")
	assert.NotContains(t, lessonButtonNames(g), "score-download")

	g = startQuiz(t, Options{}, strings.ReplaceAll(strings.ReplaceAll(quizSource, "topic: elections\n", ""), "topic: logs\n", ""))
	playQuiz(t, g)
	assert.NotContains(t, panelText(g), "Your score")
}
