package playground

import (
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
)

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
	// Joint tells a joint configuration in force: the voters it goes to
	// and those it leaves (nil when not joint). Membership's voters are
	// then both.
	Joint() (incoming, outgoing []raft.ID)
	// ConfigOf is the membership a configuration entry of the Ready being
	// handled puts in force, once applied.
	ConfigOf(e raft.Entry) (raft.Membership, bool)

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

// EngineConfig is what an engine starts a server from: the configuration
// RaftLab's Raft takes, and the initial cluster. Config.Peers is empty for
// a server that joins a running cluster; Cluster is the founding voters
// for every server, as an etcd member is given --initial-cluster.
type EngineConfig struct {
	raft.Config
	Cluster []raft.ID
}

// NewEngine starts a server's engine from its durable state, as recovered
// from its disk.
type NewEngine func(cfg EngineConfig, st raft.DurableState) (Engine, error)

// engines are the engines built into this program, by view.Engine.
// RaftLab's is always there; etcd's registers itself when its package is
// imported (the browser's default build leaves it out: it would not fit
// the download's budget).
var engines = map[view.Engine]NewEngine{view.EngineRaftLab: newOwnEngine}

// RegisterEngine makes an engine available to worlds. Call it from an init
// function.
func RegisterEngine(e view.Engine, f NewEngine) { engines[e] = f }

// EngineOf returns the constructor of engine e, nil when it is not built
// into this program.
func EngineOf(e view.Engine) NewEngine { return engines[e] }

// HasEngine reports whether e is built into this program.
func HasEngine(e view.Engine) bool { return engines[e] != nil }

// checkEngine reports settings whose engine this program lacks.
func checkEngine(s view.Settings) error {
	if !HasEngine(s.Engine) {
		return i18n.Errorf("scenario.settings.engine-absent", s.Engine)
	}
	return nil
}

// ownEngine is RaftLab's Raft as an Engine.
type ownEngine struct{ *raft.Node }

func newOwnEngine(cfg EngineConfig, st raft.DurableState) (Engine, error) {
	n, err := raft.New(cfg.Config, st)
	if err != nil {
		return nil, err
	}
	return ownEngine{n}, nil
}

func (e ownEngine) Clone() Engine { return ownEngine{e.Node.Clone()} }

// Joint: RaftLab's Raft changes one server at a time, never joint.
func (e ownEngine) Joint() (incoming, outgoing []raft.ID) { return nil, nil }

func (e ownEngine) ConfigOf(en raft.Entry) (raft.Membership, bool) {
	m, err := raft.UnmarshalMembership(en.Data)
	return m, err == nil
}
