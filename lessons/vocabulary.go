package lessons

import (
	"fmt"
	"strconv"

	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/raft"
)

// Baseline is the moment a step began, which a step's predicates count
// from: elapsed time, votes, rejections, elections, messages sent and
// dropped, client writes, and the leader and highest term at that moment.
type Baseline struct {
	startMs      int64
	traceStart   int
	historyStart int
	leader       raft.ID
	maxTerm      uint64
	stats        playground.Stats
	violations   int
	clients      playground.ClientStats

	// The tally of trace events since the start, kept up to date as the
	// world runs (and recounted when the world is replaced by a seek).
	tw      *playground.World
	scanned int
	t       tally
}

type tally struct {
	votes       [playground.MaxNodes + 1]int
	rejections  [playground.MaxNodes + 1]int
	truncations [playground.MaxNodes + 1]int
	// sent counts Raft messages by sender and type (heartbeatMsg for
	// AppendEntries without entries).
	sent [playground.MaxNodes + 1][heartbeatMsg + 1]int
	// reads counts the ReadIndex steps leaders took, by stage (see
	// playground.ReadStage).
	reads [playground.ReadAnswered + 1]int
}

// NewBaseline marks the present of w as a step's start.
func NewBaseline(w *playground.World) *Baseline {
	b := &Baseline{startMs: w.Now(), traceStart: w.TraceLen(), historyStart: len(w.History()), stats: w.Stats(), violations: len(w.Violations()), clients: w.ClientStats()}
	b.leader, _ = w.Leader()
	for _, id := range w.Nodes() {
		if n := w.Node(id); n.Up {
			b.maxTerm = max(b.maxTerm, n.Raft.Term())
		}
	}
	return b
}

// StartMs is when the step began.
func (b *Baseline) StartMs() int64 { return b.startMs }

// LeaderAtStart is the node that led when the step began (None if none).
func (b *Baseline) LeaderAtStart() raft.ID { return b.leader }

func (b *Baseline) update(w *playground.World) *tally {
	if w != b.tw || w.TraceLen() < b.scanned {
		b.tw, b.scanned, b.t = w, b.traceStart, tally{}
	}
	// A long session keeps only the newest part of its trace (and a world
	// restored by a seek, only what led up to the moment sought): count
	// what is kept.
	b.scanned = max(b.scanned, w.TraceStart())
	for ; b.scanned < w.TraceLen(); b.scanned++ {
		e := w.EventAt(b.scanned)
		switch e.Type {
		case playground.EvVote:
			if e.Peer <= playground.MaxNodes {
				b.t.votes[e.Peer]++
			}
		case playground.EvTruncate:
			b.t.truncations[e.Node]++
		case playground.EvRead:
			if e.Read <= playground.ReadAnswered {
				b.t.reads[e.Read]++
			}
		case playground.EvSend:
			f := e.Flight
			if f == nil || f.Kind != playground.FlightRaft || f.From > playground.MaxNodes {
				continue
			}
			m := f.Raft
			if int(m.Type) < heartbeatMsg {
				b.t.sent[f.From][m.Type]++
			}
			if m.IsHeartbeat() {
				b.t.sent[f.From][heartbeatMsg]++
			}
			if m.Type == raft.MsgAppendEntriesResponse && m.Reject {
				b.t.rejections[f.From]++
			}
		}
	}
	return &b.t
}

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
func sameLog(a, b *raft.Node) bool {
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

func termAt(r *raft.Node, i uint64) uint64 {
	t, _ := r.TermAt(i)
	return t
}

type atomDef struct {
	name string
	num  bool
	// params are the arguments; the last optional ones may be left out,
	// and a variadic atom repeats its last.
	params   []param
	optional int
	variadic bool
	doc      string
	example  string
	b        func(c *evalCtx, a []arg) (bool, i18n.Message)
	n        func(c *evalCtx, a []arg) (int64, bool, i18n.Message)
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
	parts := list{sep: "lessons.predicate.usage.and"}
	for _, p := range d.params {
		parts.items = append(parts.items, msg(names[p]))
	}
	if d.optional > 0 {
		return msg("lessons.predicate.usage.optional", parts, d.optional)
	}
	return msg("lessons.text", parts)
}

// Vocabulary documents every name a predicate may use: "name(args)" and
// what it means.
func Vocabulary() []string {
	var out []string
	for _, d := range atoms {
		kind := "condition"
		if d.num {
			kind = "number"
		}
		out = append(out, fmt.Sprintf("%s (%s): %s", d.example, kind, d.doc))
	}
	return out
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

func boolAtom(name string, params []param, doc, example string, f func(c *evalCtx, a []arg) (bool, i18n.Message)) *atomDef {
	return &atomDef{name: name, params: params, doc: doc, example: example, b: f}
}

func numAtom(name string, params []param, doc, example string, f func(c *evalCtx, a []arg) (int64, bool, i18n.Message)) *atomDef {
	return &atomDef{name: name, num: true, params: params, doc: doc, example: example, n: f}
}

// nodeNum makes a number atom over one live server.
func nodeNum(name, doc, example string, f func(n *playground.Node) int64) *atomDef {
	return numAtom(name, []param{pNode}, doc, example, func(c *evalCtx, a []arg) (int64, bool, i18n.Message) {
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
func keyNum(name, doc, example string, f func(kv playground.KeyValue) int64) *atomDef {
	return numAtom(name, []param{pNode, pKey}, doc, example, func(c *evalCtx, a []arg) (int64, bool, i18n.Message) {
		n, kv, why := c.keyOf(a)
		if n == nil {
			return 0, false, why
		}
		return f(kv), true, i18n.Message{}
	})
}

// clientCount makes a number atom counting what befell the clients'
// requests since the step began.
func clientCount(name, doc, example string, f func(s playground.ClientStats) int) *atomDef {
	return numAtom(name, nil, doc, example, func(c *evalCtx, _ []arg) (int64, bool, i18n.Message) {
		return int64(f(c.w.ClientStats()) - f(c.b.clients)), true, i18n.Message{}
	})
}

// count makes a number atom counting per-server events since the step
// began.
func count(name, doc, example string, f func(t *tally, id raft.ID) int) *atomDef {
	return numAtom(name, []param{pNode}, doc, example, func(c *evalCtx, a []arg) (int64, bool, i18n.Message) {
		id, why := c.node(a[0])
		if !why.Empty() {
			return 0, false, why
		}
		return int64(f(c.b.update(c.w), id)), true, i18n.Message{}
	})
}

// readCount makes a number atom counting the ReadIndex steps of one stage
// since the step began.
func readCount(name string, stage playground.ReadStage, doc, example string) *atomDef {
	return numAtom(name, nil, doc, example, func(c *evalCtx, _ []arg) (int64, bool, i18n.Message) {
		return int64(c.b.update(c.w).reads[stage]), true, i18n.Message{}
	})
}

// progress makes a number atom from the leader's view of a follower.
func progress(name, doc, example string, f func(p raft.Progress) uint64) *atomDef {
	return numAtom(name, []param{pNode}, doc, example, func(c *evalCtx, a []arg) (int64, bool, i18n.Message) {
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

var atoms []*atomDef

func init() {
	atoms = []*atomDef{
		// Leaders and roles.
		boolAtom("leader", nil, "some server leads (the live leader of the highest term)", "leader",
			func(c *evalCtx, _ []arg) (bool, i18n.Message) {
				_, ok := c.w.Leader()
				return ok, c.leaderFact()
			}),
		boolAtom("noLeader", nil, "no live server leads", "noLeader",
			func(c *evalCtx, _ []arg) (bool, i18n.Message) {
				_, ok := c.w.Leader()
				return !ok, c.leaderFact()
			}),
		boolAtom("newLeader", nil, "a server leads in a term higher than any term when the step began", "newLeader",
			func(c *evalCtx, _ []arg) (bool, i18n.Message) {
				id, ok := c.w.Leader()
				fact := msg("lessons.fact.new-leader", c.leaderFact(), c.b.maxTerm)
				return ok && c.w.Node(id).Raft.Term() > c.b.maxTerm, fact
			}),
		boolAtom("leaderIs", []param{pNode}, "this server leads", "leaderIs(3)",
			func(c *evalCtx, a []arg) (bool, i18n.Message) {
				id, why := c.node(a[0])
				if !why.Empty() {
					return false, why
				}
				l, ok := c.w.Leader()
				return ok && l == id, c.leaderFact()
			}),
		{name: "leaderIn", params: []param{pNode}, variadic: true, doc: "one of these servers leads", example: "leaderIn(2, 3)",
			b: func(c *evalCtx, a []arg) (bool, i18n.Message) {
				l, ok := c.w.Leader()
				if !ok {
					return false, c.leaderFact()
				}
				for _, x := range a {
					if id, why := c.node(x); why.Empty() && id == l {
						return true, c.leaderFact()
					}
				}
				return false, c.leaderFact()
			}},
		boolAtom("role", []param{pNode, pRole}, "the server is up in this role (follower, pre-candidate, candidate, leader)", "role(3, candidate)",
			func(c *evalCtx, a []arg) (bool, i18n.Message) {
				n, why := c.upNode(a[0])
				if n == nil {
					return false, why
				}
				return n.Raft.Role() == a[1].role, msg("lessons.fact.role", nodeName(n.ID), msg("lessons.role."+n.Raft.Role().String()), n.Raft.Term())
			}),
		boolAtom("up", []param{pNode}, "the server is running", "up(3)",
			func(c *evalCtx, a []arg) (bool, i18n.Message) {
				id, why := c.node(a[0])
				if !why.Empty() {
					return false, why
				}
				n := c.w.Node(id)
				return n != nil && n.Up, i18n.Message{}
			}),
		boolAtom("down", []param{pNode}, "the server has crashed (and not restarted)", "down(leaderAtStart)",
			func(c *evalCtx, a []arg) (bool, i18n.Message) {
				id, why := c.node(a[0])
				if !why.Empty() {
					return false, why
				}
				n := c.w.Node(id)
				return n != nil && !n.Up, i18n.Message{}
			}),

		// The network.
		boolAtom("partitioned", nil, "the network is split into groups (partition or isolate)", "partitioned",
			func(c *evalCtx, _ []arg) (bool, i18n.Message) {
				net := c.w.Network()
				return net.Partitioned(), i18n.Message{}
			}),
		boolAtom("cut", []param{pNode, pNode}, "messages from the first server cannot reach the second (a cut link or a partition)", "cut(1, 2)",
			func(c *evalCtx, a []arg) (bool, i18n.Message) {
				from, why := c.node(a[0])
				if !why.Empty() {
					return false, why
				}
				to, why := c.node(a[1])
				if !why.Empty() {
					return false, why
				}
				for _, id := range []raft.ID{from, to} {
					if c.w.Node(id) == nil {
						return false, msg("lessons.fact.no-server", nodeName(id))
					}
				}
				net := c.w.Network()
				return !net.Connected(from, to), i18n.Message{}
			}),

		// Logs.
		boolAtom("logsMatch", nil, "every live server holds the same log", "logsMatch",
			func(c *evalCtx, _ []arg) (bool, i18n.Message) {
				ns := c.upNodes()
				for _, n := range ns[min(1, len(ns)):] {
					if !sameLog(ns[0].Raft, n.Raft) {
						return false, msg("lessons.fact.log-differs", nodeName(n.ID), nodeName(ns[0].ID))
					}
				}
				return true, i18n.Message{}
			}),
		boolAtom("caughtUp", []param{pNode}, "the server's log is the same as the leader's", "caughtUp(3)",
			func(c *evalCtx, a []arg) (bool, i18n.Message) {
				n, why := c.upNode(a[0])
				if n == nil {
					return false, why
				}
				l, why := c.leaderNode()
				if l == nil {
					return false, why
				}
				return sameLog(n.Raft, l.Raft), i18n.Message{}
			}),
		boolAtom("committed", []param{pIndex}, "the entry at this index is committed (some live server's commit index reaches it)", "committed(5)",
			func(c *evalCtx, a []arg) (bool, i18n.Message) {
				best := uint64(0)
				for _, n := range c.upNodes() {
					best = max(best, n.Raft.CommitIndex())
				}
				return best >= a[0].n, msg("lessons.fact.commit", best)
			}),

		// Numbers: time and terms.
		numAtom("elapsed", nil, "milliseconds since the step began (write 1500, 1500ms or 1.5s)", "elapsed >= 2s",
			func(c *evalCtx, _ []arg) (int64, bool, i18n.Message) {
				return c.w.Now() - c.b.startMs, true, i18n.Message{}
			}),
		{name: "term", num: true, params: []param{pNode}, optional: 1, doc: "the highest term of any live server, or one server's term", example: "term(3) >= 2",
			n: func(c *evalCtx, a []arg) (int64, bool, i18n.Message) {
				if len(a) == 1 {
					n, why := c.upNode(a[0])
					if n == nil {
						return 0, false, why
					}
					return int64(n.Raft.Term()), true, i18n.Message{}
				}
				best := uint64(0)
				for _, n := range c.upNodes() {
					best = max(best, n.Raft.Term())
				}
				return int64(best), true, i18n.Message{}
			}},
		numAtom("leaderTerm", nil, "the leader's term", "leaderTerm = 2",
			func(c *evalCtx, _ []arg) (int64, bool, i18n.Message) {
				l, why := c.leaderNode()
				if l == nil {
					return 0, false, why
				}
				return int64(l.Raft.Term()), true, i18n.Message{}
			}),

		// Numbers: one server's log.
		nodeNum("votedFor", "the server this one voted for in its current term (0: nobody)", "votedFor(4) != 1", func(n *playground.Node) int64 { return int64(n.Raft.HardState().Vote) }),
		nodeNum("commitIndex", "the server's commit index", "commitIndex(3) >= 5", func(n *playground.Node) int64 { return int64(n.Raft.CommitIndex()) }),
		nodeNum("appliedIndex", "the last entry the server applied to its state machine", "appliedIndex(3) >= 5", func(n *playground.Node) int64 { return int64(n.Raft.AppliedIndex()) }),
		nodeNum("lastIndex", "the index of the server's last log entry", "lastIndex(1) > commitIndex(1)", func(n *playground.Node) int64 { return int64(n.Raft.LastIndex()) }),
		nodeNum("transferTarget", "the server this leader is handing leadership to (0: none, or the transfer was done or abandoned)", "transferTarget(1) = 3", func(n *playground.Node) int64 { return int64(n.Raft.Status().LeadTransferee) }),
		numAtom("termAt", []param{pNode, pIndex}, "the term of the server's entry at this index (0 when it has none)", "termAt(3, 5) = 4",
			func(c *evalCtx, a []arg) (int64, bool, i18n.Message) {
				n, why := c.upNode(a[0])
				if n == nil {
					return 0, false, why
				}
				return int64(termAt(n.Raft, a[1].n)), true, i18n.Message{}
			}),
		progress("nextIndex", "the leader's nextIndex for this follower", "nextIndex(3) <= 5", func(p raft.Progress) uint64 { return p.Next }),
		progress("matchIndex", "the leader's matchIndex for this follower", "matchIndex(3) >= 11", func(p raft.Progress) uint64 { return p.Match }),

		// Numbers: the cluster.
		numAtom("committedOn", []param{pIndex}, "how many live servers have a commit index at least this high", "committedOn(5) >= majority",
			func(c *evalCtx, a []arg) (int64, bool, i18n.Message) {
				k := 0
				for _, n := range c.upNodes() {
					if n.Raft.CommitIndex() >= a[0].n {
						k++
					}
				}
				return int64(k), true, i18n.Message{}
			}),
		numAtom("replicatedOn", []param{pIndex}, "how many live servers (the leader included) hold the leader's entry at this index", "replicatedOn(5) >= majority",
			func(c *evalCtx, a []arg) (int64, bool, i18n.Message) {
				l, why := c.leaderNode()
				if l == nil {
					return 0, false, why
				}
				want := termAt(l.Raft, a[0].n)
				if want == 0 {
					return 0, true, msg("lessons.fact.no-entry", a[0].n)
				}
				k := 0
				for _, n := range c.upNodes() {
					if termAt(n.Raft, a[0].n) == want {
						k++
					}
				}
				return int64(k), true, i18n.Message{}
			}),
		// The key-value store.
		nodeNum("revision", "the revision of the server's store: how many changes it has applied", "revision(1) = 2", func(n *playground.Node) int64 { return n.KV.Revision }),
		keyNum("version", "how many times the key was changed since it was created, in the server's store (unknown when it does not hold the key)", "version(1, x) = 2",
			func(kv playground.KeyValue) int64 { return kv.Version }),
		keyNum("modRevision", "the revision of the key's last change, in the server's store (unknown when it does not hold the key)", "modRevision(1, x) = revision(1)",
			func(kv playground.KeyValue) int64 { return kv.ModRevision }),
		keyNum("createRevision", "the revision that created the key, in the server's store (unknown when it does not hold the key)", "createRevision(1, x) = 1",
			func(kv playground.KeyValue) int64 { return kv.CreateRevision }),
		numAtom("value", []param{pNode, pKey}, "the key's value in the server's store, a whole number (unknown when it does not hold the key, or holds a value that is not a whole number)", "value(1, x) = 2",
			func(c *evalCtx, a []arg) (int64, bool, i18n.Message) {
				n, kv, why := c.keyOf(a)
				if n == nil {
					return 0, false, why
				}
				v, err := strconv.ParseInt(kv.Value, 10, 64)
				if err != nil {
					return 0, false, msg("lessons.fact.not-number", nodeName(n.ID), a[1].key, kv.Value)
				}
				return v, true, i18n.Message{}
			}),

		// Membership.
		boolAtom("voter", []param{pNode}, "the server is a voter in the cluster's configuration (the leader's; with no leader, the highest-term live server's)", "voter(4)",
			func(c *evalCtx, a []arg) (bool, i18n.Message) {
				return c.member(a[0], raft.Membership.IsVoter)
			}),
		boolAtom("learner", []param{pNode}, "the server is a learner (it receives the log but does not vote) in the cluster's configuration (the leader's; with no leader, the highest-term live server's)", "learner(4)",
			func(c *evalCtx, a []arg) (bool, i18n.Message) {
				return c.member(a[0], raft.Membership.IsLearner)
			}),
		numAtom("voters", nil, "how many voters the cluster's configuration has (the leader's; with no leader, the highest-term live server's)", "voters = 4",
			func(c *evalCtx, _ []arg) (int64, bool, i18n.Message) {
				m, why, ok := c.config()
				if !ok {
					return 0, false, why
				}
				return int64(len(m.Voters)), true, why
			}),
		numAtom("majority", nil, "a majority of the servers: 2 of 3, 3 of 5, 4 of 7", "committedOn(5) >= majority",
			func(c *evalCtx, _ []arg) (int64, bool, i18n.Message) {
				return int64(len(c.w.Nodes())/2 + 1), true, i18n.Message{}
			}),
		numAtom("nodes", nil, "the number of servers in the cluster, up or down", "committedOn(5) = nodes",
			func(c *evalCtx, _ []arg) (int64, bool, i18n.Message) {
				return int64(len(c.w.Nodes())), true, i18n.Message{}
			}),
		numAtom("violations", nil, "safety violations found so far in the run", "violations = 0",
			func(c *evalCtx, _ []arg) (int64, bool, i18n.Message) {
				return int64(len(c.w.Violations())), true, i18n.Message{}
			}),

		// Numbers: what happened since the step began.
		count("votes", "votes granted to this server since the step began (from the others: its own vote is not counted)", "votes(1) >= 2",
			func(t *tally, id raft.ID) int { return t.votes[id] }),
		count("rejections", "AppendEntries this server rejected since the step began", "rejections(3) = 6",
			func(t *tally, id raft.ID) int { return t.rejections[id] }),
		count("truncations", "times this server deleted conflicting entries from its log since the step began", "truncations(7) >= 1",
			func(t *tally, id raft.ID) int { return t.truncations[id] }),
		numAtom("elections", nil, "elections started since the step began (a server became a candidate)", "elections = 0",
			func(c *evalCtx, _ []arg) (int64, bool, i18n.Message) {
				return int64(c.w.Stats().Elections - c.b.stats.Elections), true, i18n.Message{}
			}),
		{name: "sent", num: true, params: []param{pMsg, pNode}, optional: 1, doc: "messages of a type sent since the step began, by anyone or by one server (heartbeat: AppendEntries without entries)", example: "sent(RequestVote, 2) >= 1",
			n: func(c *evalCtx, a []arg) (int64, bool, i18n.Message) {
				t := c.b.update(c.w)
				if len(a) == 2 {
					id, why := c.node(a[1])
					if !why.Empty() {
						return 0, false, why
					}
					return int64(t.sent[id][a[0].msg]), true, i18n.Message{}
				}
				k := 0
				for id := range t.sent {
					k += t.sent[id][a[0].msg]
				}
				return int64(k), true, i18n.Message{}
			}},
		numAtom("dropped", nil, "messages between servers lost since the step began (cut, partitioned, crashed receiver, dropped)", "dropped >= 1",
			func(c *evalCtx, _ []arg) (int64, bool, i18n.Message) {
				return int64(c.w.Stats().MessagesDropped - c.b.stats.MessagesDropped), true, i18n.Message{}
			}),
		numAtom("writes", nil, "client writes (put, delete, cas) sent since the step began", "writes >= 1",
			func(c *evalCtx, _ []arg) (int64, bool, i18n.Message) {
				k, _ := c.writes()
				return int64(k), true, i18n.Message{}
			}),
		numAtom("writesCommitted", nil, "client writes sent since the step began that the cluster has committed and answered", "writesCommitted >= 1",
			func(c *evalCtx, _ []arg) (int64, bool, i18n.Message) {
				_, k := c.writes()
				return int64(k), true, i18n.Message{}
			}),
		numAtom("reads", nil, "client reads (get) sent since the step began", "reads >= 1",
			func(c *evalCtx, _ []arg) (int64, bool, i18n.Message) {
				r := c.reads()
				return int64(r.sent), true, i18n.Message{}
			}),
		readCount("readsHeld", playground.ReadHeld, "ReadIndex reads a leader held since the step began, because it had not yet committed an entry of its own term (its no-op)", "readsHeld >= 1"),
		readCount("readIndexes", playground.ReadIndexNoted, "read indexes leaders noted since the step began (a leader notes its commit index as a read's read index)", "readIndexes >= 1"),
		readCount("readConfirms", playground.ReadConfirmed, "heartbeat rounds since the step began that a majority answered, confirming that a leader still led for its pending reads", "readConfirms >= 1"),
		numAtom("readIndex", []param{pNode}, "the read index of this leader's oldest pending ReadIndex read (unknown when it has none, or while that read waits for an entry of the leader's term to commit)", "readIndex(1) = 4",
			func(c *evalCtx, a []arg) (int64, bool, i18n.Message) {
				n, why := c.upNode(a[0])
				if n == nil {
					return 0, false, why
				}
				if n.Raft.Role() != raft.Leader {
					return 0, false, msg("lessons.fact.not-leader", nodeName(n.ID))
				}
				reads := n.Raft.Status().PendingReads
				switch {
				case len(reads) == 0:
					return 0, false, msg("lessons.fact.no-read", nodeName(n.ID))
				case reads[0].Phase == raft.ReadWaitingForTermCommit:
					return 0, false, msg("lessons.fact.no-read-index", nodeName(n.ID))
				}
				return int64(reads[0].Index), true, i18n.Message{}
			}),
		numAtom("readsAnswered", nil, "client reads sent since the step began that a server has answered", "readsAnswered = reads",
			func(c *evalCtx, _ []arg) (int64, bool, i18n.Message) {
				r := c.reads()
				return int64(r.answered), true, i18n.Message{}
			}),
		clientCount("retries", "client requests sent again since the step began, after a timeout, a redirect or a refusal (every attempt after a request's first)", "retries >= 1",
			func(s playground.ClientStats) int { return s.Retries }),
		clientCount("timeouts", "client attempts since the step began that got no answer in time (a client waits 1 s, then tries another server)", "timeouts >= 1",
			func(s playground.ClientStats) int { return s.Timeouts }),
		clientCount("redirects", "redirects that reached a client since the step began: a server that does not lead sent the request to the leader it knows", "redirects >= 1",
			func(s playground.ClientStats) int { return s.Redirects }),
		clientCount("duplicates", "log entries that repeat a client's write (same client, same sequence number) and were applied again, counted when the first server (normally the leader) applied them since the step began: only without client sessions", "duplicates = 1",
			func(s playground.ClientStats) int { return s.Duplicates }),
		numAtom("staleReads", nil, "answered reads, sent since the step began, that missed a write of their key acknowledged to its client before the read was sent (the playground's No Stale Reads check)", "staleReads = 0",
			func(c *evalCtx, _ []arg) (int64, bool, i18n.Message) {
				k, why := 0, i18n.Message{}
				for _, r := range c.w.StaleReads() {
					if r.Call >= c.b.historyStart {
						if k == 0 {
							why = msg("lessons.text", r.Message)
						}
						k++
					}
				}
				return int64(k), true, why
			}),
	}
}

func (c *evalCtx) writes() (sent, answered int) {
	h := c.w.History()
	for _, call := range h[min(c.b.historyStart, len(h)):] {
		if call.Cmd.Op.IsWrite() {
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
	h := c.w.History()
	for _, call := range h[min(c.b.historyStart, len(h)):] {
		if call.Cmd.Op != playground.OpGet {
			continue
		}
		t.sent++
		if call.Done {
			t.answered++
		}
	}
	return t
}
