package raft

import (
	"fmt"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestOutboxNeverOverwritesAHeldBatch: batches handed out stay as they were
// while later ones are gathered, across arenas; a release reuses the arena
// only when the batch released is the latest, so a batch the host still
// holds is never overwritten; and a clone's batches share nothing with the
// original's.
func TestOutboxNeverOverwritesAHeldBatch(t *testing.T) {
	var o outbox[int]
	next := 0
	batch := func(n int) []int {
		for range n {
			next++
			o.push(next)
		}
		return o.take()
	}
	type held struct{ got, want []int }
	var all []held
	keep := func(b []int) []int {
		all = append(all, held{b, slices.Clone(b)})
		return b
	}
	check := func(when string) {
		t.Helper()
		for i, h := range all {
			if !slices.Equal(h.got, h.want) {
				t.Fatalf("%s: batch %d changed: %v, was %v", when, i, h.got, h.want)
			}
		}
	}
	for i := range 50 {
		keep(batch(i%7 + 1)) // fills several arenas
	}
	check("after gathering")

	older := keep(batch(3))
	keep(batch(2))
	o.release(older) // not the latest: must not rewind over newer
	keep(batch(5))
	check("after releasing an older batch")

	latest := batch(4)
	o.release(latest)
	again := batch(4)
	if &again[0] != &o.arena[0] {
		t.Fatal("releasing the latest batch did not reuse its arena from the start")
	}
	all = all[:0]
	keep(again)

	c := o.clone()
	c.push(-1)
	keep(batch(3))
	if cb := c.take(); len(cb) != 1 || cb[0] != -1 {
		t.Fatalf("the clone's batch is %v", cb)
	}
	c.release(c.take())
	c.push(-2)
	check("after the clone gathered and released")
}

// TestReleaseChangesNothing: a cluster whose host hands every batch back
// (so that each node reuses its outboxes' memory) runs exactly as one whose
// host keeps them.
func TestReleaseChangesNothing(t *testing.T) {
	run := func(release bool) *cluster {
		c := defaultCluster(t, 5, nil)
		c.release = release
		c.electLeader(1)
		for i := range 300 {
			c.propose(c.leader(), fmt.Sprint(i))
			if i%50 == 25 {
				c.isolate(c.leader())
				c.tick(30)
				c.heal()
			}
			c.deliver(0)
		}
		return c
	}
	kept, released := run(false), run(true)
	require.Equal(t, kept.String(), released.String())
	require.Equal(t, kept.sent, released.sent)
	require.Equal(t, kept.applied, released.applied)
	for id, w := range kept.wals {
		require.Equal(t, w.Bytes(), released.wals[id].Bytes(), "node %d's WAL", id)
	}
	require.Greater(t, kept.sent[MsgAppendEntries], 1000)
}
