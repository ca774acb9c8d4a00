package playground

import (
	"container/heap"

	"github.com/raftlab/raftlab/raft"
)

type eventKind uint8

const (
	evDeliver       eventKind = iota + 1 // a flight arrives (id)
	evTimer                              // a node's next timer may fire (node, gen)
	evFsync                              // a node's blocking fsync completes (node, gen)
	evSync                               // a node's background fsync completes (node)
	evClientTimeout                      // a client gives up on an attempt, or retries after a backoff (id = client, gen, node)
	evAdmin                              // retry pending membership changes
)

// event is something scheduled to happen at a virtual time. Ties are broken
// by seq, the order of scheduling, so the simulation is deterministic.
type event struct {
	at   int64
	seq  uint64
	kind eventKind
	node raft.ID
	id   uint64
	gen  uint64
}

type eventQueue []event

func (q eventQueue) Len() int { return len(q) }
func (q eventQueue) Less(i, j int) bool {
	if q[i].at != q[j].at {
		return q[i].at < q[j].at
	}
	return q[i].seq < q[j].seq
}
func (q eventQueue) Swap(i, j int) { q[i], q[j] = q[j], q[i] }
func (q *eventQueue) Push(x any)   { *q = append(*q, x.(event)) }
func (q *eventQueue) Pop() any {
	old := *q
	e := old[len(old)-1]
	*q = old[:len(old)-1]
	return e
}

func (w *World) schedule(e event) {
	w.seq++
	e.seq = w.seq
	heap.Push(&w.queue, e)
}
