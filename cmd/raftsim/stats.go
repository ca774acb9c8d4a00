package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"path"
	"slices"
	"strings"

	"github.com/raftlab/raftlab/lessons"
	"github.com/raftlab/raftlab/playground/i18n"
)

// lessonStats is `raftsim lesson stats`: the pacing of lessons (all the
// bundled ones when none is named), one line each and a total, then every
// broken pacing rule. It exits with 1 when a rule is broken.
func lessonStats(args []string, lang i18n.Lang, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("raftsim lesson stats", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	all := fs.Bool("all", false, "every bundled lesson (the default when no lesson is named)")
	asJSON := fs.Bool("json", false, "print every step's figures as JSON")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		fmt.Fprintf(stderr, "raftsim lesson stats: %v\n%s", err, lang.T("raftsim.lesson.usage"))
		return 2
	}
	if *all || len(pos) == 0 {
		pos = append(pos, lessons.Bundled()...)
	}
	var paces []*lessons.Pace
	for _, arg := range pos {
		l, err := loadLesson(arg, lang)
		if err != nil {
			fmt.Fprintf(stderr, "raftsim: %s\n", i18n.ErrorIn(err, lang))
			return 2
		}
		paces = append(paces, lessons.Pacing(l))
	}
	if *asJSON {
		return statsJSON(paces, stdout)
	}
	var problems []string
	var ls []*lessons.Lesson
	var total paceTotals
	for _, p := range paces {
		var t paceTotals
		t.add(p)
		// A translation is named as the command line names it, so that
		// the two editions of a lesson stay apart.
		name := path.Join(bundledPrefix(p.Lesson.Lang), p.Lesson.Name)
		fmt.Fprintf(stdout, "%s %s\n", padWide(name, 30), t.line(1, lang))
		total.add(p)
		problems = append(problems, p.ProblemsIn(lang)...)
		ls = append(ls, p.Lesson)
	}
	fmt.Fprintf(stdout, "%s %s\n", padWide(lang.T("raftsim.stats.total", len(paces)), 30), total.line(len(paces), lang))
	problems = append(problems, lessons.AnswerBalance(ls...).ProblemsIn(lang)...)
	if len(problems) == 0 {
		fmt.Fprintln(stdout, lang.T("raftsim.stats.ok"))
		return 0
	}
	fmt.Fprintf(stdout, "%s\n", lang.T("raftsim.stats.problems", len(problems)))
	for _, p := range problems {
		fmt.Fprintf(stdout, "  %s\n", p)
	}
	return 1
}

// paceTotals gathers the figures of one lesson or of several.
type paceTotals struct {
	words       []int
	explanation int
	wait        float64
	minutes     float64
	lessons     []*lessons.Lesson
}

func (t *paceTotals) add(p *lessons.Pace) {
	for _, s := range p.Steps {
		t.words = append(t.words, s.Narration)
		t.explanation = max(t.explanation, s.Explanation)
		t.wait = max(t.wait, s.WaitSeconds())
	}
	t.minutes += p.Minutes()
	t.lessons = append(t.lessons, p.Lesson)
}

// line writes the figures on one line: the main text's words per step
// (median, 90th percentile, max), the longest explanation, where the
// predict answers stand and how often the longest choice is right, the
// longest wait and the estimated minutes (in all, for several lessons).
func (t *paceTotals) line(lessonsIn int, lang i18n.Lang) string {
	w := slices.Sorted(slices.Values(t.words))
	var median, p90, most int
	if n := len(w); n > 0 {
		// The median as lessonstats.py prints it (the mean of the middle
		// two, truncated); the 90th percentile by nearest rank.
		median, p90, most = (w[(n-1)/2]+w[n/2])/2, w[(9*n+9)/10-1], w[n-1]
	}
	b := lessons.AnswerBalance(t.lessons...)
	var pos []string
	for i, n := range b.Positions {
		pos = append(pos, fmt.Sprintf("%d:%d", i+1, n))
	}
	if len(pos) == 0 {
		pos = []string{"-"}
	}
	longest := "-"
	if b.Predicts > 0 {
		longest = fmt.Sprintf("%d/%d", b.LongestRight, b.Predicts)
	}
	key := "raftsim.stats.line"
	if lessonsIn > 1 {
		key = "raftsim.stats.line.all"
	}
	return lang.T(key, len(w), median, p90, most, t.explanation, strings.Join(pos, " "), longest, t.wait, t.minutes)
}

// statsJSON prints every step's figures, for tools (the browser test
// opens each lesson's longest step).
func statsJSON(paces []*lessons.Pace, stdout io.Writer) int {
	type stepDoc struct {
		Step        int     `json:"step"`
		Title       string  `json:"title"`
		Kind        string  `json:"kind"`
		Narration   int     `json:"narration"`
		Explanation int     `json:"explanation"`
		Reading     int     `json:"reading"`
		SimMs       int64   `json:"simMs"`
		WaitSeconds float64 `json:"waitSeconds"`
	}
	type lessonDoc struct {
		Name    string    `json:"name"`
		Number  int       `json:"number"`
		Title   string    `json:"title"`
		Minutes float64   `json:"minutes"`
		Steps   []stepDoc `json:"steps"`
		Err     string    `json:"error,omitempty"`
	}
	docs := []lessonDoc{}
	for _, p := range paces {
		d := lessonDoc{Name: p.Lesson.Name, Number: p.Lesson.Number, Title: p.Lesson.Title, Minutes: p.Minutes()}
		if p.Err != nil {
			d.Err = p.Err.Error()
		}
		for _, s := range p.Steps {
			d.Steps = append(d.Steps, stepDoc{s.Step, s.Title, string(s.Kind), s.Narration, s.Explanation, s.Reading, s.SimMs, s.WaitSeconds()})
		}
		docs = append(docs, d)
	}
	data, _ := json.MarshalIndent(docs, "", "  ") // plain structs: cannot fail
	fmt.Fprintf(stdout, "%s\n", data)
	return 0
}
