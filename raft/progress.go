package raft

import "fmt"

// ProgressState is how a leader currently replicates to one follower, as in
// etcd: probing for the point where their logs match, streaming entries
// optimistically, or waiting for a snapshot to land.
type ProgressState uint8

const (
	// StateProbe sends one AppendEntries at a time until one is accepted.
	StateProbe ProgressState = iota
	// StateReplicate streams entries, up to MaxInflight messages at once.
	StateReplicate
	// StateSnapshot waits for an InstallSnapshot to be answered.
	StateSnapshot
)

func (s ProgressState) String() string {
	switch s {
	case StateProbe:
		return "probe"
	case StateReplicate:
		return "replicate"
	case StateSnapshot:
		return "snapshot"
	}
	return fmt.Sprintf("ProgressState(%d)", uint8(s))
}

// Progress is the leader's view of one follower.
type Progress struct {
	ID ID
	// Match is the highest index known to be replicated (durably) on the
	// follower; Next is the index of the next entry to send it.
	Match uint64
	Next  uint64
	State ProgressState
	// ProbeSent pauses a probing follower until it answers.
	ProbeSent bool
	// Inflight holds the last index of each AppendEntries in flight while
	// replicating, oldest first.
	Inflight []uint64
	// PendingSnapshot is the index of the snapshot being sent, and
	// SnapshotSentTick when it was sent (in the leader's ticks).
	PendingSnapshot  uint64
	SnapshotSentTick uint64
	// RecentActive is set when the follower was heard from since the last
	// CheckQuorum round.
	RecentActive bool
	// AckedSeq is the newest round of AppendEntries the follower answered;
	// SentSeq the round in which entries were last sent to it.
	AckedSeq uint64
	SentSeq  uint64
	// SentCommit is the highest commit index sent to the follower (etcd's
	// sentCommit): the leader's commit index with an append, and with a
	// heartbeat only as far as its anchor, the follower taking no more
	// than an append proves it holds. An acknowledgement that arrives
	// after a commit sends the commit index on at once when the follower
	// has not been sent it (see canBumpCommit), rather than leaving it to
	// the next heartbeat.
	SentCommit uint64
	// Learner is true for a non-voting member.
	Learner bool
}

func (p *Progress) becomeProbe() {
	if p.State == StateSnapshot {
		p.Next = max(p.Match+1, p.PendingSnapshot+1)
	} else {
		p.Next = p.Match + 1
	}
	// What was sent past the new Next was most likely not taken (etcd
	// does the same).
	p.SentCommit = min(p.SentCommit, p.Next-1)
	p.State = StateProbe
	p.ProbeSent = false
	p.Inflight = p.Inflight[:0]
	p.PendingSnapshot = 0
}

func (p *Progress) becomeReplicate() {
	p.State = StateReplicate
	p.Next = p.Match + 1
	p.ProbeSent = false
	p.Inflight = p.Inflight[:0]
	p.PendingSnapshot = 0
}

func (p *Progress) becomeSnapshot(index, tick uint64) {
	p.State = StateSnapshot
	p.PendingSnapshot = index
	p.SnapshotSentTick = tick
	// The snapshot commits the follower up to its index.
	p.SentCommit = index
	p.ProbeSent = false
	p.Inflight = p.Inflight[:0]
}

// paused reports whether the leader must wait before sending more entries.
func (p *Progress) paused(maxInflight int) bool {
	switch p.State {
	case StateProbe:
		return p.ProbeSent
	case StateReplicate:
		return len(p.Inflight) >= maxInflight
	}
	return true
}

// canBumpCommit reports whether sending the commit index committed could
// raise the follower's, as etcd's Progress.CanBumpCommit: it must be newer
// than the one sent, and the one sent must not already reach Next-1, the
// end of what was sent, beyond which no commit index can take the follower
// until more entries go.
func (p *Progress) canBumpCommit(committed uint64) bool {
	return committed > p.SentCommit && p.SentCommit < p.Next-1
}

// maybeUpdate records that the follower matches up to index, and reports
// whether that is news.
func (p *Progress) maybeUpdate(index uint64) bool {
	updated := false
	if p.Match < index {
		p.Match = index
		updated = true
	}
	p.Next = max(p.Next, index+1)
	// Free the in-flight messages the follower has now acknowledged.
	i := 0
	for i < len(p.Inflight) && p.Inflight[i] <= index {
		i++
	}
	p.Inflight = append(p.Inflight[:0], p.Inflight[i:]...)
	return updated
}

func (p *Progress) clone() *Progress {
	c := *p
	c.Inflight = append([]uint64(nil), p.Inflight...)
	return &c
}
