package i18n

// enSafety: the safety monitor: the properties it watches, what each
// means, and what it says when one breaks. Node names (S1), numbers and
// commands (get x) are arguments.
var enSafety = messages{
	// The properties' names: the first five are Figure 3 of the Raft
	// paper.
	{"safety.name.election-safety", "Election Safety"},
	{"safety.name.leader-append-only", "Leader Append-Only"},
	{"safety.name.log-matching", "Log Matching"},
	{"safety.name.leader-completeness", "Leader Completeness"},
	{"safety.name.state-machine-safety", "State Machine Safety"},
	{"safety.name.term-monotonic", "Term Never Decreases"},
	{"safety.name.commit-monotonic", "Commit Never Decreases"},
	{"safety.name.single-vote", "One Vote Per Term"},
	{"safety.name.index-order", "Applied <= Commit <= Last Index"},
	{"safety.name.no-stale-reads", "No Stale Reads"},

	// What each property means, in a sentence or two (the first five as
	// the glossary, lessons/glossary.go, says them).
	{"safety.explain.election-safety", "At most one leader can be elected in a given term."},
	{"safety.explain.leader-append-only", "A leader never overwrites or deletes entries in its log; it only appends new ones."},
	{"safety.explain.log-matching", "If two logs hold an entry with the same index and term, the logs are identical in all entries up to that index."},
	{"safety.explain.leader-completeness", "If an entry is committed in a term, it is in the log of every leader of every later term."},
	{"safety.explain.state-machine-safety", "Once a server has applied an entry at an index, no server ever applies a different entry at that index."},
	{"safety.explain.term-monotonic", "A server's term never goes back, even across a crash: the term is on its disk before it tells anyone."},
	{"safety.explain.commit-monotonic", "A server's commit index never goes back, even across a crash."},
	{"safety.explain.single-vote", "A server votes for at most one candidate in a term, even across a crash: the vote is on its disk before it is sent."},
	{"safety.explain.index-order", "On every server, the applied index is at most the commit index, and the commit index is at most the last index of its log."},
	{"safety.explain.no-stale-reads", "No Stale Reads checks each read its client gets: it must see every write of its key acknowledged before the read was sent. The five Raft safety properties do not judge reads."},

	// A violation as the event feed shows it: the property's name, then
	// what broke.
	{"safety.violation", "%s: %s"},

	// What broke.
	{"safety.broken.term-restart", "%s restarted in term %d, but before it crashed it had told others it was in term %d: the term was not durable"},
	{"safety.broken.commit-restart", "%s restarted with commit index %d, below the %d it had made durable"},
	{"safety.broken.index-order", "%s has applied %d, commit %d and last index %d"},
	{"safety.broken.term-back", "%s went back from term %d to term %d"},
	{"safety.broken.commit-back", "%s's commit index went back from %d to %d"},
	{"safety.broken.two-leaders", "%s and %s were both elected leader for term %d"},
	{"safety.broken.completeness", "%s became leader for term %d without the committed entry at index %d"},
	{"safety.broken.matching", "%s and %s both hold an entry at index %d in term %d, but their logs differ before it"},
	{"safety.broken.append-only", "%s deleted entries from index %d on while leading term %d"},
	{"safety.broken.state-machine", "%s applied a different entry at index %d (term %d) than another server applied there"},
	{"safety.broken.two-votes", "%s voted for both %s and %s in term %d"},
	// A stale read: the client, its read (get x), the server that
	// answered, that store's revision, then the acknowledged write the
	// read missed (put x=1) and its revision.
	{"safety.broken.stale-read", "client %d's %s got a stale value from %s: its store is at revision %d, but %s (revision %d) was acknowledged before the read was sent"},
}
