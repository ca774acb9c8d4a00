package lessons

import "testing"

// TestBundledLessonsPacing holds every bundled lesson to the pacing rules:
// main text, explanation and wait of every step, and the balance of the
// predict answers over the course.
func TestBundledLessonsPacing(t *testing.T) {
	all := bundledLessons(t)
	for _, l := range all {
		p := Pacing(l)
		for _, msg := range p.ProblemsIn(English) {
			t.Error(msg)
		}
		t.Logf("%s: %d steps, about %.1f min", l.Name, len(l.Engine), p.Minutes())
	}
	b := AnswerBalance(all...)
	for _, msg := range b.ProblemsIn(English) {
		t.Error(msg)
	}
	t.Logf("predict %d, positions %v, longest right %d", b.Predicts, b.Positions, b.LongestRight)
}
