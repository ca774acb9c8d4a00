package main

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/raftlab/raftlab/lessons"
	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/playground/i18n"
)

// pageOptions is what the page's URL asks for.
type pageOptions struct {
	// scenario is nil for the default sandbox.
	scenario *playground.Scenario
	// empty draws only the background: the frame-rate baseline.
	empty bool
	// lesson and step open a lesson at a step (0: none; step 0: where the
	// learner left it).
	lesson, step int
	// lang is the language asked for ("": none, the remembered or the
	// browser's language decides).
	lang i18n.Lang
	// problems are the known parameters whose values cannot be used, one
	// sentence each. The page shows them in a one-line banner and starts
	// as if those parameters were not given: a wrong link still opens
	// RaftLab, and says what was wrong.
	problems []string
	// ignored are the parameters RaftLab does not know, sorted. Links
	// shared through chat apps and course platforms gain utm_source,
	// fbclid and the like, so these only get a line on the console.
	ignored []string
}

// queryParams are the URL parameters the page understands.
var queryParams = []string{"scenario", "empty", "nodes", "load", "lesson", "step", "lang"}

// optionsFromQuery reads the page's URL parameters:
//
//	?scenario=NAME       a bundled scenario
//	?empty=1             an empty frame (the frame-rate baseline)
//	?nodes=N&load=M      a sandbox of N nodes with about M messages in flight
//	?lesson=N&step=M     lesson N open at step M (a link a teacher can hand out)
//	?lang=zh-CN|en       the language (whatever the browser's or the last choice)
//
// It is the one place that decides what a link means. Unknown parameters
// are ignored. A known parameter with a bad value is a problem that says
// what was wrong and what is allowed, and the page starts without it (so
// in the sandbox when it was the only one). A lesson sets its own world,
// so it wins over scenario, nodes, load and empty; a scenario sets its
// own nodes and load, so it wins over them.
func optionsFromQuery(q url.Values) pageOptions {
	var o pageOptions
	known := url.Values{}
	for k, vs := range q {
		switch {
		case !slices.Contains(queryParams, k):
			o.ignored = append(o.ignored, k)
		case len(vs) > 1:
			o.problem("URL parameter %q is given %d times", k, len(vs))
		default:
			known[k] = vs
		}
	}
	slices.Sort(o.ignored)
	slices.Sort(o.problems) // repeated parameters, found in map order

	if v, ok := known["lang"]; ok {
		// A language that is not there is English, and says so; it
		// changes nothing else the link asks for.
		l, err := i18n.Parse(v[0])
		if err != nil {
			o.problem("%v", err)
		}
		o.lang = l
	}
	if lessonFromQuery(known, &o) {
		if others := present(known, "scenario", "nodes", "load", "empty"); len(others) > 0 {
			o.problem("lesson=%d cannot be combined with %s: a lesson sets its own world", o.lesson, strings.Join(others, " or "))
		}
		return o
	}
	switch v := known.Get("empty"); v {
	case "", "0", "false":
	case "1", "true":
		o.empty = true
	default:
		o.problem("empty=%q: use empty=1", v)
	}
	if _, ok := known["scenario"]; ok {
		name := known.Get("scenario")
		if others := present(known, "nodes", "load"); len(others) > 0 {
			o.problem("scenario=%s cannot be combined with %s: a scenario sets its own", name, strings.Join(others, " or "))
		}
		sc, err := playground.LoadBundled(name)
		if err != nil {
			o.problem("%v", err)
			return o
		}
		o.scenario = sc
		return o
	}
	if len(present(known, "nodes", "load")) == 0 {
		return o
	}
	nodes, err := intParam(known, "nodes", 5)
	if err != nil {
		o.problem("%v", err)
		return o
	}
	load, err := intParam(known, "load", 0)
	if err != nil {
		o.problem("%v", err)
		return o
	}
	sc, err := loadScenario(nodes, load)
	if err != nil {
		o.problem("%v", err)
		return o
	}
	o.scenario = sc
	return o
}

// problem records a parameter that cannot be used.
func (o *pageOptions) problem(format string, args ...any) {
	o.problems = append(o.problems, fmt.Sprintf(format, args...))
}

// present is which of keys q has, in the order given.
func present(q url.Values, keys ...string) []string {
	var have []string
	for _, k := range keys {
		if _, ok := q[k]; ok {
			have = append(have, k)
		}
	}
	return have
}

// lessonFromQuery reads ?lesson=N&step=M, checked against the bundled
// lessons. It reports whether a lesson is to be opened; a lesson or step
// that does not exist is a problem, and no lesson opens.
func lessonFromQuery(q url.Values, o *pageOptions) bool {
	_, hasLesson := q["lesson"]
	_, hasStep := q["step"]
	if !hasLesson {
		if hasStep {
			o.problem("step=%s needs lesson=N: the lesson it is a step of", q.Get("step"))
		}
		return false
	}
	lesson, err := intParam(q, "lesson", 0)
	if err != nil {
		o.problem("%v", err)
		return false
	}
	step, err := intParam(q, "step", 0)
	if err != nil {
		o.problem("%v", err)
		return false
	}
	all, err := lessons.All()
	if err != nil {
		o.problem("%v", err)
		return false
	}
	if _, err := lessons.Find(all, lesson, step); err != nil {
		o.problem("%v", err)
		return false
	}
	o.lesson, o.step = lesson, step
	return true
}

func intParam(q url.Values, key string, def int) (int, error) {
	v, ok := q[key]
	if !ok {
		return def, nil
	}
	n, err := strconv.Atoi(v[0])
	if err != nil {
		return 0, fmt.Errorf("%s=%q is not a whole number", key, v[0])
	}
	return n, nil
}
