package main

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/ui"
)

// The browser has two builds: main.wasm, RaftLab's own Raft alone (it must
// stay a download of at most 5 MB gzip), and etcd.wasm (make web builds it
// with -tags etcd), which holds etcd's raft too. index.html fetches
// etcd.wasm for a page whose URL says ?engine=etcd; the engine a world runs
// on is its settings', so the URL is what carries the choice of build from
// page to page: a share link of a session on etcd carries ?engine=etcd, and
// a build asked for an engine it lacks loads the page again with it.

// engineFromQuery reads ?engine=: the Raft the world the link asks for
// runs on (a bundled scenario, a load world, the sandbox). A lesson sets
// its own world (world says so when the link asks for an engine not the
// lesson's own); an empty frame has none. A name that is not an engine,
// an engine this build lacks, or a scenario that cannot run on it (its
// teaching switches are RaftLab's) is a problem, and the world keeps its
// own engine.
func (o *pageOptions) engineFromQuery(known url.Values) {
	v, ok := known["engine"]
	if !ok {
		return
	}
	e, ok := view.ParseEngine(v[0])
	switch {
	case !ok:
		o.problem("host.engine.unknown", v[0])
		return
	case !playground.HasEngine(e):
		o.failed(i18n.Errorf("scenario.settings.engine-absent", e))
		return
	case o.lesson != 0 || o.empty:
		return
	}
	sc := o.scenario
	if sc == nil && e == view.EngineRaftLab {
		return // the default sandbox is on RaftLab's engine
	}
	if sc == nil {
		sc = ui.Sandbox()
	}
	s := sc.Settings
	s.Engine = e
	if err := s.Validate(); err != nil {
		o.failed(err)
		return
	}
	sc.Settings = s
	o.scenario = sc
}

// linkOverrides are the parameters a share link's own world, moment and
// lesson override (readLink): a page loaded again for a link leaves them
// out, so that its banner does not say they were not used.
var linkOverrides = []string{"scenario", "nodes", "load", "rate", "lesson", "step", "empty"}

// engineURL is the page at href asked for engine e, opening link (a share
// link's fragment, with or without its #): its other parameters (the
// language, embed, presenter mode, any a course platform added) stay.
// RaftLab's engine is the default, so it leaves ?engine out.
func engineURL(href string, e view.Engine, link string) string {
	page, q := enginePage(href, e)
	return page + queryString(q) + "#" + strings.TrimPrefix(link, "#")
}

// enginePage is the page at href, without its fragment, and its query
// asked for engine e, without the parameters what it opens overrides.
func enginePage(href string, e view.Engine) (string, url.Values) {
	page, q := splitHref(href)
	for _, k := range linkOverrides {
		q.Del(k)
	}
	withEngine(q, e)
	return page, q
}

// lessonURL is the page at href asked for engine e, opening the lesson
// open names at its step (none: where the learner left it), as
// ?lesson=N&step=M: an address a teacher can hand out. Its other
// parameters stay, as in engineURL, and ?lang= says the app's language,
// which a share link may have chosen.
func lessonURL(href string, e view.Engine, open view.Link) string {
	page, q := enginePage(href, e)
	q.Set("lesson", strconv.Itoa(open.Lesson))
	if open.Step != 0 {
		q.Set("step", strconv.Itoa(open.Step))
	}
	if open.Lang != "" {
		q.Set("lang", string(open.Lang))
	}
	return page + queryString(q)
}

// shareURL is the page at href with a share link's fragment: its
// ?engine= says the build the link's world needs, so that a session on
// etcd opens in the etcd build and one on RaftLab's engine in the smaller
// default one. A page already in the right build keeps its query as it
// was.
func shareURL(href string, e view.Engine, fragment string) string {
	base, _, _ := strings.Cut(href, "#")
	page, q := splitHref(base)
	if q.Get("engine") == engineParam(e) && len(q["engine"]) <= 1 {
		return base + "#" + fragment
	}
	withEngine(q, e)
	return page + queryString(q) + "#" + fragment
}

// splitHref is a page's address without its query and fragment, and its
// query. (Cut by hand: url.Parse would bring in its host parsing, about 70 KB
// of main.wasm.)
func splitHref(href string) (string, url.Values) {
	href, _, _ = strings.Cut(href, "#")
	page, raw, _ := strings.Cut(href, "?")
	q, _ := url.ParseQuery(raw) // what could be read, as pageQuery does
	return page, q
}

// queryString is q as a URL's query: "" when empty, else with its "?".
func queryString(q url.Values) string {
	if len(q) == 0 {
		return ""
	}
	return "?" + q.Encode()
}

// withEngine sets q's ?engine to e's build: etcd's engine is in etcd.wasm,
// RaftLab's (the default) in both.
func withEngine(q url.Values, e view.Engine) {
	if e == view.EngineRaftLab {
		q.Del("engine")
		return
	}
	q.Set("engine", e.String())
}

// engineParam is ?engine's value for e's build ("" for the default).
func engineParam(e view.Engine) string {
	if e == view.EngineRaftLab {
		return ""
	}
	return e.String()
}
