package ui

import (
	"fmt"
	"image/color"
	"strings"
	"testing"
	"time"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/raftlab/raftlab/internal/lab"
	"github.com/raftlab/raftlab/internal/palette"
	"github.com/raftlab/raftlab/lessons"
	"github.com/raftlab/raftlab/lessons/doc"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// lessonText is everything the lesson panel writes, one line per text.
func lessonPanelText(g *Game) string {
	var b strings.Builder
	for _, t := range g.lessonLaidOut().texts {
		b.WriteString(t.s + "\n")
	}
	return b.String()
}

func lessonButtonNames(g *Game) []string {
	var out []string
	for _, b := range g.lessonButtons() {
		out = append(out, b.Name)
	}
	return out
}

// updateUntil runs the game's updates (at the fastest speed) until cond
// holds, at most n times.
func updateUntil(t *testing.T, g *Game, n int, cond func() bool) {
	t.Helper()
	g.speed = len(doc.Speeds) - 1
	for range n {
		if cond() {
			return
		}
		require.NoError(t, g.Update())
	}
	require.True(t, cond(), "the condition held within %d updates", n)
}

// openLesson3 opens the list of lessons and chooses lesson 3.
func openLesson3(t *testing.T) *Game {
	t.Helper()
	g := testGame(t, "")
	assert.Empty(t, lessonButtonNames(g), "the top bar opens the lessons")
	clickButton(t, g, g.lay.Buttons, "lessons")
	require.NotNil(t, g.lesson)
	require.Empty(t, g.lesson.err)
	names := lessonButtonNames(g)
	assert.Contains(t, names, "lesson-open-1")
	assert.Contains(t, names, "lesson-close")
	assert.Contains(t, lessonPanelText(g), "3. Leader election")
	clickButton(t, g, g.lessonButtons(), "lesson-open-3")
	require.NotNil(t, g.lesson.run)
	return g
}

// TestLessonWalkthrough: lesson 3 from the menu, through a watch step
// (Continue appears once the condition held), a predict step (the answer
// is recorded and the outcome shown), Back, a do step's hints and "show
// me", and Close back to free play on the same cluster.
func TestLessonWalkthrough(t *testing.T) {
	g := openLesson3(t)
	r := g.lesson.run
	assert.Equal(t, 0, r.Index())
	assert.True(t, r.Session() == g.sess, "the game shows the step's session")
	text := lessonPanelText(g)
	assert.Contains(t, text, "Step 1 of 8 · watch")
	assert.Contains(t, text, "Five followers")
	assert.NotContains(t, lessonButtonNames(g), "lesson-next", "no Continue before the condition holds")
	assert.NotContains(t, lessonButtonNames(g), "lesson-back", "no Back on the first step")
	assert.True(t, g.paused, "a watch step waits for play")

	// Play until the first election: the game pauses there and offers
	// Continue.
	play, _ := g.lay.Button("play")
	g.click(play.Rect.CenterX(), play.Rect.CenterY(), false)
	require.False(t, g.paused)
	updateUntil(t, g, 2000, r.Play().Done)
	assert.True(t, g.paused, "paused where the condition first held")
	assert.Equal(t, enginePlay(t, g).DoneAt(), g.world().Now())
	assert.Contains(t, lessonButtonNames(g), "lesson-next")
	assert.Contains(t, lessonPanelText(g), "Explanation")

	// Continue: step 2, a prediction; nothing runs before the answer.
	clickButton(t, g, g.lessonButtons(), "lesson-next")
	require.Equal(t, 1, r.Index())
	assert.True(t, r.Session() == g.sess)
	assert.Contains(t, lessonPanelText(g), "Step 2 of 8 · predict")
	s3, _ := g.lay.Node(3)
	ps := g.lessonPointers()
	require.NotEmpty(t, ps)
	assert.Equal(t, [2]float64{s3.X, s3.Y}, [2]float64{ps[0].x, ps[0].y}, "step 2 points at S3")
	names := lessonButtonNames(g)
	assert.Contains(t, names, "lesson-choice-1")
	assert.Contains(t, names, "lesson-choice-3")
	assert.Contains(t, names, "lesson-back")
	now := g.world().Now()
	g.paused = false
	for range 30 {
		require.NoError(t, g.Update())
	}
	assert.Equal(t, now, g.world().Now(), "a predict step waits for the answer")

	clickButton(t, g, g.lessonButtons(), "lesson-choice-1")
	chosen, ok := r.Play().Answered()
	require.True(t, ok)
	assert.Equal(t, 0, chosen)
	assert.NotContains(t, lessonButtonNames(g), "lesson-choice-2", "answered: the choices are no longer buttons")
	assert.Contains(t, lessonPanelText(g), "your answer")
	updateUntil(t, g, 2000, r.Play().Done)
	out, ok := r.Play().Outcome()
	require.True(t, ok)
	assert.True(t, out.Correct)
	text = lessonPanelText(g)
	assert.Contains(t, text, "your answer · what happened")
	assert.Contains(t, text, "Right: that is what happened.")
	assert.Contains(t, text, "Explanation")

	// Back: step 1 again, from its start.
	clickButton(t, g, g.lessonButtons(), "lesson-back")
	assert.Equal(t, 0, r.Index())
	assert.False(t, r.Play().Done())
	assert.True(t, r.Session() == g.sess)

	// The do step "Crash the leader": hints come with the learner's time;
	// show me crashes the leader and the cluster elects a new one.
	require.NoError(t, r.Jump(3))
	g.showStep()
	require.Equal(t, doc.Do, r.Step().Kind)
	assert.NotContains(t, lessonPanelText(g), "Hint:")
	g.lesson.stepStart = g.uptime.now() - engineStep(t, g).HintAfter.Truncate(time.Second)
	assert.Contains(t, lessonPanelText(g), "Hint:")
	leader, ok := g.world().Leader()
	require.True(t, ok)
	clickButton(t, g, g.lessonButtons(), "lesson-showme")
	assert.True(t, r.Play().ShownMe())
	assert.False(t, g.world().Node(leader).Up, "show me crashed the leader")
	assert.NotContains(t, lessonButtonNames(g), "lesson-showme")
	updateUntil(t, g, 2000, r.Play().Done)
	assert.True(t, enginePlay(t, g).Holds(), "the goal is met")
	assert.Contains(t, lessonButtonNames(g), "lesson-next")

	// The panel's controls are in the layout document.
	lay, err := g.LayoutJSON()
	require.NoError(t, err)
	assert.Contains(t, string(lay), `"name":"lesson-close"`)
	assert.Contains(t, string(lay), `"name":"lesson-next"`)

	// Close: free play on the same cluster, which runs on.
	w := g.world()
	clickButton(t, g, g.lessonButtons(), "lesson-close")
	assert.Nil(t, g.lesson)
	assert.Same(t, w, g.world())
	assert.Empty(t, lessonButtonNames(g), "the top bar opens the lessons")
	assert.Equal(t, "Sandbox", g.top.barName(), "the bar no longer names the lesson")
	g.paused = false
	before := g.world().Now()
	for range 10 {
		require.NoError(t, g.Update())
	}
	assert.Greater(t, g.world().Now(), before)
}

// TestLessonPanelTakesClicks: while the panel is open, a click on its text
// does nothing beneath it, the feed below it still filters, and a click on
// the last step's Finish goes back to the list.
func TestLessonPanelTakesClicks(t *testing.T) {
	g := openLesson3(t)
	r := g.lesson.run
	a := g.lessonArea()
	g.click(a.CenterX(), a.Y+a.H-60, false)
	assert.Zero(t, g.selected)
	assert.Nil(t, g.menu)
	fb := g.feed.feedButtons()[1]
	g.click(fb.Rect.CenterX(), fb.Rect.CenterY(), false)
	assert.Equal(t, feedFilter(1), g.feed.filter, "the feed's filters work under a lesson")

	require.NoError(t, r.Jump(len(r.Lesson().Steps)-1))
	g.showStep()
	clickButton(t, g, g.lessonButtons(), "lesson-showme")
	updateUntil(t, g, 2000, r.Play().Done)
	for _, b := range g.lessonButtons() {
		if b.Name == "lesson-next" {
			assert.Equal(t, "Finish", b.Label)
		}
	}
	clickButton(t, g, g.lessonButtons(), "lesson-next")
	require.NotNil(t, g.lesson)
	assert.Nil(t, g.lesson.run, "back to the list of lessons")
	assert.Contains(t, lessonButtonNames(g), "lesson-open-3")
}

// TestSeekStopsAtStepStart: the timeline cannot go before the step began.
func TestSeekStopsAtStepStart(t *testing.T) {
	g := openLesson3(t)
	r := g.lesson.run
	require.NoError(t, r.Jump(1))
	g.showStep()
	start := r.Play().StartMs()
	require.Positive(t, start)
	g.seek(0)
	assert.Equal(t, start, g.world().Now())
}

// TestWrapSpans: wrapped lines fit the width, keep every word in order,
// and keep a key term with the punctuation after it.
func TestWrapSpans(t *testing.T) {
	spans := []doc.Span{
		{Text: "Every server starts out as a "},
		{Text: "follower", Style: doc.Term},
		{Text: ", and a follower only speaks when "},
		{Text: "spoken to", Style: doc.Bold},
		{Text: ". Each follower runs a timer, drawn as the arc around its circle."},
	}
	const width, size = 180.0, 12.5
	lines := wrapSpans(spans, width, size, false)
	require.Greater(t, len(lines), 2)
	var all []string
	for _, ln := range lines {
		last := ln[len(ln)-1]
		end := last.x + textWidth(strings.TrimRight(last.text, " "), spanFace(last.style, size, false))
		assert.LessOrEqual(t, end, width+0.5)
		var b strings.Builder
		for _, r := range ln {
			b.WriteString(r.text)
		}
		all = append(all, strings.TrimSpace(b.String()))
	}
	var want strings.Builder
	for _, s := range spans {
		want.WriteString(s.Text)
	}
	assert.Equal(t, strings.Fields(want.String()), strings.Fields(strings.Join(all, " ")))
	for _, ln := range lines {
		for i, r := range ln {
			if r.style == doc.Term && i+1 < len(ln) {
				assert.True(t, strings.HasPrefix(ln[i+1].text, ","), "the comma stays with the term")
			}
		}
	}
}

// TestJumpToAnyStep: the row of step numbers jumps to any step, forward
// or back, and shows it from its start.
func TestJumpToAnyStep(t *testing.T) {
	g := openLesson3(t)
	r := g.lesson.run
	names := lessonButtonNames(g)
	for i := 1; i <= len(r.Lesson().Steps); i++ {
		assert.Contains(t, names, fmt.Sprintf("lesson-step-%d", i))
	}
	clickButton(t, g, g.lessonButtons(), "lesson-step-6")
	assert.Equal(t, 5, r.Index())
	assert.True(t, r.Session() == g.sess)
	assert.Equal(t, r.Play().StartMs(), g.world().Now(), "the step starts from its start")
	assert.Contains(t, lessonPanelText(g), "Step 6 of 8")
	clickButton(t, g, g.lessonButtons(), "lesson-step-2")
	assert.Equal(t, 1, r.Index())
	pr, _ := g.lessonProgress().Of("03-leader-election")
	assert.Equal(t, 2, pr.Step)
	assert.Equal(t, 1, pr.Furthest, "jumping ahead is not reaching")
}

// TestOpenLessonOption: a link or flag can open a lesson at a step; a
// wrong number is an error that says what exists.
func TestOpenLessonOption(t *testing.T) {
	g, err := New(Options{Lab: lab.New(), Lesson: 6, Step: 7})
	require.NoError(t, err)
	require.NotNil(t, g.lesson.run)
	assert.Equal(t, 6, g.lesson.run.Lesson().Number)
	assert.Equal(t, 6, g.lesson.run.Index())
	assert.True(t, g.lesson.run.Session() == g.sess)

	g, err = New(Options{Lab: lab.New(), Lesson: 3})
	require.NoError(t, err)
	assert.Equal(t, 0, g.lesson.run.Index())

	_, err = New(Options{Lab: lab.New(), Lesson: 99})
	all, err2 := lessons.All()
	require.NoError(t, err2)
	assert.ErrorContains(t, err, fmt.Sprintf("there is no lesson 99 (the lessons are numbered 1 to %d)", len(all)))
	_, err = New(Options{Lab: lab.New(), Lesson: 3, Step: 9})
	assert.ErrorContains(t, err, "lesson 3 has steps 1 to 8, not 9")
}

// TestLongStepScrolls: a step whose text runs past the panel offers "▼
// more", which scrolls; once the step is done its explanation is scrolled
// into view; a finger dragged up the panel scrolls too.
func TestLongStepScrolls(t *testing.T) {
	long := strings.Repeat("A paragraph long enough to wrap over a few lines of the panel, which is narrow.\n\n", 12)
	l, err := lessons.Parse("91-long.md", []byte("---\ntitle: Long\nnumber: 91\n---\n\n## Long\nkind: predict\nsetup: {\"nodes\": 3, \"seed\": 1}\n"+
		"question: Who leads?\nchoice: Somebody.\nwhen: leader\nchoice: Nobody.\nwhen: noLeader\nanswer: 1\nuntil: leader\n\n"+long+"### Explanation\n\nSomebody does.\n"))
	require.NoError(t, err)
	g := testGameWith(t, withCourse(Options{}, l))
	g.openLessons()
	g.startLesson(0)
	r := g.lesson.run
	require.NoError(t, r.Play().Answer(r.Step().Answer))
	g.paused = false
	updateUntil(t, g, 20000, r.Play().Done)
	v := g.lessonLaidOut()
	require.Positive(t, v.revealY)
	assert.Positive(t, g.lesson.scroll, "scrolled to what happened")
	assert.Contains(t, lessonPanelText(g), "what happened")
	for _, tx := range v.texts {
		if strings.Contains(tx.s, "what happened") {
			assert.True(t, tx.y >= v.top && tx.y <= g.lessonArea().Y+g.lessonArea().H, "what happened shows: %v", tx.y)
		}
	}

	g.lesson.scroll = 0
	names := lessonButtonNames(g)
	require.Contains(t, names, "lesson-more", "the text goes on below")
	clickButton(t, g, g.lessonButtons(), "lesson-more")
	assert.Positive(t, g.lesson.scroll)

	g.lesson.scroll = 0
	a := g.lessonArea()
	g.touch = touchState{active: true, x: a.CenterX(), y: a.CenterY()}
	assert.False(t, g.dragLesson(a.CenterX(), a.CenterY()-4), "a small move is still a tap")
	assert.True(t, g.dragLesson(a.CenterX(), a.CenterY()-60))
	assert.Equal(t, 60.0, g.lesson.scroll)
	assert.True(t, g.dragLesson(a.CenterX(), a.CenterY()-20))
	assert.Equal(t, 20.0, g.lesson.scroll)
}

// testLessonMD is a short lesson with what the bundled lessons need not
// have: a speed of its own, a step with another, and folded depth.
const testLessonMD = "---\ntitle: Test lesson\nnumber: 90\nsummary: For the tests.\nminutes: 1\nspeed: 1/20x\n---\n\n" +
	"## Watch the election\nkind: watch\nsetup: {\"nodes\": 3, \"seed\": 1}\nuntil: leader\nspeed: 1/10x\n\nPress play and watch.\n\n" +
	"### Explanation\n\nA leader won.\n\n### More\n\nThe deep part, folded.\n\n" +
	"## Guess\nkind: predict\nquestion: Who leads after a while?\nchoice: Another server.\nwhen: not leaderIs(leaderAtStart)\n" +
	"choice: The same server.\nwhen: leaderIs(leaderAtStart)\nanswer: 2\nuntil: elapsed >= 300\n\nMake a guess.\n\n### Explanation\n\nNothing changed.\n"

// openTestLesson opens testLessonMD from the list of lessons, in a game
// whose free play runs at speed index 7.
func openTestLesson(t *testing.T) *Game {
	t.Helper()
	l, err := lessons.Parse("90-test-lesson.md", []byte(testLessonMD))
	require.NoError(t, err)
	g := testGameWith(t, withCourse(Options{}, l))
	g.speed = 7
	g.openLessons()
	clickButton(t, g, g.lessonButtons(), "lesson-open-90")
	require.NotNil(t, g.lesson.run)
	return g
}

// TestStepPlaysAtItsSpeed: each step starts at its own speed (or its
// lesson's), however it is reached; the learner can still change it; Close
// gives free play its speed back.
func TestStepPlaysAtItsSpeed(t *testing.T) {
	g := openTestLesson(t)
	assert.Equal(t, "1/10x", g.speedLabel(), "step 1's own speed")
	g.press("faster")
	assert.Equal(t, "1/5x", g.speedLabel(), "the learner may change it")
	clickButton(t, g, g.lessonButtons(), "lesson-step-2")
	require.Empty(t, g.lesson.err)
	assert.Equal(t, "1/20x", g.speedLabel(), "step 2 plays at the lesson's speed")
	clickButton(t, g, g.lessonButtons(), "lesson-back")
	assert.Equal(t, "1/10x", g.speedLabel())
	g.press("slower")
	clickButton(t, g, g.lessonButtons(), "lesson-close")
	assert.Equal(t, 7, g.speed, "free play's speed again")

	// A lesson without speeds plays at the default, and so does a step
	// opened by a link.
	g = testGameWith(t, Options{Lesson: 3, Step: 2})
	assert.Equal(t, doc.SpeedLabel(doc.DefaultSpeed), g.speedLabel())
}

// TestMoreUnfolds: a step's More text is folded under a control after the
// narration (after the explanation once it shows); the control unfolds it
// and folds it again, and it scrolls with the rest of the text.
func TestMoreUnfolds(t *testing.T) {
	g := openTestLesson(t)
	r := g.lesson.run
	text := lessonPanelText(g)
	assert.Contains(t, text, "► More")
	assert.NotContains(t, text, "The deep part", "folded")
	fold := func() Button {
		b, ok := findButton(g.lessonButtons(), "lesson-fold")
		require.True(t, ok)
		return b
	}
	narr := textY(t, g, "Press play and watch.")
	assert.Greater(t, fold().Rect.Y, narr, "after the narration")
	clickButton(t, g, g.lessonButtons(), "lesson-fold")
	assert.Contains(t, lessonPanelText(g), "The deep part, folded.")
	assert.Contains(t, lessonPanelText(g), "▼ Less")
	clickButton(t, g, g.lessonButtons(), "lesson-fold")
	assert.NotContains(t, lessonPanelText(g), "The deep part")

	// Done: the control moves below the explanation.
	g.paused = false
	updateUntil(t, g, 5000, r.Play().Done)
	g.lesson.scroll = 0
	assert.Greater(t, fold().Rect.Y, textY(t, g, "A leader won."), "after the explanation")
	clickButton(t, g, g.lessonButtons(), "lesson-fold")
	deep := textY(t, g, "The deep part, folded.")
	g.lesson.scroll = 10
	moved := textY(t, g, "The deep part, folded.")
	assert.InDelta(t, deep-g.lesson.scroll, moved, 0.01, "it scrolls with the text, as far as the text goes")

	// Another step starts folded.
	clickButton(t, g, g.lessonButtons(), "lesson-next")
	assert.False(t, g.lesson.more)
}

// textY is where the panel writes a line of text (its vertical centre).
func textY(t *testing.T, g *Game, s string) float64 {
	t.Helper()
	for _, tx := range g.lessonLaidOut().texts {
		if tx.s == s {
			return tx.y
		}
	}
	t.Fatalf("the panel does not write %q", s)
	return 0
}

// TestFeedOfALessonStep: under a lesson, the feed lists the events up to
// the current moment, the steps before this one's included, however the
// learner reached the step; a step that starts a new cluster is drawn
// anew, though its trace may be as long as the last step's; free play
// lists everything again.
func TestFeedOfALessonStep(t *testing.T) {
	g := testGameWith(t, Options{Lesson: 6, Step: 1})
	g.feed.filter = feedAll
	g.paused = false
	for range 60 {
		require.NoError(t, g.Update())
	}
	require.NotEmpty(t, g.feed.feedShown(50), "step 1 has events")
	k1 := g.feed.feedKeyNow()
	clickButton(t, g, g.lessonButtons(), "lesson-step-6") // a new cluster
	k6 := g.feed.feedKeyNow()
	k6.newest, k6.oldest = k1.newest, k1.oldest
	assert.NotEqual(t, k1, k6, "another step's feed is drawn anew, even with as many events")

	clickButton(t, g, g.lessonButtons(), "lesson-step-5") // continues step 4
	require.Empty(t, g.lesson.err)
	start := enginePlay(t, g).TraceStart()
	require.Greater(t, start, g.world().TraceStart(), "earlier steps left events in the trace")
	g.paused = false
	for range 60 {
		require.NoError(t, g.Update())
	}
	shown := g.feed.feedShown(1000)
	require.NotEmpty(t, shown, "step 5 has events of its own")
	assert.GreaterOrEqual(t, shown[0], start, "the newest events are the step's own")
	assert.Less(t, shown[len(shown)-1], start, "the events of the steps before are the story up to now")
	clickButton(t, g, g.lessonButtons(), "lesson-close")
	shown = g.feed.feedShown(1000)
	assert.Less(t, shown[len(shown)-1], start, "free play lists the earlier events")
}

// TestWaitStripAndSkip: while a watch step plays, the panel shows how far
// it has got and the time left; pausing says so and offers Resume; Skip
// runs to the moment the step's condition holds, as if played.
func TestWaitStripAndSkip(t *testing.T) {
	g := openTestLesson(t)
	r := g.lesson.run
	pl := r.Play()
	wait, err := r.Wait()
	require.NoError(t, err)
	require.Positive(t, wait)
	assert.Equal(t, "Press play (space) to start.", g.waitText())
	assert.Contains(t, lessonButtonNames(g), "lesson-resume")
	assert.Contains(t, lessonButtonNames(g), "lesson-skip")
	done, left, ok := g.waitProgress()
	require.True(t, ok)
	assert.Zero(t, done)
	assert.Equal(t, wait, left)

	clickButton(t, g, g.lessonButtons(), "lesson-resume")
	require.False(t, g.paused)
	g.speed = len(doc.Speeds) - 1
	for range 3 {
		require.NoError(t, g.Update())
	}
	done, left, _ = g.waitProgress()
	assert.Greater(t, done, 0.0)
	assert.Less(t, left, wait)
	assert.Regexp(t, `^About \d+ s left \(\d+ ms simulated\)$`, g.waitText())
	assert.NotContains(t, lessonButtonNames(g), "lesson-resume", "playing")

	g.press("play") // pause
	assert.Equal(t, "Paused. Press Resume to continue.", g.waitText())
	names := lessonButtonNames(g)
	assert.Contains(t, names, "lesson-resume")
	for _, b := range g.lessonButtons() {
		if b.Name == "lesson-resume" {
			assert.Equal(t, "Resume", b.Label)
		}
	}

	var skip Button
	for _, b := range g.lessonButtons() {
		if b.Name == "lesson-skip" {
			skip = b
		}
	}
	clickButton(t, g, g.lessonButtons(), "lesson-skip")
	require.True(t, pl.Done(), "skipped to the end")
	for _, b := range g.lessonButtons() {
		assert.False(t, b.Name == "lesson-next" && b.Rect.overlaps(skip.Rect), "Continue is not where Skip was: a second click on Skip does not continue")
	}
	assert.Equal(t, pl.StartMs()+wait, g.world().Now(), "where the canonical play ends")
	assert.Equal(t, float64(g.world().Now()), g.clock)
	assert.True(t, g.paused)
	names = lessonButtonNames(g)
	assert.Contains(t, names, "lesson-next")
	assert.NotContains(t, names, "lesson-skip")
	assert.Empty(t, g.waitText())
	assert.Zero(t, g.lessonLaidOut().wait, "no strip once done")

	// A predict step: no strip before the answer; once answered, it runs
	// and can be skipped too.
	clickButton(t, g, g.lessonButtons(), "lesson-next")
	assert.NotContains(t, lessonButtonNames(g), "lesson-skip")
	clickButton(t, g, g.lessonButtons(), "lesson-choice-2")
	assert.Contains(t, lessonButtonNames(g), "lesson-skip")
	clickButton(t, g, g.lessonButtons(), "lesson-skip")
	out, ok := r.Play().Outcome()
	require.True(t, ok)
	assert.True(t, out.Correct)
}

// TestPausedDoStep: a do step the learner pauses says so, and Resume plays
// it again; no Skip, which would do the learner's part.
func TestPausedDoStep(t *testing.T) {
	g := testGameWith(t, Options{Lesson: 3, Step: 4})
	require.Equal(t, doc.Do, g.lesson.run.Step().Kind)
	require.False(t, g.paused)
	assert.Zero(t, g.lessonLaidOut().wait, "playing: no strip")
	g.press("play")
	assert.Equal(t, "Paused. Press Resume to continue.", g.waitText())
	assert.NotContains(t, lessonButtonNames(g), "lesson-skip")
	clickButton(t, g, g.lessonButtons(), "lesson-resume")
	assert.False(t, g.paused)
}

// TestPausedPredictStep: a predict step plays by itself once answered; a
// learner who then presses play pauses it, and the wait strip says so
// once (the panel neither repeats it nor says "Watch what happens"),
// beside Resume, which plays it on.
func TestPausedPredictStep(t *testing.T) {
	g := testGameWith(t, Options{Lesson: 3, Step: 2})
	require.Equal(t, doc.Predict, g.lesson.run.Step().Kind)
	clickButton(t, g, g.lessonButtons(), "lesson-choice-1")
	require.False(t, g.paused, "an answer plays the step")
	assert.Contains(t, lessonPanelText(g), "Watch what happens")
	g.press("play")
	require.True(t, g.paused)
	assert.Equal(t, "Paused. Press Resume to continue.", g.waitText())
	assert.NotContains(t, lessonPanelText(g), "Paused", "said once, in the wait strip beside Resume")
	assert.NotContains(t, lessonPanelText(g), "Press play")
	assert.NotContains(t, lessonPanelText(g), "Watch what happens")
	var resume *Button
	for _, b := range g.lessonButtons() {
		if b.Name == "lesson-resume" {
			resume = &b
		}
	}
	require.NotNil(t, resume, "Resume is offered")
	assert.Equal(t, "Resume", resume.Label)
	clickButton(t, g, g.lessonButtons(), "lesson-resume")
	assert.False(t, g.paused)
	updateUntil(t, g, 5000, g.lesson.run.Play().Done)
}

// TestSafetyCard: the card of Raft's five safety properties opens from the
// lesson panel (or with p) over the cluster, with the glossary's
// definitions; Esc closes the card only, not the lesson.
func TestSafetyCard(t *testing.T) {
	g := openTestLesson(t)
	clickButton(t, g, g.lessonButtons(), "lesson-card")
	require.True(t, g.card.open)
	box, texts := g.card.cardLaidOut()
	var all strings.Builder
	for _, tx := range texts {
		all.WriteString(tx.s + " ")
		assert.True(t, box.Contains(tx.x, tx.y), "%q is inside the card", tx.s)
	}
	assert.True(t, g.lay.Cluster.Contains(box.X, box.Y) && g.lay.Cluster.Contains(box.X+box.W-1, box.Y+box.H-1), "the card is over the cluster: %v", box)
	text := strings.Join(strings.Fields(all.String()), " ")
	for _, name := range []string{"Election Safety", "Leader Append-Only", "Log Matching", "Leader Completeness", "State Machine Safety"} {
		e, ok := doc.Lookup(name)
		require.True(t, ok)
		assert.Contains(t, text, name)
		_, def, _ := strings.Cut(e.Meaning, ": ")
		assert.Contains(t, text, def[1:], "the glossary's definition of %s", name)
	}

	assert.True(t, g.card.cardInput([]ebiten.Key{ebiten.KeySpace}, false), "the card takes the keys")
	assert.True(t, g.card.open)
	assert.True(t, g.card.cardInput([]ebiten.Key{ebiten.KeyEscape}, false))
	assert.False(t, g.card.open, "Esc closes the card")
	require.NotNil(t, g.lesson, "and not the lesson")
	require.NotNil(t, g.lesson.run)

	assert.False(t, g.card.cardInput([]ebiten.Key{ebiten.KeyP}, false), "p opens it, and other keys still work")
	assert.True(t, g.card.open)
	assert.True(t, g.card.cardInput(nil, true))
	assert.False(t, g.card.open, "a click closes it")

	// From the list of lessons too.
	clickButton(t, g, g.lessonButtons(), "lesson-close")
	g.openLessons()
	clickButton(t, g, g.lessonButtons(), "lesson-card")
	assert.True(t, g.card.open)
}

// TestLessonTitleWraps: at 1024x768 and 800x600, in English and in
// Chinese, the header of every bundled lesson shows the lesson's whole
// title and its first step's whole title, wrapped if need be, none cut
// short with "…".
func TestLessonTitleWraps(t *testing.T) {
	withCJKFont(t)
	for _, lang := range i18n.Langs {
		all, err := lessons.AllIn(lang)
		require.NoError(t, err)
		require.NotEmpty(t, all)
		for _, l := range all {
			g := testGame(t, "")
			g.SetLang(lang)
			require.NoError(t, g.OpenLesson(l.Number, 1))
			testLessonTitleWraps(t, g, l)
		}
	}
}

// testLessonTitleWraps is TestLessonTitleWraps for one lesson open in g.
// The header's lines are compared without their spaces: English wraps at
// them, Chinese between two characters.
func testLessonTitleWraps(t *testing.T, g *Game, l *lessons.Lesson) {
	bare := func(s string) string { return strings.ReplaceAll(s, " ", "") }
	for _, size := range [][2]int{{1024, 768}, {800, 600}} {
		name := fmt.Sprintf("lesson %d at %dx%d in %s", l.Number, size[0], size[1], g.lang)
		sizeGame(g, size[0], size[1])
		v := g.lessonLaidOut()
		var all []string
		for _, tx := range v.texts {
			if tx.y > v.top {
				continue // the header ends where the scrolling text starts
			}
			assert.False(t, strings.HasSuffix(tx.s, "…"), "%s: %q is cut short", name, tx.s)
			all = append(all, tx.s)
		}
		header := bare(strings.Join(all, ""))
		if size[0] != 800 || l.Steps[0].Kind != doc.Predict {
			// (A short panel gives an open question the title's room.)
			assert.Contains(t, header, bare(g.tr("bar.lesson.title", l.Number, l.Title)), name)
		}
		assert.Contains(t, header, bare(l.Steps[0].Title), name)
	}
}

// TestWaitStripTextFits: at 1280x800, 1024x768 and 800x600, in English
// and in Chinese, the strip's text is never cut short (in a narrow column
// it gets a row of its own above Play and Skip), whether it asks to
// start, says paused or counts down, and the controls stay clear of it.
func TestWaitStripTextFits(t *testing.T) {
	withCJKFont(t)
	for _, c := range [][3]int{{1280, 800, 0}, {1024, 768, 0}, {800, 600, 0}, {1280, 800, 1}, {1024, 768, 1}, {800, 600, 1}} {
		size, lang := c[:2], i18n.Langs[c[2]]
		name := fmt.Sprintf("%dx%d %s", size[0], size[1], lang)
		g := openTestLesson(t)
		g.lang = lang // (SetLang would look for the test lesson in Chinese)
		sizeGame(g, size[0], size[1])
		check := func(state string) {
			g.lesson.viewKey = nil
			v := g.lessonLaidOut()
			txt := g.waitText()
			require.NotEmpty(t, txt, "%s %s", name, state)
			f := face(11.5, false)
			assert.LessOrEqual(t, textWidth(txt, f), v.waitText, "%s %s: %q fits", name, state, txt)
			row := Rect{v.wait.X, v.wait.Y, textWidth(txt, f), 18}
			for _, b := range g.lessonButtons() {
				assert.False(t, b.Rect.overlaps(row), "%s %s: %s covers the text", name, state, b.Name)
			}
		}
		check("not started")
		g.paused = false
		g.speed = 0 // the slowest: the longest count
		require.NoError(t, g.Update())
		check("playing")
		g.speed = 7
		require.NoError(t, g.Update())
		g.paused = true
		require.Equal(t, lang.T("lesson.wait.paused"), g.waitText(), name)
		check("paused")
	}
}

// TestLessonLayoutKeyedOnTheme: the panel's layout holds colours, so the
// theme is part of its key: a switch lays it out again with nobody
// forgetting the old layout by hand.
func TestLessonLayoutKeyedOnTheme(t *testing.T) {
	darkAfter(t)
	g := openLesson3(t)
	texts := func() []color.Color {
		var out []color.Color
		for _, tx := range g.lessonLaidOut().texts {
			out = append(out, tx.c)
		}
		return out
	}
	require.Contains(t, texts(), color.Color(palette.Dark.Text))
	applyTheme(true) // the palette alone, not setTheme
	assert.Contains(t, texts(), color.Color(palette.Light.Text))
	assert.NotContains(t, texts(), color.Color(palette.Dark.Text))
}
