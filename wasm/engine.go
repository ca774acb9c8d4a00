package main

import (
	"net/url"
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
// its own world (world says so when the link asks for etcd); an empty
// frame has none. A name that is not an engine, an engine this build
// lacks, or a scenario that cannot run on it (its teaching switches are
// RaftLab's) is a problem, and the world keeps its own engine.
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
	u, err := url.Parse(href)
	if err != nil {
		return "?engine=" + e.String() + "#" + strings.TrimPrefix(link, "#")
	}
	q := u.Query()
	for _, k := range linkOverrides {
		q.Del(k)
	}
	withEngine(q, e)
	u.RawQuery, u.Fragment, u.RawFragment = q.Encode(), "", ""
	return u.String() + "#" + strings.TrimPrefix(link, "#")
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

// shareURL is the page at href with a share link's fragment: its
// ?engine= says the build the link's world needs, so that a session on
// etcd opens in the etcd build and one on RaftLab's engine in the smaller
// default one. Its other parameters stay as they were.
func shareURL(href string, e view.Engine, fragment string) string {
	base, _, _ := strings.Cut(href, "#")
	u, err := url.Parse(base)
	if err != nil {
		return base + "#" + fragment
	}
	q := u.Query()
	if q.Get("engine") == engineParam(e) && len(q["engine"]) <= 1 {
		return base + "#" + fragment // as the page was opened: its query untouched
	}
	withEngine(q, e)
	u.RawQuery = q.Encode()
	return u.String() + "#" + fragment
}

// engineParam is ?engine's value for e's build ("" for the default).
func engineParam(e view.Engine) string {
	if e == view.EngineRaftLab {
		return ""
	}
	return e.String()
}

// linkEngine is the engine a share link's world runs on.
func linkEngine(l *view.Link) view.Engine {
	if l == nil || l.Scenario == nil {
		return view.EngineRaftLab
	}
	return l.Scenario.Settings.Engine
}
