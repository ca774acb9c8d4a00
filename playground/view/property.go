package view

import "github.com/raftlab/raftlab/playground/i18n"

// Safety properties the checker watches. The first five are Figure 3 of the
// Raft paper; the rest are invariants of a correct implementation.
const (
	ElectionSafety     = "Election Safety"
	LeaderAppendOnly   = "Leader Append-Only"
	LogMatching        = "Log Matching"
	LeaderCompleteness = "Leader Completeness"
	StateMachineSafety = "State Machine Safety"
	MonotonicTerm      = "Term Never Decreases"
	MonotonicCommit    = "Commit Never Decreases"
	SingleVote         = "One Vote Per Term"
	IndexOrder         = "Applied <= Commit <= Last Index"
)

// Properties lists every property, in the order a view shows them.
var Properties = []string{
	ElectionSafety, LeaderAppendOnly, LogMatching, LeaderCompleteness, StateMachineSafety,
	MonotonicTerm, MonotonicCommit, SingleVote, IndexOrder,
}

// NoStaleReads is the live check of reads. Raft's safety properties judge
// logs and state machines, never what a client reads: a read answered from
// a store that lags behind (a local read at a deposed leader) breaks none
// of them. This check judges each read the moment its client gets the
// answer.
const NoStaleReads = "No Stale Reads"

// propertyKeys are the catalogue names of the properties (Properties,
// then NoStaleReads): safety.name.<key> is the property's name and
// safety.explain.<key> what it means.
var propertyKeys = map[string]string{
	ElectionSafety:     "election-safety",
	LeaderAppendOnly:   "leader-append-only",
	LogMatching:        "log-matching",
	LeaderCompleteness: "leader-completeness",
	StateMachineSafety: "state-machine-safety",
	MonotonicTerm:      "term-monotonic",
	MonotonicCommit:    "commit-monotonic",
	SingleVote:         "single-vote",
	IndexOrder:         "index-order",
	NoStaleReads:       "no-stale-reads",
}

// PropertyName is a property's name (one of Properties, or NoStaleReads)
// in a language; a name it does not know is returned as it is.
func PropertyName(p string, lang i18n.Lang) string {
	if k, ok := propertyKeys[p]; ok {
		return lang.T("safety.name." + k)
	}
	return p
}

// PropertyExplanation says in a language what a property (one of
// Properties, or NoStaleReads) means, for the safety monitor; "" for a
// name it does not know.
func PropertyExplanation(p string, lang i18n.Lang) string {
	if k, ok := propertyKeys[p]; ok {
		return lang.T("safety.explain." + k)
	}
	return ""
}
