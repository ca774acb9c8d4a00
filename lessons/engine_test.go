package lessons

import (
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/raftlab/raftlab/lessons/doc"
	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func bundledLessons(t *testing.T) []*Lesson {
	t.Helper()
	all, err := All()
	require.NoError(t, err)
	require.NotEmpty(t, all)
	return all
}

func TestBundledLessonsAutoPlay(t *testing.T) {
	names := Bundled()
	assert.Contains(t, names, "03-leader-election")
	assert.Contains(t, names, "06-log-repair")
	for _, l := range bundledLessons(t) {
		t.Run(l.Name, func(t *testing.T) {
			assert.NotZero(t, l.Number)
			assert.NotEmpty(t, l.Summary)
			assert.NotZero(t, l.Minutes)
			rep := AutoPlay(l)
			require.NoError(t, rep.Err())
			require.Len(t, rep.Steps, len(l.Engine))
			simulated := int64(0)
			for _, s := range rep.Steps {
				assert.NotEmpty(t, s.Detail, "step %d", s.Step)
				assert.LessOrEqual(t, s.StartMs, s.EndMs)
				simulated += s.EndMs - s.StartMs
			}
			t.Logf("%s: %d steps, %d ms simulated, auto-played in %v", l.Name, len(l.Engine), simulated, rep.Wall)
		})
	}
}

func TestLoadByNumber(t *testing.T) {
	for _, name := range []string{"3", "03", "03-leader-election", "03-leader-election.md"} {
		l, err := Load(name)
		require.NoError(t, err, name)
		assert.Equal(t, "03-leader-election", l.Name)
		assert.Equal(t, "03-leader-election.md", l.File)
	}
	for _, bad := range []string{"", "99", "nope", "../lessons/03-leader-election", "README"} {
		_, err := Load(bad)
		assert.Error(t, err, bad)
	}
}

// TestDoStepGoals plays every do step of the bundled lessons through a
// Runner: the goal does not hold when the step begins, nor after the time
// limit if nobody acts; it holds after show me.
func TestDoStepGoals(t *testing.T) {
	n := 0
	for _, l := range bundledLessons(t) {
		r, err := NewRunner(l)
		require.NoError(t, err)
		for i, st := range l.Engine {
			if st.Kind != doc.Do {
				continue
			}
			n++
			require.NoError(t, r.Jump(i))
			p := r.Play()
			assert.False(t, p.Holds(), "%s step %d: the goal holds before the action: %v", l.Name, i+1, p.Facts())
			assert.False(t, p.Advance(p.StartMs()+st.Within), "%s step %d: the goal holds without the action: %v", l.Name, i+1, p.Facts())
			assert.False(t, p.Done())

			require.NoError(t, r.Restart())
			p = r.Play()
			require.NoError(t, p.ShowMe())
			assert.True(t, p.ShownMe())
			assert.True(t, p.Advance(p.Session().Now()+st.Within), "%s step %d: show me does not reach the goal: %v", l.Name, i+1, p.Facts())
			assert.True(t, p.Done())
			assert.True(t, p.Holds())
		}
	}
	assert.GreaterOrEqual(t, n, 4)
}

// TestPredictAnswersAgainstRun answers every predict step of the bundled
// lessons with each choice in turn: the outcome is computed from the run
// (the same whatever the learner chose), exactly one choice comes true, and
// it is the declared answer.
func TestPredictAnswersAgainstRun(t *testing.T) {
	n := 0
	for _, l := range bundledLessons(t) {
		r, err := NewRunner(l)
		require.NoError(t, err)
		for i, st := range l.Engine {
			if st.Kind != doc.Predict {
				continue
			}
			n++
			for choice := range st.Choices {
				require.NoError(t, r.Jump(i))
				p := r.Play()
				start := p.Session().Now()
				assert.True(t, p.Blocked())
				assert.False(t, p.Advance(start+1000), "a predict step waits for its answer")
				assert.Equal(t, start, p.Session().Now(), "nothing ran before the answer")
				_, ok := p.Outcome()
				assert.False(t, ok)

				require.NoError(t, p.Answer(choice))
				assert.ErrorIs(t, p.Answer(choice), ErrAnswered)
				got, _ := p.Answered()
				assert.Equal(t, choice, got)
				require.True(t, p.Advance(start+st.Within), "%s step %d: %q never held", l.Name, i+1, st.Until)
				o, ok := p.Outcome()
				require.True(t, ok)
				assert.Equal(t, []int{st.Answer}, o.True, "%s step %d: exactly the declared answer came true: %v", l.Name, i+1, o.Facts)
				assert.Equal(t, st.Answer, o.Happened)
				assert.Equal(t, choice == st.Answer, o.Correct)
				assert.NotEmpty(t, o.Facts)
				assert.NotEmpty(t, st.Explanation)
			}
		}
	}
	assert.GreaterOrEqual(t, n, 8)
}

// withAnswer rewrites the answer of the predict step at the given step
// index (0-based) in a lesson file.
func withAnswer(t *testing.T, src string, step, answer int) string {
	t.Helper()
	sections := strings.Split(src, "\n## ")
	re := regexp.MustCompile(`(?m)^answer: \d+$`)
	require.True(t, re.MatchString(sections[step+1]))
	sections[step+1] = re.ReplaceAllString(sections[step+1], fmt.Sprintf("answer: %d", answer+1))
	return strings.Join(sections, "\n## ")
}

// TestWrongAnswersAreCaught changes each predict step's declared answer to
// every other choice: AutoPlay must notice that the run disagrees, naming
// the step. (The right answer is checked against the run, never taken on
// trust.)
func TestWrongAnswersAreCaught(t *testing.T) {
	for _, l := range bundledLessons(t) {
		data, err := BundledFile(l.Name)
		require.NoError(t, err)
		for i, st := range l.Engine {
			if st.Kind != doc.Predict {
				continue
			}
			for c := range st.Choices {
				if c == st.Answer {
					continue
				}
				bad, err := Parse(l.File, []byte(withAnswer(t, string(data), i, c)))
				require.NoError(t, err)
				require.Equal(t, c, bad.Steps[i].Answer)
				rep := AutoPlay(bad)
				err = rep.Err()
				require.Error(t, err, "%s step %d: answer %d accepted", l.Name, i+1, c+1)
				var le *Error
				require.True(t, errors.As(err, &le))
				assert.Equal(t, i+1, le.Step)
				assert.Equal(t, "answer", le.Field)
				assert.Contains(t, err.Error(), fmt.Sprintf("the file says the answer is choice %d", c+1))
				assert.Contains(t, err.Error(), fmt.Sprintf("but the run made choice %d", st.Answer+1))
			}
		}
	}
}

func TestAutoPlayDeterministic(t *testing.T) {
	for _, l := range bundledLessons(t) {
		a, b := AutoPlay(l), AutoPlay(l)
		a.Wall, b.Wall = 0, 0
		assert.Equal(t, a.Steps, b.Steps, l.Name)
	}
}

// TestStepsReproducible reaches every step through a Runner, in an order
// unlike the lesson's and with a fresh Runner too, plays it the canonical
// way, and finds the state AutoPlay recorded.
func TestStepsReproducible(t *testing.T) {
	for _, l := range bundledLessons(t) {
		rep := AutoPlay(l)
		require.NoError(t, rep.Err())
		shared, err := NewRunner(l)
		require.NoError(t, err)
		order := []int{}
		for i := len(l.Engine) - 1; i >= 0; i -= 2 {
			order = append(order, i)
		}
		for i := len(l.Engine) - 2; i >= 0; i -= 2 {
			order = append(order, i)
		}
		for _, i := range order {
			fresh, err := NewRunner(l)
			require.NoError(t, err)
			for _, r := range []*Runner{shared, fresh} {
				require.NoError(t, r.Jump(i))
				p := r.Play()
				st := l.Engine[i]
				want := rep.Steps[i]
				assert.Equal(t, want.StartMs, p.StartMs(), "%s step %d", l.Name, i+1)
				switch st.Kind {
				case doc.Do:
					require.NoError(t, p.ShowMe())
				case doc.Predict:
					require.NoError(t, p.Answer(st.Answer))
				}
				require.True(t, p.Advance(p.Session().Now()+st.Within))
				p.Advance(p.DoneAt() + st.Settle)
				assert.Equal(t, want.EndMs, p.Session().Now(), "%s step %d", l.Name, i+1)
				assert.Equal(t, want.State, summary(p.Session().World()).String(), "%s step %d", l.Name, i+1)
			}
		}
	}
}

func TestRunnerNavigation(t *testing.T) {
	l, err := Parse("tiny.md", []byte(tiny))
	require.NoError(t, err)
	r, err := NewRunner(l)
	require.NoError(t, err)
	assert.Same(t, l, r.Lesson())
	assert.Equal(t, 0, r.Index())
	assert.ErrorIs(t, r.Back(), ErrNoStep)
	assert.ErrorIs(t, r.Jump(3), ErrNoStep)
	assert.ErrorIs(t, r.Play().ShowMe(), ErrNotDo)
	assert.ErrorIs(t, r.Play().Answer(0), ErrNotPredict)
	assert.Nil(t, r.Play().Hints(time.Hour), "hints are for do steps")

	// The watch step pauses where its condition first holds, then runs on.
	p := r.Play()
	assert.Equal(t, "leader", p.Condition().String())
	assert.True(t, p.Advance(5000))
	at := p.DoneAt()
	assert.Equal(t, at, r.Session().Now(), "paused at the moment the condition held")
	assert.Contains(t, strings.Join(p.Facts(), "; "), "leads in term 1")
	assert.True(t, p.Advance(at+100))
	assert.Equal(t, at+100, r.Session().Now())

	require.NoError(t, r.Next())
	assert.Equal(t, 1, r.Index())
	assert.Equal(t, at, r.Play().StartMs(), "the next step starts where the canonical play ended, not where the learner went")
	assert.Equal(t, r.Step(), l.Engine[1])
	assert.EqualError(t, r.Play().Answer(2), "there is no choice 3: choose 1 to 2")

	require.NoError(t, r.Next())
	assert.True(t, r.Last())
	assert.ErrorIs(t, r.Next(), ErrNoStep)
	p = r.Play()
	assert.Len(t, p.Hints(DefaultHintAfter-time.Second), 0)
	assert.Len(t, p.Hints(DefaultHintAfter), 1)
	assert.Len(t, p.Hints(10*DefaultHintAfter), 1)
	hs := p.Highlights()
	assert.Empty(t, hs, "tiny's do step highlights nothing")

	require.NoError(t, r.Back())
	require.NoError(t, r.Back())
	hs = r.Play().Highlights()
	require.Len(t, hs, 1, "no leader yet: the leader highlight is dropped; the control stays")
	assert.Equal(t, doc.HighlightControl, hs[0].What)
	r.Play().Advance(5000)
	hs = r.Play().Highlights()
	require.Len(t, hs, 2)
	leader, _ := r.Session().World().Leader()
	assert.Equal(t, view.ID(leader), hs[0].Node)
}

func TestShowMeNeedsALeader(t *testing.T) {
	src := strings.Replace(tiny, "## Guess", "## Crash first\nkind: do\ngoal: down(1)\nhint: h\nshowme: [{\"do\": \"crash\", \"node\": \"leader\"}]\n\nx\n\n## Guess", 1)
	src = strings.Replace(src, `{"nodes": 3, "seed": 2}`, `{"nodes": 3, "seed": 2, "steps": [{"at": 0, "do": "crash", "node": 2}]}`, 1)
	l, err := Parse("x.md", []byte(src))
	require.NoError(t, err)
	r, err := NewRunner(l)
	require.NoError(t, err)
	require.NoError(t, r.Jump(1))
	require.NoError(t, r.Session().Do(view.Action{Do: "crash", Node: view.ID(mustLeader(t, r.Session().World()))}))
	err = r.Play().ShowMe()
	assert.ErrorContains(t, err, `show me: action 1 (crash) names "leader", but no server leads`)
}

// showMeAtStep1 opens l at its second step and presses show me, returning
// the runner, its play and the moment show me was pressed.
func showMeAtStep1(t *testing.T, l *Lesson) (*Runner, *Play, int64) {
	t.Helper()
	r, err := NewRunner(l)
	require.NoError(t, err)
	require.NoError(t, r.Jump(1))
	p := r.Play()
	t0 := p.Session().Now()
	require.NoError(t, p.ShowMe())
	return r, p, t0
}

func mustLeader(t *testing.T, w *playground.World) raft.ID {
	t.Helper()
	id, ok := w.Leader()
	require.True(t, ok)
	return id
}

// lesson builds a one-lesson file from steps.
func lesson(steps ...string) string {
	return "---\ntitle: Test\n---\n\n" + strings.Join(steps, "\n")
}

func TestAutoPlayFailures(t *testing.T) {
	fresh := `setup: {"nodes": 3, "seed": 2}`
	for _, tc := range []struct {
		name  string
		src   string
		field string
		want  string
	}{
		{"watch never ends", lesson("## W\nkind: watch\n" + fresh + "\nuntil: noLeader and elapsed >= 1s\nwithin: 3s\n\nx\n"),
			"until", `"noLeader and elapsed >= 1s" does not hold within 3s (noLeader is false: S`},
		{"watch already over", lesson("## W\nkind: watch\n" + fresh + "\nuntil: noLeader\n\nx\n"),
			"until", `"noLeader" already holds when the step begins: there is nothing to wait for`},
		{"goal reached without the learner", lesson("## W\nkind: watch\n"+fresh+"\nuntil: leader\n\nx\n",
			"## D\nkind: do\ngoal: elapsed >= 1s\nhint: h\nshowme: [{\"do\": \"heal\"}]\n\nx\n"),
			"goal", `"elapsed >= 1s" holds 1000 ms into the step although the learner has done nothing`},
		{"goal already reached", lesson("## W\nkind: watch\n"+fresh+"\nuntil: leader\n\nx\n",
			"## D\nkind: do\ngoal: leader\nhint: h\nshowme: [{\"do\": \"heal\"}]\n\nx\n"),
			"goal", `"leader" already holds when the step begins, before the learner does anything`},
		{"show me does not reach the goal", lesson("## W\nkind: watch\n"+fresh+"\nuntil: leader\n\nx\n",
			"## D\nkind: do\ngoal: down(2)\nwithin: 2s\nhint: h\nshowme: [{\"do\": \"crash\", \"node\": 3}]\n\nx\n"),
			"goal", `"down(2)" does not hold within 2s of show me`},
		{"show me fails", lesson("## W\nkind: watch\n"+fresh+"\nuntil: leader\n\nx\n",
			"## D\nkind: do\ngoal: down(2)\nhint: h\nshowme: [{\"do\": \"restart\", \"node\": 2}]\n\nx\n"),
			"showme", `show me: restart: S2 is already up`},
		{"no choice comes true", lesson("## P\nkind: predict\n" + fresh + "\nquestion: q\nchoice: a\nwhen: leaderTerm = 7\nchoice: b\nwhen: leaderTerm = 8\nanswer: 1\nuntil: leader\n\nx\n\n### Explanation\n\ny\n"),
			"when", `none of the choices came true when "leader" held at`},
		{"two choices come true", lesson("## P\nkind: predict\n" + fresh + "\nquestion: q\nchoice: a\nwhen: leader\nchoice: b\nwhen: leaderTerm = 1\nanswer: 1\nuntil: leader\n\nx\n\n### Explanation\n\ny\n"),
			"when", `several choices came true, so the question has no single answer: choice 1 ("a", when leader) and choice 2`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l, err := Parse("t.md", []byte(tc.src))
			require.NoError(t, err)
			err = AutoPlay(l).Err()
			require.Error(t, err)
			var le *Error
			require.True(t, errors.As(err, &le))
			assert.Equal(t, tc.field, le.Field, "%v", err)
			assert.Contains(t, err.Error(), tc.want)
			assert.True(t, strings.HasPrefix(err.Error(), "t.md:"), "%v", err)
		})
	}
}

// figure8Unsafe is the bundled scenario that breaks safety with a teaching
// switch, as a setup.
func figure8Unsafe(t *testing.T) string {
	data, err := playground.BundledScenarioFile("figure8-unsafe")
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(data, &m))
	delete(m, "until")
	out, err := json.Marshal(m)
	require.NoError(t, err)
	return string(out)
}

func TestAutoPlayViolations(t *testing.T) {
	step := "## Break it\nkind: watch\nsetup: " + figure8Unsafe(t) + "\nuntil: violations >= 1\n\nA lost commit.\n"
	l, err := Parse("f8.md", []byte(lesson(step)))
	require.NoError(t, err)
	err = AutoPlay(l).Err()
	require.Error(t, err)
	assert.Contains(t, err.Error(), "safety violated at ")
	assert.Contains(t, err.Error(), "Leader Completeness")

	l, err = Parse("f8.md", []byte(strings.Replace(lesson(step), "title: Test", "title: Test\nallowViolations: true", 1)))
	require.NoError(t, err)
	assert.True(t, l.AllowViolations)
	assert.NoError(t, AutoPlay(l).Err())
}

// delayed is a lesson whose show me crashes S1, the leader, and restarts it
// 500 ms later.
func delayed(goal, extra string) string {
	return lesson("## W\nkind: watch\nsetup: {\"nodes\": 3, \"seed\": 2, \"steps\": [{\"at\": 0, \"do\": \"campaign\", \"node\": 1}]}\nuntil: leaderIs(1)\n\nx\n",
		"## D\nkind: do\ngoal: "+goal+"\n"+extra+"hint: h\nshowme: [{\"do\": \"crash\", \"node\": \"leader\"}, {\"do\": \"restart\", \"node\": \"leader\", \"at\": 500}]\n\nx\n")
}

// TestShowMeDelayed: a show-me action with "at" happens that long after
// show me is pressed, in a Runner as in AutoPlay ("leader" is resolved when
// show me is pressed).
func TestShowMeDelayed(t *testing.T) {
	l, err := Parse("t.md", []byte(delayed("up(1) and newLeader", "")))
	require.NoError(t, err)
	require.Equal(t, []int64{0, 500}, []int64{l.Engine[1].ShowMe.Steps[0].At, l.Engine[1].ShowMe.Steps[1].At})
	rep := AutoPlay(l)
	require.NoError(t, rep.Err())

	r, p, t0 := showMeAtStep1(t, l)
	w := p.Session().World()
	assert.False(t, w.Node(1).Up, "the crash happens at once")
	assert.False(t, p.Advance(t0+499))
	assert.False(t, p.Session().World().Node(1).Up, "S1 is still down 499 ms after show me")
	assert.True(t, p.Advance(t0+2000))
	assert.Equal(t, t0+500, p.DoneAt(), "the goal held the moment S1 restarted")
	assert.True(t, p.Session().World().Node(1).Up)
	assert.NoError(t, p.ShowMeErr())
	assert.Equal(t, rep.Steps[1].EndMs, p.DoneAt(), "as AutoPlay played it")
	assert.Equal(t, rep.Steps[1].State, summary(p.Session().World()).String())

	// Going back in time without acting keeps the show me: it replays.
	require.NoError(t, r.Restart())
	p = r.Play()
	require.NoError(t, p.ShowMe())
	p.Advance(t0 + 100)
	p.Session().SeekTo(t0 - 10)
	assert.True(t, p.Session().World().Node(1).Up)
	p.Advance(t0 + 300)
	assert.False(t, p.Session().World().Node(1).Up, "the crash replays")
	p.Advance(t0 + 600)
	assert.True(t, p.Session().World().Node(1).Up, "and the restart comes")

	// Acting before show me forks history: the delayed restart is dropped.
	require.NoError(t, r.Restart())
	p = r.Play()
	p.Advance(t0 + 20)
	require.NoError(t, p.ShowMe())
	p.Advance(t0 + 100)
	p.Session().SeekTo(t0 + 10)
	require.NoError(t, p.Session().Do(view.Action{Do: "crash", Node: 2}))
	p.Advance(t0 + 1000)
	w = p.Session().World()
	assert.True(t, w.Node(1).Up, "show me's crash is gone")
	assert.False(t, w.Node(2).Up)
	assert.NoError(t, p.ShowMeErr(), "and no restart was tried")
}

func TestShowMeDelayedFailures(t *testing.T) {
	// The goal holds before the restart: the step would end without it.
	l, err := Parse("t.md", []byte(delayed("down(1)", "")))
	require.NoError(t, err)
	err = AutoPlay(l).Err()
	var le *Error
	require.True(t, errors.As(err, &le), "%v", err)
	assert.Equal(t, "showme", le.Field)
	assert.Equal(t, 2, le.Step)
	assert.Contains(t, err.Error(), `t.md:12: step 2 "D": showme: the action restart, 500 ms after show me, has not happened when the step ends, 0 ms after show me (the goal held after 0 ms, then settle 0 ms)`)

	// Settling long enough lets it happen, and the next step starts after.
	l, err = Parse("t.md", []byte(delayed("down(1)", "settle: 500ms\n")))
	require.NoError(t, err)
	rep := AutoPlay(l)
	require.NoError(t, rep.Err())
	assert.NotContains(t, rep.Steps[1].State, "S1 down")

	// A delayed action that cannot be carried out.
	src := strings.Replace(delayed("down(1) and elapsed >= 200", ""), `"do": "restart", "node": "leader", "at": 500`, `"do": "crash", "node": 1, "at": 100`, 1)
	l, err = Parse("t.md", []byte(src))
	require.NoError(t, err)
	err = AutoPlay(l).Err()
	require.True(t, errors.As(err, &le), "%v", err)
	assert.Equal(t, "showme", le.Field)
	assert.Contains(t, err.Error(), `showme: show me: crash, 100 ms after show me: `)
}

// TestShowMeDelayedOnly: a show me whose actions are all delayed, in a step
// whose setup has scripted steps still to come (which the first delayed
// action, acting in the present, discards as any action does): the later
// delayed actions still happen.
func TestShowMeDelayedOnly(t *testing.T) {
	src := lesson("## W\nkind: watch\nsetup: {\"nodes\": 3, \"seed\": 2, \"steps\": [{\"at\": 0, \"do\": \"campaign\", \"node\": 1}]}\nuntil: leaderIs(1)\n\nx\n",
		"## D\nkind: do\nsetup: {\"steps\": [{\"at\": 3000, \"do\": \"put\", \"key\": \"x\", \"value\": \"1\"}]}\ngoal: down(1)\nsettle: 1s\nhint: h\n"+
			"showme: [{\"do\": \"crash\", \"node\": 1, \"at\": 100}, {\"do\": \"restart\", \"node\": 1, \"at\": 600}]\n\nx\n")
	l, err := Parse("t.md", []byte(src))
	require.NoError(t, err)
	rep := AutoPlay(l)
	require.NoError(t, rep.Err())
	assert.Equal(t, rep.Steps[1].StartMs+100, rep.Steps[1].EndMs-1000, "the goal held 100 ms after show me")
	assert.NotContains(t, rep.Steps[1].State, "S1 down", "S1 restarted")

	_, p, t0 := showMeAtStep1(t, l)
	assert.True(t, p.Session().World().Node(1).Up, "nothing happens at once")
	require.True(t, p.Advance(t0+1000))
	assert.Equal(t, t0+100, p.DoneAt())
	p.Advance(t0 + 1000)
	assert.True(t, p.Session().World().Node(1).Up)
	assert.NoError(t, p.ShowMeErr())
}

// TestRunnerWait: the current step's wait is how long its canonical play
// runs until its condition holds, which is where a learner who only
// watches gets to; it is computed once, and the next step starts from the
// same play's end.
func TestRunnerWait(t *testing.T) {
	l, err := Parse("tiny.md", []byte(tiny))
	require.NoError(t, err)
	r, err := NewRunner(l)
	require.NoError(t, err)
	wait, err := r.Wait()
	require.NoError(t, err)
	p := r.Play()
	require.True(t, p.Advance(p.StartMs()+10_000))
	assert.Equal(t, p.DoneAt()-p.StartMs(), wait, "the watch step's condition held after its wait")
	end := r.ends[0].w
	again, err := r.Wait()
	require.NoError(t, err)
	assert.Equal(t, wait, again)
	assert.Same(t, end, r.ends[0].w, "played once")

	require.NoError(t, r.Next())
	wait, err = r.Wait()
	require.NoError(t, err)
	assert.Equal(t, int64(500), wait, "the predict step runs until elapsed >= 500ms")
	assert.Equal(t, end.Now(), r.Play().StartMs(), "step 2 starts where step 1's play ended")
}

// TestRunnerWaitKeepsAFailure: a step whose canonical play fails says so
// on every call, from the first play, so a view asking every frame does
// not replay it every frame.
func TestRunnerWaitKeepsAFailure(t *testing.T) {
	src := strings.Replace(tiny, "until: leader\n", "until: leader and noLeader\nwithin: 300ms\n", 1)
	l, err := Parse("tiny.md", []byte(src))
	require.NoError(t, err)
	r := &Runner{lesson: l, ends: map[int]stepEnd{}}
	_, err = r.Wait()
	require.Error(t, err)
	kept := r.ends[0]
	require.Error(t, kept.err, "the failure is kept")
	_, again := r.Wait()
	assert.Same(t, err, again, "the same failure, not a second play")
}
