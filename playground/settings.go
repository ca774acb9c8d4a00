package playground

import (
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
)

// Settings configure a world. Times are virtual milliseconds; a Raft tick is
// one millisecond.
type Settings struct {
	Nodes int
	Seed  int64

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
	ReadMode      view.ReadMode
	// ClientSessions makes each store apply a client's write at most
	// once, however often the client retries it (see KV.Apply). Off, a
	// retried write is applied again, as in etcd.
	ClientSessions bool

	// Rules are the teaching switches (LeaderNoop above stands for
	// Rules.SkipLeaderNoop, which is ignored here).
	Rules raft.Rules

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
	case s.ReadMode == view.LeaseRead && !s.CheckQuorum:
		return i18n.Errorf("scenario.settings.lease-needs-check-quorum")
	}
	return nil
}

// electionTimerStartMs is how far along each election timer starts (see
// ElectionTimerStartPct).
func (s Settings) electionTimerStartMs() int64 {
	return s.ElectionTimeoutMs[0] * int64(s.ElectionTimerStartPct) / 100
}

// raftConfig is the configuration of node id.
func (s Settings) raftConfig(id raft.ID, peers []raft.ID) raft.Config {
	rules := s.Rules
	rules.SkipLeaderNoop = !s.LeaderNoop
	return raft.Config{
		ID:              id,
		Peers:           peers,
		ElectionTick:    int(s.ElectionTimeoutMs[0]),
		ElectionTickMax: int(s.ElectionTimeoutMs[1]),
		HeartbeatTick:   int(s.HeartbeatMs),
		Seed:            uint64(s.Seed)*0x9e3779b97f4a7c15 + uint64(id),
		PreVote:         s.PreVote,
		CheckQuorum:     s.CheckQuorum,
		LeaseReads:      s.ReadMode == view.LeaseRead,
		FastBacktrack:   s.FastBacktrack,
		Rules:           rules,
	}
}
