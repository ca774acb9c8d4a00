package raft

// Ready is a batch of a node's output for the host to act on, in this order:
// save Snapshot and append Records to the write-ahead log; fsync if MustSync;
// send Messages; restore Snapshot into the state machine, apply
// CommittedEntries and answer Reads; then call Advance (and Release, if the
// host keeps nothing of the batch).
type Ready struct {
	// HardState is the node's hard state after this batch.
	HardState HardState
	// Records are write-ahead log records to append, in order.
	Records []Record
	// MustSync is true when Records must be durable before Messages are
	// sent: they hold a new term, vote, entry, truncation or snapshot. It
	// is false when they hold only a commit index (which can be relearned),
	// and always false under Rules.AckBeforeFsync.
	MustSync bool
	// Snapshot, when not nil, was received from the leader: save it, and
	// restore the state machine from it before applying CommittedEntries.
	Snapshot *Snapshot
	// Messages are to be sent once Records are durable.
	Messages []Message
	// CommittedEntries are committed, durable entries to apply, in order.
	CommittedEntries []Entry
	// Reads are answers to ReadIndex requests.
	Reads []ReadState

	// What Advance must record.
	applyTo     uint64
	stableIndex uint64
	stableTerm  uint64
}

// HasReady reports whether Ready has anything for the host.
func (n *Node) HasReady() bool {
	return len(n.msgs.q) > 0 || len(n.records.q) > 0 || n.received != nil ||
		len(n.readStates) > 0 || n.hardState() != n.saved || n.appliable() > n.log.applying
}

// appliable is the highest index that may be handed out to apply: committed
// and durable here.
func (n *Node) appliable() uint64 {
	return min(n.log.committed, n.log.stable)
}

// Ready collects the node's pending output. Each call hands out new output
// only: call Advance once the batch has been handled.
func (n *Node) Ready() Ready {
	rd := Ready{
		HardState: n.hardState(),
		Snapshot:  n.received,
		Messages:  n.msgs.take(),
		Reads:     n.readStates,
		applyTo:   n.log.applying,
	}
	mustSync := n.received != nil || rd.HardState.Term != n.saved.Term || rd.HardState.Vote != n.saved.Vote
	for _, r := range n.records.q {
		if r.Type == RecordEntry {
			rd.stableIndex, rd.stableTerm = r.Entry.Index, r.Entry.Term
		}
		if r.Type != RecordHardState {
			mustSync = true
		}
	}
	if rd.HardState != n.saved {
		n.records.push(Record{Type: RecordHardState, HardState: rd.HardState})
		n.saved = rd.HardState
	}
	rd.Records = n.records.take()
	rd.MustSync = mustSync && !n.cfg.Rules.AckBeforeFsync
	if hi := n.appliable(); hi > n.log.applying {
		rd.CommittedEntries = n.log.slice(n.log.applying+1, hi+1)
		rd.applyTo = hi
		n.log.applying = hi
	}
	n.received = nil
	n.readStates = nil
	return rd
}

// Advance tells the node that rd has been handled: its records are durable
// and its entries (and snapshot) applied.
func (n *Node) Advance(rd Ready) {
	if rd.stableIndex > 0 && n.log.matchTerm(rd.stableIndex, rd.stableTerm) {
		n.log.stable = max(n.log.stable, rd.stableIndex)
	}
	n.log.applied = max(n.log.applied, rd.applyTo)
	if n.role == Leader {
		if n.maybeCommit() {
			n.broadcastAppend()
		}
		n.advanceReads()
	}
}

// Release tells the node that nothing will read the Messages and Records of
// rd, the latest Ready, or of any Ready before it, again (rd has been
// handled and Advance called), so that the node may reuse their memory for
// later batches. A host that keeps batches does not call it.
func (n *Node) Release(rd Ready) {
	n.msgs.release(rd.Messages)
	n.records.release(rd.Records)
}
