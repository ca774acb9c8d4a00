package raft

import (
	"fmt"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"
)

// cluster is a deterministic test world: nodes with emulated WALs and a
// message queue delivered in FIFO order. It acts as the host of every node,
// following the Ready contract to the letter (unless a node's rules say
// otherwise, which the node itself reports through MustSync).
type cluster struct {
	t     testing.TB
	cfg   func(id ID) Config
	nodes map[ID]*Node
	wals  map[ID]*WAL
	snaps map[ID]*Snapshot
	// applied is each node's state machine: the data of applied entries.
	applied map[ID][][]byte
	// appliedIdx is the index each state machine reached.
	appliedIdx map[ID]uint64
	queue      []Message
	// drop, when it returns true, loses a message in flight.
	drop func(m Message) bool
	// sent counts every message handed to the network, by type.
	sent  map[MessageType]int
	reads map[ID][]ReadState
	// release makes the cluster hand each batch back (Node.Release) once
	// it has handled it.
	release bool
}

// testConfig is the configuration used by most tests: PreVote and
// CheckQuorum off unless the test turns them on, so that the paper's rules
// can be tested in isolation.
func testConfig(id ID, peers ...ID) Config {
	return Config{ID: id, Peers: peers, ElectionTick: 10, ElectionTickMax: 20, HeartbeatTick: 1, Seed: 42, FastBacktrack: true}
}

func ids(n int) []ID {
	out := make([]ID, n)
	for i := range out {
		out[i] = ID(i + 1)
	}
	return out
}

// newCluster starts n fresh nodes with cfg(id) as each one's config.
func newCluster(t testing.TB, n int, cfg func(id ID) Config) *cluster {
	c := &cluster{
		t: t, cfg: cfg,
		nodes: map[ID]*Node{}, wals: map[ID]*WAL{}, snaps: map[ID]*Snapshot{},
		applied: map[ID][][]byte{}, appliedIdx: map[ID]uint64{},
		sent: map[MessageType]int{}, reads: map[ID][]ReadState{},
	}
	for _, id := range ids(n) {
		c.wals[id] = &WAL{}
		node, err := New(cfg(id), DurableState{})
		require.NoError(t, err)
		c.nodes[id] = node
	}
	return c
}

// defaultCluster is newCluster with testConfig for n voters.
func defaultCluster(t testing.TB, n int, tweak func(*Config)) *cluster {
	return newCluster(t, n, func(id ID) Config {
		c := testConfig(id, ids(n)...)
		if tweak != nil {
			tweak(&c)
		}
		return c
	})
}

func (c *cluster) sortedIDs() []ID {
	out := make([]ID, 0, len(c.nodes))
	for id := range c.nodes {
		out = append(out, id)
	}
	slices.Sort(out)
	return out
}

// process handles every Ready of every up node until none is left.
func (c *cluster) process() {
	for again := true; again; {
		again = false
		for _, id := range c.sortedIDs() {
			n := c.nodes[id]
			if n == nil {
				continue
			}
			for n.HasReady() {
				again = true
				c.handleReady(id, n.Ready())
			}
		}
	}
}

func (c *cluster) handleReady(id ID, rd Ready) {
	n := c.nodes[id]
	if rd.Snapshot != nil {
		c.snaps[id] = rd.Snapshot
	}
	c.wals[id].Append(rd.Records...)
	if rd.MustSync {
		c.wals[id].Sync()
	}
	for _, m := range sentMessages(rd) {
		c.sent[m.Type]++
		c.queue = append(c.queue, m)
	}
	if rd.Snapshot != nil {
		c.applied[id] = [][]byte{rd.Snapshot.Data}
		c.appliedIdx[id] = rd.Snapshot.Meta.Index
	}
	for _, e := range rd.CommittedEntries {
		require.Equal(c.t, c.appliedIdx[id]+1, e.Index, "node %d applies entries in order", id)
		c.appliedIdx[id] = e.Index
		if e.Kind == EntryNormal {
			c.applied[id] = append(c.applied[id], e.Data)
		}
	}
	c.reads[id] = append(c.reads[id], rd.Reads...)
	n.Advance(&rd)
	if c.release {
		n.Release(&rd)
	}
}

// sentMessages returns all the messages of rd, those that may leave before
// its records are durable first, as a host sends them.
func sentMessages(rd Ready) []Message {
	return append(slices.Clip(rd.Messages), rd.MessagesAfterSync...)
}

// deliver processes Readies and delivers queued messages until the network is
// quiet, or at most limit messages (0 means 100000). It returns how many
// messages it delivered.
func (c *cluster) deliver(limit int) int {
	if limit == 0 {
		limit = 100000
	}
	count := 0
	for {
		c.process()
		if len(c.queue) == 0 || count >= limit {
			return count
		}
		m := c.queue[0]
		c.queue = c.queue[1:]
		if c.drop != nil && c.drop(m) {
			continue
		}
		if n := c.nodes[m.To]; n != nil {
			count++
			require.NoError(c.t, n.Step(m), "step %s %d->%d", m.Type, m.From, m.To)
		}
	}
}

// tick advances every up node by one tick, then lets the network settle.
func (c *cluster) tick(times int) {
	for range times {
		for _, id := range c.sortedIDs() {
			if n := c.nodes[id]; n != nil {
				n.Tick()
			}
		}
		c.deliver(0)
	}
}

// campaign makes id time out now and settles the network.
func (c *cluster) campaign(id ID) {
	require.NoError(c.t, c.nodes[id].Campaign())
	c.deliver(0)
}

// leader returns the one up node that leads in the highest term, or None.
func (c *cluster) leader() ID {
	var best ID
	var term uint64
	for _, id := range c.sortedIDs() {
		n := c.nodes[id]
		if n != nil && n.Role() == Leader && n.Term() >= term {
			best, term = id, n.Term()
		}
	}
	return best
}

// propose submits data at id, which must lead, and settles the network.
func (c *cluster) propose(id ID, data string) uint64 {
	idx, _, err := c.nodes[id].Propose([]byte(data))
	require.NoError(c.t, err)
	c.deliver(0)
	return idx
}

// crash stops id, keeping only what its WAL synced (plus torn bytes of the
// next record).
func (c *cluster) crash(id ID, torn int) {
	c.nodes[id] = nil
	c.wals[id].Crash(torn)
	delete(c.applied, id)
	delete(c.appliedIdx, id)
}

// restart recovers id from its disk.
func (c *cluster) restart(id ID) {
	recs, _ := c.wals[id].Repair()
	st, err := Recover(c.snaps[id], recs)
	require.NoError(c.t, err)
	n, err := New(c.cfg(id), st)
	require.NoError(c.t, err)
	c.nodes[id] = n
	if s := c.snaps[id]; s != nil {
		c.applied[id] = [][]byte{s.Data}
		c.appliedIdx[id] = s.Meta.Index
	} else {
		c.applied[id] = nil
		c.appliedIdx[id] = 0
	}
}

// isolate drops every message to or from id.
func (c *cluster) isolate(id ID) {
	c.drop = func(m Message) bool { return m.From == id || m.To == id }
}

// partition drops every message between the groups.
func (c *cluster) partition(groups ...[]ID) {
	group := map[ID]int{}
	for i, g := range groups {
		for _, id := range g {
			group[id] = i
		}
	}
	c.drop = func(m Message) bool { return group[m.From] != group[m.To] }
}

func (c *cluster) heal() { c.drop = nil }

// logTerms lists the terms of id's log from its first index.
func (c *cluster) logTerms(id ID) []uint64 {
	n := c.nodes[id]
	var out []uint64
	for i := n.FirstIndex(); i <= n.LastIndex(); i++ {
		t, _ := n.TermAt(i)
		out = append(out, t)
	}
	return out
}

// electLeader campaigns id and checks that it wins.
func (c *cluster) electLeader(id ID) {
	c.campaign(id)
	require.Equal(c.t, Leader, c.nodes[id].Role(), "node %d should lead", id)
}

func (c *cluster) String() string {
	s := ""
	for _, id := range c.sortedIDs() {
		n := c.nodes[id]
		if n == nil {
			s += fmt.Sprintf("%d: down\n", id)
			continue
		}
		s += fmt.Sprintf("%d: %s term=%d commit=%d log=%v\n", id, n.Role(), n.Term(), n.CommitIndex(), c.logTerms(id))
	}
	return s
}

// errOf keeps only the error of a call that returns a value and an error.
func errOf[T any](_ T, err error) error { return err }
