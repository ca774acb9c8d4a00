package etcdraft_test

import (
	"fmt"
	"testing"

	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
)

// benchCluster is a cluster of one engine's servers whose messages are
// delivered synchronously, with no network, disk or clock between them.
type benchCluster struct {
	nodes []playground.Engine // by ID-1
	queue []raft.Message
}

func newBenchCluster(b *testing.B, e view.Engine, size int) *benchCluster {
	b.Helper()
	peers := make([]raft.ID, size)
	for i := range peers {
		peers[i] = raft.ID(i + 1)
	}
	c := &benchCluster{}
	for _, id := range peers {
		cfg := playground.EngineConfig{Config: raft.Config{ID: id, Peers: peers, ElectionTick: 10, HeartbeatTick: 1, MaxInflight: 4,
			Seed: uint64(id), PreVote: true, CheckQuorum: true, FastBacktrack: true}, Cluster: peers}
		n, err := playground.EngineOf(e)(cfg, raft.DurableState{})
		if err != nil {
			b.Fatal(err)
		}
		c.nodes = append(c.nodes, n)
	}
	if err := c.nodes[0].Campaign(); err != nil {
		b.Fatal(err)
	}
	c.settle(b)
	if c.nodes[0].Role() != raft.Leader {
		b.Fatalf("S1 is %s", c.nodes[0].Role())
	}
	return c
}

// settle runs every server's Ready/Advance cycle and delivers what they
// send until the cluster is quiet; it returns the messages delivered.
func (c *benchCluster) settle(b *testing.B) int {
	delivered := 0
	for {
		for _, n := range c.nodes {
			for n.HasReady() {
				rd := n.Ready()
				c.queue = append(c.queue, rd.Messages...)
				c.queue = append(c.queue, rd.MessagesAfterSync...)
				n.Advance(&rd)
			}
		}
		if len(c.queue) == 0 {
			return delivered
		}
		q := c.queue
		c.queue = nil
		for _, m := range q {
			_ = c.nodes[m.To-1].Step(m) // (a stale message may be refused)
		}
		delivered += len(q)
	}
}

// BenchmarkCommittedWrite measures the cost of a committed write on each
// engine, side by side: each op proposes one 64-byte write at the leader
// and delivers every message synchronously until the cluster is quiet and
// the leader has applied the write. (The followers learn that it committed
// with the next write at the latest.) Only the engines' work is
// counted: the same driver runs both, without the playground's disks,
// network or trace.
func BenchmarkCommittedWrite(b *testing.B) {
	for _, e := range view.Engines {
		for _, size := range []int{3, 5} {
			b.Run(fmt.Sprintf("engine=%s/voters=%d", e, size), func(b *testing.B) {
				c := newBenchCluster(b, e, size)
				l := c.nodes[0]
				payload := make([]byte, 64)
				msgs := 0
				b.ReportAllocs()
				b.ResetTimer()
				for i := range b.N {
					idx, _, err := l.Propose(payload)
					if err != nil {
						b.Fatal(err)
					}
					msgs += c.settle(b)
					if l.AppliedIndex() < idx {
						b.Fatalf("write %d not applied by the leader (applied %d)", idx, l.AppliedIndex())
					}
					if i%1024 == 1023 {
						for _, n := range c.nodes {
							if _, err := n.Compact(n.AppliedIndex(), nil); err != nil {
								b.Fatal(err)
							}
							c.settle(b)
						}
					}
				}
				b.ReportMetric(float64(msgs)/float64(b.N), "msgs/op")
			})
		}
	}
}

// BenchmarkSimulation measures how fast the simulation runs on each
// engine, as raftsim runs a scenario: 5 servers under a client load of 200
// calls a second (a fifth of them reads) with a crash and a restart of the
// leader, 10 s of virtual time an op, the trace discarded. sim-s/s is
// virtual seconds per real second.
func BenchmarkSimulation(b *testing.B) {
	const file = `{"name": "load", "nodes": 5, "until": 10000, "steps": [
		{"at": 100, "do": "load", "rate": 200, "readPct": 20},
		{"at": 4000, "do": "crash", "node": 1}, {"at": 6000, "do": "restart", "node": 1}]}`
	for _, e := range view.Engines {
		b.Run("engine="+e.String(), func(b *testing.B) {
			sc := benchScenario(b, file, e)
			b.ReportAllocs()
			for range b.N {
				w, err := playground.NewWorld(sc)
				if err != nil {
					b.Fatal(err)
				}
				s := playground.NewSession(w, sc.Actions)
				s.DiscardCheckpoints()
				s.DiscardTrace()
				s.RunUntil(sc.Until)
			}
			b.ReportMetric(float64(b.N)*float64(sc.Until)/1000/b.Elapsed().Seconds(), "sim-s/s")
		})
	}
}

// BenchmarkClone measures a checkpoint of time travel on each engine: a
// clone of a 5-server world after 20 s under a client load (its logs
// compacted every 1000 entries).
func BenchmarkClone(b *testing.B) {
	const file = `{"name": "load", "nodes": 5, "until": 20000, "features": {"snapshotEvery": 1000},
		"steps": [{"at": 100, "do": "load", "rate": 200, "readPct": 20}]}`
	for _, e := range view.Engines {
		b.Run("engine="+e.String(), func(b *testing.B) {
			sc := benchScenario(b, file, e)
			w, err := playground.NewWorld(sc)
			if err != nil {
				b.Fatal(err)
			}
			s := playground.NewSession(w, sc.Actions)
			s.DiscardCheckpoints()
			s.RunUntil(sc.Until)
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				_ = s.World().Clone()
			}
		})
	}
}

// benchScenario is the scenario file on engine e.
func benchScenario(b *testing.B, file string, e view.Engine) *view.Scenario {
	sc, err := playground.ParseScenario([]byte(file))
	if err != nil {
		b.Fatal(err)
	}
	sc.Settings.Engine = e
	return sc
}
