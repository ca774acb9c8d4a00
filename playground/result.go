package playground

import (
	"slices"

	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
)

// RunResult is the outcome of a run: the document `raftsim run --json`
// prints.
type RunResult struct {
	Name         string        `json:"name"`
	Seed         int64         `json:"seed"`
	EndMs        int64         `json:"endMs"`
	Nodes        []NodeResult  `json:"nodes"`
	Expectations []Expectation `json:"expectations"`
	Violations   []Violation   `json:"violations"`
	// StaleReads are the reads the live check found stale; they are not
	// safety violations (the five properties do not judge reads).
	StaleReads []StaleRead    `json:"staleReads,omitempty"`
	History    []HistoryEntry `json:"history"`
	// Calls counts the client calls, Returned those that returned (Brief
	// leaves History empty but counts).
	Calls, Returned int             `json:"-"`
	Linearizable    bool            `json:"linearizable"`
	Verdict         Linearizability `json:"linearizability"`
	Stats           StatsResult     `json:"stats"`

	// history and end are the client history, for WriteReport.
	history historyLog
	end     int64
}

// NodeResult is one node's state at the end of a run.
type NodeResult struct {
	ID            raft.ID    `json:"id"`
	Up            bool       `json:"up"`
	Role          string     `json:"role"`
	Term          uint64     `json:"term"`
	VotedFor      raft.ID    `json:"votedFor"`
	Leader        raft.ID    `json:"leader"`
	CommitIndex   uint64     `json:"commitIndex"`
	AppliedIndex  uint64     `json:"appliedIndex"`
	SnapshotIndex uint64     `json:"snapshotIndex"`
	SnapshotTerm  uint64     `json:"snapshotTerm"`
	LastIndex     uint64     `json:"lastIndex"`
	Log           []LogEntry `json:"log"`
	// LogTerms is the term of every entry in the log (Brief leaves Log
	// empty but fills this).
	LogTerms []uint64          `json:"-"`
	KV       map[string]string `json:"kv"`
	Members  []raft.ID         `json:"members"`
}

// LogEntry is a log entry as the result shows it.
type LogEntry struct {
	Index uint64 `json:"index"`
	Term  uint64 `json:"term"`
	Kind  string `json:"kind"`
	Data  string `json:"data"`
}

// HistoryEntry is a client call as the result shows it.
type HistoryEntry struct {
	Client   int     `json:"client"`
	Op       string  `json:"op"`
	Key      string  `json:"key"`
	Value    string  `json:"value,omitempty"`
	From     *string `json:"from,omitempty"`
	CallMs   int64   `json:"callMs"`
	ReturnMs *int64  `json:"returnMs"`
	OK       bool    `json:"ok"`
	Result   *string `json:"result"`
}

// StatsResult counts messages and elections.
type StatsResult struct {
	MessagesSent      map[string]int `json:"messagesSent"`
	MessagesDelivered int            `json:"messagesDelivered"`
	MessagesDropped   int            `json:"messagesDropped"`
	Elections         int            `json:"elections"`
	LeaderChanges     int            `json:"leaderChanges"`
}

// Result summarises the world as it stands, checking the client history
// for linearizability.
func (w *World) Result(name string) RunResult { return w.checked(w.State(name)) }

// Brief is Result without the text of the nodes' log entries (Log is
// empty; LogTerms has every entry's term) and without the history (Calls
// and Returned count it): what a person reads of a run. Rendering every
// entry of every node and every call is most of the cost of a result once
// a run is long.
func (w *World) Brief(name string) RunResult { return w.checked(w.summary(name, false)) }

// checked is r with the linearizability verdict, and the history kept for
// WriteReport (shared with the world's, not copied).
func (w *World) checked(r RunResult) RunResult {
	r.Verdict = w.LinearizabilityVerdict()
	r.Linearizable = r.Verdict == "ok"
	r.history, r.end = w.history.clone(), w.now
	return r
}

// State summarises the world as Result does, without the linearizability
// check (which can take a while): Verdict is "unchecked".
func (w *World) State(name string) RunResult { return w.summary(name, true) }

// summary builds the result document, every slice sized up front, with the
// log entries' text and the history when full is set.
func (w *World) summary(name string, full bool) RunResult {
	r := RunResult{
		Name: name, Seed: w.settings.Seed, EndMs: w.now,
		Expectations: append([]Expectation{}, w.expectations...),
		Violations:   append([]Violation{}, w.check.found...),
		StaleReads:   slices.Clone(w.StaleReads()),
	}
	ids := w.Nodes()
	r.Nodes = make([]NodeResult, 0, len(ids))
	for _, id := range ids {
		r.Nodes = append(r.Nodes, nodeResult(w.nodes[id], full))
	}
	r.Calls, r.Returned = w.history.n, w.history.returned()
	if full {
		r.History = historyEntries(&w.history)
	}
	r.Verdict = "unchecked"
	r.Stats = StatsResult{
		MessagesSent:      make(map[string]int, len(raft.MessageTypes)),
		MessagesDelivered: w.stats.MessagesDelivered,
		MessagesDropped:   w.stats.MessagesDropped,
		Elections:         w.stats.Elections,
		LeaderChanges:     w.stats.LeaderChanges,
	}
	for _, t := range raft.MessageTypes {
		r.Stats.MessagesSent[t.String()] = w.stats.MessagesSent[t]
	}
	return r
}

// OK reports whether every expectation held and no property was violated.
func (r RunResult) OK() bool {
	for _, e := range r.Expectations {
		if !e.OK {
			return false
		}
	}
	return len(r.Violations) == 0
}

// WriteReport writes porcupine's HTML view of the run's history (running
// porcupine's search only now).
func (r RunResult) WriteReport(path string) error {
	return WriteHistoryReport(r.history.all(), r.end, path)
}

// nodeResult is n's part of the result, with its log entries' text when
// logs is set.
func nodeResult(n *Node, logs bool) NodeResult {
	nr := NodeResult{ID: n.ID, Up: n.Up, Log: []LogEntry{}, KV: map[string]string{}, Members: []raft.ID{}}
	if !n.Up {
		nr.Role = "down"
		return nr
	}
	r := n.Raft
	hs := r.HardState()
	nr.Role, nr.Term, nr.VotedFor, nr.Leader = r.Role().String(), hs.Term, hs.Vote, r.Leader()
	nr.CommitIndex, nr.AppliedIndex, nr.LastIndex = r.CommitIndex(), r.AppliedIndex(), r.LastIndex()
	nr.SnapshotIndex = r.FirstIndex() - 1
	nr.SnapshotTerm, _ = r.TermAt(nr.SnapshotIndex)
	size := r.LastIndex() + 1 - r.FirstIndex()
	nr.LogTerms = make([]uint64, 0, size)
	if logs {
		nr.Log = make([]LogEntry, 0, size)
	}
	for i := r.FirstIndex(); i <= r.LastIndex(); i++ {
		e, _ := r.EntryAt(i)
		nr.LogTerms = append(nr.LogTerms, e.Term)
		if logs {
			nr.Log = append(nr.Log, LogEntry{Index: e.Index, Term: e.Term, Kind: e.Kind.String(), Data: EntryText(e)})
		}
	}
	for _, k := range n.KV.Keys() {
		v, _ := n.KV.Get(k)
		nr.KV[k] = v.Value
	}
	nr.Members = r.Membership().Members()
	return nr
}

// EntryText renders an entry's payload for people: the command, the
// membership, or nothing for a no-op.
func EntryText(e raft.Entry) string {
	switch e.Kind {
	case raft.EntryNormal:
		if c, err := DecodeCommand(e.Data); err == nil {
			return c.String()
		}
		return "?"
	case raft.EntryConfig:
		if m, err := raft.UnmarshalMembership(e.Data); err == nil {
			return m.String()
		}
		return "?"
	}
	return ""
}

// historyEntries is the history as the result shows it, built in one
// go: the calls' return times and results point into two arrays of their
// own, not into a small allocation each.
func historyEntries(h *historyLog) []HistoryEntry {
	out := make([]HistoryEntry, 0, h.n)
	returns := make([]int64, 0, h.n)
	// (A CAS can need two strings: an append that moves the array leaves
	// the strings pointed to where they were, still right.)
	results := make([]string, 0, h.n)
	for _, c := range h.chunks {
		for i := range c.calls {
			c := c.load(&c.calls[i])
			e := HistoryEntry{Client: c.Client, Op: c.Cmd.Op.String(), Key: c.Cmd.Key, Value: c.Cmd.Value, CallMs: c.CallMs}
			if c.Cmd.Op == view.OpCAS {
				results = append(results, c.Cmd.From)
				e.From = &results[len(results)-1]
			}
			if c.Done {
				returns = append(returns, c.ReturnMs)
				e.ReturnMs = &returns[len(returns)-1]
				e.OK = c.Result.OK
				switch {
				case c.Cmd.Op == view.OpGet && c.Result.Found, c.Cmd.Op == view.OpCAS && !c.Result.OK && c.Result.Found:
					results = append(results, c.Result.Value)
					e.Result = &results[len(results)-1]
				}
			}
			out = append(out, e)
		}
	}
	return out
}
