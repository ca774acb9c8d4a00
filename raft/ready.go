package raft

// Ready is a batch of a node's output for the host to act on, in this order:
// save Snapshot and append Records to the write-ahead log; send Messages
// (they need not wait for the disk); fsync if MustSync; send
// MessagesAfterSync; restore Snapshot into the state machine, apply
// CommittedEntries and answer Reads; then call Advance (and Release, if the
// host keeps nothing of the batch).
//
// Between Ready and Advance the host may go on calling Step, Tick,
// Propose and ReadIndex (a leader keeps counting its followers' answers
// while its own disk syncs); it calls Ready again only after Advance.
type Ready struct {
	// HardState is the node's hard state after this batch.
	HardState HardState
	// Records are write-ahead log records to append, in order.
	Records []Record
	// MustSync is true when Records must be durable before
	// MessagesAfterSync are sent: they hold a new term, vote, entry,
	// truncation or snapshot. It is false when they hold only a commit
	// index (which can be relearned), and always false under
	// Rules.AckBeforeFsync.
	MustSync bool
	// Snapshot, when not nil, was received from the leader: save it, and
	// restore the state machine from it before applying CommittedEntries.
	Snapshot *Snapshot
	// Messages may be sent at once, while Records are being written and
	// synced: they are what a leader sends as leader of its current term
	// (AppendEntries, heartbeats, InstallSnapshot, TimeoutNow), once that
	// term is durable here. A leader writes its log in parallel with
	// replicating it (Raft dissertation 10.2.1; etcd sends a leader's
	// messages before it saves): nothing in them promises that the
	// leader's own copy is durable, and the leader counts itself towards a
	// commit only as far as Advance has marked its log durable.
	Messages []Message
	// MessagesAfterSync are to be sent once Records are durable: votes and
	// answers to AppendEntries and InstallSnapshot promise that what they
	// grant or acknowledge will survive a crash, and everything else a
	// follower or candidate sends, or a node sends after stepping down, is
	// held back with them.
	MessagesAfterSync []Message
	// CommittedEntries are committed, durable entries to apply, in order.
	CommittedEntries []Entry
	// Reads are answers to ReadIndex requests.
	Reads []ReadState
	// ReadSteps report the steps pending ReadIndex reads have taken, for a
	// host that shows the protocol; the host need not act on them.
	ReadSteps []ReadStep

	// What Advance must record.
	applyTo     uint64
	stableIndex uint64
	stableTerm  uint64
}

// HasReady reports whether Ready has anything for the host.
func (n *Node) HasReady() bool {
	return len(n.msgs.q) > 0 || len(n.msgsAfterSync.q) > 0 || len(n.records.q) > 0 || n.received != nil ||
		len(n.readStates) > 0 || len(n.readSteps) > 0 || n.hardState() != n.saved || n.appliable() > n.log.applying
}

// appliable is the highest index that may be handed out to apply: committed
// and durable here.
func (n *Node) appliable() uint64 {
	return min(n.log.committed, n.log.stable)
}

// Ready collects the node's pending output. Each call hands out new output
// only: call Advance once the batch has been handled. The result is named so
// that the batch is built where the caller receives it rather than built
// here and then copied.
func (n *Node) Ready() (rd Ready) {
	rd = Ready{
		HardState:         n.hardState(),
		Snapshot:          n.received,
		Messages:          n.msgs.take(),
		MessagesAfterSync: n.msgsAfterSync.take(),
		Reads:             n.readStates,
		ReadSteps:         n.readSteps,
		applyTo:           n.log.applying,
	}
	mustSync := n.received != nil || rd.HardState.Term != n.saved.Term || rd.HardState.Vote != n.saved.Vote
	for i := range n.records.q {
		r := &n.records.q[i] // a Record is 152 bytes: not copied
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
	n.readSteps = nil
	return rd
}

// Advance tells the node that rd has been handled: its records are durable
// and its entries (and snapshot) applied. It takes a pointer because a
// Ready is large (208 bytes) and the host calls Advance for every batch;
// Advance only reads rd.
func (n *Node) Advance(rd *Ready) {
	if rd.stableIndex > 0 && n.log.matchTerm(rd.stableIndex, rd.stableTerm) {
		n.log.stable = max(n.log.stable, rd.stableIndex)
	}
	n.log.applied = max(n.log.applied, rd.applyTo)
	n.durableTerm = max(n.durableTerm, rd.HardState.Term)
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
// later batches. A host that keeps batches does not call it. Like Advance,
// it takes a pointer so as not to copy the Ready, and only reads rd.
func (n *Node) Release(rd *Ready) {
	n.msgs.release(rd.Messages)
	n.msgsAfterSync.release(rd.MessagesAfterSync)
	n.records.release(rd.Records)
}
