package playground

import (
	"maps"
	"slices"

	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
)

// Outcome is what a run must come to whatever engine runs it: what
// commits, what every client call returns, the final store and the
// linearizability verdict. Timing, terms, elections and messages may
// differ between two correct Rafts; these may not. raftsim compare and
// the differential test of package etcdraft both judge the engines by it,
// so that they agree on what agreeing means.
type Outcome struct {
	// Committed is the committed writes in log order, as the server up
	// that has committed most holds them (a snapshot hides those before
	// it).
	Committed []CommittedWrite
	// Calls is every client call in the order it was made, with what it
	// returned.
	Calls []CallOutcome
	// Store is the key-value store of the server up that has applied
	// most.
	Store map[string]string
	// Verdict is the linearizability check's: stale-read.json shows a
	// stale read on purpose, on either engine.
	Verdict Linearizability
}

// CommittedWrite is a committed command. Its index is for the reader
// only: no-ops and configuration entries may sit elsewhere on another
// engine, so writes are matched by their place among the writes.
type CommittedWrite struct {
	Index uint64
	Text  string
}

// CallOutcome is a client call and what it returned, comparable with ==:
// when it returned is left out, as timing may differ.
type CallOutcome struct {
	Client int
	// Cmd is the command without the client's sequence number, which
	// counts retries.
	Cmd view.Command
	// Done is set when the call returned, with Result (without the
	// store's revision, which counts no-ops on some engines).
	Done   bool
	Result view.Result
}

// OutcomeOf reads r's outcome. r must be a full result (World.Result): the
// committed writes are read from the nodes' logs.
func OutcomeOf(r RunResult) Outcome {
	o := Outcome{Committed: []CommittedWrite{}, Store: map[string]string{}, Verdict: r.Verdict}
	commit, applied := uint64(0), uint64(0)
	for _, n := range r.Nodes {
		if !n.Up {
			continue
		}
		if n.CommitIndex >= commit {
			commit, o.Committed = n.CommitIndex, committedWrites(n)
		}
		if n.AppliedIndex >= applied {
			applied, o.Store = n.AppliedIndex, maps.Clone(n.KV)
		}
	}
	for _, c := range r.history.all() {
		c.Cmd.Client, c.Cmd.Seq, c.Result.Revision = 0, 0, 0
		o.Calls = append(o.Calls, CallOutcome{Client: c.Client, Cmd: c.Cmd, Done: c.Done, Result: c.Result})
	}
	return o
}

// committedWrites is n's committed commands, in log order.
func committedWrites(n NodeResult) []CommittedWrite {
	out := []CommittedWrite{}
	for _, e := range n.Log {
		if e.Index <= n.CommitIndex && e.Kind == "normal" {
			out = append(out, CommittedWrite{e.Index, e.Data})
		}
	}
	return out
}

// ResultMsg is what the call returned, as the feed says it, or that it
// never returned.
func (c CallOutcome) ResultMsg() i18n.Message {
	if !c.Done {
		return i18n.Msg("compare.result.pending")
	}
	return view.LinOp{Cmd: c.Cmd, Result: c.Result}.ResultMsg()
}

// Difference finds the first point where o and p differ in what must
// agree and says it, a and b naming the runs (their engines): the
// committed writes in log order, then the calls in call order, then the
// store key by key in sorted order, then the verdict. It returns an empty
// message when they agree.
func (o Outcome) Difference(p Outcome, a, b string) i18n.Message {
	for i := range max(len(o.Committed), len(p.Committed)) {
		x, y := writeAt(o.Committed, i), writeAt(p.Committed, i)
		if x.Text != y.Text || x.Index == 0 || y.Index == 0 {
			return i18n.Msg("compare.diff.commit", i+1, a, writeMsg(x), b, writeMsg(y))
		}
	}
	for i := range max(len(o.Calls), len(p.Calls)) {
		if i >= len(o.Calls) || i >= len(p.Calls) {
			return i18n.Msg("compare.diff.calls", a, len(o.Calls), b, len(p.Calls))
		}
		x, y := o.Calls[i], p.Calls[i]
		if x.Client != y.Client || x.Cmd != y.Cmd {
			return i18n.Msg("compare.diff.call-made", i+1, a, x.Client, x.Cmd.String(), b, y.Client, y.Cmd.String())
		}
		if x != y {
			return i18n.Msg("compare.diff.call", i+1, x.Client, x.Cmd.String(), a, x.ResultMsg(), b, y.ResultMsg())
		}
	}
	keys := slices.Collect(maps.Keys(o.Store))
	for k := range p.Store {
		if _, ok := o.Store[k]; !ok {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	for _, k := range keys {
		x, okx := o.Store[k]
		y, oky := p.Store[k]
		if x != y || okx != oky {
			return i18n.Msg("compare.diff.store", k, a, storeMsg(x, okx), b, storeMsg(y, oky))
		}
	}
	if o.Verdict != p.Verdict {
		return i18n.Msg("compare.diff.verdict", a, string(o.Verdict), b, string(p.Verdict))
	}
	return i18n.Message{}
}

// writeAt is the i-th committed write; index 0 when there is none.
func writeAt(ws []CommittedWrite, i int) CommittedWrite {
	if i < len(ws) {
		return ws[i]
	}
	return CommittedWrite{}
}

// writeMsg says a committed write, or that there is none.
func writeMsg(w CommittedWrite) i18n.Message {
	if w.Index == 0 {
		return i18n.Msg("compare.write.none")
	}
	return i18n.Msg("compare.write", w.Text, w.Index)
}

// storeMsg says a key's value in a store, or that it has none.
func storeMsg(v string, ok bool) i18n.Message {
	if ok {
		return i18n.Msg("feed.result.value", v)
	}
	return i18n.Msg("feed.result.not-found")
}
