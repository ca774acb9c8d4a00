package playground

import (
	"slices"

	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
)

// worldView is the view last built and when: a world's view changes when
// an event is handled or emitted (every change to a server does one or the
// other) and when time passes (the election timers run).
type worldView struct {
	changes uint64
	now     int64
	built   *view.World
}

// Changes counts the events handled and emitted so far: while it (and the
// world) stay the same, nothing but time has moved, so a view built of the
// world still holds.
func (w *World) Changes() uint64 { return w.changes }

// View is what a screen shows of the world now: built once per change and
// shared by every reader, who must not change it.
func (w *World) View() *view.World {
	v := w.view
	switch {
	case v.built != nil && v.changes == w.changes && v.now == w.now:
		return v.built
	case v.built != nil && v.changes == w.changes:
		out := w.timersMoved(v.built)
		w.view.now, w.view.built = w.now, out
		return out
	}
	out := &view.World{Now: w.now}
	for _, id := range w.Nodes() {
		out.Nodes = append(out.Nodes, w.nodeView(w.nodes[id]))
	}
	out.Net = w.net.view()
	out.Net.Manual = w.manual.on
	if w.load.on {
		out.LoadRate = int(w.load.rate)
	}
	w.view = worldView{changes: w.changes, now: w.now, built: out}
	return out
}

// timersMoved is the view of a world in which only time passed since v
// (no event was handled or emitted): its servers' election timers ran, and
// nothing else changed, so the rest of v is shared.
func (w *World) timersMoved(v *view.World) *view.World {
	out := *v
	out.Now = w.now
	out.Nodes = slices.Clone(v.Nodes)
	for i := range out.Nodes {
		if n := w.nodes[out.Nodes[i].ID]; n.Up {
			out.Nodes[i].ElectionElapsed = n.Raft.ElectionElapsed() + int(w.TicksBehind(n))
		}
	}
	return &out
}

// nodeView is what a screen shows of a server: its protocol state while
// it is up, its disk's log while it is down.
func (w *World) nodeView(n *Node) view.Node {
	out := view.Node{ID: view.ID(n.ID), Up: n.Up, Disk: n.diskView()}
	if !n.Up {
		out.Log = n.diskLog()
		return out
	}
	r := n.Raft
	hs := r.HardState()
	out.Role, out.Term, out.Vote, out.Leader = view.Role(r.Role()), hs.Term, view.ID(hs.Vote), view.ID(r.Leader())
	for _, v := range r.Votes() {
		out.Votes = append(out.Votes, view.Vote{From: view.ID(v.From), Granted: v.Granted})
	}
	m := r.Membership()
	out.Members = membershipView(m)
	if in, old := r.Joint(); old != nil {
		out.Members.Voters, out.Members.Outgoing = idsView(in), idsView(old)
	}
	out.ElectionElapsed, out.ElectionTimeout = r.ElectionElapsed()+int(w.TicksBehind(n)), r.ElectionTimeout()
	out.Log = view.Log{First: r.FirstIndex(), Last: r.LastIndex(), Commit: r.CommitIndex(), Applied: r.AppliedIndex()}
	out.Log.SnapTerm, _ = r.TermAt(r.FirstIndex() - 1)
	for i := max(r.FirstIndex(), r.LastIndex()-min(r.LastIndex(), view.LogTail-1)); i <= r.LastIndex(); i++ {
		e, _ := r.EntryAt(i)
		out.Log.Tail = append(out.Log.Tail, entryView(e))
	}
	if r.Role() == raft.Leader {
		for _, id := range m.Members() {
			if pr, ok := r.PeerProgress(id); ok {
				out.Progress = append(out.Progress, view.Progress{ID: view.ID(id), Match: pr.Match, Next: pr.Next, State: view.ProgressState(pr.State),
					Inflight: slices.Clone(pr.Inflight), Window: maxInflight})
			}
		}
	}
	for _, k := range n.KV.Keys() {
		v, _ := n.KV.Get(k)
		out.KV = append(out.KV, view.KeyValue{Key: k, Value: v.Value, ModRevision: v.ModRevision, Version: v.Version})
	}
	out.Revision = n.KV.Revision
	return out
}

// diskView is what a screen shows of a server's disk. A disk changes only
// when it is written, synced or snapshotted, far less often than a
// screen is drawn, so the view is kept until one of those happens.
func (n *Node) diskView() view.Disk {
	d := n.Disk
	key := diskViewKey{d.WAL.Size(), d.WAL.Synced(), d.Snapshot, n.Syncing(), d.FsyncMs}
	if m := n.diskViewMemo; m.built && m.key == key {
		return m.view
	}
	out := view.Disk{FsyncMs: d.FsyncMs, Syncing: n.Syncing(), Bytes: d.WAL.Size(), SyncedBytes: d.WAL.Synced(), Files: d.Files()}
	recs, durable := d.WAL.Tail(view.WALTailLen)
	out.Durable = durable
	for _, r := range recs {
		out.WALTail = append(out.WALTail, recordView(r))
	}
	n.diskViewMemo = diskViewMemo{built: true, key: key, view: out}
	return out
}

// diskViewKey is what a disk's view depends on.
type diskViewKey struct {
	size, synced int
	snap         *raft.Snapshot
	syncing      bool
	fsyncMs      int64
}

// diskViewMemo is a disk's view as last built.
type diskViewMemo struct {
	built bool
	key   diskViewKey
	view  view.Disk
}

// diskLog is a crashed server's log as its disk holds it: what a restart
// would recover (the snapshot and the whole records of the write-ahead
// log), with the commit index last made durable and nothing applied (a
// crashed server has lost its state machine). Lessons point at it ("S1
// still holds entry 3"). A crashed server's disk does not change, so it is
// read once; a disk that does not form a log (which the checkers report)
// reads as empty.
func (n *Node) diskLog() view.Log {
	d := n.Disk
	if m := n.diskMemo; m.built && m.size == d.WAL.Size() && m.snap == d.Snapshot {
		return m.log
	}
	recs, _, _ := d.WAL.Read() // the whole records before a torn tail
	out := view.Log{First: 1}  // empty: Last is First-1
	if st, err := raft.Recover(d.Snapshot, recs); err == nil {
		if st.Snapshot != nil {
			out.First, out.SnapTerm = st.Snapshot.Meta.Index+1, st.Snapshot.Meta.Term
		}
		out.Commit = st.HardState.Commit
		for _, e := range st.Entries[max(0, len(st.Entries)-view.LogTail):] {
			out.Tail = append(out.Tail, entryView(e))
		}
		out.Last = out.First + uint64(len(st.Entries)) - 1
	}
	n.diskMemo = diskLogMemo{built: true, size: d.WAL.Size(), snap: d.Snapshot, log: out}
	return out
}

// diskLogMemo is a crashed server's diskLog, read from a WAL of a size and
// a snapshot.
type diskLogMemo struct {
	built bool
	size  int
	snap  *raft.Snapshot
	log   view.Log
}

func entryView(e raft.Entry) view.Entry {
	return view.Entry{Index: e.Index, Term: e.Term, Kind: view.EntryKind(e.Kind)}
}

func membershipView(m raft.Membership) view.Membership {
	return view.Membership{Voters: idsView(m.Voters), Learners: idsView(m.Learners)}
}

func idsView(ids []raft.ID) []view.ID {
	if ids == nil {
		return nil
	}
	out := make([]view.ID, len(ids))
	for i, id := range ids {
		out[i] = view.ID(id)
	}
	return out
}

func recordView(r raft.Record) view.Record {
	out := view.Record{Type: view.RecordType(r.Type)}
	switch r.Type {
	case raft.RecordHardState:
		out.Term, out.Vote, out.Commit = r.HardState.Term, view.ID(r.HardState.Vote), r.HardState.Commit
	case raft.RecordEntry:
		out.Index, out.Term, out.Kind = r.Entry.Index, r.Entry.Term, view.EntryKind(r.Entry.Kind)
	case raft.RecordTruncate:
		out.Index = r.Index
	case raft.RecordSnapshot:
		out.Index, out.Term, out.Members = r.Snapshot.Index, r.Snapshot.Term, membershipView(r.Snapshot.Membership)
	}
	return out
}

// raftIDs are servers as raft names them.
func raftIDs(ids []view.ID) []raft.ID {
	out := make([]raft.ID, len(ids))
	for i, id := range ids {
		out[i] = raft.ID(id)
	}
	return out
}

// raftGroups are a partition's groups of servers as raft names them.
func raftGroups(groups [][]view.ID) [][]raft.ID {
	out := make([][]raft.ID, len(groups))
	for i, g := range groups {
		for _, id := range g {
			out[i] = append(out[i], raft.ID(id))
		}
	}
	return out
}

// view is what a screen shows of the network.
func (n *Network) view() view.Network {
	out := view.Network{
		Groups:    make([]int, len(n.group)),
		LatencyMs: [2]int64{n.LatencyMin, n.LatencyMax}, DropRate: n.DropRate, DuplicateRate: n.DuplicateRate,
	}
	copy(out.Groups, n.group[:])
	for from := range n.cut {
		for to, cut := range n.cut[from] {
			if cut {
				out.Cuts = append(out.Cuts, [2]view.ID{view.ID(from), view.ID(to)})
			}
		}
	}
	return out
}
