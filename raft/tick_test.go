package raft

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
)

// TestTickNIsTicksInARow: TickN(k) leaves a node exactly as k calls of Tick
// would, whatever its role and timers (a leader mid-transfer, or waiting on
// a snapshot, included).
func TestTickNIsTicksInARow(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for _, tweak := range []func(*Config){
		nil,
		func(c *Config) { c.PreVote, c.CheckQuorum = true, true },
		func(c *Config) { c.HeartbeatTick = 5 },
	} {
		c := defaultCluster(t, 5, tweak)
		c.electLeader(1)
		for round := range 40 {
			l := c.leader()
			if l != None {
				// Refused while a transfer is under way: that is fine.
				_, _, _ = c.nodes[l].Propose([]byte(fmt.Sprint(round)))
			}
			switch round % 10 {
			case 3:
				// A transfer to a node that cannot hear it stays under way.
				if l != None {
					c.isolate(l%5 + 1)
					if err := c.nodes[l].TransferLeadership(l%5 + 1); err != nil {
						t.Fatal(err)
					}
				}
			case 5:
				c.heal()
			case 6:
				c.isolate(c.leader())
			case 8:
				c.heal()
			}
			c.deliver(r.IntN(20) + 1)
			for _, id := range c.sortedIDs() {
				n := c.nodes[id]
				k := r.IntN(3 * n.cfg.ElectionTick)
				a, b := n.Clone(), n.Clone()
				a.TickN(k)
				for range k {
					b.Tick()
				}
				if !reflect.DeepEqual(a, b) {
					t.Fatalf("round %d: node %d (%s) ticked %d times differs from TickN(%d)", round, id, n.Role(), k, k)
				}
			}
			c.tick(1 + r.IntN(5))
		}
	}
}

// TestTickNRetriesLostSnapshots: a leader waiting for a lost snapshot's
// answer retries it on the same tick whether it is ticked one by one or in
// one go.
func TestTickNRetriesLostSnapshots(t *testing.T) {
	c, _ := snapLaggingFollower(t)
	c.drop = func(m Message) bool { return m.Type == MsgInstallSnapshot }
	c.tick(1)
	l := c.nodes[1]
	if !l.snapshotsOut {
		t.Fatal("no snapshot is out")
	}
	// Heartbeats rare enough that only the snapshot's timer breaks the
	// quiet.
	l.cfg.HeartbeatTick = 4 * l.cfg.ElectionTick
	for k := range 3 * l.cfg.ElectionTick {
		a, b := l.Clone(), l.Clone()
		a.TickN(k)
		for range k {
			b.Tick()
		}
		if !reflect.DeepEqual(a, b) {
			t.Fatalf("ticked %d times differs from TickN(%d)", k, k)
		}
	}
}
