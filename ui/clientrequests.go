package ui

import (
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
)

// shownRequests is how many of the newest client requests the client
// panel lists.
const shownRequests = 4

// requestState is what befell a client request last, as the client
// panel tells it.
type requestState uint8

const (
	// requestSent: on its way to a server.
	requestSent requestState = iota
	// requestWaiting: at the server, with no answer yet.
	requestWaiting
	// requestRedirected: sent again elsewhere, after a redirect or a
	// refusal.
	requestRedirected
	// requestTimedOut: sent again, after no answer came in time.
	requestTimedOut
	requestAnswered
	// requestGaveUp: the client stopped waiting for it.
	requestGaveUp
)

// String is the state's stable name, which names the request's line on
// the panel (client-request-waiting...) for the browser tests.
func (s requestState) String() string {
	return [...]string{"sent", "waiting", "redirected", "timedout", "answered", "gaveup"}[s]
}

// requestLine is one client request as the client panel lists it: its
// state, text the short line shown and why the full story.
type requestLine struct {
	state     requestState
	text, why string
	// lang is the language text and why are in.
	lang i18n.Lang
}

// linesIn reports whether request lines are in a language (a list with
// no line has no words).
func linesIn(lines []requestLine, lang i18n.Lang) bool {
	return len(lines) == 0 || lines[0].lang == lang
}

// requestLines lists the newest client requests, newest first, each with
// what befell it last. They are worked out from the history and the
// trace's client events once per moment of the simulation (and again
// after a switch of language).
func (p *clientPanel) requestLines() []requestLine {
	g := p.g
	w := g.sess
	if p.reqsAt == w.TraceLen() && p.reqsNow == w.Now() && p.reqs != nil && linesIn(p.reqs, g.lang) {
		return p.reqs
	}
	calls := make([]view.Call, 0, shownRequests)
	for i := max(0, w.HistoryLen()-shownRequests); i < w.HistoryLen(); i++ {
		calls = append(calls, w.Call(i))
	}
	last := p.lastClientEvents(w, calls)
	out := make([]requestLine, 0, len(calls))
	for k := len(calls) - 1; k >= 0; k-- {
		out = append(out, describeRequest(w, &calls[k], last[k], g.lang))
	}
	p.reqs, p.reqsAt, p.reqsNow = out, w.TraceLen(), w.Now()
	return out
}

// lastClientEvents finds, for each call, the newest client event about
// it, if the call is its client's newest (a client makes one call at a
// time, so its newest event is about its newest call; an older call is
// over). It scans the trace back from the end, no further than the
// oldest call's start.
func (p *clientPanel) lastClientEvents(w view.Session, calls []view.Call) []*view.Event {
	out := make([]*view.Event, len(calls))
	// calls are the newest of all: a client's newest among them is its
	// newest.
	newest := map[int]int{} // client -> its newest call among calls
	for k := range calls {
		newest[calls[k].Client] = k
	}
	missing := len(newest)
	for i := w.TraceLen() - 1; i >= w.TraceStart() && missing > 0; i-- {
		t := w.EventType(i)
		if t != view.EvClientCall && t != view.EvClientReturn {
			continue
		}
		e := w.Event(i)
		if e.AtMs < calls[0].CallMs {
			break
		}
		if k, ok := newest[e.Client]; ok && out[k] == nil {
			out[k] = &e
			missing--
		}
	}
	return out
}

// describeRequest tells call's state, in a language, from the newest
// client event about it (nil when the trace no longer holds it).
func describeRequest(w view.Session, c *view.Call, e *view.Event, lang i18n.Lang) requestLine {
	cmd := c.Cmd.String()
	line := func(state requestState, text string) requestLine {
		why := lang.T("requests.why", c.Client, cmd, text)
		if e != nil && e.Key != "" {
			why += " " + e.Text.In(lang)
		}
		return requestLine{state, lang.T("requests.line", cmd, text), why, lang}
	}
	switch {
	case c.Done:
		result := resultText(c, lang)
		by := e != nil && e.Type == view.EvClientReturn && e.Peer != view.None
		switch {
		case by && c.Attempts > 1:
			return line(requestAnswered, lang.T("requests.answered.by.at", e.Peer.Name(), c.Attempts, result))
		case by:
			return line(requestAnswered, lang.T("requests.answered.by", e.Peer.Name(), result))
		case c.Attempts > 1:
			return line(requestAnswered, lang.T("requests.answered.at", c.Attempts, result))
		}
		return line(requestAnswered, lang.T("requests.answered", result))
	case e == nil || e.Type == view.EvClientReturn:
		// Not the client's newest call, or its last word: it gave up.
		return line(requestGaveUp, lang.T("requests.gave-up"))
	}
	to := e.Peer.Name()
	state, now := requestSent, lang.T("requests.sent", to)
	if !requestInFlight(w, c.Client, e.Peer) {
		state, now = requestWaiting, lang.T("requests.waiting", to, float64(w.Now()-e.AtMs)/1000)
	}
	if c.Attempts <= 1 {
		return line(state, now)
	}
	from := e.Node.Name()
	switch e.Retry {
	case view.RetryTimeout:
		return line(requestTimedOut, lang.T("requests.timed-out", from, c.Attempts, now))
	case view.RetryRedirect:
		return line(requestRedirected, lang.T("requests.redirected", from, to, now))
	case view.RetryNoLeader:
		return line(requestRedirected, lang.T("requests.no-leader", from, c.Attempts, now))
	}
	return line(requestRedirected, lang.T("requests.refused", from, c.Attempts, now))
}

// requestInFlight reports whether a request of client is on its way to
// node to.
func requestInFlight(w view.Session, client int, to view.ID) bool {
	for _, f := range w.InFlight() {
		if f.Kind == view.FlightRequest && f.Client == client && f.To == to {
			return true
		}
	}
	return false
}

// resultText is what a call returned, in short, in a language.
func resultText(c *view.Call, lang i18n.Lang) string {
	r := c.Result
	switch {
	case c.Cmd.Op == view.OpGet && !r.Found:
		return lang.T("requests.result.not-found")
	case c.Cmd.Op == view.OpGet:
		return lang.T("requests.result.value", r.Value)
	case c.Cmd.Op == view.OpCAS && !r.OK:
		return lang.T("requests.result.cas-failed", r.Value)
	}
	return lang.T("requests.result.ok")
}
