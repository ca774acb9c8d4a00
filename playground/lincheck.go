package playground

import (
	"cmp"
	"slices"

	"github.com/raftlab/raftlab/playground/view"
)

// The linearizability checker: the search of Wing and Gong with Lowe's
// cache, as porcupine does it, key by key; but bounded by a count of work
// instead of the clock, so that a history gets the same verdict on every
// machine, however busy.
//
// The search walks a key's calls and returns in time order. At each point it
// tries to linearize a call whose return it has not yet passed; when none
// works it undoes the last one. A point it has seen before (the same calls
// linearized, the same value in the store) is not explored twice. Porcupine
// names the linearized calls with a bitset of the whole history, which it
// hashes and copies at every step; here they are named by the first return
// not yet passed and the calls still open before it, which is the same set
// written compactly: as long as the calls open at once, not the history.
// And a call that no other overlaps, with nothing open before or after it
// (where the history splits into independent segments), is not remembered
// at all: the search passes it one way only. A mostly sequential history
// of 60,000 calls is checked in a few milliseconds.

// linBudget bounds a check's work. A unit is one step of the search (a call
// tried, or one undone) or one call named in the cache key of a point.
type linBudget struct {
	perKey, total int
}

// checkBudget is the budget of a run's check. The histories the test suite
// and raftsim chaos produce need at most 2,000 units (340 on one key), a
// mostly sequential history one or two units a call; spending all of it
// takes about a tenth of a second (BenchmarkLinearizability/exhausted).
var checkBudget = linBudget{perKey: 2_000_000, total: 5_000_000}

// linOp is a settled call; it points into the history it came from.
type linOp struct {
	call, ret   int64
	op          view.Op
	value, from string
	out         view.Result
}

// step is the sequential specification of one key of the store: whether
// the op's result is possible in state s, and the state after it.
func (o *linOp) step(s kvState) (bool, kvState) {
	switch o.op {
	case view.OpPut:
		return true, kvState{value: o.value, exists: true}
	case view.OpDelete:
		return o.out.Found == s.exists, kvState{}
	case view.OpGet:
		return o.out.Found == s.exists && (!s.exists || o.out.Value == s.value), s
	case view.OpCAS:
		if s.value == o.from && (s.exists || o.from == "") {
			return o.out.OK, kvState{value: o.value, exists: true}
		}
		return !o.out.OK, s
	}
	return false, s
}

// linParts settles the n calls of a history as operations does and splits
// them by key, in the order the keys first appear. The parts share one
// array. (The history is read call by call: a copy of 60,000 calls would
// cost more than their check.)
func linParts(n int, call func(int) view.Call, end int64) [][]linOp {
	byKey := map[string]int32{}
	part := make([]int32, n) // each call's key, or -1 if left out
	var count []int
	for i := range n {
		c := call(i)
		part[i] = -1
		if _, _, ok := settle(&c, end); !ok {
			continue
		}
		k, seen := byKey[c.Cmd.Key]
		if !seen {
			k = int32(len(count))
			byKey[c.Cmd.Key] = k
			count = append(count, 0)
		}
		part[i] = k
		count[k]++
	}
	all := make([]linOp, 0, n)
	parts := make([][]linOp, len(count))
	for k, n := range count {
		parts[k] = all[len(all) : len(all) : len(all)+n]
		all = all[:len(all)+n]
	}
	for i, k := range part {
		if k < 0 {
			continue
		}
		c := call(i)
		out, ret, _ := settle(&c, end)
		parts[k] = append(parts[k], linOp{call: c.CallMs * 2, ret: ret*2 + 1, op: c.Cmd.Op, value: c.Cmd.Value, from: c.Cmd.From, out: *out})
	}
	return parts
}

// checkOps gives the verdict on a history split by key, keys in order,
// within the budget: "illegal" if a key's history is not linearizable,
// else "unknown" if a key's search ran out of budget, else "ok".
func checkOps(parts [][]linOp, b linBudget) Linearizability {
	var c linSearch
	left := b.total
	verdict := Linearizability("ok")
	for _, ops := range parts {
		limit := min(b.perKey, left)
		v, used := c.check(ops, limit)
		left -= used
		switch v {
		case "illegal":
			return v
		case "unknown":
			verdict = v
		}
	}
	return verdict
}

// linSearch holds the search's buffers, reused from one key to the next.
type linSearch struct {
	ops []linOp
	// The key's calls and returns in time order, as a doubly linked list
	// from which linearized calls are lifted out: entries 1..2n; 0 is the
	// head and 2n+1 the end.
	at []linEntry
	// Scratch for building at: the ops by call, by return; each op's
	// return entry.
	calls, rets, retOf []int32
	next, prev         []int32
	stack              []linFrame
	// The points seen: a hash leads to a chain of slots; each slot names
	// its point by the first return not passed, the calls open before it
	// (a run of ids), and the state.
	seen  map[uint64]int32
	slots []linSlot
	ids   []int32
	key   []int32
}

type linEntry struct {
	op    int32
	isRet bool
	// match is a call's return entry.
	match int32
	// alone marks a call that no other call overlaps: the search goes
	// past it one way only, so the point after it is not worth
	// remembering. (It can be reached twice, with the same state, after a
	// write that follows concurrent writes; the search then walks on to
	// the next point it remembers, at the next concurrent calls.)
	alone bool
}

type linFrame struct {
	entry int32
	state kvState
}

type linSlot struct {
	state        kvState
	off, n, next int32
}

// check searches one key's history with at most limit units of work:
// its verdict and the work it used.
func (c *linSearch) check(ops []linOp, limit int) (Linearizability, int) {
	c.reset(ops)
	head, end := int32(0), int32(len(c.at)-1)
	var state kvState
	work := 0
	entry := c.next[head]
	for {
		if work >= limit {
			return "unknown", limit // a last name may have gone past it
		}
		work++
		e := &c.at[entry]
		if !e.isRet {
			ok, after := c.ops[e.op].step(state)
			if ok {
				c.lift(entry)
				if c.next[head] == end {
					return "ok", work
				}
				fresh := e.alone
				if !fresh {
					work += c.name()
					fresh = c.remember(after)
				}
				if fresh {
					c.stack = append(c.stack, linFrame{entry, state})
					state = after
					entry = c.next[head]
					continue
				}
				c.unlift(entry)
			}
			entry = c.next[entry]
			continue
		}
		if len(c.stack) == 0 {
			return "illegal", work
		}
		top := c.stack[len(c.stack)-1]
		c.stack = c.stack[:len(c.stack)-1]
		entry, state = top.entry, top.state
		c.unlift(entry)
		entry = c.next[entry]
	}
}

// reset builds the entry list of ops: calls before returns at the same
// time (operations' times never tie that way anyway), then by call.
func (c *linSearch) reset(ops []linOp) {
	c.ops = ops
	n := len(ops)
	// The calls and the returns, each in time order (as they almost always
	// come already), merged: a call before a return at the same time.
	calls := slices.Grow(c.calls[:0], n)[:n]
	rets := slices.Grow(c.rets[:0], n)[:n]
	for i := range n {
		calls[i], rets[i] = int32(i), int32(i)
	}
	byCall := func(a, b int32) int { return cmp.Or(cmp.Compare(ops[a].call, ops[b].call), cmp.Compare(a, b)) }
	byRet := func(a, b int32) int { return cmp.Or(cmp.Compare(ops[a].ret, ops[b].ret), cmp.Compare(a, b)) }
	if !slices.IsSortedFunc(calls, byCall) {
		slices.SortFunc(calls, byCall)
	}
	if !slices.IsSortedFunc(rets, byRet) {
		slices.SortFunc(rets, byRet)
	}
	retOf := slices.Grow(c.retOf[:0], n)[:n]
	c.at = slices.Grow(c.at[:0], 2*n+2)[:1]
	for i, j := 0, 0; i < n || j < n; {
		if i < n && (j == n || ops[calls[i]].call <= ops[rets[j]].ret) {
			c.at = append(c.at, linEntry{op: calls[i]})
			i++
			continue
		}
		retOf[rets[j]] = int32(len(c.at))
		c.at = append(c.at, linEntry{op: rets[j], isRet: true})
		j++
	}
	c.at = append(c.at, linEntry{isRet: true}) // the end stops name's walk
	c.calls, c.rets, c.retOf = calls, rets, retOf
	open := 0
	for i := 1; i <= 2*n; i++ {
		e := &c.at[i]
		if e.isRet {
			open--
			continue
		}
		e.match = retOf[e.op]
		e.alone = open == 0 && e.match == int32(i+1)
		open++
	}
	c.next = slices.Grow(c.next[:0], 2*n+2)[:2*n+2]
	c.prev = slices.Grow(c.prev[:0], 2*n+2)[:2*n+2]
	for i := range c.next {
		c.next[i], c.prev[i] = int32(i+1), int32(i-1)
	}
	c.stack = c.stack[:0]
	if c.seen == nil {
		c.seen = map[uint64]int32{}
	}
	clear(c.seen)
	c.slots = c.slots[:0]
	c.ids = c.ids[:0]
}

// lift takes a call and its return out of the list; unlift puts them back.
func (c *linSearch) lift(e int32) {
	for _, x := range [2]int32{e, c.at[e].match} {
		c.next[c.prev[x]] = c.next[x]
		c.prev[c.next[x]] = c.prev[x]
	}
}

func (c *linSearch) unlift(e int32) {
	for _, x := range [2]int32{c.at[e].match, e} {
		c.next[c.prev[x]] = x
		c.prev[c.next[x]] = x
	}
}

// name reads the name of the point the list stands at into c.key: the
// calls open before the first return, then that return. It returns the
// name's length, the work of reading it.
func (c *linSearch) name() int {
	c.key = c.key[:0]
	x := c.next[0]
	for !c.at[x].isRet {
		c.key = append(c.key, c.at[x].op)
		x = c.next[x]
	}
	c.key = append(c.key, x)
	return len(c.key)
}

// remember records the point named in c.key with the state: false if it
// was seen before.
func (c *linSearch) remember(state kvState) bool {
	h := uint64(0xcbf29ce484222325)
	if state.exists {
		h = 0x9e3779b97f4a7c15
	}
	for i := range len(state.value) {
		h = (h ^ uint64(state.value[i])) * 0x100000001b3
	}
	for _, id := range c.key {
		h = (h ^ uint64(id)) * 0x100000001b3
	}
	first := c.seen[h]
	for s := first; s != 0; s = c.slots[s-1].next {
		sl := &c.slots[s-1]
		if sl.state == state && slices.Equal(c.ids[sl.off:sl.off+sl.n], c.key) {
			return false
		}
	}
	c.slots = append(c.slots, linSlot{state: state, off: int32(len(c.ids)), n: int32(len(c.key)), next: first})
	c.ids = append(c.ids, c.key...)
	c.seen[h] = int32(len(c.slots))
	return true
}
