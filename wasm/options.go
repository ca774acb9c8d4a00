package main

import (
	"cmp"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/raftlab/raftlab/internal/lab"
	"github.com/raftlab/raftlab/lessons/doc"
	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
)

// pageOptions is what the page's URL asks for.
type pageOptions struct {
	// scenario is nil for the default sandbox.
	scenario *view.Scenario
	// empty draws only the background: the frame-rate baseline.
	empty bool
	// embed shows only the cluster and a play control, for a course page
	// that puts RaftLab in an iframe (ui.Options.Embed).
	embed bool
	// lesson and step open a lesson at a step (0: none; step 0: where the
	// learner left it).
	lesson, step int
	// load is the messages in flight the scenario keeps when it is a load
	// world (?nodes=N&load=M), which its name says; -1 otherwise.
	load int
	// lang is the language asked for ("": none, the remembered or the
	// browser's language decides).
	lang i18n.Lang
	// present starts in presenter mode (?present=1): a teacher's link to
	// the projector.
	present bool
	// problems are the known parameters whose values cannot be used, one
	// sentence each (problemsIn writes them in a language). The page shows them in a one-line banner and starts
	// as if those parameters were not given: a wrong link still opens
	// RaftLab, and says what was wrong.
	problems []problem
	// link is the share link in the URL's fragment (nil: none), which
	// readLink reads.
	link *view.Link
	// lab is the lab the lesson link was checked against (its lessons
	// parsed): the game is given the same one, so that a lesson link's
	// start parses the course once, not twice.
	lab *lab.Lab
	// ignored are the parameters RaftLab does not know, sorted. Links
	// shared through chat apps and course platforms gain utm_source,
	// fbclid and the like, so these only get a line on the console.
	ignored []string
}

// queryParams are the URL parameters the page understands.
// (notes is the speaker notes page's, which index.html shows without
// loading RaftLab: known here so that it is never said to be ignored.)
var queryParams = []string{"scenario", "empty", "nodes", "load", "rate", "lesson", "step", "lang", "embed", "present", "notes", "engine"}

// optionsFromQuery reads the page's URL parameters:
//
//	?scenario=NAME       a bundled scenario
//	?empty=1             an empty frame (the frame-rate baseline)
//	?nodes=N&load=M      a sandbox of N nodes with about M messages in flight
//	?lesson=N&step=M     lesson N open at step M (a link a teacher can hand out)
//	?lang=zh-CN|en       the language (whatever the browser's or the last choice)
//	?embed=1             the cluster and a play control alone, for an iframe
//	?present=1           presenter mode, for a projector
//	?engine=raftlab|etcd the Raft the servers run (etcd's is in etcd.wasm)
//
// It is the one place that decides what a link means. Unknown parameters
// are ignored. A known parameter with a bad value is a problem that says
// what was wrong and what is allowed, and the page starts without it (so
// in the sandbox when it was the only one). A lesson sets its own world,
// so it wins over scenario, nodes, load and empty; a scenario sets its
// own nodes and load, so it wins over them. A lesson needs its panel, so
// it wins over embed too: the full app opens in the frame. A lesson sets
// its own world, engine included, so it wins over an engine that is not
// its own as well (lesson 18 runs on etcd's: ?lesson=18&engine=etcd is
// the page a lesson on etcd is opened at).
func optionsFromQuery(q url.Values) pageOptions {
	o := pageOptions{load: -1, lab: lab.New()}
	known := o.known(q)
	o.world(known)
	o.engineFromQuery(known)
	return o
}

// known is the parameters of q the page understands, each given once;
// the others are ignored or problems.
func (o *pageOptions) known(q url.Values) url.Values {
	known := url.Values{}
	for k, vs := range q {
		switch {
		case !slices.Contains(queryParams, k):
			o.ignored = append(o.ignored, k)
		case len(vs) > 1:
			o.problem("host.link.repeated", k, len(vs))
		default:
			known[k] = vs
		}
	}
	slices.Sort(o.ignored)
	slices.SortFunc(o.problems, func(a, b problem) int { return cmp.Compare(a.args[0].(string), b.args[0].(string)) }) // repeated parameters, found in map order
	return known
}

// world reads the language, the modes and the world the known parameters
// ask for.
func (o *pageOptions) world(known url.Values) {
	if v, ok := known["lang"]; ok {
		// A language that is not there is English, and says so; it
		// changes nothing else the link asks for.
		l, err := i18n.Parse(v[0])
		if err != nil {
			o.failed(err)
		}
		o.lang = l
	}
	o.present = flagParam(known, "present", "host.link.present", o)
	embed := flagParam(known, "embed", "host.link.embed", o)
	if l := lessonFromQuery(known, o); l != nil {
		if embed {
			o.problem("host.link.embed-lesson", o.lesson)
		}
		others := present(known, "scenario", "nodes", "load", "rate", "empty")
		if e, ok := view.ParseEngine(known.Get("engine")); ok && e != l.RunsOn {
			others = append(others, "engine") // a lesson's worlds are its own
		}
		if len(others) > 0 {
			o.problem("host.link.lesson-and", o.lesson, strings.Join(others, ", "))
		}
		return
	}
	o.embed = embed
	o.empty = flagParam(known, "empty", "host.link.empty", o)
	if _, ok := known["scenario"]; ok {
		name := known.Get("scenario")
		if others := present(known, "nodes", "load", "rate"); len(others) > 0 {
			o.problem("host.link.scenario-and", name, strings.Join(others, ", "))
		}
		sc, err := playground.LoadBundled(name)
		if err != nil {
			o.failed(err)
			return
		}
		o.scenario = sc
		return
	}
	if _, ok := known["rate"]; ok && len(present(known, "nodes", "load")) == 0 {
		rate, err := intParam(known, "rate", 0)
		if err == nil {
			o.scenario, err = rateScenario(rate)
		}
		if err != nil {
			o.failed(err)
		}
		return
	}
	if _, ok := known["rate"]; ok {
		o.ignored = append(o.ignored, "rate") // the load page has its own writes
	}
	if len(present(known, "nodes", "load")) == 0 {
		return
	}
	nodes, err := intParam(known, "nodes", 5)
	if err != nil {
		o.failed(err)
		return
	}
	load, err := intParam(known, "load", 0)
	if err != nil {
		o.failed(err)
		return
	}
	sc, err := loadScenario(nodes, load)
	if err != nil {
		o.failed(err)
		return
	}
	o.scenario, o.load = sc, load
}

// nameIn names the world the link asks for in the page's language, once
// it is known (a bundled scenario's name is its file's).
func (o *pageOptions) nameIn(l i18n.Lang) {
	if o.load >= 0 {
		nameLoad(o.scenario, o.load, l)
	}
}

// problem is a parameter that cannot be used: a catalogue message, or an
// error from the package that refused the value.
type problem struct {
	key  string
	args []any
	err  error
}

// problem records a parameter that cannot be used, as a message key and
// its arguments.
func (o *pageOptions) problem(key string, args ...any) {
	o.problems = append(o.problems, problem{key: key, args: args})
}

// failed records a parameter whose value was refused with err.
func (o *pageOptions) failed(err error) {
	o.problems = append(o.problems, problem{err: err})
}

// problemsIn is the problems written in a language: the page's language
// is known only once the link, the remembered choice and the browser's
// have been weighed. Errors that can be translated (a lesson or a step
// that does not exist, a number that is not one) are; others stay as
// their package wrote them.
func (o *pageOptions) problemsIn(l i18n.Lang) []string {
	out := make([]string, len(o.problems))
	for i, p := range o.problems {
		if p.err != nil {
			out[i] = i18n.ErrorIn(p.err, l)
		} else {
			out[i] = l.T(p.key, p.args...)
		}
	}
	return out
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
// lessons. It returns the lesson to open, or nil; a lesson or step that
// does not exist is a problem, and no lesson opens.
func lessonFromQuery(q url.Values, o *pageOptions) *doc.Lesson {
	_, hasLesson := q["lesson"]
	_, hasStep := q["step"]
	if !hasLesson {
		if hasStep {
			o.problem("host.link.step-alone", q.Get("step"))
		}
		return nil
	}
	lesson, err := intParam(q, "lesson", 0)
	if err != nil {
		o.failed(err)
		return nil
	}
	step, err := intParam(q, "step", 0)
	if err != nil {
		o.failed(err)
		return nil
	}
	all, err := o.lab.AllIn(i18n.English)
	if err != nil {
		o.failed(err)
		return nil
	}
	l, err := doc.Find(all, lesson, step)
	if err != nil {
		o.failed(err)
		return nil
	}
	o.lesson, o.step = lesson, step
	return l
}

// flagParam reads a parameter that is on or off (1 or true, 0 or false or
// nothing); another value is the problem bad (its argument the value),
// and off.
func flagParam(q url.Values, key, bad string, o *pageOptions) bool {
	switch v := q.Get(key); v {
	case "", "0", "false":
		return false
	case "1", "true":
		return true
	default:
		o.problem(bad, v)
		return false
	}
}

func intParam(q url.Values, key string, def int) (int, error) {
	v, ok := q[key]
	if !ok {
		return def, nil
	}
	n, err := strconv.Atoi(v[0])
	if err != nil {
		return 0, notWholeNumber{key, v[0]}
	}
	return n, nil
}

// notWholeNumber is a parameter whose value should be a whole number.
type notWholeNumber struct{ key, value string }

func (e notWholeNumber) Error() string { return e.In(i18n.English) }

// In is the error in a language (i18n.Translatable).
func (e notWholeNumber) In(l i18n.Lang) string { return l.T("host.link.not-number", e.key, e.value) }
