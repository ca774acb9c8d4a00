package playground

import (
	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
)

// electionTimerStartMs is how far along each election timer starts (see
// ElectionTimerStartPct).
func electionTimerStartMs(s view.Settings) int64 {
	return s.ElectionTimeoutMs[0] * int64(s.ElectionTimerStartPct) / 100
}

// maxInflight bounds the AppendEntries in flight to one follower while
// replicating, on either engine: the flow-control window the inspector
// shows.
const maxInflight = 4

// raftConfig is the configuration of node id. The settings' rules are
// raft's, field for field (the conversion compiles only while they are).
func raftConfig(s view.Settings, id raft.ID, peers []raft.ID) raft.Config {
	rules := raft.Rules(s.Rules)
	rules.SkipLeaderNoop = !s.LeaderNoop
	return raft.Config{
		ID:              id,
		Peers:           peers,
		ElectionTick:    int(s.ElectionTimeoutMs[0]),
		ElectionTickMax: int(s.ElectionTimeoutMs[1]),
		HeartbeatTick:   int(s.HeartbeatMs),
		MaxInflight:     maxInflight,
		Seed:            uint64(s.Seed)*0x9e3779b97f4a7c15 + uint64(id),
		PreVote:         s.PreVote,
		CheckQuorum:     s.CheckQuorum,
		LeaseReads:      s.ReadMode == view.LeaseRead,
		FastBacktrack:   s.FastBacktrack,
		Rules:           rules,
	}
}
