package playground

import (
	"fmt"
	"slices"
	"strings"

	"github.com/raftlab/raftlab/raft"
)

// Expect is an assertion about the world at one moment. Set fields are
// checked; nil ones are not.
type Expect struct {
	Node         raft.ID           `json:"node,omitempty"`
	Role         *string           `json:"role,omitempty"`
	Term         *uint64           `json:"term,omitempty"`
	CommitIndex  *uint64           `json:"commitIndex,omitempty"`
	AppliedIndex *uint64           `json:"appliedIndex,omitempty"`
	Up           *bool             `json:"up,omitempty"`
	Log          []uint64          `json:"log,omitzero"` // (omitzero: an empty log is an expectation)
	KV           map[string]string `json:"kv,omitzero"`

	Leader     raft.ID   `json:"leader,omitempty"`
	LeaderIn   []raft.ID `json:"leaderIn,omitempty"`
	NoLeader   bool      `json:"noLeader,omitempty"`
	Violations *int      `json:"violations,omitempty"`
}

// Expectation is the outcome of an Expect.
type Expectation struct {
	At      int64  `json:"at"`
	OK      bool   `json:"ok"`
	Message string `json:"message"`
}

// Check evaluates e now, records the outcome and returns it.
func (w *World) Check(e Expect) Expectation {
	var fails, oks []string
	check := func(ok bool, what string, args ...any) {
		s := fmt.Sprintf(what, args...)
		if ok {
			oks = append(oks, s)
		} else {
			fails = append(fails, s)
		}
	}
	if e.Node != raft.None {
		w.checkNode(e, check)
	}
	leader, hasLeader := w.Leader()
	if e.Leader != raft.None {
		unique := hasLeader && w.soleLeader(leader)
		check(unique && leader == e.Leader, "%s leads (leader: %s)", S(e.Leader), leaderName(leader, hasLeader))
	}
	if len(e.LeaderIn) > 0 {
		check(hasLeader && slices.Contains(e.LeaderIn, leader), "the leader is one of %v (leader: %s)", e.LeaderIn, leaderName(leader, hasLeader))
	}
	if e.NoLeader {
		check(!hasLeader, "no node leads (leader: %s)", leaderName(leader, hasLeader))
	}
	if e.Violations != nil {
		check(len(w.check.found) == *e.Violations, "%d safety violations (found %d)", *e.Violations, len(w.check.found))
	}
	x := Expectation{At: w.now, OK: len(fails) == 0}
	if x.OK {
		x.Message = "ok: " + strings.Join(oks, "; ")
	} else {
		x.Message = "failed: " + strings.Join(fails, "; ")
	}
	w.expectations = append(w.expectations, x)
	w.emit(Event{Type: EvExpect, Note: "expectation " + x.Message})
	return x
}

func leaderName(id raft.ID, ok bool) string {
	if !ok {
		return "none"
	}
	return S(id)
}

// soleLeader reports whether id is the only live leader in its term or any
// higher one.
func (w *World) soleLeader(id raft.ID) bool {
	term := w.nodes[id].Raft.Term()
	for _, n := range w.nodes {
		if n != nil && n.Up && !n.Removed && n.ID != id && n.Raft.Role() == raft.Leader && n.Raft.Term() >= term {
			return false
		}
	}
	return true
}

func (w *World) checkNode(e Expect, check func(bool, string, ...any)) {
	n := w.Node(e.Node)
	name := S(e.Node)
	if n == nil {
		check(false, "%s exists", name)
		return
	}
	if e.Up != nil {
		check(n.Up == *e.Up, "%s up=%v (is %v)", name, *e.Up, n.Up)
	}
	if !n.Up {
		if e.Role != nil || e.Term != nil || e.CommitIndex != nil || e.AppliedIndex != nil || e.Log != nil || e.KV != nil {
			check(false, "%s is up (it is down)", name)
		}
		return
	}
	r := n.Raft
	if e.Role != nil {
		check(r.Role().String() == *e.Role, "%s is %s (is %s)", name, *e.Role, r.Role())
	}
	if e.Term != nil {
		check(r.Term() == *e.Term, "%s term %d (is %d)", name, *e.Term, r.Term())
	}
	if e.CommitIndex != nil {
		check(r.CommitIndex() == *e.CommitIndex, "%s commitIndex %d (is %d)", name, *e.CommitIndex, r.CommitIndex())
	}
	if e.AppliedIndex != nil {
		check(r.AppliedIndex() == *e.AppliedIndex, "%s appliedIndex %d (is %d)", name, *e.AppliedIndex, r.AppliedIndex())
	}
	if e.Log != nil {
		got := logTerms(r)
		check(slices.EqualFunc(got, e.Log, func(g, x uint64) bool { return g == 0 || g == x }), "%s log terms %v (are %v)", name, e.Log, got)
	}
	for _, k := range sortedKeys(e.KV) {
		kv, ok := n.KV.Get(k)
		check(ok && kv.Value == e.KV[k], "%s has %s=%q (has %s)", name, k, e.KV[k], describeKV(kv, ok))
	}
}

func describeKV(kv KeyValue, ok bool) string {
	if !ok {
		return "no such key"
	}
	return fmt.Sprintf("%q", kv.Value)
}

// logTerms lists the terms of a node's log from index 1, with 0 for
// compacted entries, whose terms are gone (no entry has term 0).
func logTerms(r *raft.Node) []uint64 {
	out := make([]uint64, 0, r.LastIndex())
	for i := uint64(1); i <= r.LastIndex(); i++ {
		t, _ := r.TermAt(i)
		if i < r.FirstIndex() {
			t = 0
		}
		out = append(out, t)
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// Expectations lists the outcomes of every Check so far.
func (w *World) Expectations() []Expectation { return w.expectations }
