package main

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/raftlab/raftlab/lessons"
	"github.com/raftlab/raftlab/playground"
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
}

// queryParams are the URL parameters the page understands.
var queryParams = []string{"scenario", "empty", "nodes", "load", "lesson", "step"}

// optionsFromQuery reads the page's URL parameters:
//
//	?scenario=NAME       a bundled scenario
//	?empty=1             an empty frame (the frame-rate baseline)
//	?nodes=N&load=M      a sandbox of N nodes with about M messages in flight
//	?lesson=N&step=M     lesson N open at step M (a link a teacher can hand out)
//
// Every mistake is an error that says what was wrong and what is allowed.
func optionsFromQuery(q url.Values) (pageOptions, error) {
	var o pageOptions
	for k, vs := range q {
		if !slices.Contains(queryParams, k) {
			return o, fmt.Errorf("unknown URL parameter %q (known: %s)", k, strings.Join(queryParams, ", "))
		}
		if len(vs) > 1 {
			return o, fmt.Errorf("URL parameter %q is given %d times", k, len(vs))
		}
	}
	switch v := q.Get("empty"); v {
	case "", "0", "false":
	case "1", "true":
		o.empty = true
	default:
		return o, fmt.Errorf("empty=%q: use empty=1", v)
	}
	if err := lessonFromQuery(q, &o); err != nil {
		return o, err
	}
	name := q.Get("scenario")
	_, hasNodes := q["nodes"]
	_, hasLoad := q["load"]
	if name != "" && (hasNodes || hasLoad) {
		return o, fmt.Errorf("scenario=%s cannot be combined with nodes or load: a scenario sets its own", name)
	}
	if _, ok := q["scenario"]; ok {
		sc, err := playground.LoadBundled(name)
		if err != nil {
			return o, err
		}
		o.scenario = sc
		return o, nil
	}
	if hasNodes || hasLoad {
		nodes, err := intParam(q, "nodes", 5)
		if err != nil {
			return o, err
		}
		load, err := intParam(q, "load", 0)
		if err != nil {
			return o, err
		}
		sc, err := loadScenario(nodes, load)
		if err != nil {
			return o, err
		}
		o.scenario = sc
	}
	return o, nil
}

// lessonFromQuery reads ?lesson=N&step=M, checked against the bundled
// lessons.
func lessonFromQuery(q url.Values, o *pageOptions) error {
	_, hasLesson := q["lesson"]
	_, hasStep := q["step"]
	if !hasLesson {
		if hasStep {
			return fmt.Errorf("step=%s needs lesson=N: the lesson it is a step of", q.Get("step"))
		}
		return nil
	}
	if len(q) > 2 || (len(q) == 2 && !hasStep) {
		return fmt.Errorf("lesson=%s cannot be combined with other parameters than step", q.Get("lesson"))
	}
	var err error
	if o.lesson, err = intParam(q, "lesson", 0); err != nil {
		return err
	}
	if o.step, err = intParam(q, "step", 0); err != nil {
		return err
	}
	all, err := lessons.All()
	if err != nil {
		return err
	}
	_, err = lessons.Find(all, o.lesson, o.step)
	return err
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
