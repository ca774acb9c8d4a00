package raft

import "slices"

// outboxArena is how many messages or records an outbox allocates room for
// at a time.
const outboxArena = 64

// outbox gathers a node's pending messages or WAL records. They are
// appended to an arena; Ready hands the batch out capped and the next batch
// is gathered after it in the same arena, so a handed-out batch is never
// written again (a host may keep one as long as it likes) and a node
// allocates once per arena rather than once per Ready. A host that is done
// with its batches says so (Node.Release), and the arena is reused from its
// start.
type outbox[T any] struct {
	// arena is the whole arena (len == cap); its first used elements have
	// been handed out, and q is gathered after them.
	arena []T
	used  int
	// q is the batch being gathered.
	q []T
}

func (o *outbox[T]) push(v T) {
	if len(o.q) == cap(o.q) {
		o.arena = make([]T, max(outboxArena, 2*len(o.q)))
		o.q = o.arena[:copy(o.arena, o.q)]
		o.used = 0
	}
	o.q = append(o.q, v)
}

// take hands out the batch gathered, capped so that appends to it copy; an
// empty batch is nil.
func (o *outbox[T]) take() []T {
	b := o.q
	if len(b) == 0 {
		return nil
	}
	o.q = b[len(b):]
	o.used += len(b)
	return b[:len(b):len(b)]
}

// release lets later batches overwrite b and every batch handed out before
// it. It does nothing unless b is the last batch handed out and no other is
// being gathered, so that no batch the host has not released is touched.
func (o *outbox[T]) release(b []T) {
	if len(b) == 0 || len(o.q) > 0 || o.used < len(b) || o.used > len(o.arena) || &o.arena[o.used-len(b)] != &b[0] {
		return
	}
	o.q, o.used = o.arena[:0], 0
}

// clone returns a copy that shares no arena with o (sharing one, both
// would write into its unused rest, and a release would let one overwrite
// the other's batches).
func (o *outbox[T]) clone() outbox[T] {
	return outbox[T]{q: slices.Clip(slices.Clone(o.q))}
}
