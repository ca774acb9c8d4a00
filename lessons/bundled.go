package lessons

import (
	"embed"
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"
)

// bundled holds the lessons that ship with RaftLab. Lesson files begin with
// their number (03-leader-election.md); README.md is for teachers.
//
//go:embed [0-9]*.md
var bundled embed.FS

// Bundled lists the names of the bundled lessons, in course order.
func Bundled() []string {
	entries, _ := fs.ReadDir(bundled, ".")
	var names []string
	for _, e := range entries {
		names = append(names, strings.TrimSuffix(e.Name(), ".md"))
	}
	slices.Sort(names)
	return names
}

// BundledFile returns the raw file of a bundled lesson.
func BundledFile(name string) ([]byte, error) {
	if name == "" || strings.ContainsAny(name, `/\`) || strings.HasPrefix(name, ".") {
		return nil, fmt.Errorf("no bundled lesson named %q", name)
	}
	data, err := bundled.ReadFile(strings.TrimSuffix(name, ".md") + ".md")
	if err != nil {
		return nil, fmt.Errorf("no bundled lesson named %q (have: %s)", name, strings.Join(Bundled(), ", "))
	}
	return data, nil
}

// Load parses a bundled lesson by name ("03-leader-election") or by number
// ("3" or "03").
func Load(name string) (*Lesson, error) {
	if n, err := strconv.Atoi(name); err == nil {
		for _, b := range Bundled() {
			if num, _, ok := strings.Cut(b, "-"); ok {
				if m, err := strconv.Atoi(num); err == nil && m == n {
					name = b
					break
				}
			}
		}
	}
	data, err := BundledFile(name)
	if err != nil {
		return nil, err
	}
	return Parse(strings.TrimSuffix(name, ".md")+".md", data)
}

// All parses every bundled lesson, in course order.
func All() ([]*Lesson, error) {
	var out []*Lesson
	for _, name := range Bundled() {
		l, err := Load(name)
		if err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, nil
}

// Find returns the lesson numbered number among all, checking that step
// (1-based; 0 for none in particular) is one of its steps. The error says
// what exists.
func Find(all []*Lesson, number, step int) (*Lesson, error) {
	for _, l := range all {
		if l.Number != number {
			continue
		}
		if step < 0 || step > len(l.Steps) {
			return nil, fmt.Errorf("lesson %d has steps 1 to %d, not %d", number, len(l.Steps), step)
		}
		return l, nil
	}
	if len(all) == 0 {
		return nil, fmt.Errorf("there is no lesson %d (there are no lessons)", number)
	}
	return nil, fmt.Errorf("there is no lesson %d (the lessons are numbered %d to %d)", number, all[0].Number, all[len(all)-1].Number)
}
