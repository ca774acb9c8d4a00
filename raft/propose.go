package raft

import (
	"fmt"
	"slices"
)

// Propose appends a command to the leader's log and starts replicating it.
// It returns the entry's index and term, by which the host can recognise the
// entry when it comes back to be applied (or learn that it was lost, when a
// different entry is applied at that index).
func (n *Node) Propose(data []byte) (index, term uint64, err error) {
	if err := n.canPropose(); err != nil {
		return 0, 0, err
	}
	index = n.appendEntry(Entry{Kind: EntryNormal, Data: data})
	n.broadcastAppend()
	return index, n.term, nil
}

func (n *Node) canPropose() error {
	switch {
	case n.role != Leader:
		return ErrNotLeader
	case n.leadTransferee != None:
		return ErrTransferring
	}
	return nil
}

// ConfChangeType names a single-server membership change.
type ConfChangeType uint8

const (
	// AddLearner adds a non-voting member, which catches up without
	// affecting quorums.
	AddLearner ConfChangeType = iota
	// AddVoter adds a voter, or promotes a learner.
	AddVoter
	// RemoveNode removes a voter or a learner.
	RemoveNode
)

func (t ConfChangeType) String() string {
	switch t {
	case AddLearner:
		return "add learner"
	case AddVoter:
		return "add voter"
	case RemoveNode:
		return "remove"
	}
	return fmt.Sprintf("ConfChangeType(%d)", uint8(t))
}

// ConfChange changes the membership by one server.
type ConfChange struct {
	Type ConfChangeType
	Node ID
}

// Apply returns the membership that results from applying cc to m, or an
// error when the change makes no sense (adding a voter twice, removing a
// stranger, removing the last voter).
func (cc ConfChange) Apply(m Membership) (Membership, error) {
	if cc.Node == None {
		return m, fmt.Errorf("raft: %s: no node given", cc.Type)
	}
	out := m.Clone()
	out.Learners = slices.DeleteFunc(out.Learners, func(id ID) bool { return id == cc.Node })
	out.Voters = slices.DeleteFunc(out.Voters, func(id ID) bool { return id == cc.Node })
	switch cc.Type {
	case AddLearner:
		if m.Contains(cc.Node) {
			return m, fmt.Errorf("raft: add learner %d: already a member", cc.Node)
		}
		out.Learners = insertSorted(out.Learners, cc.Node)
	case AddVoter:
		if m.IsVoter(cc.Node) {
			return m, fmt.Errorf("raft: add voter %d: already a voter", cc.Node)
		}
		out.Voters = insertSorted(out.Voters, cc.Node)
	case RemoveNode:
		if !m.Contains(cc.Node) {
			return m, fmt.Errorf("raft: remove %d: %w", cc.Node, ErrNotMember)
		}
		if len(out.Voters) == 0 {
			return m, fmt.Errorf("raft: remove %d: it is the last voter", cc.Node)
		}
	default:
		return m, fmt.Errorf("raft: unknown change %d", cc.Type)
	}
	return out, nil
}

func insertSorted(ids []ID, id ID) []ID {
	i, _ := slices.BinarySearch(ids, id)
	return slices.Insert(ids, i, id)
}

// ProposeConfChange appends a configuration entry that changes the
// membership by one server. The new membership takes effect as soon as the
// entry is appended (dissertation 4.1). Only one change may be uncommitted at
// a time, and none before the leader has committed an entry of its own term:
// the dissertation's fix for single-server changes across leader changes.
func (n *Node) ProposeConfChange(cc ConfChange) (index uint64, err error) {
	if err := n.canPropose(); err != nil {
		return 0, err
	}
	if n.confIndex > n.log.committed {
		return 0, ErrConfChangePending
	}
	if t, _ := n.log.term(n.log.committed); t != n.term {
		return 0, ErrNoCommitInTerm
	}
	m, err := cc.Apply(n.members)
	if err != nil {
		return 0, err
	}
	index = n.appendEntry(Entry{Kind: EntryConfig, Data: m.Marshal()})
	n.maybeCommit() // removing a lagging voter can shrink the quorum
	if n.role == Leader {
		n.broadcastAppend()
	}
	return index, nil
}

// TransferLeadership hands leadership to another voter: the leader stops
// taking proposals, brings the target's log up to date, then sends it
// TimeoutNow so it campaigns at once. The transfer is abandoned if the
// target has not taken over within an election timeout.
func (n *Node) TransferLeadership(to ID) error {
	if n.role != Leader {
		return ErrNotLeader
	}
	if to == n.cfg.ID {
		return nil
	}
	if !n.members.IsVoter(to) {
		return fmt.Errorf("raft: transfer to %d: %w", to, ErrNotMember)
	}
	n.leadTransferee = to
	n.transferElapsed = 0
	if n.progress.get(to).Match == n.log.lastIndex() {
		n.sendTimeoutNow(to)
	} else {
		n.sendAppend(to, true)
	}
	return nil
}

// sendTimeoutNow tells the transfer's target to campaign at once. Voters
// grant that campaign through their leases, so this leader's lease ends.
func (n *Node) sendTimeoutNow(to ID) {
	n.timeoutNowSent = true
	n.send(Message{Type: MsgTimeoutNow, To: to})
}

// ErrCompact reports a snapshot the log cannot be compacted to.
var ErrCompact = fmt.Errorf("raft: cannot compact")

// Compact takes data, the host's image of its state machine at index (which
// it has applied), as a snapshot, and discards the log up to it. It returns
// the snapshot, which the host must save before it writes the Ready that
// holds the snapshot's WAL marker. The leader sends this snapshot to
// followers that need entries it no longer has.
func (n *Node) Compact(index uint64, data []byte) (*Snapshot, error) {
	if index <= n.log.snap.Index || index > n.log.applied {
		return nil, fmt.Errorf("%w to %d: need %d < index <= applied %d", ErrCompact, index, n.log.snap.Index, n.log.applied)
	}
	term, _ := n.log.term(index)
	members, _ := n.membersAt(index)
	meta := SnapshotMeta{Index: index, Term: term, Membership: members}
	n.log.compact(meta)
	n.snapshot = &Snapshot{Meta: meta, Data: data}
	n.records.push(Record{Type: RecordSnapshot, Snapshot: meta})
	return n.snapshot, nil
}

// membersAt is the membership in force at log index i, and the index of
// the config entry it comes from (0 for the snapshot's or the bootstrap
// peers).
func (n *Node) membersAt(i uint64) (Membership, uint64) {
	for i = n.log.lastConfig(i); i > 0; i = n.log.lastConfig(i - 1) {
		if m, err := UnmarshalMembership(n.log.entry(i).Data); err == nil {
			return m, i
		}
	}
	return n.baseMembers(), 0
}
