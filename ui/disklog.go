package ui

import (
	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/raft"
)

// logRow is what the logs panel draws of one server's log: a live
// server's Raft log, or a crashed server's log as its disk holds it.
type logRow interface {
	FirstIndex() uint64
	LastIndex() uint64
	CommitIndex() uint64
	AppliedIndex() uint64
	TermAt(i uint64) (uint64, bool)
	EntryAt(i uint64) (raft.Entry, bool)
}

// diskLog is a crashed server's log as its disk holds it: what a restart
// would recover (the snapshot and the whole records of the write-ahead
// log), with the commit index last made durable. Lessons point at it ("S1
// still holds entry 3"), so the logs panel shows it, dimmed.
type diskLog struct {
	// base and baseTerm are the snapshot's last index and term (0: none).
	base, baseTerm uint64
	entries        []raft.Entry
	commit         uint64
}

func (d *diskLog) FirstIndex() uint64  { return d.base + 1 }
func (d *diskLog) LastIndex() uint64   { return d.base + uint64(len(d.entries)) }
func (d *diskLog) CommitIndex() uint64 { return d.commit }

// AppliedIndex is 0: a crashed server has lost its state machine, and
// applies nothing until it restarts.
func (d *diskLog) AppliedIndex() uint64 { return 0 }

func (d *diskLog) TermAt(i uint64) (uint64, bool) {
	switch {
	case i == d.base:
		return d.baseTerm, true
	case i > d.base && i <= d.LastIndex():
		return d.entries[i-d.base-1].Term, true
	}
	return 0, false
}

func (d *diskLog) EntryAt(i uint64) (raft.Entry, bool) {
	if i > d.base && i <= d.LastIndex() {
		return d.entries[i-d.base-1], true
	}
	return raft.Entry{}, false
}

// diskLogCache is one crashed server's diskLog, read from a WAL of a
// size: a crashed server's disk does not change, so it is read once, not
// every frame.
type diskLogCache struct {
	wal  *raft.WAL
	size int
	snap *raft.Snapshot
	log  *diskLog
}

// readDiskLog reads what a crashed server's disk holds. A disk that does
// not form a log (which the checkers would report) reads as empty.
func readDiskLog(d *playground.Disk) *diskLog {
	recs, _, _ := raft.ReadWAL(d.WAL.Bytes()) // the whole records before a torn tail
	st, err := raft.Recover(d.Snapshot, recs)
	if err != nil {
		return &diskLog{}
	}
	out := &diskLog{entries: st.Entries, commit: st.HardState.Commit}
	if st.Snapshot != nil {
		out.base, out.baseTerm = st.Snapshot.Meta.Index, st.Snapshot.Meta.Term
	}
	return out
}

// rowLog is the log the logs panel shows for a server: its Raft log while
// it is up, its disk's while it is down (dim is then true); nil for a
// server that is not in the world.
func (g *Game) rowLog(id raft.ID) (row logRow, dim bool) {
	n := g.world().Node(id)
	switch {
	case n == nil:
		return nil, false
	case n.Up:
		return n.Raft, false
	}
	c := g.diskLogs[id]
	if c.wal != n.Disk.WAL || c.size != n.Disk.WAL.Size() || c.snap != n.Disk.Snapshot {
		c = diskLogCache{n.Disk.WAL, n.Disk.WAL.Size(), n.Disk.Snapshot, readDiskLog(n.Disk)}
		if g.diskLogs == nil {
			g.diskLogs = map[raft.ID]diskLogCache{}
		}
		g.diskLogs[id] = c
	}
	return c.log, true
}
