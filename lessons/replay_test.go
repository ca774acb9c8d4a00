package lessons

import (
	"strconv"
	"testing"

	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// runnerAt is a Runner of lesson number in lang's edition, at step
// (1-based).
func runnerAt(t *testing.T, lang i18n.Lang, number, step int) *Runner {
	t.Helper()
	l, err := LoadIn(lang, strconv.Itoa(number))
	require.NoError(t, err)
	r, err := NewRunner(l)
	require.NoError(t, err)
	require.NoError(t, r.Jump(step-1))
	return r
}

// TestReplayRepeatsTheLearnersPlay: a step replayed in the other edition
// gets the same answer, the same actions at the same moments and the same
// present (a seek back too); a play with show me is not repeated.
func TestReplayRepeatsTheLearnersPlay(t *testing.T) {
	// A predict step (lesson 3, step 2), answered and half played.
	was := runnerAt(t, English, 3, 2).Play()
	require.NoError(t, was.Answer(0))
	was.Advance(was.StartMs() + 40)
	p := runnerAt(t, i18n.Chinese, 3, 2).Play()
	require.True(t, p.Replay(was))
	k, ok := p.Answered()
	assert.True(t, ok && k == 0, "the answer")
	assert.Equal(t, was.Session().Now(), p.Session().Now())
	assert.Equal(t, was.Session().World().TraceLen(), p.Session().World().TraceLen())
	assert.Equal(t, was.Done(), p.Done())

	// A do step (lesson 3, step 4) where the learner crashed a server.
	was = runnerAt(t, English, 3, 4).Play()
	was.Advance(was.StartMs() + 30)
	require.NoError(t, was.Session().Do(view.Action{At: was.Session().Now(), Do: "crash", Node: 3}))
	was.Advance(was.StartMs() + 120)
	was.Session().SeekTo(was.StartMs() + 60) // the learner looks back
	p = runnerAt(t, i18n.Chinese, 3, 4).Play()
	require.True(t, p.Replay(was))
	assert.Equal(t, was.Session().Actions(), p.Session().Actions(), "the crash included")
	assert.Equal(t, was.Session().Now(), p.Session().Now())
	assert.Equal(t, was.Session().World().TraceLen(), p.Session().World().TraceLen())

	// Show me's delayed actions belong to its play: not repeated.
	was = runnerAt(t, English, 3, 4).Play()
	was.Advance(was.StartMs() + 30)
	require.NoError(t, was.ShowMe())
	assert.False(t, runnerAt(t, i18n.Chinese, 3, 4).Play().Replay(was))
}
