package raft

// hup starts an election: a pre-election first when PreVote is on, unless the
// election was asked for by TimeoutNow (transfer).
func (n *Node) hup(transfer bool) {
	if n.term >= MaxTerm {
		// No higher term exists: campaigning would wrap the term to 0 and
		// undo every vote ever cast. The node waits for a leader instead.
		n.resetTimers()
		return
	}
	if n.cfg.PreVote && !transfer {
		n.becomePreCandidate()
		n.campaign(MsgPreVote, false)
		return
	}
	n.becomeCandidate()
	n.campaign(MsgRequestVote, transfer)
}

// campaign votes for itself and asks every other voter for a vote.
func (n *Node) campaign(t MessageType, transfer bool) {
	term := n.term
	if t == MsgPreVote {
		term++ // ask for the term the node would campaign in
	}
	if n.poll(n.cfg.ID, true) {
		return // a single voter wins at once
	}
	for _, id := range n.members.Voters {
		if id == n.cfg.ID {
			continue
		}
		n.send(Message{Type: t, To: id, Term: term, Index: n.log.lastIndex(), LogTerm: n.log.lastTerm(), Transfer: transfer})
	}
}

// poll records a vote and acts on the outcome once it is decided: a
// pre-candidate that wins goes on to a real election, a candidate that wins
// leads, and one that has lost goes back to following. It reports whether
// the election was decided.
func (n *Node) poll(from ID, granted bool) bool {
	if _, ok := n.votes[from]; !ok {
		n.votes[from] = granted
	}
	yes, no := 0, 0
	for _, id := range n.members.Voters {
		if v, ok := n.votes[id]; ok {
			if v {
				yes++
			} else {
				no++
			}
		}
	}
	q := n.members.quorum()
	switch {
	case yes >= q:
		if n.role == PreCandidate {
			n.becomeCandidate()
			n.campaign(MsgRequestVote, false)
		} else {
			n.becomeLeader()
		}
		return true
	case no >= q:
		n.becomeFollower(n.term, None)
		return true
	}
	return false
}

func (n *Node) handleVoteRequest(m *Message) {
	resp := MsgRequestVoteResponse
	if m.Type == MsgPreVote {
		resp = MsgPreVoteResponse
	}
	// One vote per term: a node may repeat the vote it cast, or cast one if
	// it has not voted and follows no leader in this term. A pre-vote is
	// about a future term, so it is free to grant.
	canVote := n.vote == m.From ||
		(n.vote == None && n.leader == None) ||
		(m.Type == MsgPreVote && m.Term > n.term)
	upToDate := n.cfg.Rules.SkipElectionRestriction || n.log.isUpToDate(m.Index, m.LogTerm)
	if !canVote || !upToDate {
		n.send(Message{Type: resp, To: m.From, Reject: true})
		return
	}
	n.send(Message{Type: resp, To: m.From, Term: m.Term})
	if m.Type == MsgRequestVote {
		n.vote = m.From
		n.electionElapsed = 0
	}
}

func (n *Node) stepCandidate(m *Message) {
	switch m.Type {
	case MsgPreVoteResponse:
		if n.role == PreCandidate {
			n.poll(m.From, !m.Reject)
		}
	case MsgRequestVoteResponse:
		if n.role == Candidate {
			n.poll(m.From, !m.Reject)
		}
	case MsgAppendEntries:
		// Someone won this term: follow it.
		n.becomeFollower(m.Term, m.From)
		n.handleAppend(m)
	case MsgInstallSnapshot:
		n.becomeFollower(m.Term, m.From)
		n.handleSnapshot(m)
	}
}

func (n *Node) stepFollower(m *Message) {
	switch m.Type {
	case MsgAppendEntries:
		n.electionElapsed = 0
		n.leader = m.From
		n.handleAppend(m)
	case MsgInstallSnapshot:
		n.electionElapsed = 0
		n.leader = m.From
		n.handleSnapshot(m)
	case MsgTimeoutNow:
		if n.promotable() {
			n.hup(true)
		}
	}
}
