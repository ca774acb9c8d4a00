package view

import "github.com/raftlab/raftlab/playground/i18n"

// MaxNodes is the largest server ID a world has.
const MaxNodes = 9

// MaxDelayMs is the longest time a setting or a step may name
// (election timeout, heartbeat, latency, fsync): one minute, far beyond
// any cluster worth watching. A delay added to a time up to the
// playground's longest run stays far from overflowing int64, so the event
// queue never sees a time that wrapped to a negative one.
const MaxDelayMs = 60 * 1000

// Settings configure a world. Times are virtual milliseconds; a Raft tick is
// one millisecond.
type Settings struct {
	Nodes int
	Seed  int64
	// Engine is the Raft the servers run.
	Engine Engine

	ElectionTimeoutMs [2]int64
	HeartbeatMs       int64
	LatencyMs         [2]int64
	FsyncMs           int64
	// ElectionTimerStartPct starts every server's election timer this
	// share (in percent, 0 to 99) of the shortest election timeout along,
	// as if the servers had been up that long without hearing from a
	// leader: the first election comes that much sooner. A share, not a
	// time, so that it holds whatever the timeouts (no timer has run out
	// at time zero). 0, the default, starts the timers from zero.
	ElectionTimerStartPct int

	PreVote       bool
	CheckQuorum   bool
	LeaderNoop    bool
	FastBacktrack bool
	// SnapshotEvery makes a node snapshot once it has applied this many
	// entries past its last snapshot; 0 means never.
	SnapshotEvery uint64
	ReadMode      ReadMode
	// ClientSessions makes each store apply a client's write at most
	// once, however often the client retries it (see KV.Apply). Off, a
	// retried write is applied again, as in etcd.
	ClientSessions bool

	// Rules are the teaching switches (LeaderNoop above stands for
	// Rules.SkipLeaderNoop, which is ignored here).
	Rules Rules

	DropRate      float64
	DuplicateRate float64
}

// DefaultSettings are the playground's defaults: the scenario format's.
func DefaultSettings() Settings {
	return Settings{
		Nodes: 5, Seed: 1,
		ElectionTimeoutMs: [2]int64{150, 300}, HeartbeatMs: 50, LatencyMs: [2]int64{10, 20}, FsyncMs: 1,
		PreVote: true, CheckQuorum: true, LeaderNoop: true, FastBacktrack: true, ClientSessions: true,
	}
}

// Validate reports settings no world can run with.
func (s Settings) Validate() error {
	for _, t := range []struct {
		name string
		ms   int64
	}{
		{"electionTimeoutMs", max(s.ElectionTimeoutMs[0], s.ElectionTimeoutMs[1])}, {"heartbeatMs", s.HeartbeatMs},
		{"latencyMs", max(s.LatencyMs[0], s.LatencyMs[1])}, {"fsyncMs", s.FsyncMs},
	} {
		if t.ms > MaxDelayMs {
			return i18n.Errorf("scenario.settings.delay-limit", t.name, MaxDelayMs, t.ms)
		}
	}
	switch {
	case s.Nodes < 1 || s.Nodes > MaxNodes:
		return i18n.Errorf("scenario.settings.nodes", MaxNodes, s.Nodes)
	case s.HeartbeatMs < 1:
		return i18n.Errorf("scenario.settings.heartbeat", s.HeartbeatMs)
	case s.ElectionTimeoutMs[0] <= s.HeartbeatMs || s.ElectionTimeoutMs[1] < s.ElectionTimeoutMs[0]:
		return i18n.Errorf("scenario.settings.election-timeout", s.ElectionTimeoutMs)
	case s.ElectionTimerStartPct < 0 || s.ElectionTimerStartPct > 99:
		return i18n.Errorf("scenario.settings.timer-start", s.ElectionTimerStartPct)
	case s.LatencyMs[0] < 0 || s.LatencyMs[1] < s.LatencyMs[0]:
		return i18n.Errorf("scenario.settings.latency", s.LatencyMs)
	case s.FsyncMs < 0:
		return i18n.Errorf("scenario.settings.fsync", s.FsyncMs)
	case s.DropRate < 0 || s.DropRate > 1:
		return i18n.Errorf("scenario.settings.drop-rate", s.DropRate)
	case s.DuplicateRate < 0 || s.DuplicateRate > 1:
		return i18n.Errorf("scenario.settings.duplicate-rate", s.DuplicateRate)
	case s.ReadMode == LeaseRead && !s.CheckQuorum:
		return i18n.Errorf("scenario.settings.lease-needs-check-quorum")
	case s.Engine == EngineEtcd && (s.Rules != Rules{SkipLeaderNoop: s.Rules.SkipLeaderNoop} || !s.LeaderNoop):
		return i18n.Errorf("scenario.settings.etcd-rules")
	}
	return nil
}

// Rules are teaching switches, as raft has them. Each one, when set,
// breaks a single rule of Raft so that a lesson can reach the anomaly the rule exists to prevent. All
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
