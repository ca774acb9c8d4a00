package raft

import "slices"

// appendEntry adds an entry in the current term at the end of the leader's
// log, and returns its index.
func (n *Node) appendEntry(e Entry) uint64 {
	e.Index = n.log.lastIndex() + 1
	e.Term = n.term
	n.storeEntry(e)
	return e.Index
}

// storeEntry appends e to the log and to the records to persist. A config
// entry takes effect at once (dissertation 4.1): a server uses the latest
// configuration in its log, committed or not.
func (n *Node) storeEntry(e Entry) {
	n.log.append(&e)
	n.records.push(Record{Type: RecordEntry, Entry: e})
	if e.Kind == EntryConfig {
		if m, err := UnmarshalMembership(e.Data); err == nil {
			n.setMembers(m, e.Index)
		}
	}
}

// truncateLog drops the entries from index on, and falls back to the
// configuration in force before them if a config entry went.
func (n *Node) truncateLog(from uint64) {
	n.log.truncate(from)
	n.records.push(Record{Type: RecordTruncate, Index: from})
	if n.confIndex >= from {
		n.restoreMembers()
	}
}

// restoreMembers sets the membership from the latest config entry in the
// log, or from the snapshot when there is none.
func (n *Node) restoreMembers() {
	n.setMembers(n.membersAt(n.log.lastIndex()))
}

// baseMembers is the membership in force before the first entry of the log:
// the snapshot's, or the bootstrap peers when nothing was compacted.
func (n *Node) baseMembers() Membership {
	if n.log.snap.Index > 0 {
		return n.log.snap.Membership.Clone()
	}
	return Membership{Voters: slices.Clone(n.cfg.Peers)}
}

func (n *Node) setMembers(m Membership, index uint64) {
	n.members, n.confIndex = m, index
	n.noteMembers()
	if n.role != Leader {
		return
	}
	n.progress.retain(m.Contains)
	for _, id := range m.Members() {
		n.addProgress(id)
		if pr := n.progress.get(id); pr != nil {
			pr.Learner = m.IsLearner(id)
		}
	}
	if n.leadTransferee != None && !m.IsVoter(n.leadTransferee) {
		n.leadTransferee = None
	}
}

// broadcastAppend sends entries (or, when a follower is up to date, the
// commit index) to every member.
func (n *Node) broadcastAppend() {
	for _, id := range n.peers() {
		n.sendAppend(id, true)
	}
}

// broadcastHeartbeat opens a new round of AppendEntries and sends every
// member an empty one.
func (n *Node) broadcastHeartbeat() {
	n.newRound()
	for _, id := range n.peers() {
		n.sendHeartbeat(id)
	}
}

// newRound numbers a new round of AppendEntries and notes when it left.
func (n *Node) newRound() {
	n.seq++
	horizon := uint64(0)
	if n.now > uint64(n.cfg.ElectionTick) {
		horizon = n.now - uint64(n.cfg.ElectionTick)
	}
	i := 0
	for i < len(n.seqTicks) && n.seqTicks[i].tick < horizon {
		i++
	}
	n.seqTicks = append(n.seqTicks[:0], n.seqTicks[i:]...)
	n.seqTicks = append(n.seqTicks, seqTick{seq: n.seq, tick: n.now})
}

// sendHeartbeat sends an empty AppendEntries anchored at the follower's
// match index, which it is known to hold, so the consistency check passes and
// the commit index can ride along. The follower takes the commit index only
// up to the anchor.
func (n *Node) sendHeartbeat(to ID) {
	pr := n.progress.get(to)
	prev := pr.Match
	prevTerm, ok := n.log.term(prev)
	if !ok {
		prev, prevTerm = 0, 0
	}
	n.send(Message{Type: MsgAppendEntries, To: to, Index: prev, LogTerm: prevTerm, Commit: n.log.committed, Seq: n.seq})
	pr.SentCommit = min(prev, n.log.committed)
}

// sendAppend sends the follower the entries it needs next, or a snapshot if
// they are compacted away. With sendIfEmpty it sends even when there are no
// entries, to carry the commit index. It reports whether it sent anything.
func (n *Node) sendAppend(to ID, sendIfEmpty bool) bool {
	pr := n.progress.get(to)
	if pr == nil || pr.paused(n.cfg.MaxInflight) {
		return false
	}
	prev := pr.Next - 1
	prevTerm, ok := n.log.term(prev)
	if !ok {
		return n.sendSnapshot(to)
	}
	var ents []Entry
	if pr.Next <= n.log.lastIndex() { // most calls find nothing new to send
		ents = n.log.slice(pr.Next, pr.Next+uint64(n.cfg.MaxEntriesPerMsg))
	}
	if len(ents) == 0 {
		if !sendIfEmpty {
			return false
		}
		if pr.State == StateReplicate && prev > pr.Match {
			// Entries are still in flight. An empty append anchored
			// after them would overtake them on a network that reorders
			// and be rejected, sending the follower back to probing; the
			// commit index rides just as well on one anchored at the
			// match.
			n.sendHeartbeat(to)
			return true
		}
	}
	n.send(Message{Type: MsgAppendEntries, To: to, Index: prev, LogTerm: prevTerm, Entries: ents, Commit: n.log.committed, Seq: n.seq})
	switch pr.State {
	case StateProbe:
		pr.ProbeSent = true
	case StateReplicate:
		if len(ents) > 0 {
			last := ents[len(ents)-1].Index
			pr.Next = last + 1
			pr.Inflight = append(pr.Inflight, last)
		}
	}
	if len(ents) > 0 {
		pr.SentSeq = n.seq
	}
	pr.SentCommit = n.log.committed
	return true
}

func (n *Node) sendSnapshot(to ID) bool {
	if n.snapshot == nil {
		return false
	}
	pr := n.progress.get(to)
	pr.becomeSnapshot(n.snapshot.Meta.Index, n.now)
	n.snapshotsOut = true
	n.send(Message{Type: MsgInstallSnapshot, To: to, Snapshot: n.snapshot})
	return true
}

// handleAppend is the receiver's side of AppendEntries (Figure 2).
func (n *Node) handleAppend(m *Message) {
	reply := Message{Type: MsgAppendEntriesResponse, To: m.From, Seq: m.Seq}
	if m.Index < n.log.committed {
		// Everything up to the commit index matches the leader's log.
		reply.Index = n.log.committed
		n.send(reply)
		return
	}
	if !n.log.matchTerm(m.Index, m.LogTerm) {
		reply.Reject = true
		reply.Index = m.Index
		if m.Index > n.log.lastIndex() {
			reply.ConflictIndex = n.log.lastIndex() + 1
		} else {
			reply.ConflictTerm, _ = n.log.term(m.Index)
			reply.ConflictIndex = n.log.firstIndexOfTerm(m.Index)
		}
		n.send(reply)
		return
	}
	for i, e := range m.Entries {
		if e.Index <= n.log.lastIndex() {
			if n.log.matchTerm(e.Index, e.Term) {
				continue // already have it
			}
			n.truncateLog(e.Index)
		}
		for _, e := range m.Entries[i:] {
			n.storeEntry(e)
		}
		break
	}
	lastNew := m.Index + uint64(len(m.Entries))
	n.commitTo(min(m.Commit, lastNew))
	reply.Index = lastNew
	n.send(reply)
}

func (n *Node) termOrZero(i uint64) uint64 {
	t, _ := n.log.term(i)
	return t
}

// handleSnapshot is the receiver's side of InstallSnapshot (Figure 13).
func (n *Node) handleSnapshot(m *Message) {
	s := m.Snapshot
	reply := Message{Type: MsgInstallSnapshotResponse, To: m.From}
	switch {
	case s.Meta.Index <= n.log.committed:
		// Nothing new: the node already has (and committed) this prefix.
	case n.log.matchTerm(s.Meta.Index, s.Meta.Term):
		// The log already holds the snapshot's last entry: keep the
		// entries after it and just commit up to it.
		n.commitTo(s.Meta.Index)
	default:
		// The log conflicts or is too short: discard it all.
		if n.log.lastIndex() >= n.log.firstIndex() {
			n.truncateLog(n.log.firstIndex())
		}
		n.log.compact(s.Meta)
		n.snapshot = s
		n.received = s
		n.log.applying = max(n.log.applying, s.Meta.Index)
		n.records.push(Record{Type: RecordSnapshot, Snapshot: s.Meta})
		n.setMembers(s.Meta.Membership.Clone(), 0)
	}
	reply.Index = n.log.committed
	n.send(reply)
}

// commitTo raises the commit index (it never falls).
func (n *Node) commitTo(i uint64) {
	if i > n.log.committed {
		n.log.committed = min(i, n.log.lastIndex())
	}
}

func (n *Node) stepLeader(m *Message) {
	pr := n.progress.get(m.From)
	if pr == nil {
		return // not a member (any more)
	}
	pr.RecentActive = true
	switch m.Type {
	case MsgAppendEntriesResponse:
		// The first answer of a round may trigger a resend (handleAccept).
		firstOfRound := m.Seq > pr.AckedSeq
		pr.AckedSeq = max(pr.AckedSeq, m.Seq)
		pr.ProbeSent = false
		if m.Reject {
			n.handleReject(pr, m)
		} else {
			n.handleAccept(pr, m.Index, firstOfRound)
		}
		n.advanceReads()
	case MsgInstallSnapshotResponse:
		if m.Reject {
			return
		}
		n.handleAccept(pr, m.Index, false)
	}
}

// handleAccept processes a follower's acknowledgement that it matches the
// leader's log up to index. firstOfRound is set for the first answer in a
// round of AppendEntries (see newRound).
func (n *Node) handleAccept(pr *Progress, index uint64, firstOfRound bool) {
	if index > n.log.lastIndex() {
		return // not an index of this log: a confused or stale peer
	}
	// A probe answered at the match index also proves where the logs
	// match (etcd does the same): without this, a follower with an empty
	// log would stay in probe, one message at a time.
	updated := pr.maybeUpdate(index) || (pr.State == StateProbe && index == pr.Match)
	if updated {
		switch {
		case pr.State == StateProbe:
			pr.becomeReplicate()
		case pr.State == StateSnapshot && pr.Match >= pr.PendingSnapshot:
			pr.becomeProbe()
			pr.becomeReplicate()
		}
		if n.maybeCommit() {
			n.broadcastAppend()
		} else if pr.canBumpCommit(n.log.committed) {
			// The entry committed before this follower acknowledged it,
			// and what told it of the commit (a heartbeat anchored at
			// its old match) could not take it that far. Send the
			// commit index now, as etcd does, rather than with the next
			// entry or heartbeat: a follower applies no sooner than it
			// learns of the commit.
			n.sendAppend(pr.ID, true)
		}
		if n.role != Leader {
			return // the commit removed this leader from the cluster
		}
		if pr.ID == n.leadTransferee && pr.Match == n.log.lastIndex() {
			n.sendTimeoutNow(pr.ID)
		}
	} else if pr.State == StateReplicate && len(pr.Inflight) >= n.cfg.MaxInflight {
		// No progress with a full window: an append may have been lost.
		// Free a slot so the stream moves on; a gap makes the follower
		// reject, which sends us back to probing.
		pr.Inflight = pr.Inflight[1:]
	}
	sent := false
	for n.sendAppend(pr.ID, false) {
		sent = true
	}
	if firstOfRound && pr.AckedSeq > pr.SentSeq && !updated && !sent && pr.State == StateReplicate && pr.Match < n.log.lastIndex() {
		// No progress while entries are outstanding (typically the answer
		// to a heartbeat): they may have been lost, and an idle leader
		// would otherwise never resend them. An empty append anchored at
		// the last entry sent follows them down the link: the follower
		// accepts it if they arrived, and rejects it, sending us back to
		// probing from its match, if they did not (as etcd does). Only
		// once per round (per heartbeat, as etcd): the answer to this
		// append would otherwise send another, and under steady load,
		// with entries always outstanding, these chains never end and
		// multiply with every commit. And only once the follower has
		// answered a round that began after the entries were sent:
		// before that they are more likely still on the wire than lost,
		// and the probe would only be rejected and resend them.
		n.send(Message{Type: MsgAppendEntries, To: pr.ID, Index: pr.Next - 1, LogTerm: n.termOrZero(pr.Next - 1), Commit: n.log.committed, Seq: n.seq})
		pr.SentCommit = n.log.committed
	}
}

// handleReject moves nextIndex back after a failed consistency check.
func (n *Node) handleReject(pr *Progress, m *Message) {
	switch pr.State {
	case StateReplicate:
		if m.Index <= pr.Match {
			return // stale: the follower has since matched further
		}
	case StateProbe:
		if m.Index != pr.Next-1 {
			return // an answer to an older probe
		}
	default:
		return
	}
	next := m.Index // Figure 2: decrement nextIndex and retry
	if n.cfg.FastBacktrack {
		next = m.ConflictIndex
		if m.ConflictTerm != 0 {
			if i := n.log.lastIndexOfTerm(m.Index, m.ConflictTerm); i > 0 {
				next = i + 1
			}
		}
	}
	pr.becomeProbe()
	pr.Next = max(pr.Match+1, min(next, m.Index))
	n.sendAppend(pr.ID, true)
}

// maybeCommit advances the commit index to the highest index stored on a
// quorum of voters, provided that entry is from the leader's term (§5.4.2).
// The leader counts its own log only as far as it is durable.
func (n *Node) maybeCommit() bool {
	if len(n.members.Voters) == 0 {
		return false
	}
	matches := n.scratch[:0]
	for _, id := range n.members.Voters {
		if id == n.cfg.ID {
			matches = append(matches, n.log.stable)
		} else if pr := n.progress.get(id); pr != nil {
			matches = append(matches, pr.Match)
		} else {
			matches = append(matches, 0)
		}
	}
	n.scratch = matches
	idx := quorumValue(matches, n.members.quorum())
	if idx <= n.log.committed {
		return false
	}
	if t, _ := n.log.term(idx); t != n.term && !n.cfg.Rules.CommitOldTermsByCounting {
		return false
	}
	n.commitTo(idx)
	n.afterCommit()
	return true
}

// afterCommit handles what a leader must do once its commit index moved: a
// leader removed from the cluster steps down when its removal commits.
func (n *Node) afterCommit() {
	if n.role == Leader && !n.members.IsVoter(n.cfg.ID) && n.log.committed >= n.confIndex {
		n.becomeFollower(n.term, None)
	}
}
