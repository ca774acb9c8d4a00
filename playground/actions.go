package playground

import (
	"strings"

	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
)

// The actions below are what a user, a scenario or a lesson can do to the
// world at the current moment. Each returns an error naming the problem
// when it makes no sense now (crashing a node that is down, say); the world
// is then unchanged.

func (w *World) node(id raft.ID) (*Node, error) {
	if id < 1 || id > view.MaxNodes || w.nodes[id] == nil || w.nodes[id].Removed {
		return nil, i18n.Errorf("scenario.action.no-node", id)
	}
	return w.nodes[id], nil
}

func (w *World) upNode(id raft.ID) (*Node, error) {
	n, err := w.node(id)
	if err != nil {
		return nil, err
	}
	if !n.Up {
		return nil, i18n.Errorf("scenario.action.down", S(id))
	}
	return n, nil
}

// Campaign makes a node time out now and start an election.
func (w *World) Campaign(id raft.ID) error {
	n, err := w.upNode(id)
	if err != nil {
		return err
	}
	if n.busy {
		return i18n.Errorf("scenario.action.disk-busy", S(id))
	}
	w.catchUp(n)
	if n.Raft.Role() == raft.Leader {
		return i18n.Errorf("scenario.action.already-leads", S(id))
	}
	if err := n.Raft.Campaign(); err != nil {
		return i18n.Errorf("scenario.action.not-voter", S(id))
	}
	w.emit(Event{Type: view.EvTimeout, Node: id, Term: n.Raft.Term(), Role: n.Raft.Role()})
	w.settle(n)
	return nil
}

// Crash stops a node: it loses its memory and every write its disk had not
// synced (perhaps leaving a torn record behind).
func (w *World) Crash(id raft.ID) error {
	n, err := w.upNode(id)
	if err != nil {
		return err
	}
	wal := n.Disk.WAL
	lost := wal.Size() - wal.Synced()
	torn := 0
	if lost > 0 && w.rng.Uint64()%2 == 0 {
		torn = int(w.rng.Between(1, int64(lost)))
	}
	wal.Crash(torn)
	// The hard state written since the last fsync is lost with the rest.
	n.Disk.written = n.Disk.durable
	w.shutdown(n)
	ev := Event{Type: view.EvCrash, Node: id, Key: "feed.crash", Args: []any{id}}
	if lost > 0 {
		ev.Key, ev.Args = "feed.crash.lost", []any{id, lost}
	}
	w.emit(ev)
	return nil
}

// shutdown drops everything a node held in memory.
func (w *World) shutdown(n *Node) {
	n.Up = false
	n.Raft = nil
	n.KV = nil
	n.busy = false
	n.busyGen++
	n.timerGen++
	n.timerSet = false
	n.syncWait = false
	n.pending = raft.Ready{}
	n.inbox = nil
	n.writes = nil
	n.reads = nil
}

// Restart brings a crashed node back from its disk.
func (w *World) Restart(id raft.ID) error {
	n, err := w.node(id)
	if err != nil {
		return err
	}
	if n.Up {
		return i18n.Errorf("scenario.action.already-up", S(id))
	}
	size := n.Disk.WAL.Size()
	if err := w.boot(n, w.bootPeers(id)); err != nil {
		return err
	}
	if !n.Up {
		return nil // it left the cluster as it replayed its log (see retireDeparted)
	}
	ev := Event{Type: view.EvRestart, Node: id, Term: n.Raft.Term(), Index: n.Raft.LastIndex(), Key: "feed.restart"}
	ev.Args = []any{id, ev.Term, ev.Index}
	if cut := size - n.Disk.WAL.Size(); cut > 0 {
		ev.Key, ev.Args = "feed.restart.torn", []any{id, ev.Term, ev.Index, cut}
	}
	w.emit(ev)
	return nil
}

// bootPeers are the voters a node bootstraps with: the initial cluster for
// its founding members, nobody for nodes added later.
func (w *World) bootPeers(id raft.ID) []raft.ID {
	if int(id) > w.settings.Nodes {
		return nil
	}
	peers := make([]raft.ID, w.settings.Nodes)
	for i := range peers {
		peers[i] = raft.ID(i + 1)
	}
	return peers
}

func (w *World) checkIDs(ids ...raft.ID) error {
	for _, id := range ids {
		if _, err := w.node(id); err != nil {
			return err
		}
	}
	return nil
}

// Partition splits the nodes into groups that cannot reach each other.
func (w *World) Partition(groups [][]raft.ID) error {
	seen := map[raft.ID]bool{}
	var names []string
	for _, g := range groups {
		if err := w.checkIDs(g...); err != nil {
			return err
		}
		var parts []string
		for _, id := range g {
			if seen[id] {
				return i18n.Errorf("scenario.action.two-groups", S(id))
			}
			seen[id] = true
			parts = append(parts, S(id))
		}
		names = append(names, "{"+strings.Join(parts, " ")+"}")
	}
	w.net.partition(groups)
	w.emit(Event{Type: view.EvPartition, Key: "feed.partition", Args: []any{strings.Join(names, " | ")}})
	return nil
}

// Isolate cuts one node off from all the others.
func (w *World) Isolate(id raft.ID) error {
	if err := w.checkIDs(id); err != nil {
		return err
	}
	w.net.isolate(id)
	w.emit(Event{Type: view.EvPartition, Node: id, Key: "feed.isolate", Args: []any{id}})
	return nil
}

// Cut cuts the one-way link from -> to.
func (w *World) Cut(from, to raft.ID) error {
	if err := w.checkIDs(from, to); err != nil {
		return err
	}
	if from == to {
		return i18n.Errorf("scenario.link.same-node")
	}
	w.net.cut[from][to] = true
	w.emit(Event{Type: view.EvCut, Node: from, Peer: to, Key: "feed.link.cut", Args: []any{from, to}})
	return nil
}

// Link restores the one-way link from -> to.
func (w *World) Link(from, to raft.ID) error {
	if err := w.checkIDs(from, to); err != nil {
		return err
	}
	w.net.cut[from][to] = false
	w.emit(Event{Type: view.EvLink, Node: from, Peer: to, Key: "feed.link.restored", Args: []any{from, to}})
	return nil
}

// Heal removes every partition and cut.
func (w *World) Heal() {
	w.net.heal()
	w.emit(Event{Type: view.EvHeal, Key: "feed.heal"})
}

// SetNetwork changes the drop rate, duplicate rate or latency.
func (w *World) SetNetwork(c view.NetworkChange) error {
	if c.DropRate != nil && (*c.DropRate < 0 || *c.DropRate > 1) {
		return i18n.Errorf("scenario.settings.drop-rate", *c.DropRate)
	}
	if c.DuplicateRate != nil && (*c.DuplicateRate < 0 || *c.DuplicateRate > 1) {
		return i18n.Errorf("scenario.settings.duplicate-rate", *c.DuplicateRate)
	}
	if c.LatencyMs != nil && (c.LatencyMs[0] < 0 || c.LatencyMs[1] < c.LatencyMs[0]) {
		return i18n.Errorf("scenario.settings.latency", *c.LatencyMs)
	}
	if c.LatencyMs != nil && c.LatencyMs[1] > view.MaxDelayMs {
		return i18n.Errorf("scenario.settings.delay-limit", "latencyMs", view.MaxDelayMs, c.LatencyMs[1])
	}
	if c.DropRate != nil {
		w.net.DropRate = *c.DropRate
	}
	if c.DuplicateRate != nil {
		w.net.DuplicateRate = *c.DuplicateRate
	}
	if c.LatencyMs != nil {
		w.net.LatencyMin, w.net.LatencyMax = c.LatencyMs[0], c.LatencyMs[1]
	}
	w.emit(Event{Type: view.EvNetwork, Key: "feed.network", Args: []any{w.net.DropRate * 100, w.net.DuplicateRate * 100, w.net.LatencyMin, w.net.LatencyMax}})
	return nil
}

// SetDisk sets how long a node's fsync takes.
func (w *World) SetDisk(id raft.ID, fsyncMs int64) error {
	n, err := w.node(id)
	if err != nil {
		return err
	}
	if fsyncMs < 0 {
		return i18n.Errorf("scenario.settings.fsync", fsyncMs)
	}
	if fsyncMs > view.MaxDelayMs {
		return i18n.Errorf("scenario.settings.delay-limit", "fsyncMs", view.MaxDelayMs, fsyncMs)
	}
	n.Disk.FsyncMs = fsyncMs
	w.emit(Event{Type: view.EvDisk, Node: id, Key: "feed.disk", Args: []any{id, fsyncMs}})
	return nil
}

// Snapshot makes a node snapshot its state machine now and compact its log.
func (w *World) Snapshot(id raft.ID) error {
	n, err := w.upNode(id)
	if err != nil {
		return err
	}
	if err := w.takeSnapshot(n); err != nil {
		return i18n.Errorf("scenario.action.nothing-to-snapshot", S(id))
	}
	w.settle(n)
	return nil
}

// DropMessage loses a message in flight.
func (w *World) DropMessage(id uint64) error {
	f, ok := w.wire.get(id)
	if !ok {
		return i18n.Errorf("scenario.action.not-in-flight", id)
	}
	if !f.Lost {
		f.Lost, f.lostWhy = true, lostByHand
	}
	return nil
}

// Leader returns the live node that leads in the highest term, if any.
func (w *World) Leader() (raft.ID, bool) {
	var best *Node
	for _, n := range w.nodes {
		if n != nil && n.Up && !n.Removed && n.Raft.Role() == raft.Leader && (best == nil || n.Raft.Term() > best.Raft.Term()) {
			best = n
		}
	}
	if best == nil {
		return raft.None, false
	}
	return best.ID, true
}

// TransferLeader asks the leader to hand leadership to a node.
func (w *World) TransferLeader(to raft.ID) error {
	if _, err := w.upNode(to); err != nil {
		return err
	}
	id, ok := w.Leader()
	if !ok {
		return i18n.Errorf("scenario.action.transfer.no-leader")
	}
	n := w.nodes[id]
	if id == to {
		return i18n.Errorf("scenario.action.already-leads", S(to))
	}
	w.catchUp(n)
	if err := n.Raft.TransferLeadership(to); err != nil {
		return i18n.Errorf("scenario.action.transfer.refused", S(id), S(to), raftError{err})
	}
	w.emit(Event{Type: view.EvTransfer, Node: id, Peer: to, Key: "feed.transfer", Args: []any{id, to}})
	w.settle(n)
	return nil
}

// Nodes lists the IDs of the nodes that exist (up or down), in order.
func (w *World) Nodes() []raft.ID {
	var ids []raft.ID
	for id, n := range w.nodes {
		if n != nil && !n.Removed {
			ids = append(ids, raft.ID(id))
		}
	}
	return ids
}

// Node returns a node by ID (nil when there is none). Its Raft field is nil
// while it is down. Callers must not change it. Reading a node never
// advances it: its timers may lag the world's clock by TicksBehind.
func (w *World) Node(id raft.ID) *Node {
	if id < 1 || id > view.MaxNodes || w.nodes[id] == nil || w.nodes[id].Removed {
		return nil
	}
	return w.nodes[id]
}

// TicksBehind is how many ticks the node's timers lag the world's clock: the
// world ticks an idle node only when something happens to it.
func (w *World) TicksBehind(n *Node) int64 {
	if w.manual.on {
		return 0 // the nodes' clocks stand still (manual.go)
	}
	return w.now - n.lastTick
}

// Network returns the network's state.
func (w *World) Network() Network { return w.net }

// Stats returns the run's counters.
func (w *World) Stats() Stats { return w.stats }
