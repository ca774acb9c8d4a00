package playground

import (
	"slices"
	"sync/atomic"

	"github.com/raftlab/raftlab/playground/view"
)

// historyLog is the client history, in chunks that a world and its clones
// share until one of them changes a call in one (copy on write). A
// session's checkpoint then costs the chunks changed since, not the whole
// history, which matters once a session has run for an hour.
type historyLog struct {
	chunks []*callChunk
	n      int
	// gen marks the chunks this log may change in place; chunks of any
	// other generation are shared and copied before a change.
	gen uint64
}

type callChunk struct {
	gen   uint64
	calls []view.Call
}

// callChunkSize is how many calls a chunk holds. Each checkpoint of a
// session costs a copy of the chunk being filled, so chunks are small: in
// an hour's session (BenchmarkWindowedSession) 256 kept 75 MB live, 64
// keeps 67 MB.
const callChunkSize = 64

// generations hands out chunk generations. It is bookkeeping only: no
// generation ever reaches the simulation or its output.
var generations atomic.Uint64

func newHistoryLog() historyLog { return historyLog{gen: generations.Add(1)} }

// own returns chunk k, copied first if it is shared.
func (h *historyLog) own(k int) *callChunk {
	c := h.chunks[k]
	if c.gen != h.gen {
		c = &callChunk{gen: h.gen, calls: slices.Clip(slices.Clone(c.calls))}
		h.chunks[k] = c
	}
	return c
}

func (h *historyLog) add(call view.Call) int {
	if h.n%callChunkSize == 0 {
		h.chunks = append(h.chunks, &callChunk{gen: h.gen, calls: make([]view.Call, 0, callChunkSize)})
	}
	c := h.own(len(h.chunks) - 1)
	c.calls = append(c.calls, call)
	h.n++
	return h.n - 1
}

func (h *historyLog) get(i int) *view.Call {
	return &h.chunks[i/callChunkSize].calls[i%callChunkSize]
}

// mut returns call i for changing it.
func (h *historyLog) mut(i int) *view.Call {
	return &h.own(i / callChunkSize).calls[i%callChunkSize]
}

// clone shares every chunk: from now on both logs copy before they change
// one.
func (h *historyLog) clone() historyLog {
	c := historyLog{chunks: slices.Clone(h.chunks), n: h.n, gen: generations.Add(1)}
	h.gen = generations.Add(1)
	return c
}

func (h *historyLog) all() []view.Call {
	out := make([]view.Call, 0, h.n)
	for _, c := range h.chunks {
		out = append(out, c.calls...)
	}
	return out
}
