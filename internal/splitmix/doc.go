// Package splitmix is the SplitMix64 generator that all of RaftLab's
// simulated randomness comes from: election jitter in raft, latencies, losses
// and faults in the playground. A Source is a plain value, so copying it
// (when a node or a world is cloned for time travel) copies its future.
//
// It imports nothing of RaftLab.
package splitmix
