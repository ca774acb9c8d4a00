package doc

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestProgressRoundTrip(t *testing.T) {
	var p Progress
	_, ok := p.Of("03-leader-election")
	assert.False(t, ok)
	p.Reach("05-log-replication", 2)
	p.Reach("03-leader-election", 4)
	p.At("03-leader-election", 2)      // went back: the furthest stays
	p.At("07-election-restriction", 5) // jumped ahead: not reached
	p.Finish("01-why-consensus", 6)

	got, ok := p.Of("03-leader-election")
	require.True(t, ok)
	assert.Equal(t, LessonProgress{Name: "03-leader-election", Step: 2, Furthest: 4}, got)

	data := p.Marshal()
	assert.Equal(t, `{"lessons":[{"name":"01-why-consensus","step":6,"furthest":6,"finished":true},{"name":"03-leader-election","step":2,"furthest":4},{"name":"05-log-replication","step":2,"furthest":2},{"name":"07-election-restriction","step":5,"furthest":1}]}`, string(data))
	back, err := ParseProgress(data)
	require.NoError(t, err)
	assert.Equal(t, data, back.Marshal())
	f, _ := back.Of("01-why-consensus")
	assert.True(t, f.Finished)
	assert.Equal(t, `{"lessons":[]}`, string((&Progress{}).Marshal()))
}

func TestProgressParseErrors(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`{"lessons": [`, "lesson progress: unexpected end"},
		{`[1]`, "cannot unmarshal array"},
	} {
		p, err := ParseProgress([]byte(c.in))
		assert.Nil(t, p)
		if assert.Error(t, err, c.in) {
			assert.Contains(t, err.Error(), c.want, c.in)
		}
	}
	// Bad entries are left out, the good ones kept.
	p, err := ParseProgress([]byte(`{"lessons": [
		{"name": "01-why-consensus", "step": 6, "furthest": 6, "finished": true},
		{"step": 1, "furthest": 1},
		{"name": "02-roles-and-terms", "step": 3, "furthest": 3},
		{"name": "02-roles-and-terms", "step": 1, "furthest": 1},
		{"name": "03-leader-election", "step": 0, "furthest": 0},
		{"name": "04-split-votes", "step": 2, "furthest": -1}]}`))
	require.Error(t, err)
	assert.Equal(t, `lesson progress: left out: entry 2 has no name; "02-roles-and-terms" appears twice; "03-leader-election": step 0, furthest 0 (steps count from 1); "04-split-votes": step 2, furthest -1 (steps count from 1)`, err.Error())
	require.NotNil(t, p)
	assert.Equal(t, `{"lessons":[{"name":"01-why-consensus","step":6,"furthest":6,"finished":true},{"name":"02-roles-and-terms","step":3,"furthest":3}]}`, string(p.Marshal()))
}

func TestProgressReset(t *testing.T) {
	var p Progress
	p.Finish("01-why-consensus", 4)
	p.Reach("03-leader-election", 2)
	p.Reset()
	_, ok := p.Of("01-why-consensus")
	assert.False(t, ok)
	assert.JSONEq(t, `{"lessons":[]}`, string(p.Marshal()))
	p.At("03-leader-election", 1)
	assert.JSONEq(t, `{"lessons":[{"name":"03-leader-election","step":1,"furthest":1}]}`, string(p.Marshal()))
}

// TestProgressAttempts counts an assessment's attempts, keeps them across
// a save, and forgets them with the rest on a reset.
func TestProgressAttempts(t *testing.T) {
	var p Progress
	assert.Equal(t, 1, p.Attempt("19-final-assessment"))
	assert.Equal(t, 2, p.Attempt("19-final-assessment"))
	back, err := ParseProgress(p.Marshal())
	require.NoError(t, err)
	l, ok := back.Of("19-final-assessment")
	require.True(t, ok)
	assert.Equal(t, 2, l.Attempts)
	assert.Equal(t, 3, back.Attempt("19-final-assessment"))
	back.Reset()
	assert.Equal(t, 1, back.Attempt("19-final-assessment"))

	_, err = ParseProgress([]byte(`{"lessons":[{"name":"x","step":1,"furthest":1,"attempts":-1}]}`))
	assert.ErrorContains(t, err, `"x": -1 attempts`)
}
