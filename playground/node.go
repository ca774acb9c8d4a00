package playground

import (
	"fmt"
	"slices"

	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
)

// Disk is a node's emulated disk: its write-ahead log, its latest snapshot
// (saved atomically, so always durable) and how long an fsync takes.
type Disk struct {
	WAL      *raft.WAL
	Snapshot *raft.Snapshot
	FsyncMs  int64
	// durable is the hard state of the last HardState record synced.
	durable raft.HardState
	// written is the hard state of the last HardState record written.
	written raft.HardState
	// releaseTo is the index of the last snapshot marker written: once it
	// is synced, the WAL segments it covers go (raft.WAL.ReleaseTo), as
	// etcd purges the WAL files older than its snapshot, so that a
	// long run's disks stay as small as its logs.
	releaseTo uint64
}

// Files lists the disk's files as etcd lays them out: the write-ahead log
// as one segment, member/wal/0000000000000000-0000000000000000.wal (etcd
// names segments SEQUENCE-INDEX in hex, sequence and first log index, and
// starts a new one every 64 MB, which a playground log never reaches), and
// the latest snapshot, if any, as member/snap/TERM-INDEX.snap.
func (d *Disk) Files() []view.DiskFile {
	recs, synced := d.WAL.Records()
	files := []view.DiskFile{{
		Path:    fmt.Sprintf("member/wal/%016x-%016x.wal", 0, 0),
		Records: recs, SyncedRecords: synced,
		Bytes: d.WAL.Size(), SyncedBytes: d.WAL.Synced(),
	}}
	if s := d.Snapshot; s != nil {
		files = append(files, view.DiskFile{
			Path:  fmt.Sprintf("member/snap/%016x-%016x.snap", s.Meta.Term, s.Meta.Index),
			Bytes: len(s.Data), SyncedBytes: len(s.Data),
			Snapshot: true, Index: s.Meta.Index, Term: s.Meta.Term,
		})
	}
	return files
}

func (d *Disk) clone() *Disk {
	c := *d
	c.WAL = d.WAL.Clone()
	return &c
}

// Node is one simulated server: a Raft node, its disk and its key-value
// state machine, and the bookkeeping of a host that drives them.
type Node struct {
	ID raft.ID
	// Up is false while the node is crashed; Removed once it has left the
	// cluster for good.
	Up      bool
	Removed bool
	// leaving is set once the node's removal has been asked for;
	// leaveIndex is the log index of the entry that removes it.
	leaving    bool
	leaveIndex uint64
	Raft       Engine // nil while down
	Disk       *Disk
	KV         *KV

	// lastTick is the virtual time up to which the node has been ticked.
	lastTick int64
	timerGen uint64
	// timerAt is when the pending timer event fires (if timerSet).
	timerAt  int64
	timerSet bool
	// busy is true while an fsync the node waits on is under way; the
	// rest of the Ready behind it is pending, and messages that arrive
	// wait in inbox, unless the node steps them at once (see
	// stepsWhileSyncing).
	busy     bool
	busyGen  uint64
	pending  raft.Ready
	inbox    []*Flight
	syncWait bool // a background fsync is scheduled

	// chain[i] hashes the log prefix up to index i, for the checkers.
	chain hashChain
	// diskMemo is the disk's log last read while the node is down;
	// diskViewMemo the disk's view last built.
	diskMemo     diskLogMemo
	diskViewMemo diskViewMemo
	// seen is the state last reported to the trace.
	seen nodeView

	writes  []pendingWrite
	reads   map[uint64]pendingRead
	readSeq uint64
}

// nodeView is the state the trace reports changes of.
type nodeView struct {
	role   raft.Role
	term   uint64
	leader raft.ID
	commit uint64
}

type pendingWrite struct {
	index, term uint64
	client      int
	seq         uint64
}

type pendingRead struct {
	client int
	seq    uint64
	key    string
}

// Syncing reports whether the node is waiting for an fsync to finish.
func (n *Node) Syncing() bool { return n.busy }

// stepsWhileSyncing reports whether n, busy with an fsync, steps f at once
// rather than after the fsync: a leader goes on counting its followers'
// answers while its own disk syncs (its log is written in parallel with
// replication), so that a write can commit on a majority of followers
// before the leader's fsync ends, as in etcd. Raft's Ready contract allows
// this (Step between Ready and Advance); what the leader sends in reply
// waits for the next Ready. Messages that could rewrite its log
// (AppendEntries and InstallSnapshot from another leader) wait: the
// checkers compare the logs nodes have written, which would then differ
// from the node's own log.
func (n *Node) stepsWhileSyncing(f *Flight) bool {
	return n.Raft.Role() == raft.Leader && f.Kind == view.FlightRaft &&
		f.Raft.Type != raft.MsgAppendEntries && f.Raft.Type != raft.MsgInstallSnapshot
}

func (n *Node) view() nodeView {
	return nodeView{role: n.Raft.Role(), term: n.Raft.Term(), leader: n.Raft.Leader(), commit: n.Raft.CommitIndex()}
}

func (n *Node) clone() *Node {
	c := *n
	if n.Raft != nil {
		c.Raft = n.Raft.Clone()
	}
	c.Disk = n.Disk.clone()
	if n.KV != nil {
		c.KV = n.KV.Clone()
	}
	// The pending batch's messages and records live in n's Raft node's
	// arenas, which it reuses once the batch is done (raft.Node.Release).
	c.pending.Messages = slices.Clone(n.pending.Messages)
	c.pending.MessagesAfterSync = slices.Clone(n.pending.MessagesAfterSync)
	c.pending.Records = slices.Clone(n.pending.Records)
	c.inbox = make([]*Flight, len(n.inbox))
	for i, f := range n.inbox { // a world reuses its flights once handled
		cp := *f
		c.inbox[i] = &cp
	}
	c.chain = n.chain.clone()
	c.writes = slices.Clone(n.writes)
	c.reads = make(map[uint64]pendingRead, len(n.reads))
	for k, v := range n.reads {
		c.reads[k] = v
	}
	return &c
}
