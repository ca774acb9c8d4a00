package doc

import (
	"cmp"
	"encoding/json"
	"slices"

	"github.com/raftlab/raftlab/playground/i18n"
)

// Progress is what a learner has done in the course: for each lesson they
// opened, the step they were on, the furthest step they reached and
// whether they finished it. Front ends keep it between visits (the browser
// in localStorage, the desktop in a file) as the JSON that Marshal writes.
type Progress struct {
	Lessons []LessonProgress `json:"lessons"`
}

// LessonProgress is one lesson's progress, by the lesson's file name
// ("03-leader-election"), so that renumbering the course keeps it. Steps
// count from 1. Step is where the learner was; Furthest the furthest step
// they reached by going on from the one before (jumping ahead does not
// count). Attempts counts the scores an assessment started, so that a
// result says which attempt it was.
type LessonProgress struct {
	Name     string `json:"name"`
	Step     int    `json:"step"`
	Furthest int    `json:"furthest"`
	Finished bool   `json:"finished,omitempty"`
	Attempts int    `json:"attempts,omitempty"`
}

// ParseProgress reads saved progress. Entries that make no sense (no
// name, a step below 1, a lesson twice) are left out, and the error says
// which; the rest is kept. Data that is not progress at all is an error
// and no progress.
func ParseProgress(data []byte) (*Progress, error) {
	var p Progress
	if err := json.Unmarshal(data, &p); err != nil {
		return nil, i18n.Errorf("lessons.progress.bad", err)
	}
	seen := map[string]bool{}
	kept := p.Lessons[:0]
	bad := List{Sep: "lessons.fact.sep"}
	for i, l := range p.Lessons {
		switch {
		case l.Name == "":
			bad.Items = append(bad.Items, i18n.Msg("lessons.progress.no-name", i+1))
		case seen[l.Name]:
			bad.Items = append(bad.Items, i18n.Msg("lessons.progress.twice", l.Name))
		case l.Step < 1 || l.Furthest < 0:
			bad.Items = append(bad.Items, i18n.Msg("lessons.progress.step", l.Name, l.Step, l.Furthest))
		case l.Attempts < 0:
			bad.Items = append(bad.Items, i18n.Msg("lessons.progress.attempts", l.Name, l.Attempts))
		default:
			seen[l.Name] = true
			kept = append(kept, l)
		}
	}
	p.Lessons = kept
	if len(bad.Items) > 0 {
		return &p, i18n.Errorf("lessons.progress.left-out", bad)
	}
	return &p, nil
}

// Marshal writes the progress as JSON, lessons in name order (the same
// progress always gives the same bytes).
func (p *Progress) Marshal() []byte {
	c := Progress{Lessons: slices.Clone(p.Lessons)}
	slices.SortFunc(c.Lessons, func(a, b LessonProgress) int { return cmp.Compare(a.Name, b.Name) })
	if c.Lessons == nil {
		c.Lessons = []LessonProgress{}
	}
	data, _ := json.Marshal(c) // plain structs: cannot fail
	return data
}

// Of is a lesson's progress; ok is false for a lesson never opened.
func (p *Progress) Of(name string) (LessonProgress, bool) {
	for _, l := range p.Lessons {
		if l.Name == name {
			return l, true
		}
	}
	return LessonProgress{Name: name}, false
}

// At records that the learner is on step (1-based) of a lesson, however
// they got there (the first step counts as reached).
func (p *Progress) At(name string, step int) {
	p.update(name, func(l *LessonProgress) {
		l.Step = step
		l.Furthest = max(l.Furthest, 1)
	})
}

// Reach records that the learner went on to step (1-based) from the step
// before it.
func (p *Progress) Reach(name string, step int) {
	p.update(name, func(l *LessonProgress) {
		l.Step = step
		l.Furthest = max(l.Furthest, step)
	})
}

// Finish records that the learner reached the end of a lesson.
func (p *Progress) Finish(name string, steps int) {
	p.update(name, func(l *LessonProgress) {
		l.Step = steps
		l.Furthest = max(l.Furthest, steps)
		l.Finished = true
	})
}

// Attempt records that the learner starts a new score in an assessment,
// and returns which attempt it is (1 for the first).
func (p *Progress) Attempt(name string) int {
	n := 0
	p.update(name, func(l *LessonProgress) {
		l.Step = max(l.Step, 1)
		l.Attempts++
		n = l.Attempts
	})
	return n
}

// Reset forgets every lesson's progress: the learner starts the course
// again.
func (p *Progress) Reset() { p.Lessons = nil }

func (p *Progress) update(name string, f func(*LessonProgress)) {
	for i := range p.Lessons {
		if p.Lessons[i].Name == name {
			f(&p.Lessons[i])
			return
		}
	}
	p.Lessons = append(p.Lessons, LessonProgress{Name: name})
	f(&p.Lessons[len(p.Lessons)-1])
}
