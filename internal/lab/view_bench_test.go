package lab

import (
	"testing"

	"github.com/raftlab/raftlab/playground/view"
)

// BenchmarkFrameRun is a frame's simulation alone (a millisecond of a busy
// five-server cluster): the baseline of BenchmarkFrameReads.
func BenchmarkFrameRun(b *testing.B) {
	s := busySession(b)
	now := s.Now()
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		s.RunUntil(now + int64(i))
	}
}

// BenchmarkFrameReads is what a frame of the UI reads through a session
// of a busy five-server cluster: the view (built anew: time has passed),
// the messages on the wire and the newest events.
func BenchmarkFrameReads(b *testing.B) {
	s := busySession(b)
	now := s.Now()
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		s.RunUntil(now + int64(i)) // a millisecond a frame: the view is rebuilt
		v := s.View()
		_ = s.InFlight()
		for j := max(s.TraceStart(), s.TraceLen()-20); j < s.TraceLen(); j++ {
			_ = s.Event(j)
		}
		if len(v.Nodes) != 5 {
			b.Fatal("no view of the five servers")
		}
	}
}

// busySession is a five-server sandbox a second in, with 50 writes made.
func busySession(b *testing.B) view.Session {
	sc := &view.Scenario{Name: "bench", Settings: view.DefaultSettings(), Until: 1 << 30}
	s, err := New().Start(sc)
	if err != nil {
		b.Fatal(err)
	}
	s.RunUntil(1000)
	for i := range 50 {
		if err := s.Do(view.Action{Do: "put", Key: "x", Value: "v"}); err != nil {
			b.Fatal(err)
		}
		s.RunUntil(1000 + int64(i)*3)
	}
	return s
}
