package lab

import (
	"testing"

	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestInFlightIsKeptUntilTheWireChanges: the messages on the wire are
// viewed once and handed out again while the wire is the same; a message
// sent, landed or lost (dropped by hand), or a seek to another time, shows
// at once: the views are always those the world's flights give now.
func TestInFlightIsKeptUntilTheWireChanges(t *testing.T) {
	sc := &view.Scenario{Name: "flights", Settings: view.DefaultSettings(), Until: 1 << 30}
	s, err := New().Start(sc)
	require.NoError(t, err)
	p := s.(session).Playground()
	fresh := func() []view.Flight { return views(p.World().InFlight(), (*playground.Flight).View) }
	s.RunUntil(600)
	a := s.InFlight()
	require.NotEmpty(t, a, "messages on the wire")
	assert.Equal(t, fresh(), a)
	b := s.InFlight()
	assert.Same(t, &a[0], &b[0], "the same wire: the same views")

	require.NoError(t, s.Do(view.Action{Do: "drop", Msg: a[0].ID}))
	c := s.InFlight()
	assert.True(t, c[0].Lost, "a message dropped by hand shows lost")
	assert.Equal(t, fresh(), c)

	for ms := int64(601); ms < 700; ms++ {
		s.RunUntil(ms)
		assert.Equal(t, fresh(), s.InFlight(), "at %d ms", ms)
	}
	s.SeekTo(300)
	assert.Equal(t, fresh(), s.InFlight(), "after a seek back")
}

// BenchmarkFrameReadsAtDefaultSpeed is what the UI reads through a
// session on each frame at the default speed (1/50x: a virtual millisecond
// every three frames) of a busy five-server cluster: the view and the
// messages on the wire, twice (the update places them, the client panel
// looks for requests).
func BenchmarkFrameReadsAtDefaultSpeed(b *testing.B) {
	s := busySession(b)
	now := s.Now()
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		s.RunUntil(now + int64(i/3))
		_ = s.View()
		_ = s.InFlight()
		_ = s.InFlight()
	}
}
