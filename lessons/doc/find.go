package doc

import "github.com/raftlab/raftlab/playground/i18n"

// Find returns the lesson numbered number among all, checking that step
// (1-based; 0 for none in particular) is one of its steps. The error says
// what exists.
func Find(all []*Lesson, number, step int) (*Lesson, error) {
	for _, l := range all {
		if l.Number != number {
			continue
		}
		if step < 0 || step > len(l.Steps) {
			return nil, i18n.Errorf("lessons.bundled.step", number, len(l.Steps), step)
		}
		return l, nil
	}
	if len(all) == 0 {
		return nil, i18n.Errorf("lessons.bundled.none", number)
	}
	return nil, i18n.Errorf("lessons.bundled.number", number, all[0].Number, all[len(all)-1].Number)
}
