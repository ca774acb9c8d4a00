package playground

import (
	"slices"
	"strings"

	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
)

// Expectation is the outcome of an Expect.
type Expectation struct {
	At int64 `json:"at"`
	OK bool  `json:"ok"`
	// Message is Text in English (the JSON stays language-neutral).
	Message string `json:"message"`
	// Text is the outcome in any language: "ok: " or "failed: " and the
	// checks that held or failed.
	Text i18n.Message `json:"-"`
}

// checks are an expectation's checks, said one after another.
type checks []i18n.Message

func (c checks) In(lang i18n.Lang) string {
	parts := make([]string, len(c))
	for i, m := range c {
		parts[i] = m.In(lang)
	}
	return strings.Join(parts, lang.T("scenario.expect.sep"))
}

// Check evaluates e now, records the outcome and returns it.
func (w *World) Check(e view.Expect) Expectation {
	var fails, oks checks
	check := func(ok bool, key string, args ...any) {
		m := i18n.Msg(key, args...)
		if ok {
			oks = append(oks, m)
		} else {
			fails = append(fails, m)
		}
	}
	if e.Node != view.None {
		w.checkNode(e, check)
	}
	leader, hasLeader := w.Leader()
	if e.Leader != view.None {
		unique := hasLeader && w.soleLeader(leader)
		check(unique && view.ID(leader) == e.Leader, "scenario.expect.leader", e.Leader.Name(), leaderName(leader, hasLeader))
	}
	if len(e.LeaderIn) > 0 {
		check(hasLeader && slices.Contains(e.LeaderIn, view.ID(leader)), "scenario.expect.leader-in", e.LeaderIn, leaderName(leader, hasLeader))
	}
	if e.NoLeader {
		check(!hasLeader, "scenario.expect.no-leader", leaderName(leader, hasLeader))
	}
	if e.Violations != nil {
		check(len(w.check.found) == *e.Violations, "scenario.expect.violations", *e.Violations, len(w.check.found))
	}
	x := Expectation{At: w.now, OK: len(fails) == 0}
	if x.OK {
		x.Text = i18n.Msg("scenario.expect.ok", oks)
	} else {
		x.Text = i18n.Msg("scenario.expect.failed", fails)
	}
	x.Message = x.Text.String()
	w.expectations = append(w.expectations, x)
	// (Note too, in English, as a violation's event has: the feed tells
	// forked histories apart by Key and Note, not by Args.)
	w.emit(Event{Type: view.EvExpect, Key: "scenario.expect.event", Args: []any{x.Text}, Note: x.Message})
	return x
}

// leaderName names the leader an expectation found, or says there is none.
func leaderName(id raft.ID, ok bool) any {
	if !ok {
		return i18n.Msg("scenario.expect.none")
	}
	return S(id)
}

// roleName names a role (as raft.Role.String says it) in any language,
// in the words raftsim's tables use.
func roleName(role string) i18n.Message { return i18n.Msg("raftsim.role." + role) }

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

func (w *World) checkNode(e view.Expect, check func(bool, string, ...any)) {
	n := w.Node(raft.ID(e.Node))
	name := e.Node.Name()
	if n == nil {
		check(false, "scenario.expect.exists", name)
		return
	}
	if e.Up != nil {
		check(n.Up == *e.Up, "scenario.expect.up", name, *e.Up, n.Up)
	}
	if !n.Up {
		if e.Role != nil || e.Term != nil || e.CommitIndex != nil || e.AppliedIndex != nil || e.Log != nil || e.KV != nil {
			check(false, "scenario.expect.down", name)
		}
		return
	}
	r := n.Raft
	if e.Role != nil {
		check(r.Role().String() == *e.Role, "scenario.expect.role", name, roleName(*e.Role), roleName(r.Role().String()))
	}
	if e.Term != nil {
		check(r.Term() == *e.Term, "scenario.expect.term", name, *e.Term, r.Term())
	}
	if e.CommitIndex != nil {
		check(r.CommitIndex() == *e.CommitIndex, "scenario.expect.commit", name, *e.CommitIndex, r.CommitIndex())
	}
	if e.AppliedIndex != nil {
		check(r.AppliedIndex() == *e.AppliedIndex, "scenario.expect.applied", name, *e.AppliedIndex, r.AppliedIndex())
	}
	if e.Log != nil {
		got := logTerms(r)
		check(slices.EqualFunc(got, e.Log, func(g, x uint64) bool { return g == 0 || g == x }), "scenario.expect.log", name, e.Log, got)
	}
	for _, k := range sortedKeys(e.KV) {
		kv, ok := n.KV.Get(k)
		if !ok {
			check(false, "scenario.expect.kv.missing", name, k, e.KV[k])
			continue
		}
		check(kv.Value == e.KV[k], "scenario.expect.kv", name, k, e.KV[k], kv.Value)
	}
}

// logTerms lists the terms of a node's log from index 1, with 0 for
// compacted entries, whose terms are gone (no entry has term 0).
func logTerms(r Engine) []uint64 {
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
