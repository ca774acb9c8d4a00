package playground

import "github.com/raftlab/raftlab/raft"

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

// eventQueue is a binary min-heap of events by (at, seq). It is written out
// rather than built on container/heap, whose interface boxing allocated on
// every push.
type eventQueue []event

func (q eventQueue) less(i, j int) bool {
	if q[i].at != q[j].at {
		return q[i].at < q[j].at
	}
	return q[i].seq < q[j].seq
}

func (q *eventQueue) push(e event) {
	*q = append(*q, e)
	h := *q
	for i := len(h) - 1; i > 0; {
		p := (i - 1) / 2
		if !h.less(i, p) {
			break
		}
		h[i], h[p] = h[p], h[i]
		i = p
	}
}

func (q *eventQueue) pop() event {
	h := *q
	top := h[0]
	last := len(h) - 1
	h[0] = h[last]
	h = h[:last]
	for i := 0; ; {
		l, r, m := 2*i+1, 2*i+2, i
		if l < len(h) && h.less(l, m) {
			m = l
		}
		if r < len(h) && h.less(r, m) {
			m = r
		}
		if m == i {
			break
		}
		h[i], h[m] = h[m], h[i]
		i = m
	}
	*q = h
	return top
}

func (w *World) schedule(e event) {
	w.seq++
	e.seq = w.seq
	w.queue.push(e)
}
