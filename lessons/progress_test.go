package lessons

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestProgressRoundTrip(t *testing.T) {
	var p Progress
	_, ok := p.Of("03-leader-election")
	assert.False(t, ok)
	p.At("05-log-replication", 2)
	p.At("03-leader-election", 4)
	p.At("03-leader-election", 2) // went back: the furthest stays
	p.Finish("01-why-consensus", 6)

	got, ok := p.Of("03-leader-election")
	require.True(t, ok)
	assert.Equal(t, LessonProgress{Name: "03-leader-election", Step: 2, Furthest: 4}, got)

	data := p.Marshal()
	assert.Equal(t, `{"lessons":[{"name":"01-why-consensus","step":6,"furthest":6,"finished":true},{"name":"03-leader-election","step":2,"furthest":4},{"name":"05-log-replication","step":2,"furthest":2}]}`, string(data))
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
		{`{"lessons": [{"step": 1, "furthest": 1}]}`, "entry 1 has no name"},
		{`{"lessons": [{"name": "a", "step": 1, "furthest": 1}, {"name": "a", "step": 1, "furthest": 1}]}`, `"a" appears twice`},
		{`{"lessons": [{"name": "a", "step": 0, "furthest": 0}]}`, `"a": step 0, furthest 0`},
		{`{"lessons": [{"name": "a", "step": 3, "furthest": 2}]}`, `"a": step 3, furthest 2`},
	} {
		_, err := ParseProgress([]byte(c.in))
		if assert.Error(t, err, c.in) {
			assert.Contains(t, err.Error(), c.want, c.in)
		}
	}
}
