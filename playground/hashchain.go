package playground

import "slices"

// hashChain is a run of log prefix hashes, by index (see checker), held in
// chunks of chainChunk. It grows without copying what it holds, and a
// clone shares every chunk: a session's checkpoints then hold each hash
// once, where a slice that doubles leaves each checkpoint its own copy of
// an hour's hashes.
//
// A chunk is written only by the chain that appended its last hash, and
// only past the hashes a clone can see: clone and truncate cap the last
// chunk, so that the next append copies that chunk (chainChunk hashes at
// most) instead of writing where another chain reads.
type hashChain struct {
	chunks [][]uint64
	n      uint64
}

// chainChunk is how many hashes a chunk holds: 32 KiB.
const chainChunk = 4096

// newHashChain returns a chain holding h alone: the hash of the empty
// prefix, at index 0.
func newHashChain(h uint64) hashChain {
	var c hashChain
	c.push(h)
	return c
}

// len is the number of hashes held: indexes 0 to len-1.
func (c *hashChain) len() uint64 { return c.n }

// at is the hash at index i < len.
func (c *hashChain) at(i uint64) uint64 { return c.chunks[i/chainChunk][i%chainChunk] }

// last is the hash at index len-1.
func (c *hashChain) last() uint64 { return c.at(c.n - 1) }

// push appends h at index len.
func (c *hashChain) push(h uint64) {
	k := c.n / chainChunk
	if k == uint64(len(c.chunks)) {
		c.chunks = append(c.chunks, make([]uint64, 0, chainChunk))
	}
	c.chunks[k] = append(c.chunks[k], h)
	c.n++
}

// truncate keeps the first n hashes.
func (c *hashChain) truncate(n uint64) {
	if n >= c.n {
		return
	}
	k, r := n/chainChunk, n%chainChunk
	keep := k
	if r > 0 {
		keep++
		c.chunks[k] = c.chunks[k][:r:r]
	}
	clear(c.chunks[keep:])
	c.chunks = c.chunks[:keep]
	c.n = n
}

// clone returns a chain holding the same hashes, sharing the chunks.
func (c *hashChain) clone() hashChain {
	d := hashChain{chunks: slices.Clone(c.chunks), n: c.n}
	if k := len(d.chunks) - 1; k >= 0 {
		d.chunks[k] = slices.Clip(d.chunks[k])
	}
	return d
}

// prefix returns a chain of the first n hashes, sharing the chunks.
func (c *hashChain) prefix(n uint64) hashChain {
	d := c.clone()
	d.truncate(n)
	return d
}
