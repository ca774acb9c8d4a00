package playground

import (
	"encoding/binary"
	"fmt"
	"maps"

	"github.com/raftlab/raftlab/internal/splitmix"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
)

// Violation is a broken safety property, found at AtMs.
type Violation struct {
	AtMs     int64     `json:"atMs"`
	Property string    `json:"property"`
	Nodes    []raft.ID `json:"nodes"`
	// Message says what broke, in English; MessageIn says it in any
	// language, from the catalogue key and arguments kept here.
	Message string `json:"message"`
	key     string
	args    []any
}

// MessageIn says what broke in a language.
func (v Violation) MessageIn(lang i18n.Lang) string {
	if v.key == "" {
		return v.Message
	}
	return Event{Key: v.key, Args: v.args}.say(lang)
}

// TextIn is the violation as the event feed says it: the property, then
// what broke.
func (v Violation) TextIn(lang i18n.Lang) string {
	return lang.T("safety.violation", view.PropertyName(v.Property, lang), v.MessageIn(lang))
}

// propertyArg is a property's name as an argument of a feed sentence, which
// names it in the reader's language.
type propertyArg string

// checker watches the cluster for safety violations as the world runs. The
// world reports every relevant change to it, so each check costs O(nodes) at
// most: logs are compared through prefix hashes (chain[i] hashes the whole
// log up to i), so equal hashes mean equal prefixes.
type checker struct {
	// leaders records who led each term.
	leaders map[uint64]raft.ID
	// votes records whom each node voted for in each term.
	votes map[voteKey]raft.ID
	// committed[i] is the prefix hash of the first entry seen committed
	// at index i; applied[i] of the first entry applied there.
	committed hashChain
	applied   hashChain
	// termSent is the highest term each node has told anyone about.
	termSent [view.MaxNodes + 1]uint64
	// termSeen and commitSeen are each live node's last term and commit.
	termSeen   [view.MaxNodes + 1]uint64
	commitSeen [view.MaxNodes + 1]uint64
	// firstApplied is the highest index any node has applied a client's
	// write at: the first node to apply an entry tells the trace whether
	// it repeats a write (see World.applyWrite).
	firstApplied uint64
	// reported keeps each violation from being reported twice.
	reported map[string]bool
	found    []Violation
	// reads is the check of reads, which is not a safety property of
	// Raft (see NoStaleReads).
	reads readCheck
}

type voteKey struct {
	node raft.ID
	term uint64
}

func newChecker() checker {
	return checker{leaders: map[uint64]raft.ID{}, votes: map[voteKey]raft.ID{}, reported: map[string]bool{}, committed: newHashChain(0), applied: newHashChain(0), reads: newReadCheck()}
}

func (c *checker) clone() checker {
	d := *c
	d.leaders = maps.Clone(c.leaders)
	d.votes = maps.Clone(c.votes)
	d.reported = maps.Clone(c.reported)
	d.committed = c.committed.clone()
	d.applied = c.applied.clone()
	d.found = c.found[:len(c.found):len(c.found)]
	d.reads = c.reads.clone()
	return d
}

// violate records a violation once per key; it returns the violation if it
// is new. What broke is the catalogue message msg with args (raft.IDs for
// nodes).
func (c *checker) violate(at int64, key, property string, nodes []raft.ID, msg string, args ...any) *Violation {
	if c.reported[key] {
		return nil
	}
	c.reported[key] = true
	v := Violation{AtMs: at, Property: property, Nodes: nodes, key: msg, args: args}
	v.Message = v.MessageIn(i18n.English)
	c.found = append(c.found, v)
	return &c.found[len(c.found)-1]
}

// entryHash extends a prefix hash with one entry: the entry's words (its
// index, its term, its kind with the length of its data, then the data
// eight bytes at a time) are folded into prev one after another with
// SplitMix64's finalizer. (It runs on every append of every node: a word
// at a time costs a fraction of what a byte at a time did.)
func entryHash(prev uint64, e raft.Entry) uint64 {
	h := splitmix.Mix(prev ^ e.Index)
	h = splitmix.Mix(h ^ e.Term)
	h = splitmix.Mix(h ^ uint64(e.Kind)<<56 ^ uint64(len(e.Data)))
	d := e.Data
	for ; len(d) >= 8; d = d[8:] {
		h = splitmix.Mix(h ^ binary.LittleEndian.Uint64(d))
	}
	if len(d) > 0 {
		var w [8]byte
		copy(w[:], d)
		h = splitmix.Mix(h ^ binary.LittleEndian.Uint64(w[:]))
	}
	return h
}

// violation records a violation and puts it in the trace.
func (w *World) violation(key, property string, nodes []raft.ID, msg string, args ...any) {
	if v := w.check.violate(w.now, key, property, nodes, msg, args...); v != nil {
		w.emit(Event{Type: view.EvViolation, Node: nodes[0], Note: property + ": " + v.Message, Key: "safety.violation", Args: []any{propertyArg(property), *v}})
	}
}

// prefixChain returns the prefix hashes of a log compacted up to base,
// taken from the committed entries (a snapshot only ever covers committed
// entries).
func (c *checker) prefixChain(base uint64) hashChain {
	chain := c.committed.prefix(base + 1)
	for chain.len() <= base {
		chain.push(0) // not seen committed: cannot happen with a correct log
	}
	return chain
}

// onBoot checks a node that (re)started from its disk: it must not have
// forgotten a term it told others about, nor a commit index it made durable.
func (c *checker) onBoot(w *World, n *Node) {
	term, commit := n.Raft.Term(), n.Raft.CommitIndex()
	if term < c.termSent[n.ID] {
		w.violation(fmt.Sprintf("term-restart-%d-%d", n.ID, term), view.MonotonicTerm, []raft.ID{n.ID},
			"safety.broken.term-restart", n.ID, term, c.termSent[n.ID])
	}
	if commit < n.Disk.durable.Commit {
		w.violation(fmt.Sprintf("commit-restart-%d-%d", n.ID, commit), view.MonotonicCommit, []raft.ID{n.ID},
			"safety.broken.commit-restart", n.ID, commit, n.Disk.durable.Commit)
	}
	c.termSeen[n.ID], c.commitSeen[n.ID] = term, 0
	// What a node boots with committed (from its disk, or a scenario's
	// initial state) counts as committed, for later leaders.
	c.onCommit(w, n, 0, commit)
}

// onSettle checks a node's indexes after it handled an event.
func (c *checker) onSettle(w *World, n *Node) {
	applied, commit, last := n.Raft.AppliedIndex(), n.Raft.CommitIndex(), n.Raft.LastIndex()
	if applied > commit || commit > last {
		w.violation(fmt.Sprintf("order-%d-%d-%d-%d", n.ID, applied, commit, last), view.IndexOrder, []raft.ID{n.ID},
			"safety.broken.index-order", n.ID, applied, commit, last)
	}
}

func (c *checker) onTerm(w *World, n *Node, term uint64) {
	if term < c.termSeen[n.ID] {
		w.violation(fmt.Sprintf("term-%d-%d", n.ID, term), view.MonotonicTerm, []raft.ID{n.ID},
			"safety.broken.term-back", n.ID, c.termSeen[n.ID], term)
	}
	c.termSeen[n.ID] = term
}

func (c *checker) onSend(from raft.ID, term uint64) {
	c.termSent[from] = max(c.termSent[from], term)
}

// onCommit records newly committed entries, so that later leaders can be
// checked for them.
func (c *checker) onCommit(w *World, n *Node, old, commit uint64) {
	if commit < c.commitSeen[n.ID] {
		w.violation(fmt.Sprintf("commit-%d-%d", n.ID, commit), view.MonotonicCommit, []raft.ID{n.ID},
			"safety.broken.commit-back", n.ID, c.commitSeen[n.ID], commit)
	}
	c.commitSeen[n.ID] = commit
	for i := c.committed.len(); i <= commit && i < n.chain.len(); i++ {
		c.committed.push(n.chain.at(i))
	}
}

// onLeader checks a new leader: alone in its term (Election Safety) and
// holding every committed entry (Leader Completeness).
func (c *checker) onLeader(w *World, n *Node) {
	term := n.Raft.Term()
	if other, ok := c.leaders[term]; ok && other != n.ID {
		w.violation(fmt.Sprintf("election-%d", term), view.ElectionSafety, []raft.ID{other, n.ID},
			"safety.broken.two-leaders", other, n.ID, term)
	} else {
		c.leaders[term] = n.ID
	}
	ci := c.committed.len() - 1
	if ci == 0 {
		return
	}
	if n.chain.len() <= ci || n.chain.at(ci) != c.committed.at(ci) {
		missing := ci
		for i := uint64(1); i <= ci; i++ {
			if i >= n.chain.len() || n.chain.at(i) != c.committed.at(i) {
				missing = i
				break
			}
		}
		w.violation(fmt.Sprintf("completeness-%d-%d", term, n.ID), view.LeaderCompleteness, []raft.ID{n.ID},
			"safety.broken.completeness", n.ID, term, missing)
	}
}

// onAppend extends a node's prefix hashes and checks Log Matching against
// every other live node holding an entry with the same index and term.
func (c *checker) onAppend(w *World, n *Node, e raft.Entry) {
	n.chain.truncate(e.Index)
	for n.chain.len() < e.Index {
		n.chain.push(0) // a gap: cannot happen with a correct log
	}
	h := entryHash(n.chain.at(e.Index-1), e)
	n.chain.push(h)
	for _, m := range w.nodes {
		if m == nil || m == n || !m.Up || m.chain.len() <= e.Index {
			continue
		}
		// (The hashes first: they differ only when the logs do, where the
		// term lookup costs a call.)
		if m.chain.at(e.Index) == h {
			continue
		}
		if t, ok := m.Raft.TermAt(e.Index); ok && t == e.Term {
			w.violation(fmt.Sprintf("matching-%d-%d", e.Index, e.Term), view.LogMatching, []raft.ID{n.ID, m.ID},
				"safety.broken.matching", n.ID, m.ID, e.Index, e.Term)
		}
	}
}

// onTruncate cuts a node's prefix hashes; a leader must never truncate.
func (c *checker) onTruncate(w *World, n *Node, from uint64) {
	if n.Raft.Role() == raft.Leader {
		w.violation(fmt.Sprintf("appendonly-%d-%d", n.ID, from), view.LeaderAppendOnly, []raft.ID{n.ID},
			"safety.broken.append-only", n.ID, from, n.Raft.Term())
	}
	n.chain.truncate(from)
}

// onSnapshot resets a node's prefix hashes when it installs a snapshot in
// place of its log. (An install discards the whole log; entries that follow
// in the same batch come after it, so the node's current last index says
// nothing here.)
func (c *checker) onSnapshot(w *World, n *Node, meta raft.SnapshotMeta, installed bool) {
	if installed {
		n.chain = c.prefixChain(meta.Index)
	}
}

// onApply checks State Machine Safety: every node applies the same entry at
// each index.
func (c *checker) onApply(w *World, n *Node, e raft.Entry) {
	if e.Index >= n.chain.len() {
		return
	}
	h := n.chain.at(e.Index)
	for c.applied.len() <= e.Index {
		c.applied.push(n.chain.at(c.applied.len()))
	}
	if c.applied.at(e.Index) != h {
		w.violation(fmt.Sprintf("sms-%d", e.Index), view.StateMachineSafety, []raft.ID{n.ID},
			"safety.broken.state-machine", n.ID, e.Index, e.Term)
	}
}

// onVote checks that a node votes at most once per term, across restarts.
func (c *checker) onVote(w *World, voter, candidate raft.ID, term uint64) {
	k := voteKey{voter, term}
	if prev, ok := c.votes[k]; ok && prev != candidate {
		w.violation(fmt.Sprintf("vote-%d-%d", voter, term), view.SingleVote, []raft.ID{voter, prev, candidate},
			"safety.broken.two-votes", voter, prev, candidate, term)
		return
	}
	c.votes[k] = candidate
}

// Violations lists the violations found so far, in the order found.
func (w *World) Violations() []Violation { return w.check.found }
