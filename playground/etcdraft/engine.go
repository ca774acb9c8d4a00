package etcdraft

import (
	"errors"
	"fmt"
	"slices"

	"github.com/raftlab/raftlab/internal/splitmix"
	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
	etcd "go.etcd.io/raft/v3"
	pb "go.etcd.io/raft/v3/raftpb"
	"go.etcd.io/raft/v3/tracker"
)

func init() { playground.RegisterEngine(view.EngineEtcd, New) }

// maxSizePerMsg bounds an AppendEntries. etcd bounds a message by bytes,
// not entries: 4 KB holds RaftLab's 64 entries of a small write. (The
// window of messages in flight is the playground's, Config.MaxInflight.)
const maxSizePerMsg = 4 << 10

// ErrJoint refuses a snapshot while the configuration is joint: the disk's
// snapshot records a plain membership (raft.SnapshotMeta), so the engine
// compacts only between configuration changes.
var ErrJoint = errors.New("etcdraft: no snapshot while the configuration is joint")

// ErrNoChange refuses a joint change to the voters there are.
var ErrNoChange = errors.New("etcdraft: the voters are already those")

// ErrConfPending refuses a configuration change while another is not yet
// applied (etcd would silently turn it into an empty entry).
var ErrConfPending = errors.New("etcdraft: a configuration change is still pending")

// node is one server's etcd raft as a playground engine.
type node struct {
	rn  *etcd.RawNode
	st  *storage
	rng splitmix.Source
	// conf is the configuration as of the entries applied, confIndex the
	// entry that set it (0: the initial cluster or a snapshot's).
	conf      pb.ConfState
	confIndex uint64
	// applied is the last entry applied; applying the last one handed out
	// in the pending Ready.
	applied, applying uint64
	// pending is the Ready handed out and not yet advanced.
	pending etcd.Ready
	// records are WAL records due in the next Ready that etcd does not
	// make itself: a snapshot's marker after Compact.
	records []raft.Record
	// confs are the configurations the pending Ready's configuration
	// entries put in force, by index (see ConfigOf).
	confs map[uint64]raft.Membership
}

// New starts a server's etcd raft from its durable state.
func New(cfg playground.EngineConfig, st raft.DurableState) (playground.Engine, error) {
	if layoutErr != nil {
		return nil, layoutErr
	}
	ms := etcd.NewMemoryStorage()
	n := &node{st: &storage{MemoryStorage: ms, initial: pb.ConfState{Voters: fromIDs(cfg.Cluster)}}, rng: splitmix.Source{State: cfg.Seed}}
	if s := st.Snapshot; s != nil {
		if err := ms.ApplySnapshot(fromSnapshot(s)); err != nil {
			return nil, err
		}
		n.applied = s.Meta.Index
	}
	ents := make([]pb.Entry, len(st.Entries))
	for i, e := range st.Entries {
		ents[i] = fromEntry(e)
	}
	if err := ms.Append(ents); err != nil {
		return nil, err
	}
	if err := ms.SetHardState(fromHardState(st.HardState)); err != nil {
		return nil, err
	}
	_, n.conf, _ = n.st.InitialState()
	c := &etcd.Config{
		ID: uint64(cfg.ID), ElectionTick: cfg.ElectionTick, HeartbeatTick: cfg.HeartbeatTick,
		Storage: n.st, Applied: n.applied,
		MaxSizePerMsg: maxSizePerMsg, MaxInflightMsgs: cfg.MaxInflight,
		CheckQuorum: cfg.CheckQuorum, PreVote: cfg.PreVote,
		DisableProposalForwarding: true, Logger: quiet,
	}
	if cfg.LeaseReads {
		c.ReadOnlyOption = etcd.ReadOnlyLeaseBased
	}
	var err error
	n.do(func() { n.rn, err = etcd.NewRawNode(c) })
	if err != nil {
		return nil, err
	}
	n.applying = n.applied
	return n, nil
}

// do runs f, a call into etcd, with this server's randomness (rand.go).
func (n *node) do(f func()) { locked(&n.rng, f) }

func (n *node) peek() peek { return peek{n.rn} }

// roles maps etcd's states onto RaftLab's roles.
var roles = map[etcd.StateType]raft.Role{
	etcd.StateFollower: raft.Follower, etcd.StatePreCandidate: raft.PreCandidate,
	etcd.StateCandidate: raft.Candidate, etcd.StateLeader: raft.Leader,
}

func (n *node) Role() raft.Role         { return roles[n.peek().state()] }
func (n *node) Term() uint64            { return n.peek().term() }
func (n *node) Leader() raft.ID         { return raft.ID(n.peek().lead()) }
func (n *node) CommitIndex() uint64     { return n.peek().committed() }
func (n *node) AppliedIndex() uint64    { return n.applied }
func (n *node) LeadTransferee() raft.ID { return raft.ID(n.peek().leadTransferee()) }

func (n *node) HardState() raft.HardState { return toHardState(n.rn.BasicStatus().HardState) }

// Membership is the configuration in force, which for etcd is the one
// applied: etcd switches configuration when a change is applied, where
// RaftLab's Raft (and the Raft paper) switch when it is appended.
func (n *node) Membership() raft.Membership { return toMembership(n.conf) }

func (n *node) ConfigIndex() uint64 { return n.confIndex }

// Joint tells the joint configuration in force, if any.
func (n *node) Joint() (incoming, outgoing []raft.ID) {
	if len(n.conf.VotersOutgoing) == 0 {
		return nil, nil
	}
	return sortedIDs(n.conf.Voters), sortedIDs(n.conf.VotersOutgoing)
}

// ProposeJoint proposes, as one ConfChangeV2, the changes that make the
// voters exactly voters, through a joint configuration even for a single
// change (ConfChangeTransitionJointImplicit): the leader proposes leaving
// it once it is applied.
func (n *node) ProposeJoint(voters []raft.ID) (uint64, error) {
	if len(n.conf.VotersOutgoing) > 0 {
		return 0, ErrConfPending
	}
	cc := pb.ConfChangeV2{Transition: pb.ConfChangeTransitionJointImplicit}
	for _, id := range voters {
		if !slices.Contains(n.conf.Voters, uint64(id)) {
			cc.Changes = append(cc.Changes, pb.ConfChangeSingle{Type: pb.ConfChangeAddNode, NodeID: uint64(id)})
		}
	}
	for _, id := range n.conf.Voters {
		if !slices.Contains(voters, raft.ID(id)) {
			cc.Changes = append(cc.Changes, pb.ConfChangeSingle{Type: pb.ConfChangeRemoveNode, NodeID: id})
		}
	}
	if len(cc.Changes) == 0 {
		return 0, ErrNoChange
	}
	return n.proposeConf(cc)
}

// PendingReads: etcd does not show its pending reads.
func (n *node) PendingReads() []raft.PendingRead { return nil }

func (n *node) FirstIndex() uint64 {
	if _, _, snap := n.peek().unstable(); snap != nil {
		return snap.Metadata.Index + 1
	}
	i, _ := n.st.FirstIndex()
	return i
}

func (n *node) LastIndex() uint64 {
	ents, off, snap := n.peek().unstable()
	switch {
	case len(ents) > 0:
		return off + uint64(len(ents)) - 1
	case snap != nil:
		return snap.Metadata.Index
	}
	i, _ := n.st.LastIndex()
	return i
}

// entry is the entry at i in the log as it stands: the unstable tail,
// then storage.
func (n *node) entry(i uint64) (pb.Entry, bool) {
	ents, off, _ := n.peek().unstable()
	if i >= off && i < off+uint64(len(ents)) {
		return ents[i-off], true
	}
	if len(ents) > 0 && i >= off {
		return pb.Entry{}, false
	}
	first, _ := n.st.FirstIndex()
	last, _ := n.st.LastIndex()
	if i < first || i > last {
		return pb.Entry{}, false
	}
	es, err := n.st.Entries(i, i+1, 1<<62)
	if err != nil || len(es) == 0 {
		return pb.Entry{}, false
	}
	return es[0], true
}

func (n *node) TermAt(i uint64) (uint64, bool) {
	if e, ok := n.entry(i); ok {
		return e.Term, true
	}
	if _, _, snap := n.peek().unstable(); snap != nil && snap.Metadata.Index == i {
		return snap.Metadata.Term, true
	}
	if t, err := n.st.Term(i); err == nil && i > 0 {
		return t, true
	}
	return 0, false
}

func (n *node) EntryAt(i uint64) (raft.Entry, bool) {
	e, ok := n.entry(i)
	if !ok {
		return raft.Entry{}, false
	}
	return toEntry(e), true
}

// The election timer, as etcd runs it: a follower or candidate campaigns
// once electionElapsed reaches its randomized timeout; a leader sends
// heartbeats every heartbeatTimeout ticks and checks its quorum every
// electionTimeout ticks.
func (n *node) ElectionElapsed() int { return n.peek().electionElapsed() }

func (n *node) ElectionTimeout() int {
	if n.Role() == raft.Leader {
		return n.peek().electionTimeout()
	}
	return n.peek().randomizedTimeout()
}

func (n *node) TicksUntilTimeout() int {
	p := n.peek()
	if p.state() == etcd.StateLeader {
		return max(1, min(p.heartbeatTimeout()-p.heartbeatElapsed(), p.electionTimeout()-p.electionElapsed()))
	}
	return max(1, p.randomizedTimeout()-p.electionElapsed())
}

func (n *node) TickN(k int) {
	n.do(func() {
		for range k {
			n.rn.Tick()
		}
	})
}

func (n *node) Step(m raft.Message) error {
	w, ok := m.Native.(wire)
	if !ok {
		return fmt.Errorf("etcdraft: a message from another engine: %v", m.Type)
	}
	var err error
	n.do(func() { err = n.rn.Step(w.Message) })
	return err
}

func (n *node) Campaign() error {
	var err error
	n.do(func() { err = n.rn.Campaign() })
	return err
}

func (n *node) Propose(data []byte) (index, term uint64, err error) {
	if n.Role() != raft.Leader {
		return 0, 0, raft.ErrNotLeader
	}
	n.do(func() { err = n.rn.Propose(data) })
	if err != nil {
		return 0, 0, err
	}
	return n.LastIndex(), n.Term(), nil
}

// confChangeTypes maps RaftLab's single-server changes onto etcd's.
var confChangeTypes = map[raft.ConfChangeType]pb.ConfChangeType{
	raft.AddLearner: pb.ConfChangeAddLearnerNode, raft.AddVoter: pb.ConfChangeAddNode, raft.RemoveNode: pb.ConfChangeRemoveNode,
}

// ProposeConfChange proposes a single-server change as a ConfChangeV2,
// which etcd applies without a joint configuration.
func (n *node) ProposeConfChange(cc raft.ConfChange) (uint64, error) {
	return n.proposeConf(pb.ConfChangeV2{Changes: []pb.ConfChangeSingle{{Type: confChangeTypes[cc.Type], NodeID: uint64(cc.Node)}}})
}

func (n *node) proposeConf(cc pb.ConfChangeV2) (uint64, error) {
	if n.Role() != raft.Leader {
		return 0, raft.ErrNotLeader
	}
	if n.peek().pendingConfIndex() > n.applied {
		return 0, ErrConfPending
	}
	var err error
	n.do(func() { err = n.rn.ProposeConfChange(cc) })
	if err != nil {
		return 0, err
	}
	return n.LastIndex(), nil
}

func (n *node) ReadIndex(id uint64, _ raft.ReadMode) error {
	if n.Role() != raft.Leader {
		return raft.ErrNotLeader
	}
	n.do(func() { n.rn.ReadIndex(readContext(id)) })
	return nil
}

func (n *node) TransferLeadership(to raft.ID) error {
	if n.Role() != raft.Leader {
		return raft.ErrNotLeader
	}
	n.do(func() { n.rn.TransferLeader(uint64(to)) })
	return nil
}

// Compact snapshots the state machine at index (applied) and discards the
// log up to it, as an etcd server does every --snapshot-count entries.
func (n *node) Compact(index uint64, data []byte) (*raft.Snapshot, error) {
	if len(n.conf.VotersOutgoing) > 0 {
		return nil, ErrJoint
	}
	first, _ := n.st.FirstIndex()
	if index < first || index > n.applied {
		return nil, fmt.Errorf("%w to %d: need %d <= index <= applied %d", raft.ErrCompact, index, first, n.applied)
	}
	cs := n.conf
	s, err := n.st.CreateSnapshot(index, &cs, data)
	if err != nil {
		return nil, err
	}
	if err := n.st.Compact(index); err != nil {
		return nil, err
	}
	snap := toSnapshot(s)
	n.records = append(n.records, raft.Record{Type: raft.RecordSnapshot, Snapshot: snap.Meta})
	return snap, nil
}

func (n *node) HasReady() bool { return len(n.records) > 0 || n.rn.HasReady() }

// Ready hands out etcd's Ready in RaftLab's form: the records to write (a
// truncation where new entries replace old ones, the entries, then the
// hard state, as etcd's WAL saves them), its messages (a leader's may go
// before the disk syncs, as an etcd server sends them), the entries to
// apply and the reads answered. It keeps etcd's storage in step, and
// applies configuration changes as it hands them out.
func (n *node) Ready() raft.Ready {
	var rd etcd.Ready
	n.do(func() { rd = n.rn.Ready() })
	n.pending = rd
	out := raft.Ready{Records: n.records, MustSync: rd.MustSync}
	n.records = nil
	if !etcd.IsEmptySnap(rd.Snapshot) {
		_ = n.st.ApplySnapshot(rd.Snapshot)
		out.Snapshot = toSnapshot(rd.Snapshot)
		out.Records = append(out.Records, raft.Record{Type: raft.RecordSnapshot, Snapshot: out.Snapshot.Meta})
		out.MustSync = true
		n.conf, n.confIndex = rd.Snapshot.Metadata.ConfState, 0
		n.applying = rd.Snapshot.Metadata.Index
	}
	if len(rd.Entries) > 0 {
		if last, _ := n.st.LastIndex(); rd.Entries[0].Index <= last {
			out.Records = append(out.Records, raft.Record{Type: raft.RecordTruncate, Index: rd.Entries[0].Index})
		}
		for _, e := range rd.Entries {
			out.Records = append(out.Records, raft.Record{Type: raft.RecordEntry, Entry: toEntry(e)})
		}
		_ = n.st.Append(rd.Entries)
	}
	out.HardState = toHardState(rd.HardState)
	if !etcd.IsEmptyHardState(rd.HardState) {
		_ = n.st.SetHardState(rd.HardState)
		out.Records = append(out.Records, raft.Record{Type: raft.RecordHardState, HardState: out.HardState})
	} else {
		out.HardState = n.HardState()
	}
	msgs := make([]raft.Message, len(rd.Messages))
	for i, m := range rd.Messages {
		msgs[i] = toMessage(m)
		if m.Type == pb.MsgSnap {
			// An etcd server reports a snapshot sent once its transport
			// has streamed it; the network here takes it whole at once.
			n.do(func() { n.rn.ReportSnapshot(m.To, etcd.SnapshotFinish) })
		}
	}
	if n.Role() == raft.Leader {
		out.Messages = msgs
	} else {
		out.MessagesAfterSync = msgs
	}
	clear(n.confs)
	for _, e := range rd.CommittedEntries {
		out.CommittedEntries = append(out.CommittedEntries, toEntry(e))
		n.applying = e.Index
		if cc, ok := confChange(e); ok {
			var cs *pb.ConfState
			n.do(func() { cs = n.rn.ApplyConfChange(cc) })
			n.conf, n.confIndex = *cs, e.Index
			if n.confs == nil {
				n.confs = map[uint64]raft.Membership{}
			}
			n.confs[e.Index] = toMembership(*cs)
		}
	}
	for _, rs := range rd.ReadStates {
		out.Reads = append(out.Reads, raft.ReadState{ID: readID(rs.RequestCtx), Index: rs.Index})
	}
	return out
}

// ConfigOf is the membership a configuration entry of the pending Ready
// put in force.
func (n *node) ConfigOf(e raft.Entry) (raft.Membership, bool) {
	m, ok := n.confs[e.Index]
	return m, ok
}

func (n *node) Advance(*raft.Ready) {
	rd := n.pending
	n.pending = etcd.Ready{}
	n.do(func() { n.rn.Advance(rd) })
	n.applied = n.applying
}

func (n *node) Release(*raft.Ready) {}

// Votes lists the answers to the current (pre-)election.
func (n *node) Votes() []raft.Vote {
	if s := n.peek().state(); s != etcd.StateCandidate && s != etcd.StatePreCandidate {
		return nil
	}
	var out []raft.Vote
	voters := slices.Concat(n.conf.Voters, n.conf.VotersOutgoing)
	slices.Sort(voters)
	for _, id := range slices.Compact(voters) {
		if g, ok := n.peek().votes()[id]; ok {
			out = append(out, raft.Vote{From: raft.ID(id), Granted: g})
		}
	}
	return out
}

// PeerProgress is the leader's view of a follower, in etcd's own progress
// states (RaftLab's are etcd's).
func (n *node) PeerProgress(id raft.ID) (raft.Progress, bool) {
	if n.Role() != raft.Leader || id == raft.ID(n.rn.BasicStatus().ID) {
		return raft.Progress{}, false
	}
	var out raft.Progress
	found := false
	n.rn.WithProgress(func(pid uint64, typ etcd.ProgressType, pr tracker.Progress) {
		if raft.ID(pid) != id {
			return
		}
		found = true
		out = raft.Progress{ID: id, Match: pr.Match, Next: pr.Next, ProbeSent: pr.MsgAppFlowPaused,
			PendingSnapshot: pr.PendingSnapshot, RecentActive: pr.RecentActive, Learner: pr.IsLearner}
		out.Inflight = inflights(pr.Inflights)
		switch pr.State {
		case tracker.StateReplicate:
			out.State = raft.StateReplicate
		case tracker.StateSnapshot:
			out.State = raft.StateSnapshot
		}
	})
	return out, found
}

func (n *node) Clone() playground.Engine {
	c := deepCopy(n)
	rebindTick(c.peek())
	return c
}
