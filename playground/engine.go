package playground

import "github.com/raftlab/raftlab/raft"

// Engine is a server's Raft: the state machine a node hosts. RaftLab's own
// (package raft) is one; etcd's raft library is another (package
// playground/etcdraft), so that any scenario can run on what production
// runs and the two can check each other. The world drives an engine as an
// etcd server drives its raft node: it ticks it, steps it messages, writes
// its Ready batches to the disk and the network, applies what commits and
// calls Advance. Both engines speak package raft's types; an engine that
// has its own translates at this boundary.
type Engine interface {
	Role() raft.Role
	Term() uint64
	Leader() raft.ID
	HardState() raft.HardState
	Membership() raft.Membership
	// ConfigIndex is the index of the configuration entry in force.
	ConfigIndex() uint64

	FirstIndex() uint64
	LastIndex() uint64
	CommitIndex() uint64
	AppliedIndex() uint64
	TermAt(i uint64) (uint64, bool)
	EntryAt(i uint64) (raft.Entry, bool)

	ElectionElapsed() int
	ElectionTimeout() int
	TicksUntilTimeout() int
	TickN(k int)

	Step(m raft.Message) error
	Campaign() error
	Propose(data []byte) (index, term uint64, err error)
	ProposeConfChange(cc raft.ConfChange) (index uint64, err error)
	ReadIndex(id uint64, mode raft.ReadMode) error
	TransferLeadership(to raft.ID) error
	Compact(index uint64, data []byte) (*raft.Snapshot, error)

	HasReady() bool
	Ready() raft.Ready
	Advance(rd *raft.Ready)
	Release(rd *raft.Ready)

	Votes() []raft.Vote
	LeadTransferee() raft.ID
	PendingReads() []raft.PendingRead
	PeerProgress(id raft.ID) (raft.Progress, bool)
	Clone() Engine
}

// ownEngine is RaftLab's Raft as an Engine.
type ownEngine struct{ *raft.Node }

func (e ownEngine) Clone() Engine { return ownEngine{e.Node.Clone()} }
