package lessons

import (
	"github.com/raftlab/raftlab/lessons/doc"
	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
)

// evalCtx is what an atom reads: the world now, and the step's baseline
// to count from.
type evalCtx struct {
	w *playground.World
	b *Baseline
}

// node resolves a server argument; it returns a reason when it cannot.
func (c *evalCtx) node(a arg) (raft.ID, i18n.Message) {
	switch a.ref {
	case "leader":
		id, ok := c.w.Leader()
		if !ok {
			return raft.None, msg("lessons.fact.no-leader")
		}
		return id, i18n.Message{}
	case "leaderAtStart":
		if c.b.leader == raft.None {
			return raft.None, msg("lessons.fact.no-leader-at-start")
		}
		return c.b.leader, i18n.Message{}
	}
	return a.id, i18n.Message{}
}

// upNode resolves a server argument to a live node.
func (c *evalCtx) upNode(a arg) (*playground.Node, i18n.Message) {
	id, why := c.node(a)
	if !why.Empty() {
		return nil, why
	}
	n := c.w.Node(id)
	switch {
	case n == nil:
		return nil, msg("lessons.fact.no-server", nodeName(id))
	case !n.Up:
		return nil, msg("lessons.fact.down", nodeName(id))
	}
	return n, i18n.Message{}
}

func (c *evalCtx) leaderNode() (*playground.Node, i18n.Message) {
	id, ok := c.w.Leader()
	if !ok {
		return nil, msg("lessons.fact.no-leader")
	}
	return c.w.Node(id), i18n.Message{}
}

func (c *evalCtx) upNodes() []*playground.Node {
	var out []*playground.Node
	for _, id := range c.w.Nodes() {
		if n := c.w.Node(id); n.Up {
			out = append(out, n)
		}
	}
	return out
}

func (c *evalCtx) leaderFact() i18n.Message {
	if id, ok := c.w.Leader(); ok {
		return msg("lessons.fact.leads", nodeName(id), c.w.Node(id).Raft.Term())
	}
	return msg("lessons.fact.nobody-leads")
}

// sameLog reports whether two live nodes hold the same log.
func sameLog(a, b playground.Engine) bool {
	if a.LastIndex() != b.LastIndex() {
		return false
	}
	for i := max(a.FirstIndex(), b.FirstIndex()); i <= a.LastIndex(); i++ {
		ta, _ := a.TermAt(i)
		tb, _ := b.TermAt(i)
		if ta != tb {
			return false
		}
	}
	return true
}

func termAt(r playground.Engine, i uint64) uint64 {
	t, _ := r.TermAt(i)
	return t
}

// atomDef defines one name a condition may use: its arguments, the example
// its errors show, and how it is worked out (b for a condition, n for a
// number, with the reason when it cannot be). The definitions themselves
// are in atoms.go; this file holds what they are built from.
type atomDef struct {
	name string
	num  bool
	// params are the arguments; the last optional ones may be left out,
	// and a variadic atom repeats its last.
	params   []param
	optional int
	variadic bool
	// example is shown when the atom is written wrong.
	example string
	b       func(c *evalCtx, a []arg) (bool, i18n.Message)
	n       func(c *evalCtx, a []arg) (int64, bool, i18n.Message)
}

func (d *atomDef) usage() i18n.Message {
	names := map[param]string{pNode: "lessons.predicate.param.server", pIndex: "lessons.predicate.param.index", pMsg: "lessons.predicate.param.message",
		pRole: "lessons.predicate.param.role", pKey: "lessons.predicate.param.key"}
	switch {
	case len(d.params) == 0:
		return msg("lessons.predicate.usage.none")
	case d.variadic:
		return msg("lessons.predicate.usage.servers")
	}
	parts := doc.List{Sep: "lessons.predicate.usage.and"}
	for _, p := range d.params {
		parts.Items = append(parts.Items, msg(names[p]))
	}
	if d.optional > 0 {
		return msg("lessons.predicate.usage.optional", parts, d.optional)
	}
	return msg("lessons.text", parts)
}

func lookupAtom(name string) *atomDef {
	for _, d := range atoms {
		if d.name == name {
			return d
		}
	}
	return nil
}

func atomNames() []string {
	var out []string
	for _, d := range atoms {
		out = append(out, d.name)
	}
	return out
}

func boolAtom(name string, params []param, example string, f func(c *evalCtx, a []arg) (bool, i18n.Message)) *atomDef {
	return &atomDef{name: name, params: params, example: example, b: f}
}

func numAtom(name string, params []param, example string, f func(c *evalCtx, a []arg) (int64, bool, i18n.Message)) *atomDef {
	return &atomDef{name: name, num: true, params: params, example: example, n: f}
}

// nodeNum makes a number atom over one live server.
func nodeNum(name, example string, f func(n *playground.Node) int64) *atomDef {
	return numAtom(name, []param{pNode}, example, func(c *evalCtx, a []arg) (int64, bool, i18n.Message) {
		n, why := c.upNode(a[0])
		if n == nil {
			return 0, false, why
		}
		return f(n), true, i18n.Message{}
	})
}

// keyOf resolves a server and a key to the server's record of the key: a
// reason instead when the server is down or its store does not hold the
// key.
func (c *evalCtx) keyOf(a []arg) (*playground.Node, playground.KeyValue, i18n.Message) {
	n, why := c.upNode(a[0])
	if n == nil {
		return nil, playground.KeyValue{}, why
	}
	kv, ok := n.KV.Get(a[1].key)
	if !ok {
		return nil, kv, msg("lessons.fact.no-key", nodeName(n.ID), a[1].key)
	}
	return n, kv, i18n.Message{}
}

// keyNum makes a number atom over a key of one live server's store.
func keyNum(name, example string, f func(kv playground.KeyValue) int64) *atomDef {
	return numAtom(name, []param{pNode, pKey}, example, func(c *evalCtx, a []arg) (int64, bool, i18n.Message) {
		n, kv, why := c.keyOf(a)
		if n == nil {
			return 0, false, why
		}
		return f(kv), true, i18n.Message{}
	})
}

// clientCount makes a number atom counting what befell the clients'
// requests since the step began.
func clientCount(name, example string, f func(s playground.ClientStats) int) *atomDef {
	return numAtom(name, nil, example, func(c *evalCtx, _ []arg) (int64, bool, i18n.Message) {
		return int64(f(c.w.ClientStats()) - f(c.b.clients)), true, i18n.Message{}
	})
}

// count makes a number atom counting per-server events since the step
// began.
func count(name, example string, f func(t *tally, id raft.ID) int) *atomDef {
	return numAtom(name, []param{pNode}, example, func(c *evalCtx, a []arg) (int64, bool, i18n.Message) {
		id, why := c.node(a[0])
		if !why.Empty() {
			return 0, false, why
		}
		return int64(f(c.b.update(c.w), id)), true, i18n.Message{}
	})
}

// readCount makes a number atom counting the ReadIndex steps of one stage
// since the step began.
func readCount(name string, stage playground.ReadStage, example string) *atomDef {
	return numAtom(name, nil, example, func(c *evalCtx, _ []arg) (int64, bool, i18n.Message) {
		return int64(c.b.update(c.w).reads[stage]), true, i18n.Message{}
	})
}

// progress makes a number atom from the leader's view of a follower.
func progress(name, example string, f func(p raft.Progress) uint64) *atomDef {
	return numAtom(name, []param{pNode}, example, func(c *evalCtx, a []arg) (int64, bool, i18n.Message) {
		l, why := c.leaderNode()
		if l == nil {
			return 0, false, why
		}
		id, why := c.node(a[0])
		if !why.Empty() {
			return 0, false, why
		}
		if id == l.ID {
			return 0, false, msg("lessons.fact.is-leader", nodeName(id))
		}
		p, ok := l.Raft.PeerProgress(id)
		if !ok {
			return 0, false, msg("lessons.fact.no-replication", nodeName(l.ID), nodeName(id))
		}
		return int64(f(p)), true, i18n.Message{}
	})
}

func (c *evalCtx) writes() (sent, answered int) {
	for i := c.b.historyStart; i < c.w.HistoryLen(); i++ {
		if call := c.w.Call(i); call.Cmd.Op.IsWrite() {
			sent++
			if call.Done {
				answered++
			}
		}
	}
	return sent, answered
}

// config is the cluster's configuration as the conditions see it: the
// leader's, or with no leader the one of the live server of the highest
// term (ties go to the latest configuration, then to the lowest ID). Its
// reason names whose it is.
func (c *evalCtx) config() (raft.Membership, i18n.Message, bool) {
	var best *playground.Node
	if l, _ := c.leaderNode(); l != nil {
		best = l
	} else {
		for _, n := range c.upNodes() {
			if best == nil || n.Raft.Term() > best.Raft.Term() ||
				(n.Raft.Term() == best.Raft.Term() && n.Raft.ConfigIndex() > best.Raft.ConfigIndex()) {
				best = n
			}
		}
	}
	if best == nil {
		return raft.Membership{}, msg("lessons.fact.all-down"), false
	}
	m := best.Raft.Membership()
	if best.Raft.Role() != raft.Leader {
		return m, msg("lessons.fact.config.no-leader", nodeName(best.ID), m), true
	}
	return m, msg("lessons.fact.config", nodeName(best.ID), m), true
}

// member tests a server against the cluster's configuration.
func (c *evalCtx) member(a arg, is func(raft.Membership, raft.ID) bool) (bool, i18n.Message) {
	id, why := c.node(a)
	if !why.Empty() {
		return false, why
	}
	m, why, ok := c.config()
	return ok && is(m, id), why
}

type readTally struct{ sent, answered int }

// reads counts the client reads sent since the step began, and those
// answered.
func (c *evalCtx) reads() readTally {
	var t readTally
	for i := c.b.historyStart; i < c.w.HistoryLen(); i++ {
		call := c.w.Call(i)
		if call.Cmd.Op != view.OpGet {
			continue
		}
		t.sent++
		if call.Done {
			t.answered++
		}
	}
	return t
}
