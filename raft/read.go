package raft

import (
	"errors"
	"slices"
)

// ReadState answers a ReadIndex request: the read with this ID may be served
// from the state machine, which has applied at least Index. A Failed read
// was dropped because the node stopped leading; the client should retry.
type ReadState struct {
	ID     uint64
	Index  uint64
	Failed bool
}

// ReadPhase is how far a pending read has got.
type ReadPhase uint8

const (
	// ReadWaitingForTermCommit: a new leader does not know the commit index
	// until it commits an entry of its own term (its no-op).
	ReadWaitingForTermCommit ReadPhase = iota
	// ReadWaitingForQuorum: the read index is fixed, and the leader waits
	// for a quorum to answer a round of heartbeats sent after it.
	ReadWaitingForQuorum
	// ReadWaitingForApply: leadership is confirmed; the read waits for the
	// state machine to catch up with the read index.
	ReadWaitingForApply
)

func (p ReadPhase) String() string {
	switch p {
	case ReadWaitingForTermCommit:
		return "awaiting own-term commit"
	case ReadWaitingForQuorum:
		return "awaiting quorum"
	case ReadWaitingForApply:
		return "awaiting apply"
	}
	return "ReadPhase(?)"
}

// PendingRead is a read the leader is working on.
type PendingRead struct {
	ID    uint64
	Mode  ReadMode
	Index uint64
	Seq   uint64
	Phase ReadPhase
}

type pendingRead = PendingRead

// ReadStep reports, in Ready.ReadSteps, that the pending read ID entered
// Phase, so that a host can show each part of the ReadIndex protocol:
//
//   - ReadWaitingForTermCommit: the read arrived before this leader had
//     committed an entry of its term; it is held until it has.
//   - ReadWaitingForQuorum: the leader noted its commit index, Index, as
//     the read index, and sent heartbeat round Seq to confirm it still
//     leads.
//   - ReadWaitingForApply with Seq set: a majority answered round Seq, so
//     the leader still led when the read arrived (the reads confirmed by
//     one round all report it).
//   - ReadWaitingForApply with Seq 0: the leader noted the read index
//     Index, and its lease confirms that it still leads.
//
// The answer itself comes in Ready.Reads, once the leader has applied up
// to the read index.
type ReadStep struct {
	ID    uint64
	Phase ReadPhase
	Index uint64
	Seq   uint64
}

// ErrLeaseReadsOff refuses a lease read on a node configured without
// LeaseReads.
var ErrLeaseReadsOff = errors.New("raft: lease reads are not enabled (Config.LeaseReads)")

// ReadIndex asks to serve a linearizable read tagged with id, confirmed the
// way mode says. The answer comes back in Ready.Reads once it is safe to read
// the state machine: the leader has committed an entry of its term,
// confirmed it still leads (by a heartbeat round, or by its lease) and
// applied up to the commit index it saw when the read arrived.
func (n *Node) ReadIndex(id uint64, mode ReadMode) error {
	if n.role != Leader {
		return ErrNotLeader
	}
	if mode == ReadLease && !n.cfg.LeaseReads {
		return ErrLeaseReadsOff
	}
	n.reads = append(n.reads, pendingRead{ID: id, Mode: mode})
	if !n.termCommitted() {
		n.readSteps = append(n.readSteps, ReadStep{ID: id, Phase: ReadWaitingForTermCommit})
	}
	n.advanceReads()
	return nil
}

// advanceReads moves pending reads forward through their phases.
func (n *Node) advanceReads() {
	if n.role != Leader || len(n.reads) == 0 {
		return
	}
	termCommitted := n.termCommitted()
	needRound := false
	for i := range n.reads {
		r := &n.reads[i]
		if r.Phase == ReadWaitingForTermCommit && termCommitted {
			r.Index = n.log.committed
			if r.Mode == ReadLease && n.leaseValid() {
				r.Phase = ReadWaitingForApply
			} else {
				r.Phase = ReadWaitingForQuorum
				r.Seq = n.seq + 1 // confirmed by the round about to start
				needRound = true
			}
			n.readSteps = append(n.readSteps, ReadStep{ID: r.ID, Phase: r.Phase, Index: r.Index, Seq: r.Seq})
		}
	}
	if needRound {
		n.broadcastHeartbeat()
	}
	acked := n.quorumAckedSeq()
	for i := range n.reads {
		if r := &n.reads[i]; r.Phase == ReadWaitingForQuorum && acked >= r.Seq {
			r.Phase = ReadWaitingForApply
			n.readSteps = append(n.readSteps, ReadStep{ID: r.ID, Phase: r.Phase, Index: r.Index, Seq: r.Seq})
		}
	}
	n.releaseReads()
}

// termCommitted reports whether this node has committed an entry of its
// current term, without which it does not know the commit index (§8).
func (n *Node) termCommitted() bool {
	t, _ := n.log.term(n.log.committed)
	return t == n.term
}

// releaseReads moves reads whose index has been applied to readStates.
func (n *Node) releaseReads() {
	n.reads = slices.DeleteFunc(n.reads, func(r pendingRead) bool {
		if r.Phase == ReadWaitingForApply && n.log.applied >= r.Index {
			n.readStates = append(n.readStates, ReadState{ID: r.ID, Index: r.Index})
			return true
		}
		return false
	})
}

// dropReads fails every pending read: the node no longer leads.
func (n *Node) dropReads() {
	for _, r := range n.reads {
		n.readStates = append(n.readStates, ReadState{ID: r.ID, Failed: true})
	}
	n.reads = n.reads[:0]
}

// quorumAckedSeq is the newest round that a quorum of voters (counting this
// leader, which is always current) has answered.
func (n *Node) quorumAckedSeq() uint64 {
	seqs := n.scratch[:0]
	for _, id := range n.members.Voters {
		if id == n.cfg.ID {
			seqs = append(seqs, n.seq)
		} else if pr := n.progress.get(id); pr != nil {
			seqs = append(seqs, pr.AckedSeq)
		} else {
			seqs = append(seqs, 0)
		}
	}
	if len(seqs) == 0 {
		return 0
	}
	n.scratch = seqs
	return quorumValue(seqs, n.members.quorum())
}

// leaseValid reports whether a quorum answered a round sent recently enough
// that none of them can have voted for another leader since: followers
// ignore vote requests for a minimum election timeout after hearing from the
// leader (CheckQuorum). One tick of slack covers the followers' clocks not
// ticking in step with the leader's. A transferring leader holds no lease,
// since its target is allowed to campaign at once.
func (n *Node) leaseValid() bool {
	if !n.cfg.LeaseReads || n.leadTransferee != None || n.timeoutNowSent {
		return false
	}
	acked := n.quorumAckedSeq()
	for _, st := range n.seqTicks {
		if st.seq == acked {
			return n.now-st.tick+1 < uint64(n.cfg.ElectionTick)
		}
	}
	return false
}
