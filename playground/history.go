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
//
// A call is kept as a callRec: its numbers inline and its strings (key,
// values) in the chunk's string table, so that a call costs about half of
// a view.Call and the collector scans only the strings. An hour of client
// load at 100 calls a second is 360,000 calls.
type historyLog struct {
	chunks []*callChunk
	n      int
	// gen marks the chunks this log may change in place; chunks of any
	// other generation are shared and copied before a change.
	gen uint64
}

type callChunk struct {
	gen   uint64
	calls []callRec
	// strs holds the chunk's strings; a callRec names one by its index
	// plus one (0 is the empty string). Strings replaced by a change stay
	// until the chunk is copied: a call changes a few times at most.
	strs []string
}

// callRec is a view.Call stored compactly (see historyLog).
type callRec struct {
	callMs, returnMs  int64
	seq               uint64
	revision          int64 // Result.Revision
	effectRevision    int64 // Effect.Revision
	client, cmdClient int32
	attempts          int32
	// key, value and from are the command's strings, result and effect
	// the values of Result and Effect (see callChunk.strs).
	key, value, from, result, effect uint32
	node                             view.ID
	op                               view.Op
	read                             view.ReadMode
	flags                            callFlags
}

type callFlags uint8

const (
	callDone callFlags = 1 << iota
	callApplied
	callOK
	callFound
	callEffectOK
	callEffectFound
)

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
		c = &callChunk{gen: h.gen, calls: slices.Clip(slices.Clone(c.calls)), strs: slices.Clip(slices.Clone(c.strs))}
		h.chunks[k] = c
	}
	return c
}

func (h *historyLog) add(call view.Call) int {
	if h.n%callChunkSize == 0 {
		h.chunks = append(h.chunks, &callChunk{gen: h.gen, calls: make([]callRec, 0, callChunkSize), strs: make([]string, 0, 2*callChunkSize)})
	}
	c := h.own(len(h.chunks) - 1)
	c.calls = append(c.calls, callRec{})
	c.store(&c.calls[len(c.calls)-1], &call)
	h.n++
	return h.n - 1
}

// get returns call i.
func (h *historyLog) get(i int) view.Call {
	c := h.chunks[i/callChunkSize]
	return c.load(&c.calls[i%callChunkSize])
}

// rec is call i's record, to read a number of it without building the
// call.
func (h *historyLog) rec(i int) *callRec {
	return &h.chunks[i/callChunkSize].calls[i%callChunkSize]
}

// set replaces call i.
func (h *historyLog) set(i int, call view.Call) {
	c := h.own(i / callChunkSize)
	c.store(&c.calls[i%callChunkSize], &call)
}

// applied records that call i took effect with res, unless it already
// had: every server applies a write, and only the first says what it did.
// (It reads and writes the record in place: it runs once per server for
// every write.)
func (h *historyLog) applied(i int, res view.Result) {
	k := i / callChunkSize
	if h.chunks[k].calls[i%callChunkSize].flags&callApplied != 0 {
		return
	}
	c := h.own(k)
	r := &c.calls[i%callChunkSize]
	r.flags |= callApplied
	r.flags &^= callEffectOK | callEffectFound
	if res.OK {
		r.flags |= callEffectOK
	}
	if res.Found {
		r.flags |= callEffectFound
	}
	r.effect, r.effectRevision = c.str(res.Value, r.effect), res.Revision
}

// clone shares every chunk: from now on both logs copy before they change
// one.
func (h *historyLog) clone() historyLog {
	c := historyLog{chunks: slices.Clone(h.chunks), n: h.n, gen: generations.Add(1)}
	h.gen = generations.Add(1)
	return c
}

// returned counts the calls that returned.
func (h *historyLog) returned() int {
	n := 0
	for _, c := range h.chunks {
		for i := range c.calls {
			if c.calls[i].flags&callDone != 0 {
				n++
			}
		}
	}
	return n
}

func (h *historyLog) all() []view.Call {
	out := make([]view.Call, 0, h.n)
	for _, c := range h.chunks {
		for i := range c.calls {
			out = append(out, c.load(&c.calls[i]))
		}
	}
	return out
}

// str returns the index of s in the chunk's strings, adding it unless it
// is empty or the string already stored at old (so that a call stored
// again with the same strings adds none).
func (c *callChunk) str(s string, old uint32) uint32 {
	switch {
	case s == "":
		return 0
	case old > 0 && c.strs[old-1] == s:
		return old
	}
	c.strs = append(c.strs, s)
	return uint32(len(c.strs))
}

// text is the string at index i (see str).
func (c *callChunk) text(i uint32) string {
	if i == 0 {
		return ""
	}
	return c.strs[i-1]
}

// store writes call into r, one of the chunk's records.
func (c *callChunk) store(r *callRec, call *view.Call) {
	f := callFlags(0)
	for _, b := range [...]struct {
		on   bool
		flag callFlags
	}{{call.Done, callDone}, {call.Applied, callApplied}, {call.Result.OK, callOK}, {call.Result.Found, callFound}, {call.Effect.OK, callEffectOK}, {call.Effect.Found, callEffectFound}} {
		if b.on {
			f |= b.flag
		}
	}
	*r = callRec{
		callMs: call.CallMs, returnMs: call.ReturnMs, seq: call.Cmd.Seq,
		revision: call.Result.Revision, effectRevision: call.Effect.Revision,
		client: int32(call.Client), cmdClient: int32(call.Cmd.Client), attempts: int32(call.Attempts),
		key: c.str(call.Cmd.Key, r.key), value: c.str(call.Cmd.Value, r.value), from: c.str(call.Cmd.From, r.from),
		result: c.str(call.Result.Value, r.result), effect: c.str(call.Effect.Value, r.effect),
		node: call.Node, op: call.Cmd.Op, read: call.Read, flags: f,
	}
}

// load is the call r holds.
func (c *callChunk) load(r *callRec) view.Call {
	return view.Call{
		Client:   int(r.client),
		Cmd:      view.Command{Client: int(r.cmdClient), Seq: r.seq, Op: r.op, Key: c.text(r.key), Value: c.text(r.value), From: c.text(r.from)},
		Read:     r.read,
		Node:     r.node,
		CallMs:   r.callMs,
		ReturnMs: r.returnMs,
		Done:     r.flags&callDone != 0,
		Result:   view.Result{OK: r.flags&callOK != 0, Found: r.flags&callFound != 0, Value: c.text(r.result), Revision: r.revision},
		Attempts: int(r.attempts),
		Applied:  r.flags&callApplied != 0,
		Effect:   view.Result{OK: r.flags&callEffectOK != 0, Found: r.flags&callEffectFound != 0, Value: c.text(r.effect), Revision: r.effectRevision},
	}
}
