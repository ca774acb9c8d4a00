package playground

import (
	"slices"

	"github.com/raftlab/raftlab/internal/splitmix"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
)

// World is the simulated cluster at one moment of virtual time.
type World struct {
	settings view.Settings
	now      int64
	rng      rng
	seq      uint64
	queue    eventQueue
	nodes    [view.MaxNodes + 1]*Node
	net      Network

	// wire holds the messages on the wire, by ID; freeFlights are landed
	// ones to reuse (see newFlight).
	wire        wire
	freeFlights []*Flight
	// flights records every flight the trace can still name; moreBlock is
	// where the trace's eventMores are allocated (see newMore).
	flights   flightStore
	moreBlock []eventMore

	clients []Client
	history historyLog
	// commands saves decoding each write on every node.
	commands commandCache

	trace        traceLog
	check        checker
	stats        Stats
	expectations []Expectation
	admin        []adminOp
	adminQueued  bool
	departing    []raft.ID
	// load is the client load a load step keeps up (a value: Clone
	// copies it with the world).
	load clientLoad
	// manual is manual network mode (manual.go).
	manual manualState
	// changes counts the events handled and emitted, so that View knows
	// when the world changed; view is the view it last built.
	changes uint64
	view    worldView
	// observeKey, when set, is the sentence of the next role change
	// observe reports, which says why it happened.
	observeKey string
}

// Stats counts what happened in a run.
type Stats struct {
	MessagesSent      [raft.MsgTimeoutNow + 1]int
	MessagesDelivered int
	MessagesDropped   int
	Elections         int
	LeaderChanges     int
}

// New creates a world of s.Nodes fresh nodes forming one cluster.
func New(s view.Settings) (*World, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	if err := checkEngine(s); err != nil {
		return nil, err
	}
	w := &World{
		settings: s,
		rng:      rng{State: uint64(s.Seed)},
		history:  newHistoryLog(),
		check:    newChecker(),
	}
	w.net.LatencyMin, w.net.LatencyMax = s.LatencyMs[0], s.LatencyMs[1]
	w.net.DropRate, w.net.DuplicateRate = s.DropRate, s.DuplicateRate
	peers := make([]raft.ID, s.Nodes)
	for i := range peers {
		peers[i] = raft.ID(i + 1)
	}
	for _, id := range peers {
		if err := w.startNode(id, peers, raft.DurableState{}); err != nil {
			return nil, err
		}
		w.startTimer(w.nodes[id])
	}
	return w, nil
}

// startTimer moves a node of a world being made along its election timer
// by Settings.ElectionTimerStartPct, as if it had been up that long without
// a leader (see that setting). The timer it had scheduled is superseded
// by the earlier one settle schedules.
func (w *World) startTimer(n *Node) {
	if k := electionTimerStartMs(w.settings); k > 0 {
		n.Raft.TickN(int(k))
		w.settle(n)
	}
}

// Clone returns an independent copy of the world, sharing only immutable
// data (entries, snapshots, the records of flights sent, the trace written
// so far). The original starts new blocks for what it records next, so
// the two can run at once.
func (w *World) Clone() *World {
	c := *w
	c.queue = w.queue.clone()
	for i, n := range w.nodes {
		if n != nil {
			c.nodes[i] = n.clone()
		}
	}
	c.wire = w.wire.clone()
	c.freeFlights = nil
	c.flights = w.flights.clone()
	c.moreBlock = nil // the rest of the block is w's to hand out
	c.clients = slices.Clone(w.clients)
	for i := range c.clients {
		c.clients[i].calls = w.clients[i].calls.clone()
	}
	c.history = w.history.clone()
	c.trace = w.trace.clone()
	c.check = w.check.clone()
	c.expectations = slices.Clone(w.expectations)
	c.admin = slices.Clone(w.admin)
	c.departing = nil
	c.manual = w.manual.clone()
	return &c
}

// Now is the current virtual time in milliseconds.
func (w *World) Now() int64 { return w.now }

// Settings returns the world's settings as they stand (the network and
// disks may have been changed since).
func (w *World) Settings() view.Settings { return w.settings }

// RunUntil processes every event up to and including virtual time t.
func (w *World) RunUntil(t int64) {
	for {
		next, from := w.queue.next()
		if next == nil || next.at > t {
			break
		}
		e := w.queue.take(from)
		w.now = e.at
		w.handle(e)
		if w.trace.dropped {
			w.trimFlights()
		}
	}
	w.now = max(w.now, t)
}

// NextEventAt is the time of the next scheduled event, or false when there
// is none.
func (w *World) NextEventAt() (int64, bool) {
	e, _ := w.queue.next()
	if e == nil {
		return 0, false
	}
	return e.at, true
}

func (w *World) handle(e event) {
	w.changes++
	switch e.kind {
	case evDeliver:
		w.deliver(e.id)
	case evTimer:
		if n := w.live(e.node); n != nil && !n.busy && e.gen == n.timerGen {
			n.timerSet = false
			w.catchUp(n)
			w.settle(n)
		}
	case evFsync:
		if n := w.live(e.node); n != nil && n.busy && e.gen == n.busyGen {
			w.finishFsync(n)
		}
	case evSync:
		if n := w.live(e.node); n != nil && n.syncWait {
			n.syncWait = false
			w.syncDisk(n)
		}
	case evClientTimeout:
		if w.manual.on {
			w.manual.deferred = append(w.manual.deferred, e)
			break
		}
		w.clientTimeout(int(e.id), e.gen, e.node)
	case evAdmin:
		w.adminQueued = false
		w.runAdmin()
	case evLoad:
		w.loadCall(e.gen)
	}
}

// live returns the node with id if it exists and is up.
func (w *World) live(id raft.ID) *Node {
	if id < 1 || id > view.MaxNodes {
		return nil
	}
	if n := w.nodes[id]; n != nil && n.Up && !n.Removed {
		return n
	}
	return nil
}

// emit appends an event to the trace.
func (w *World) emit(e Event) {
	w.changes++
	if w.trace.discard() {
		return
	}
	e.AtMs = w.now
	w.pack(w.trace.add(), &e)
}

// startNode creates node id with a fresh disk (or the given durable state)
// and starts it.
func (w *World) startNode(id raft.ID, peers []raft.ID, st raft.DurableState) error {
	n := &Node{ID: id, Disk: &Disk{WAL: &raft.WAL{}, FsyncMs: w.settings.FsyncMs}, chain: newHashChain(0)}
	w.nodes[id] = n
	if st.HardState != (raft.HardState{}) || len(st.Entries) > 0 {
		recs := []raft.Record{{Type: raft.RecordHardState, HardState: st.HardState}}
		for _, e := range st.Entries {
			recs = append(recs, raft.Record{Type: raft.RecordEntry, Entry: e})
		}
		n.Disk.WAL.Append(recs...)
		n.Disk.WAL.Sync()
		n.Disk.durable, n.Disk.written = st.HardState, st.HardState
	}
	return w.boot(n, peers)
}

// boot starts n's Raft node from its disk.
func (w *World) boot(n *Node, peers []raft.ID) error {
	recs, _ := n.Disk.WAL.Repair()
	st, err := raft.Recover(n.Disk.Snapshot, recs)
	if err != nil {
		return i18n.Errorf("scenario.action.recovering", S(n.ID), err)
	}
	cfg := EngineConfig{Config: raftConfig(w.settings, n.ID, peers), Cluster: w.bootPeers(1)}
	r, err := engines[w.settings.Engine](cfg, st)
	if err != nil {
		return i18n.Errorf("scenario.action.starting", S(n.ID), err)
	}
	n.Raft = r
	n.Up = true
	n.lastTick = w.now
	n.KV = NewKV()
	base := uint64(0)
	if s := n.Disk.Snapshot; s != nil {
		if kv, err := UnmarshalKV(s.Data); err == nil {
			n.KV = kv
		}
		base = s.Meta.Index
	}
	n.chain = w.check.prefixChain(base)
	for _, e := range st.Entries {
		n.chain.push(entryHash(n.chain.last(), e))
	}
	n.reads = map[uint64]pendingRead{}
	n.seen = n.view()
	w.check.onBoot(w, n)
	w.settle(n)
	return nil
}

// catchUp ticks n up to the present. Timers fire only at the end (the world
// wakes a node no later than its next timer), so it is enough to look at the
// outcome once.
func (w *World) catchUp(n *Node) {
	if n.lastTick >= w.now || w.manual.on { // (manual mode: the clocks stand still)
		return
	}
	wasLeader := n.Raft.Role() == raft.Leader
	due := !wasLeader && n.lastTick+int64(n.Raft.TicksUntilTimeout()) <= w.now && n.Raft.Membership().IsVoter(n.ID)
	n.Raft.TickN(int(w.now - n.lastTick))
	n.lastTick = w.now
	switch role := n.Raft.Role(); {
	case due:
		w.emit(Event{Type: view.EvTimeout, Node: n.ID, Term: n.Raft.Term(), Role: role})
	case wasLeader && role != raft.Leader:
		w.observeKey = "feed.role.stepped-down.quorum"
	}
}

// settle hands n's Ready batches to its disk, network and state machine
// until it has nothing left or must wait for an fsync. A leader's
// AppendEntries leave as soon as its records are written, while its disk
// syncs (raft.Ready.Messages); what must wait for the sync waits with the
// rest of the batch.
func (w *World) settle(n *Node) {
	w.observe(n)
	for !n.busy && n.Up && n.Raft.HasReady() {
		rd := n.Raft.Ready()
		w.noteReadSteps(n, rd.ReadSteps)
		w.writeReady(n, &rd)
		w.sendAll(n, rd.Messages)
		if rd.MustSync {
			n.busy = true
			n.busyGen++
			n.pending = rd
			w.schedule(event{at: w.now + n.Disk.FsyncMs, kind: evFsync, node: n.ID, gen: n.busyGen})
			break
		}
		if len(rd.Records) > 0 && !n.syncWait {
			n.syncWait = true
			w.schedule(event{at: w.now + n.Disk.FsyncMs, kind: evSync, node: n.ID})
		}
		w.finishReady(n, &rd)
		w.observe(n)
	}
	if n.Up {
		w.check.onSettle(w, n)
		if !n.busy && !w.manual.on {
			// A timer already due no later than the new deadline stays: when
			// it fires early the node finds nothing due and is scheduled
			// again. (Followers' deadlines move later with every heartbeat;
			// scheduling each one would fill the queue with stale timers.)
			at := n.lastTick + int64(n.Raft.TicksUntilTimeout())
			if !n.timerSet || n.timerAt > at || n.timerAt < w.now {
				n.timerGen++
				n.timerAt, n.timerSet = at, true
				w.schedule(event{at: at, kind: evTimer, node: n.ID, gen: n.timerGen})
			}
		}
	}
	if len(w.departing) > 0 {
		w.retireDeparted()
	}
}

// finishFsync ends n's wait for its disk: the rest of the pending Ready
// goes out, and the messages that waited in its inbox are stepped.
func (w *World) finishFsync(n *Node) {
	w.syncDisk(n)
	rd := n.pending
	n.pending = raft.Ready{}
	n.busy = false
	w.finishReady(n, &rd)
	w.catchUp(n)
	inbox := n.inbox
	n.inbox = nil
	for _, f := range inbox {
		w.receive(n, f)
		w.freeFlight(f)
	}
	// Nothing arrives while the node steps its inbox (arrivals are events
	// of their own): the slice is free to gather the next wait's, cleared
	// so that it does not keep the flights it held alive.
	clear(inbox)
	n.inbox = inbox[:0]
	w.settle(n)
}

// syncDisk makes n's WAL durable.
func (w *World) syncDisk(n *Node) {
	wal := n.Disk.WAL
	if wal.Synced() == wal.Size() {
		return
	}
	wal.Sync()
	n.Disk.durable = n.Disk.written
	if n.Disk.releaseTo > 0 {
		wal.ReleaseTo(n.Disk.releaseTo)
		n.Disk.releaseTo = 0
	}
	w.emitNode(view.EvFsync, n.ID, raft.Follower, 0, uint64(wal.Size()))
}

// writeReady saves a Ready's snapshot and records to n's disk.
func (w *World) writeReady(n *Node, rd *raft.Ready) {
	if rd.Snapshot != nil {
		n.Disk.Snapshot = rd.Snapshot
	}
	n.Disk.WAL.Append(rd.Records...)
	var first, last raft.Entry
	flush := func() {
		if first.Index > 0 {
			ev := Event{Type: view.EvAppend, Node: n.ID, Index: first.Index, Index2: last.Index, Term: last.Term, Role: n.Raft.Role()}
			if first.Index == last.Index {
				ev.Entry = first.Data
				ev.Kind = first.Kind
			}
			w.emit(ev)
			first = raft.Entry{}
		}
	}
	for i := range rd.Records {
		r := &rd.Records[i] // a Record is 152 bytes: not copied
		switch r.Type {
		case raft.RecordHardState:
			n.Disk.written = r.HardState
		case raft.RecordEntry:
			if first.Index == 0 || r.Entry.Term != last.Term || r.Entry.Index != last.Index+1 {
				flush()
				first = r.Entry
			}
			last = r.Entry
			w.check.onAppend(w, n, r.Entry)
		case raft.RecordTruncate:
			flush()
			w.emit(Event{Type: view.EvTruncate, Node: n.ID, Index: r.Index})
			w.check.onTruncate(w, n, r.Index)
		case raft.RecordSnapshot:
			flush()
			// The batch may also hold a snapshot the node took itself:
			// only the received one's record is an install.
			installed := rd.Snapshot != nil && rd.Snapshot.Meta.Index == r.Snapshot.Index
			how := "took"
			if installed {
				how = "installed"
			}
			w.emit(Event{Type: view.EvSnapshot, Node: n.ID, Index: r.Snapshot.Index, Term: r.Snapshot.Term, Note: how})
			n.Disk.releaseTo = r.Snapshot.Index
			w.check.onSnapshot(w, n, r.Snapshot, installed)
		}
	}
	flush()
}

// finishReady sends the messages of a Ready that waited for its records to
// be durable, applies its entries and answers its reads, then acknowledges
// it.
func (w *World) finishReady(n *Node, rd *raft.Ready) {
	w.sendAll(n, rd.MessagesAfterSync)
	if rd.Snapshot != nil {
		if kv, err := UnmarshalKV(rd.Snapshot.Data); err == nil {
			n.KV = kv
		}
	}
	for _, e := range rd.CommittedEntries {
		w.apply(n, e)
	}
	applied := n.Raft.AppliedIndex()
	if k := len(rd.CommittedEntries); k > 0 {
		applied = max(applied, rd.CommittedEntries[k-1].Index)
	}
	for _, rs := range rd.Reads {
		if !rs.Failed {
			w.emit(Event{Type: view.EvRead, Read: ReadAnswered, Node: n.ID, Term: n.Raft.Term(), Index: rs.Index, Index2: applied})
		}
		w.answerRead(n, rs)
	}
	n.Raft.Advance(rd)
	n.Raft.Release(rd) // the messages are copied into flights, the records into the WAL
	w.maybeSnapshot(n)
}

// noteReadSteps puts into the trace the steps n's ReadIndex reads took (see
// raft.ReadStep), so that each part of the protocol shows in the feed.
func (w *World) noteReadSteps(n *Node, steps []raft.ReadStep) {
	var confirmed uint64 // the round last reported: the reads it confirmed report it together
	for _, st := range steps {
		ev := Event{Type: view.EvRead, Node: n.ID, Term: n.Raft.Term(), Index: st.Index}
		switch {
		case st.Phase == raft.ReadWaitingForTermCommit:
			ev.Read = ReadHeld
		case st.Phase == raft.ReadWaitingForQuorum:
			ev.Read = ReadIndexNoted
		case st.Seq == 0:
			ev.Read, ev.Key, ev.Args = ReadIndexNoted, "feed.read.noted.lease", []any{n.ID, st.Index}
		case st.Seq == confirmed:
			continue
		default:
			ev.Read, ev.Index, confirmed = ReadConfirmed, 0, st.Seq
		}
		w.emit(ev)
	}
}

// sendAll puts n's messages on the wire.
func (w *World) sendAll(n *Node, msgs []raft.Message) {
	for i := range msgs {
		m := &msgs[i]
		if m.Type == raft.MsgRequestVoteResponse && !m.Reject {
			w.emit(Event{Type: view.EvVote, Node: n.ID, Peer: m.To, Term: m.Term})
			w.check.onVote(w, n.ID, m.To, m.Term)
		}
		if m.Type != raft.MsgPreVote && m.Type != raft.MsgPreVoteResponse {
			// (Pre-vote traffic carries the term a pre-candidate would
			// campaign in, not the sender's.)
			w.check.onSend(n.ID, m.Term)
		}
		w.sendRaft(n.ID, m)
	}
}

// apply executes a committed entry on n's state machine.
func (w *World) apply(n *Node, e raft.Entry) {
	w.check.onApply(w, n, e)
	key := ""
	var args []any
	switch e.Kind {
	case raft.EntryNormal:
		c, err := w.commands.decode(e.Index, e.Data)
		if err != nil {
			break
		}
		w.applyWrite(n, e, c)
	case raft.EntryConfig:
		if m, ok := n.Raft.ConfigOf(e); ok {
			key, args = "feed.apply.config", []any{n.ID, e.Index, m}
			w.onConfigApplied(n, e.Index, m)
		}
	case raft.EntryNoop:
		key, args = "feed.apply.noop", []any{n.ID, e.Index}
	}
	if key == "" {
		w.emitNode(view.EvApply, n.ID, raft.Follower, e.Term, e.Index)
	} else {
		w.emit(Event{Type: view.EvApply, Node: n.ID, Index: e.Index, Term: e.Term, Key: key, Args: args})
	}
}

// maybeSnapshot compacts n's log once it has applied SnapshotEvery entries
// past its last snapshot.
func (w *World) maybeSnapshot(n *Node) {
	every := w.settings.SnapshotEvery
	if every == 0 || !n.Up {
		return
	}
	if n.Raft.AppliedIndex() >= n.Raft.FirstIndex()-1+every {
		w.takeSnapshot(n)
	}
}

// takeSnapshot saves a snapshot of n's state machine and compacts its log.
func (w *World) takeSnapshot(n *Node) error {
	snap, err := n.Raft.Compact(n.Raft.AppliedIndex(), n.KV.Marshal())
	if err != nil {
		return err
	}
	n.Disk.Snapshot = snap
	return nil
}

// observe reports the changes in n's role, term, leader and commit index
// since it was last observed.
func (w *World) observe(n *Node) {
	if !n.Up {
		return
	}
	v := n.view()
	old := n.seen
	if v == old {
		return
	}
	n.seen = v
	if v.term != old.term {
		w.emit(Event{Type: view.EvTerm, Node: n.ID, Term: v.term})
		w.check.onTerm(w, n, v.term)
	}
	if v.role != old.role || (v.role == raft.Follower && v.leader != old.leader && v.leader != raft.None) {
		ev := Event{Type: view.EvRole, Node: n.ID, Role: v.role, Term: v.term, Peer: v.leader}
		if w.observeKey != "" {
			ev.Key, ev.Args = w.observeKey, []any{n.ID, v.term}
		}
		w.emit(ev)
		if v.role == raft.Leader {
			w.stats.LeaderChanges++
			w.check.onLeader(w, n)
		}
		if old.role == raft.Leader && v.role != raft.Leader {
			w.failWrites(n)
		}
	}
	if v.role == raft.Candidate && (old.role != raft.Candidate || v.term != old.term) {
		w.stats.Elections++
	}
	w.observeKey = ""
	if v.commit != old.commit {
		w.emitNode(view.EvCommit, n.ID, v.role, v.term, v.commit)
		w.check.onCommit(w, n, old.commit, v.commit)
	}
}

// rng is the world's one source of randomness.
type rng = splitmix.Source
