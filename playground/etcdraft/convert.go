package etcdraft

import (
	"encoding/binary"
	"slices"

	"github.com/raftlab/raftlab/raft"
	pb "go.etcd.io/raft/v3/raftpb"
)

// The disk, the trace and the views speak package raft's types: entries,
// hard state and snapshots cross into them and back without loss.

// toEntry translates an etcd entry. etcd's leader appends an empty normal
// entry when elected: it is RaftLab's no-op. A configuration change keeps
// etcd's encoding behind a byte naming its type (ConfChange or
// ConfChangeV2), so that the entry reads back exactly from the disk.
func toEntry(e pb.Entry) raft.Entry {
	out := raft.Entry{Index: e.Index, Term: e.Term, Data: e.Data}
	switch {
	case e.Type == pb.EntryConfChange || e.Type == pb.EntryConfChangeV2:
		out.Kind = raft.EntryConfig
		out.Data = append([]byte{byte(e.Type)}, e.Data...)
	case len(e.Data) == 0:
		out.Kind = raft.EntryNoop
		out.Data = nil
	}
	return out
}

// fromEntry is toEntry's inverse.
func fromEntry(e raft.Entry) pb.Entry {
	out := pb.Entry{Index: e.Index, Term: e.Term, Type: pb.EntryNormal, Data: e.Data}
	if e.Kind == raft.EntryConfig && len(e.Data) > 0 {
		out.Type = pb.EntryType(e.Data[0])
		out.Data = e.Data[1:]
		if len(out.Data) == 0 {
			out.Data = nil
		}
	}
	if e.Kind == raft.EntryNoop {
		out.Data = nil
	}
	return out
}

func toEntries(es []pb.Entry) []raft.Entry {
	if len(es) == 0 {
		return nil
	}
	out := make([]raft.Entry, len(es))
	for i, e := range es {
		out[i] = toEntry(e)
	}
	return out
}

// confChange decodes a configuration entry's change; false for any other
// entry.
func confChange(e pb.Entry) (pb.ConfChangeI, bool) {
	switch e.Type {
	case pb.EntryConfChange:
		var cc pb.ConfChange
		if cc.Unmarshal(e.Data) != nil {
			return nil, false
		}
		return cc, true
	case pb.EntryConfChangeV2:
		var cc pb.ConfChangeV2
		if cc.Unmarshal(e.Data) != nil {
			return nil, false
		}
		return cc, true
	}
	return nil, false
}

func toHardState(hs pb.HardState) raft.HardState {
	return raft.HardState{Term: hs.Term, Vote: raft.ID(hs.Vote), Commit: hs.Commit}
}

func fromHardState(hs raft.HardState) pb.HardState {
	return pb.HardState{Term: hs.Term, Vote: uint64(hs.Vote), Commit: hs.Commit}
}

// toMembership is the configuration a ConfState puts in force. While it is
// joint, its voters are those of both halves (each votes), and the
// learners include those that become learners when it is left.
func toMembership(cs pb.ConfState) raft.Membership {
	voters := slices.Concat(cs.Voters, cs.VotersOutgoing)
	slices.Sort(voters)
	learners := slices.Concat(cs.Learners, cs.LearnersNext)
	slices.Sort(learners)
	return raft.Membership{Voters: toIDs(slices.Compact(voters)), Learners: toIDs(learners)}
}

// sortedIDs translates a ConfState's list of servers, in order.
func sortedIDs(ids []uint64) []raft.ID {
	out := toIDs(ids)
	slices.Sort(out)
	return out
}

func fromMembership(m raft.Membership) pb.ConfState {
	return pb.ConfState{Voters: fromIDs(m.Voters), Learners: fromIDs(m.Learners)}
}

func toSnapshot(s pb.Snapshot) *raft.Snapshot {
	return &raft.Snapshot{Meta: toSnapshotMeta(s.Metadata), Data: s.Data}
}

func toSnapshotMeta(m pb.SnapshotMetadata) raft.SnapshotMeta {
	return raft.SnapshotMeta{Index: m.Index, Term: m.Term, Membership: toMembership(m.ConfState)}
}

func fromSnapshot(s *raft.Snapshot) pb.Snapshot {
	return pb.Snapshot{Data: s.Data, Metadata: pb.SnapshotMetadata{
		Index: s.Meta.Index, Term: s.Meta.Term, ConfState: fromMembership(s.Meta.Membership)}}
}

// messageTypes maps etcd's message types onto RaftLab's. A heartbeat is an
// AppendEntries with no entries in RaftLab's Raft, and its answer an
// AppendEntriesResponse; the message keeps its own type in Native.
var messageTypes = map[pb.MessageType]raft.MessageType{
	pb.MsgApp: raft.MsgAppendEntries, pb.MsgHeartbeat: raft.MsgAppendEntries,
	pb.MsgAppResp: raft.MsgAppendEntriesResponse, pb.MsgHeartbeatResp: raft.MsgAppendEntriesResponse,
	pb.MsgVote: raft.MsgRequestVote, pb.MsgVoteResp: raft.MsgRequestVoteResponse,
	pb.MsgPreVote: raft.MsgPreVote, pb.MsgPreVoteResp: raft.MsgPreVoteResponse,
	pb.MsgSnap: raft.MsgInstallSnapshot, pb.MsgTimeoutNow: raft.MsgTimeoutNow,
}

// toMessage translates a message etcd sends for the network, keeping it
// whole in Native.
func toMessage(m pb.Message) raft.Message {
	out := raft.Message{
		Type: messageTypes[m.Type], From: raft.ID(m.From), To: raft.ID(m.To), Term: m.Term,
		Index: m.Index, LogTerm: m.LogTerm, Commit: m.Commit, Reject: m.Reject,
		Entries: toEntries(m.Entries), Native: wire{m},
	}
	switch m.Type {
	case pb.MsgAppResp:
		if m.Reject {
			out.ConflictIndex, out.ConflictTerm = m.RejectHint, m.LogTerm
		}
	case pb.MsgVote, pb.MsgPreVote:
		out.Transfer = string(m.Context) == "CampaignTransfer"
	case pb.MsgHeartbeat, pb.MsgHeartbeatResp:
		out.Seq = readID(m.Context)
	case pb.MsgSnap:
		if m.Snapshot != nil {
			out.Snapshot = toSnapshot(*m.Snapshot)
		}
	}
	return out
}

// wire is an etcd message as it travels: the message itself, which the
// receiver steps, named as etcd names its type for the views.
type wire struct{ pb.Message }

// Name is etcd's name of the message's type: MsgApp, MsgHeartbeat, ...
func (w wire) Name() string { return w.Type.String() }

// readContext and readID encode a read's ID as the request context etcd
// carries through ReadIndex, heartbeats and ReadStates.
func readContext(id uint64) []byte { return binary.BigEndian.AppendUint64(nil, id) }

func readID(ctx []byte) uint64 {
	if len(ctx) != 8 {
		return 0
	}
	return binary.BigEndian.Uint64(ctx)
}

func toIDs(ids []uint64) []raft.ID {
	if len(ids) == 0 {
		return nil
	}
	out := make([]raft.ID, len(ids))
	for i, id := range ids {
		out[i] = raft.ID(id)
	}
	return out
}

func fromIDs(ids []raft.ID) []uint64 {
	if len(ids) == 0 {
		return nil
	}
	out := make([]uint64, len(ids))
	for i, id := range ids {
		out[i] = uint64(id)
	}
	return out
}
