package raft

import (
	"errors"
	"fmt"
	"maps"
	"slices"

	"github.com/raftlab/raftlab/internal/splitmix"
)

// Role is a node's part in the protocol.
type Role uint8

const (
	Follower Role = iota
	// PreCandidate is running a pre-election (PreVote) without having
	// incremented its term.
	PreCandidate
	Candidate
	Leader
)

func (r Role) String() string {
	switch r {
	case Follower:
		return "follower"
	case PreCandidate:
		return "precandidate"
	case Candidate:
		return "candidate"
	case Leader:
		return "leader"
	}
	return fmt.Sprintf("Role(%d)", uint8(r))
}

// Errors returned by the proposal and admin calls.
var (
	ErrNotLeader         = errors.New("raft: not the leader")
	ErrTransferring      = errors.New("raft: leadership transfer in progress")
	ErrConfChangePending = errors.New("raft: a configuration change is still uncommitted")
	ErrNoCommitInTerm    = errors.New("raft: the leader has not yet committed an entry of its term")
	ErrNotMember         = errors.New("raft: node is not a member")
	ErrBadMessage        = errors.New("raft: malformed message")
	ErrTermExhausted     = errors.New("raft: the term is at its largest value; no election can follow")
)

// Node is one Raft server's protocol state. It is not safe for concurrent
// use; the host serialises every call.
type Node struct {
	cfg Config

	role   Role
	term   uint64
	vote   ID
	leader ID
	log    raftLog

	// members is the latest configuration in the log (or the snapshot's,
	// or the bootstrap peers). confIndex is the index of the entry that
	// set it (0 when it came from the snapshot or Peers). others is
	// members without this node, sorted.
	members   Membership
	confIndex uint64
	others    []ID
	// scratch is reused by maybeCommit and quorumAckedSeq.
	scratch []uint64

	// votes records the answers to this node's current (pre-)election.
	votes map[ID]bool
	// progress is the leader's view of each other member.
	progress progressSet

	// now counts every tick since the node started; the lease clock.
	now              uint64
	electionElapsed  int
	electionTimeout  int
	heartbeatElapsed int
	rng              splitmix.Source

	leadTransferee ID
	// transferElapsed times a transfer, which is abandoned after an
	// election timeout (kept apart from the CheckQuorum clock).
	transferElapsed int
	// timeoutNowSent is set once this leader has told a node to campaign:
	// voters grant that campaign despite their lease, so this leader holds
	// no lease for the rest of its term, even if it gives up the transfer.
	timeoutNowSent bool
	// snapshotsOut is set when a follower may be waiting for a snapshot,
	// so that a leader's tick looks for lost ones only then.
	snapshotsOut bool
	// bootLease is set on a node restarted with LeaseReads: until an
	// election timeout has passed it refuses votes, as it would have had it
	// not forgotten, in the crash, the leader it had just heard from.
	bootLease bool

	// seq numbers the leader's rounds of AppendEntries; seqTicks remembers
	// when recent rounds were sent, for leases.
	seq      uint64
	seqTicks []seqTick

	reads      []pendingRead
	readStates []ReadState
	readSteps  []ReadStep

	// snapshot is the latest snapshot, with data, that this node can send;
	// received is one installed from a leader, to hand to the host.
	snapshot *Snapshot
	received *Snapshot

	// msgs may leave before the records gathered with them are durable;
	// msgsAfterSync must wait for them (see Ready).
	msgs          outbox[Message]
	msgsAfterSync outbox[Message]
	records       outbox[Record]
	// durableTerm is the highest term the host has made durable (see
	// Advance): a leader's messages leave before its disk syncs only once
	// its term is durable, so that a crash cannot make it forget the term
	// it led and win it again with a different log.
	durableTerm uint64
	// saved is the hard state last written to records.
	saved HardState
}

type seqTick struct{ seq, tick uint64 }

// New creates a node that resumes from st, the state recovered from its disk
// (empty for a new node). A new node with Config.Peers bootstraps a cluster of
// those voters; without them it waits to be told of its membership.
func New(cfg Config, st DurableState) (*Node, error) {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	if st.HardState.Term > MaxTerm {
		return nil, fmt.Errorf("raft: durable term %d is beyond the largest term, %d", st.HardState.Term, uint64(MaxTerm))
	}
	n := &Node{
		cfg:   cfg,
		votes: map[ID]bool{},
		rng:   splitmix.Source{State: cfg.Seed ^ uint64(cfg.ID)*0xd1342543de82ef95},
		term:  st.HardState.Term,
		vote:  st.HardState.Vote,
	}
	cfg.Peers = slices.Clone(cfg.Peers)
	slices.Sort(cfg.Peers)
	cfg.Peers = slices.DeleteFunc(slices.Compact(cfg.Peers), func(id ID) bool { return id == None })
	n.cfg = cfg
	n.members = n.baseMembers()
	if st.Snapshot != nil {
		n.log.snap = st.Snapshot.Meta
		n.snapshot = st.Snapshot
		n.members = n.baseMembers()
	}
	for i, e := range st.Entries {
		if e.Index != n.log.snap.Index+1+uint64(i) {
			return nil, fmt.Errorf("raft: durable entries are not contiguous at %d", e.Index)
		}
		if e.Kind == EntryConfig {
			m, err := UnmarshalMembership(e.Data)
			if err != nil {
				return nil, fmt.Errorf("raft: config entry %d: %w", e.Index, err)
			}
			n.members, n.confIndex = m, e.Index
		}
		n.log.append(&e)
	}
	n.log.committed = min(max(st.HardState.Commit, n.log.snap.Index), n.log.lastIndex())
	n.log.applied = n.log.snap.Index
	n.log.applying = n.log.snap.Index
	n.log.stable = n.log.lastIndex()
	n.saved = n.hardState()
	n.durableTerm = n.term
	n.noteMembers()
	n.becomeFollower(n.term, None)
	n.bootLease = cfg.LeaseReads && st.HardState.Term > 0
	return n, nil
}

// Clone returns a deep copy of n: the same state, the same pending output and
// the same random future. The copy shares only immutable data (entry
// payloads and snapshots).
func (n *Node) Clone() *Node {
	c := *n
	c.cfg.Peers = slices.Clone(n.cfg.Peers)
	// Entries are never written in place (see raftLog), so the clone can
	// share them.
	c.log = n.log.clone()
	c.members = n.members.Clone()
	c.scratch = nil
	c.votes = maps.Clone(n.votes)
	c.progress = n.progress.clone()
	c.seqTicks = slices.Clone(n.seqTicks)
	c.reads = slices.Clone(n.reads)
	c.readStates = slices.Clone(n.readStates)
	c.readSteps = slices.Clone(n.readSteps)
	c.msgs = n.msgs.clone()
	c.msgsAfterSync = n.msgsAfterSync.clone()
	c.records = n.records.clone()
	return &c
}

func (n *Node) hardState() HardState {
	return HardState{Term: n.term, Vote: n.vote, Commit: n.log.committed}
}

// promotable reports whether this node may campaign: only voters may.
func (n *Node) promotable() bool { return n.members.IsVoter(n.cfg.ID) }

// send queues m. What a leader sends as leader of its current term may go
// before its disk syncs; everything else waits for it (see Ready).
func (n *Node) send(m Message) {
	m.From = n.cfg.ID
	if m.Term == 0 {
		m.Term = n.term
	}
	if n.role == Leader && m.Term == n.term && n.durableTerm == n.term && leaderMessage(m.Type) {
		n.msgs.push(m)
		return
	}
	n.msgsAfterSync.push(m)
}

// leaderMessage reports whether t is a message only a leader sends.
func leaderMessage(t MessageType) bool {
	return t == MsgAppendEntries || t == MsgInstallSnapshot || t == MsgTimeoutNow
}

func (n *Node) resetTimers() {
	n.electionElapsed = 0
	n.heartbeatElapsed = 0
	if n.cfg.Rules.FixedElectionTimeout {
		n.electionTimeout = n.cfg.ElectionTick
	} else {
		n.electionTimeout = int(n.rng.Between(int64(n.cfg.ElectionTick), int64(n.cfg.ElectionTickMax)))
	}
}

func (n *Node) reset(term uint64) {
	if n.term != term {
		n.term = term
		n.vote = None
	}
	n.leader = None
	clear(n.votes)
	n.progress.reset()
	n.leadTransferee = None
	n.timeoutNowSent = false
	n.bootLease = false
	n.seqTicks = n.seqTicks[:0]
	n.dropReads()
	n.resetTimers()
}

func (n *Node) becomeFollower(term uint64, leader ID) {
	n.reset(term)
	n.role = Follower
	n.leader = leader
}

func (n *Node) becomePreCandidate() {
	// A pre-election does not touch the term or the vote: it only asks.
	n.leader = None
	clear(n.votes)
	n.progress.reset()
	n.resetTimers()
	n.role = PreCandidate
}

func (n *Node) becomeCandidate() {
	n.reset(n.term + 1)
	n.vote = n.cfg.ID
	n.role = Candidate
}

func (n *Node) becomeLeader() {
	n.reset(n.term)
	n.role = Leader
	n.leader = n.cfg.ID
	for _, id := range n.members.Members() {
		n.addProgress(id)
	}
	if !n.cfg.Rules.SkipLeaderNoop {
		n.appendEntry(Entry{Kind: EntryNoop})
	}
	n.broadcastAppend()
}

func (n *Node) addProgress(id ID) {
	if id == n.cfg.ID {
		return
	}
	if n.progress.get(id) != nil {
		return
	}
	n.progress.add(&Progress{
		ID:           id,
		Next:         n.log.lastIndex() + 1,
		State:        StateProbe,
		RecentActive: true,
		Learner:      n.members.IsLearner(id),
	})
}

// Tick advances the node's logical clock by one tick.
func (n *Node) Tick() {
	n.now++
	if n.role == Leader {
		n.tickLeader()
		return
	}
	n.electionElapsed++
	if n.electionElapsed >= n.electionTimeout {
		n.electionElapsed = 0
		if n.promotable() {
			n.hup(false)
		}
	}
}

// TickN advances the clock by k ticks, exactly as k calls of Tick would.
// The ticks on which nothing falls due are counted in one go, so a host
// that lets a node sleep until its next timer catches it up cheaply.
func (n *Node) TickN(k int) {
	for k > 0 {
		quiet := n.quietTicks()
		if quiet == 0 {
			n.Tick()
			k--
			continue
		}
		quiet = min(quiet, k)
		n.now += uint64(quiet)
		n.electionElapsed += quiet
		if n.role == Leader {
			n.heartbeatElapsed += quiet
		}
		k -= quiet
	}
}

// quietTicks is how many of the coming ticks do nothing but count: none
// reaches a timeout, and no transfer or snapshot is being timed.
func (n *Node) quietTicks() int {
	if n.role != Leader {
		return max(0, n.electionTimeout-n.electionElapsed-1)
	}
	if n.leadTransferee != None || n.snapshotsOut {
		return 0
	}
	return max(0, min(n.cfg.HeartbeatTick-n.heartbeatElapsed, n.cfg.ElectionTick-n.electionElapsed)-1)
}

func (n *Node) tickLeader() {
	n.heartbeatElapsed++
	n.electionElapsed++
	if n.electionElapsed >= n.cfg.ElectionTick {
		n.electionElapsed = 0
		if n.cfg.CheckQuorum && !n.quorumActive() {
			n.becomeFollower(n.term, None)
			return
		}
	}
	if n.leadTransferee != None {
		n.transferElapsed++
		if n.transferElapsed >= n.cfg.ElectionTick {
			n.leadTransferee = None // the target did not take over in time
		}
	}
	if n.heartbeatElapsed >= n.cfg.HeartbeatTick {
		n.heartbeatElapsed = 0
		n.broadcastHeartbeat()
	}
	if n.snapshotsOut {
		n.resendLostSnapshots()
	}
}

// resendLostSnapshots probes again the followers whose snapshot has gone
// unanswered for an election timeout, and notes whether any is still
// waiting for one.
func (n *Node) resendLostSnapshots() {
	n.snapshotsOut = false
	for _, id := range n.peers() {
		pr := n.progress.get(id)
		if pr.State == StateSnapshot && n.now-pr.SnapshotSentTick >= uint64(n.cfg.ElectionTick) {
			pr.becomeProbe() // the snapshot was lost: try again
			n.sendAppend(id, false)
		}
		n.snapshotsOut = n.snapshotsOut || pr.State == StateSnapshot
	}
}

// quorumActive reports whether a quorum of voters was heard from since the
// last check, and starts the next check.
func (n *Node) quorumActive() bool {
	active := 0
	for _, id := range n.members.Voters {
		if id == n.cfg.ID {
			active++
			continue
		}
		if pr := n.progress.get(id); pr != nil && pr.RecentActive {
			active++
		}
	}
	for _, pr := range n.progress.all() {
		pr.RecentActive = false
	}
	return active >= n.members.quorum()
}

// peers lists the members other than this node, in ascending order.
// A leader has a progress entry for exactly these (see becomeLeader and
// setMembers); other roles have none.
func (n *Node) peers() []ID {
	if n.role != Leader {
		return nil
	}
	return n.others
}

// noteMembers recomputes the members other than this node, which peers
// hands out on every message; it is replaced, never changed in place, so
// callers and clones may keep it.
func (n *Node) noteMembers() {
	others := make([]ID, 0, len(n.members.Voters)+len(n.members.Learners))
	for _, id := range n.members.Members() {
		if id != n.cfg.ID {
			others = append(others, id)
		}
	}
	n.others = others
}

// Campaign makes the node time out now: it starts a (pre-)election as if its
// election timer had fired. Learners and non-members do nothing.
func (n *Node) Campaign() error {
	if !n.promotable() {
		return ErrNotMember
	}
	if n.role == Leader {
		return nil
	}
	if n.term >= MaxTerm {
		return ErrTermExhausted
	}
	n.electionElapsed = 0
	n.hup(false)
	return nil
}

// inLease reports whether this node heard from a leader less than a minimum
// election timeout ago, in which case it refuses to help depose it.
func (n *Node) inLease() bool {
	return (n.leader != None || n.bootLease) && n.electionElapsed < n.cfg.ElectionTick
}

// Step feeds a message from a peer into the node.
func (n *Node) Step(m Message) error {
	return n.step(&m)
}

// step is Step with the message by reference: passed down by value, its
// 112 bytes would be copied at every level.
func (n *Node) step(m *Message) error {
	if err := n.validate(m); err != nil {
		return err
	}
	switch {
	case m.Term > n.term:
		if m.Type == MsgRequestVote || m.Type == MsgPreVote {
			lease := (m.Type == MsgPreVote && n.cfg.PreVote) || (m.Type == MsgRequestVote && n.cfg.CheckQuorum)
			// A leader is a live leader too: it refuses pre-votes, or its
			// grant alone could hand a rejoining node a pre-vote quorum
			// (with one other voter) and depose it. It still answers a
			// RequestVote, stepping down to the newer term.
			if lease && !m.Transfer && n.inLease() && (n.role != Leader || m.Type == MsgPreVote) {
				return nil // a leader is alive: ignore the request
			}
		}
		switch {
		case m.Type == MsgPreVote:
			// A pre-vote never changes the voter's term.
		case m.Type == MsgPreVoteResponse && !m.Reject:
			// A granted pre-vote carries the term to be; it is no news.
		case m.Type == MsgAppendEntries || m.Type == MsgInstallSnapshot:
			n.becomeFollower(m.Term, m.From)
		default:
			n.becomeFollower(m.Term, None)
		}
	case m.Term < n.term:
		// Tell a stale sender about the newer term, so that a deposed
		// leader or an outdated candidate learns it and steps down.
		switch m.Type {
		case MsgAppendEntries:
			n.send(Message{Type: MsgAppendEntriesResponse, To: m.From, Index: m.Index, Reject: true, Seq: m.Seq})
		case MsgInstallSnapshot:
			n.send(Message{Type: MsgInstallSnapshotResponse, To: m.From, Index: n.log.lastIndex(), Reject: true})
		case MsgRequestVote:
			n.send(Message{Type: MsgRequestVoteResponse, To: m.From, Reject: true})
		case MsgPreVote:
			n.send(Message{Type: MsgPreVoteResponse, To: m.From, Reject: true})
		}
		return nil
	}

	switch m.Type {
	case MsgRequestVote, MsgPreVote:
		n.handleVoteRequest(m)
		return nil
	}
	switch n.role {
	case Leader:
		n.stepLeader(m)
	case Candidate, PreCandidate:
		n.stepCandidate(m)
	default:
		n.stepFollower(m)
	}
	return nil
}

// MaxTerm bounds the term a message or a disk may carry, and a node at it
// campaigns no more. A node campaigns in its term plus one, so a term near
// 2^64 would wrap around to 0; from below this bound it would take 2^63
// elections. maxIndex likewise bounds the log indexes a message may make a
// node store, so that the log's index arithmetic (lastIndex+1 and the like)
// cannot wrap.
const (
	MaxTerm  = 1<<63 - 1
	maxIndex = 1<<63 - 1
)

// validate rejects messages that no correct peer could send, so that garbage
// cannot corrupt the node's state.
func (n *Node) validate(m *Message) error {
	bad := func(why string) error { return fmt.Errorf("%w: %s from %d: %s", ErrBadMessage, m.Type, m.From, why) }
	switch {
	case m.Type < MsgRequestVote || m.Type > MsgTimeoutNow:
		return bad("unknown type")
	case m.To != n.cfg.ID:
		return bad(fmt.Sprintf("addressed to %d", m.To))
	case m.From == None || m.From == n.cfg.ID:
		return bad("bad sender")
	case m.Term == 0:
		return bad("term 0")
	case m.Term > MaxTerm:
		return bad("term out of range")
	}
	if m.Type == MsgAppendEntries {
		if m.Index > maxIndex-uint64(len(m.Entries)) {
			return bad("index out of range")
		}
		prevTerm := m.LogTerm
		for i, e := range m.Entries {
			switch {
			case e.Index != m.Index+1+uint64(i):
				return bad(fmt.Sprintf("entry %d is not at index %d", e.Index, m.Index+1+uint64(i)))
			case e.Term < prevTerm || e.Term > m.Term:
				return bad(fmt.Sprintf("entry %d has term %d", e.Index, e.Term))
			case e.Kind > EntryConfig:
				return bad(fmt.Sprintf("entry %d has kind %d", e.Index, e.Kind))
			}
			if e.Kind == EntryConfig {
				if _, err := UnmarshalMembership(e.Data); err != nil {
					return bad(fmt.Sprintf("entry %d: %v", e.Index, err))
				}
			}
			prevTerm = e.Term
		}
		if m.LogTerm > m.Term {
			return bad("prevLogTerm beyond term")
		}
	}
	if m.Type == MsgInstallSnapshot {
		if m.Snapshot == nil || m.Snapshot.Meta.Index == 0 || m.Snapshot.Meta.Term > m.Term || m.Snapshot.Meta.Term == 0 {
			return bad("missing or invalid snapshot")
		}
		if m.Snapshot.Meta.Index > maxIndex {
			return bad("snapshot index out of range")
		}
		// The membership goes into the WAL's snapshot marker: one that
		// does not decode (unsorted, duplicate or None IDs) would make
		// recovery take the marker for a torn tail and lose what follows.
		if _, err := UnmarshalMembership(m.Snapshot.Meta.Membership.Marshal()); err != nil {
			return bad("snapshot membership: " + err.Error())
		}
	}
	return nil
}
