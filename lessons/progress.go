package lessons

import (
	"encoding/json"
	"fmt"
	"slices"
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
// count from 1.
type LessonProgress struct {
	Name     string `json:"name"`
	Step     int    `json:"step"`
	Furthest int    `json:"furthest"`
	Finished bool   `json:"finished,omitempty"`
}

// ParseProgress reads saved progress. Entries that make no sense (no
// name, steps below 1, a lesson twice) are errors: the caller starts
// afresh rather than resuming somewhere odd.
func ParseProgress(data []byte) (*Progress, error) {
	var p Progress
	if err := json.Unmarshal(data, &p); err != nil {
		return nil, fmt.Errorf("lesson progress: %v", err)
	}
	seen := map[string]bool{}
	for i, l := range p.Lessons {
		switch {
		case l.Name == "":
			return nil, fmt.Errorf("lesson progress: entry %d has no name", i+1)
		case seen[l.Name]:
			return nil, fmt.Errorf("lesson progress: %q appears twice", l.Name)
		case l.Step < 1 || l.Furthest < l.Step:
			return nil, fmt.Errorf("lesson progress: %q: step %d, furthest %d (steps count from 1, and the furthest is at least the current)", l.Name, l.Step, l.Furthest)
		}
		seen[l.Name] = true
	}
	return &p, nil
}

// Marshal writes the progress as JSON, lessons in name order (the same
// progress always gives the same bytes).
func (p *Progress) Marshal() []byte {
	c := Progress{Lessons: slices.Clone(p.Lessons)}
	slices.SortFunc(c.Lessons, func(a, b LessonProgress) int {
		switch {
		case a.Name < b.Name:
			return -1
		case a.Name > b.Name:
			return 1
		}
		return 0
	})
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

// At records that the learner is on step (1-based) of a lesson.
func (p *Progress) At(name string, step int) {
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
