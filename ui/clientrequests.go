package ui

import (
	"fmt"
	"strings"

	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/raft"
)

// shownRequests is how many of the newest client requests the client
// panel lists.
const shownRequests = 4

// requestLine is one client request as the client panel lists it: state
// is a stable word for tests (sent, waiting, redirected, timedout,
// answered, gaveup), text the short line shown and why the full story.
type requestLine struct {
	state, text, why string
}

// requestLines lists the newest client requests, newest first, each with
// what befell it last. They are worked out from the history and the
// trace's client events once per moment of the simulation.
func (g *Game) requestLines() []requestLine {
	w := g.world()
	if g.client.reqsAt == w.TraceLen() && g.client.reqsNow == w.Now() && g.client.reqs != nil {
		return g.client.reqs
	}
	h := w.History()
	calls := h[max(0, len(h)-shownRequests):]
	last := g.lastClientEvents(w, h, calls)
	out := make([]requestLine, 0, len(calls))
	for k := len(calls) - 1; k >= 0; k-- {
		out = append(out, describeRequest(w, &calls[k], last[k]))
	}
	g.client.reqs, g.client.reqsAt, g.client.reqsNow = out, w.TraceLen(), w.Now()
	return out
}

// lastClientEvents finds, for each call, the newest client event about
// it, if the call is its client's newest (a client makes one call at a
// time, so its newest event is about its newest call; an older call is
// over). It scans the trace back from the end, no further than the
// oldest call's start.
func (g *Game) lastClientEvents(w *playground.World, h, calls []playground.Call) []*playground.Event {
	out := make([]*playground.Event, len(calls))
	newest := map[int]int{} // client -> its newest call among calls
	for k := range calls {
		newest[calls[k].Client] = k
	}
	for cl, k := range newest {
		if !isNewestOf(h, calls[k]) {
			delete(newest, cl)
		}
	}
	missing := len(newest)
	for i := w.TraceLen() - 1; i >= w.TraceStart() && missing > 0; i-- {
		t := w.EventTypeAt(i)
		if t != playground.EvClientCall && t != playground.EvClientReturn {
			continue
		}
		e := w.EventAt(i)
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

// isNewestOf reports whether c is the newest call its client made in h.
func isNewestOf(h []playground.Call, c playground.Call) bool {
	for i := len(h) - 1; i >= 0; i-- {
		if h[i].Client == c.Client {
			return h[i].Cmd.Seq == c.Cmd.Seq
		}
	}
	return false
}

// describeRequest tells call's state from the newest client event about
// it (nil when the trace no longer holds it).
func describeRequest(w *playground.World, c *playground.Call, e *playground.Event) requestLine {
	cmd := c.Cmd.String()
	line := func(state, text string) requestLine {
		why := fmt.Sprintf("Client %d: %s — %s.", c.Client, cmd, text)
		if e != nil && e.Note != "" {
			why += " " + e.Note
		}
		return requestLine{state, cmd + " — " + text, why}
	}
	switch {
	case c.Done:
		by := ""
		if e != nil && e.Type == playground.EvClientReturn && e.Peer != raft.None {
			by = " by " + playground.S(e.Peer)
		}
		if c.Attempts > 1 {
			by += fmt.Sprintf(" at attempt %d", c.Attempts)
		}
		return line("answered", "answered"+by+": "+resultText(c))
	case e == nil || e.Type == playground.EvClientReturn:
		// Not the client's newest call, or its last word: it gave up.
		return line("gaveup", "gave up: the outcome is unknown")
	}
	to := e.Peer
	now := playground.S(to)
	if requestInFlight(w, c.Client, to) {
		now = "sent to " + now
	} else {
		now = fmt.Sprintf("waiting for %s (%.1f s)", now, float64(w.Now()-e.AtMs)/1000)
	}
	if c.Attempts <= 1 {
		if strings.HasPrefix(now, "sent") {
			return line("sent", now)
		}
		return line("waiting", now)
	}
	from := playground.S(e.Node)
	switch {
	case strings.Contains(e.Note, "did not answer in time"):
		return line("timedout", fmt.Sprintf("%s timed out, retry %d %s", from, c.Attempts, now))
	case strings.Contains(e.Note, "redirected"):
		return line("redirected", fmt.Sprintf("%s redirected to %s, %s", from, playground.S(to), now))
	case strings.Contains(e.Note, "knew no leader"):
		return line("redirected", fmt.Sprintf("%s knew no leader, retry %d %s", from, c.Attempts, now))
	}
	return line("redirected", fmt.Sprintf("%s refused it, retry %d %s", from, c.Attempts, now))
}

// requestInFlight reports whether a request of client is on its way to
// node to.
func requestInFlight(w *playground.World, client int, to raft.ID) bool {
	for _, f := range w.InFlight() {
		if f.Kind == playground.FlightRequest && f.Client == client && f.To == to {
			return true
		}
	}
	return false
}

// resultText is what a call returned, in short.
func resultText(c *playground.Call) string {
	r := c.Result
	switch {
	case c.Cmd.Op == playground.OpGet && !r.Found:
		return "not found"
	case c.Cmd.Op == playground.OpGet:
		return fmt.Sprintf("%q", r.Value)
	case c.Cmd.Op == playground.OpCAS && !r.OK:
		return fmt.Sprintf("failed, the value is %q", r.Value)
	}
	return "ok"
}
