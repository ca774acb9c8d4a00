package raft

import (
	"errors"
	"fmt"
)

// ReadMode chooses how a leader confirms a linearizable read.
type ReadMode uint8

const (
	// ReadIndex confirms leadership with a round of heartbeats acknowledged
	// by a quorum before serving the read.
	ReadIndex ReadMode = iota
	// ReadLease serves the read at once while the leader holds a lease: a
	// quorum acknowledged it less than a minimum election timeout ago, so no
	// other leader can have been elected since. It needs CheckQuorum, and
	// falls back to a heartbeat round when the lease has run out.
	ReadLease
)

func (m ReadMode) String() string {
	switch m {
	case ReadIndex:
		return "readIndex"
	case ReadLease:
		return "lease"
	}
	return fmt.Sprintf("ReadMode(%d)", uint8(m))
}

// Rules are teaching switches. Each one, when set, breaks a single rule of
// Raft so that a lesson can reach the anomaly the rule exists to prevent. All
// are off by default; with all of them off the protocol is safe.
type Rules struct {
	// CommitOldTermsByCounting lets a leader commit an entry from an
	// earlier term as soon as a majority stores it (Figure 8's mistake).
	CommitOldTermsByCounting bool
	// SkipElectionRestriction grants votes without checking that the
	// candidate's log is at least as up to date as the voter's.
	SkipElectionRestriction bool
	// SkipLeaderNoop stops a new leader from appending a no-op entry, so it
	// commits nothing (and serves no reads) until a client writes.
	SkipLeaderNoop bool
	// FixedElectionTimeout uses the minimum election timeout every time
	// instead of a random one, so split votes can repeat forever.
	FixedElectionTimeout bool
	// AckBeforeFsync lets a node answer before its records are durable: Ready
	// never asks for a sync, and a crash can lose a vote or an acknowledged
	// entry.
	AckBeforeFsync bool
}

// Config sets up one node. The boolean features are opt-in here; the
// playground turns PreVote, CheckQuorum and FastBacktrack on by default.
type Config struct {
	// ID is this node's ID; it must not be None.
	ID ID
	// Peers is the initial set of voters (including ID) for a node that
	// bootstraps a new cluster. A node joining an existing cluster leaves
	// it empty and learns the membership from its leader. Durable state,
	// when it holds a membership, overrides Peers.
	Peers []ID

	// ElectionTick is the minimum election timeout, in ticks. Each timeout
	// is drawn uniformly from [ElectionTick, ElectionTickMax].
	ElectionTick int
	// ElectionTickMax is the maximum election timeout; zero means
	// 2*ElectionTick.
	ElectionTickMax int
	// HeartbeatTick is the number of ticks between a leader's heartbeats.
	HeartbeatTick int
	// Seed seeds the election-timeout jitter. Two nodes with the same seed
	// but different IDs draw different timeouts.
	Seed uint64

	// MaxEntriesPerMsg bounds the entries in one AppendEntries; zero means 64.
	MaxEntriesPerMsg int
	// MaxInflight bounds the AppendEntries in flight to one follower while
	// replicating; zero means 4.
	MaxInflight int

	// PreVote runs a pre-election before incrementing the term, so a node
	// that cannot win does not disrupt the cluster (dissertation 9.6).
	PreVote bool
	// CheckQuorum makes a leader step down when it has not heard from a
	// quorum for an election timeout, and makes followers that hear from a
	// leader ignore vote requests (dissertation 9.6).
	CheckQuorum bool
	// LeaseReads allows ReadIndex(_, ReadLease). A lease rests on followers
	// ignoring vote requests for an election timeout after they hear from
	// the leader, so it needs CheckQuorum; and since that memory dies in a
	// crash, a node that restarts with LeaseReads refuses votes for an
	// election timeout (it may have acknowledged a lease just before).
	LeaseReads bool
	// FastBacktrack repairs a follower's log with conflict term hints, one
	// round trip per conflicting term, instead of decrementing nextIndex one
	// entry at a time as the paper's Figure 2 does.
	FastBacktrack bool
	Rules         Rules
}

// Config errors.
var (
	ErrConfigID        = errors.New("raft: config: ID must not be None")
	ErrConfigTicks     = errors.New("raft: config: need 0 < HeartbeatTick < ElectionTick <= ElectionTickMax")
	ErrConfigLeaseRead = errors.New("raft: config: lease reads need CheckQuorum")
)

// withDefaults validates c and fills in its zero-valued limits.
func (c Config) withDefaults() (Config, error) {
	if c.ID == None {
		return c, ErrConfigID
	}
	if c.ElectionTickMax == 0 {
		c.ElectionTickMax = 2 * c.ElectionTick
	}
	if c.HeartbeatTick <= 0 || c.ElectionTick <= c.HeartbeatTick || c.ElectionTickMax < c.ElectionTick {
		return c, ErrConfigTicks
	}
	if c.MaxEntriesPerMsg <= 0 {
		c.MaxEntriesPerMsg = 64
	}
	if c.LeaseReads && !c.CheckQuorum {
		return c, ErrConfigLeaseRead
	}
	if c.MaxInflight <= 0 {
		c.MaxInflight = 4
	}
	return c, nil
}
