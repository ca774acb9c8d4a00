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
// written compactly. Where no call is open but one, as almost everywhere in
// a sequential history, that name is one call long, and a check of
// 60,000 calls costs a few milliseconds.

// linBudget bounds a check's work. A unit is one step of the search (a call
// tried, or one undone) or one call named in the cache key of a point.
type linBudget struct {
	perKey, total int
}

// checkBudget is the budget of a run's check. Every history the test suite
// and raftsim chaos produce needs less than a thousandth of it (the
// largest, a 60,000-call run, takes about 250,000 units); spending all of
// it takes about half a second on a laptop of 2025.
var checkBudget = linBudget{perKey: 20_000_000, total: 50_000_000}

// linOp is a settled call, its strings interned: 0 is "no value", other
// numbers name the strings the history holds.
type linOp struct {
	call, ret int64
	op        view.Op
	value     int32
	from      int32
	// fromEmpty is set when a cas expects the key not to exist ("").
	fromEmpty bool
	ok, found bool
	read      int32
}

// step applies the op to the state (an interned value, 0 if the key does
// not exist): whether the op's result is possible there, and the state
// after it. It is kvModel's Step on interned values.
func (o *linOp) step(s int32) (bool, int32) {
	switch o.op {
	case view.OpPut:
		return true, o.value
	case view.OpDelete:
		return o.found == (s != 0), 0
	case view.OpGet:
		return o.found == (s != 0) && (s == 0 || o.read == s), s
	case view.OpCAS:
		matches := s == o.from || (s == 0 && o.fromEmpty)
		if matches {
			return o.ok, o.value
		}
		return !o.ok, s
	}
	return false, s
}

// linParts settles the history as operations does and splits it by key, in
// the order the keys first appear.
func linParts(history []view.Call, end int64) [][]linOp {
	names := map[string]int32{}
	intern := func(s string) int32 {
		n, ok := names[s]
		if !ok {
			n = int32(len(names) + 1)
			names[s] = n
		}
		return n
	}
	byKey := map[string]int{}
	var parts [][]linOp
	for _, c := range history {
		out, ret, ok := settle(c, end)
		if !ok {
			continue
		}
		i, seen := byKey[c.Cmd.Key]
		if !seen {
			i = len(parts)
			byKey[c.Cmd.Key] = i
			parts = append(parts, nil)
		}
		o := linOp{call: c.CallMs * 2, ret: ret*2 + 1, op: c.Cmd.Op, value: intern(c.Cmd.Value),
			ok: out.OK, found: out.Found}
		if c.Cmd.Op == view.OpCAS {
			o.from, o.fromEmpty = intern(c.Cmd.From), c.Cmd.From == ""
		}
		if out.Found {
			o.read = intern(out.Value)
		}
		parts[i] = append(parts[i], o)
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
	at         []linEntry
	next, prev []int32
	stack      []linFrame
	// The points seen: a hash leads to a chain of slots; each slot names
	// its point by the first return not passed, the calls open before it
	// (a run of ids), and the state.
	seen  map[uint64]int32
	slots []linSlot
	ids   []int32
	key   []int32
}

type linEntry struct {
	time  int64
	op    int32
	isRet bool
	// match is a call's return entry.
	match int32
}

type linFrame struct {
	entry, state int32
}

type linSlot struct {
	state, off, n, next int32
}

// check searches one key's history with at most limit units of work:
// its verdict and the work it used.
func (c *linSearch) check(ops []linOp, limit int) (Linearizability, int) {
	c.reset(ops)
	head, end := int32(0), int32(len(c.at)-1)
	state := int32(0)
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
				work += c.name()
				if c.remember(after) {
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
	c.at = slices.Grow(c.at[:0], 2*n+2)[:1]
	for i, o := range ops {
		c.at = append(c.at, linEntry{time: o.call, op: int32(i)}, linEntry{time: o.ret, op: int32(i), isRet: true})
	}
	slices.SortFunc(c.at[1:], func(a, b linEntry) int {
		if a.time != b.time {
			return cmp.Compare(a.time, b.time)
		}
		if a.isRet != b.isRet {
			if a.isRet {
				return 1
			}
			return -1
		}
		return cmp.Compare(a.op, b.op)
	})
	c.at = append(c.at, linEntry{isRet: true}) // the end stops name's walk
	retOf := c.ids[:0]                         // scratch: op → its return entry
	retOf = slices.Grow(retOf, n)[:n]
	for i := 1; i <= 2*n; i++ {
		if c.at[i].isRet {
			retOf[c.at[i].op] = int32(i)
		}
	}
	for i := 1; i <= 2*n; i++ {
		if !c.at[i].isRet {
			c.at[i].match = retOf[c.at[i].op]
		}
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
	c.ids = retOf[:0]
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
func (c *linSearch) remember(state int32) bool {
	h := uint64(state)*0x9e3779b97f4a7c15 ^ 0xcbf29ce484222325
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
