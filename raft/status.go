package raft

import "slices"

// Vote is one answer received in the node's current (pre-)election.
type Vote struct {
	From    ID
	Granted bool
}

// Status is a complete, independent copy of a node's protocol state, for
// drawing and inspection.
type Status struct {
	ID     ID
	Role   Role
	Term   uint64
	Vote   ID
	Leader ID
	// Votes are the answers to the current election, by voter ID; only
	// while the node is a (pre-)candidate.
	Votes []Vote

	// Entries are the log entries after the snapshot.
	Entries      []Entry
	FirstIndex   uint64
	LastIndex    uint64
	CommitIndex  uint64
	AppliedIndex uint64
	// StableIndex is the last index the host has reported durable.
	StableIndex uint64
	Snapshot    SnapshotMeta

	Membership Membership
	// ConfigIndex is the index of the entry that set Membership (0 when it
	// came from a snapshot or the bootstrap peers).
	ConfigIndex uint64

	// Progress is the leader's view of each other member, by ID.
	Progress []Progress

	ElectionElapsed  int
	ElectionTimeout  int
	HeartbeatElapsed int
	HeartbeatTimeout int

	LeadTransferee ID
	PendingReads   []PendingRead
}

// Status returns a snapshot of the node's state.
func (n *Node) Status() Status {
	s := Status{
		ID:               n.cfg.ID,
		Role:             n.role,
		Term:             n.term,
		Vote:             n.vote,
		Leader:           n.leader,
		Entries:          slices.Clone(n.log.slice(n.log.firstIndex(), n.log.lastIndex()+1)),
		FirstIndex:       n.log.firstIndex(),
		LastIndex:        n.log.lastIndex(),
		CommitIndex:      n.log.committed,
		AppliedIndex:     n.log.applied,
		StableIndex:      n.log.stable,
		Snapshot:         n.log.snap,
		Membership:       n.members.Clone(),
		ConfigIndex:      n.confIndex,
		ElectionElapsed:  n.electionElapsed,
		ElectionTimeout:  n.electionTimeout,
		HeartbeatElapsed: n.heartbeatElapsed,
		HeartbeatTimeout: n.cfg.HeartbeatTick,
		LeadTransferee:   n.leadTransferee,
		PendingReads:     slices.Clone(n.reads),
	}
	s.Snapshot.Membership = n.log.snap.Membership.Clone()
	s.Votes = n.Votes()
	for _, id := range n.peers() {
		p := n.progress.get(id).clone()
		s.Progress = append(s.Progress, *p)
	}
	return s
}

// Cheap accessors for checkers that run after every event.

func (n *Node) ID() ID                 { return n.cfg.ID }
func (n *Node) Role() Role             { return n.role }
func (n *Node) Term() uint64           { return n.term }
func (n *Node) Leader() ID             { return n.leader }
func (n *Node) CommitIndex() uint64    { return n.log.committed }
func (n *Node) AppliedIndex() uint64   { return n.log.applied }
func (n *Node) LastIndex() uint64      { return n.log.lastIndex() }
func (n *Node) FirstIndex() uint64     { return n.log.firstIndex() }
func (n *Node) Membership() Membership { return n.members.Clone() }
func (n *Node) HardState() HardState   { return n.hardState() }

// LeadTransferee is the member a leader is handing leadership to (None:
// no transfer under way).
func (n *Node) LeadTransferee() ID { return n.leadTransferee }

// PendingReads are the leader's reads still waiting, oldest first (a copy).
func (n *Node) PendingReads() []PendingRead { return slices.Clone(n.reads) }

// TermAt returns the term of the log entry at index i, and false when i is
// compacted away or beyond the log.
func (n *Node) TermAt(i uint64) (uint64, bool) { return n.log.term(i) }

// EntryAt returns the entry at index i, and false when the log does not hold
// it. Its Data must not be modified.
func (n *Node) EntryAt(i uint64) (Entry, bool) {
	if i < n.log.firstIndex() || i > n.log.lastIndex() {
		return Entry{}, false
	}
	return n.log.entry(i), true
}

// TicksUntilTimeout is how many more ticks until the node's next timer
// fires: a follower's or candidate's election timeout, or a leader's
// heartbeat. A host that only delivers messages in between can skip
// ticking idle nodes until then.
func (n *Node) TicksUntilTimeout() int {
	if n.role == Leader {
		return max(1, min(n.cfg.HeartbeatTick-n.heartbeatElapsed, n.cfg.ElectionTick-n.electionElapsed))
	}
	return max(1, n.electionTimeout-n.electionElapsed)
}

// PeerProgress returns the leader's view of one other member, and false
// when this node does not lead or id is not a member.
func (n *Node) PeerProgress(id ID) (Progress, bool) {
	pr := n.progress.get(id)
	if pr == nil || n.role != Leader {
		return Progress{}, false
	}
	return *pr.clone(), true
}

// Votes lists the answers to the node's current (pre-)election, by voter;
// none unless it is a (pre-)candidate.
func (n *Node) Votes() []Vote {
	if n.role != PreCandidate && n.role != Candidate {
		return nil
	}
	var out []Vote
	for _, id := range n.members.Voters {
		if g, ok := n.votes[id]; ok {
			out = append(out, Vote{From: id, Granted: g})
		}
	}
	return out
}

// ElectionElapsed and ElectionTimeout are the election timer: ticks since it
// was reset, and the randomized timeout it runs to.
func (n *Node) ElectionElapsed() int { return n.electionElapsed }
func (n *Node) ElectionTimeout() int { return n.electionTimeout }

// ConfigIndex is the index of the entry that set the current membership (0
// when it came from a snapshot or the bootstrap peers).
func (n *Node) ConfigIndex() uint64 { return n.confIndex }
