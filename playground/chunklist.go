package playground

import "slices"

// chunkList is a list that grows by an item per log entry or client call
// (the checkers' prefix hashes, a client's calls), held in chunks of
// listChunk items. It grows without copying what it holds, and a clone
// shares every chunk: a session's checkpoints then hold each item once,
// where a slice that doubles leaves each checkpoint its own copy of an
// hour's items, and a world restored from one copies none of them.
//
// A chunk is written only by the list that appended its last item, and
// only past the items a clone can see: clone and truncate cap the last
// chunk, so that the next append copies that chunk (listChunk items at
// most) instead of writing where another list reads.
type chunkList[T any] struct {
	chunks [][]T
	n      uint64
}

// listChunk is how many items a chunk holds.
const listChunk = 4096

// listFirstChunk is the capacity a list's first chunk starts with; append
// doubles it up to listChunk, so that a short list (a client's calls: a
// load spreads them over many clients) stays small.
const listFirstChunk = 64

// hashChain is a run of log prefix hashes, by index (see checker).
type hashChain = chunkList[uint64]

// newHashChain returns a chain holding h alone: the hash of the empty
// prefix, at index 0.
func newHashChain(h uint64) hashChain {
	var c hashChain
	c.push(h)
	return c
}

// len is the number of items held: indexes 0 to len-1.
func (c *chunkList[T]) len() uint64 { return c.n }

// at is the item at index i < len.
func (c *chunkList[T]) at(i uint64) T { return c.chunks[i/listChunk][i%listChunk] }

// last is the item at index len-1.
func (c *chunkList[T]) last() T { return c.at(c.n - 1) }

// push appends v at index len.
func (c *chunkList[T]) push(v T) {
	k := c.n / listChunk
	if k == uint64(len(c.chunks)) {
		size := listChunk
		if k == 0 {
			size = listFirstChunk
		}
		c.chunks = append(c.chunks, make([]T, 0, size))
	}
	c.chunks[k] = append(c.chunks[k], v)
	c.n++
}

// truncate keeps the first n items.
func (c *chunkList[T]) truncate(n uint64) {
	if n >= c.n {
		return
	}
	k, r := n/listChunk, n%listChunk
	keep := k
	if r > 0 {
		keep++
		c.chunks[k] = c.chunks[k][:r:r]
	}
	clear(c.chunks[keep:])
	c.chunks = c.chunks[:keep]
	c.n = n
}

// clone returns a list holding the same items, sharing the chunks.
func (c *chunkList[T]) clone() chunkList[T] {
	d := chunkList[T]{chunks: slices.Clone(c.chunks), n: c.n}
	if k := len(d.chunks) - 1; k >= 0 {
		d.chunks[k] = slices.Clip(d.chunks[k])
	}
	return d
}

// prefix returns a list of the first n items, sharing the chunks.
func (c *chunkList[T]) prefix(n uint64) chunkList[T] {
	d := c.clone()
	d.truncate(n)
	return d
}
