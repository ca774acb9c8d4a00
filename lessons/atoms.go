package lessons

import (
	"slices"
	"strconv"

	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/raft"
)

// atoms are the names a condition may use. lessons/README.md documents
// each one for lesson authors; TestVocabularyDocumented checks that it
// names them all and that each example parses. They are written in parts,
// one function per kind of thing they look at, so that a reader finds an
// atom by what it is about; the order is the one "did you mean" and the
// fuzz seeds have always seen.
var atoms = slices.Concat(
	roleAtoms(),
	networkAtoms(),
	logAtoms(),
	termAtoms(),
	serverLogAtoms(),
	replicationAtoms(),
	storeAtoms(),
	clusterAtoms(),
	messageAtoms(),
	clientAtoms(),
)

// roleAtoms are the conditions on who leads and in which role each server is.
func roleAtoms() []*atomDef {
	return []*atomDef{
		boolAtom("leader", nil, "leader",
			func(c *evalCtx, _ []arg) (bool, i18n.Message) {
				_, ok := c.w.Leader()
				return ok, c.leaderFact()
			}),
		boolAtom("noLeader", nil, "noLeader",
			func(c *evalCtx, _ []arg) (bool, i18n.Message) {
				_, ok := c.w.Leader()
				return !ok, c.leaderFact()
			}),
		boolAtom("newLeader", nil, "newLeader",
			func(c *evalCtx, _ []arg) (bool, i18n.Message) {
				id, ok := c.w.Leader()
				fact := msg("lessons.fact.new-leader", c.leaderFact(), c.b.maxTerm)
				return ok && c.w.Node(id).Raft.Term() > c.b.maxTerm, fact
			}),
		boolAtom("leaderIs", []param{pNode}, "leaderIs(3)",
			func(c *evalCtx, a []arg) (bool, i18n.Message) {
				id, why := c.node(a[0])
				if !why.Empty() {
					return false, why
				}
				l, ok := c.w.Leader()
				return ok && l == id, c.leaderFact()
			}),
		{name: "leaderIn", params: []param{pNode}, variadic: true, example: "leaderIn(2, 3)",
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
		boolAtom("role", []param{pNode, pRole}, "role(3, candidate)",
			func(c *evalCtx, a []arg) (bool, i18n.Message) {
				n, why := c.upNode(a[0])
				if n == nil {
					return false, why
				}
				return n.Raft.Role() == a[1].role, msg("lessons.fact.role", nodeName(n.ID), msg("lessons.role."+n.Raft.Role().String()), n.Raft.Term())
			}),
		boolAtom("up", []param{pNode}, "up(3)",
			func(c *evalCtx, a []arg) (bool, i18n.Message) {
				id, why := c.node(a[0])
				if !why.Empty() {
					return false, why
				}
				n := c.w.Node(id)
				return n != nil && n.Up, i18n.Message{}
			}),
		boolAtom("down", []param{pNode}, "down(leaderAtStart)",
			func(c *evalCtx, a []arg) (bool, i18n.Message) {
				id, why := c.node(a[0])
				if !why.Empty() {
					return false, why
				}
				n := c.w.Node(id)
				return n != nil && !n.Up, i18n.Message{}
			}),
	}
}

// networkAtoms are the conditions on the network: partitions and cut links.
func networkAtoms() []*atomDef {
	return []*atomDef{
		boolAtom("partitioned", nil, "partitioned",
			func(c *evalCtx, _ []arg) (bool, i18n.Message) {
				net := c.w.Network()
				return net.Partitioned(), i18n.Message{}
			}),
		boolAtom("cut", []param{pNode, pNode}, "cut(1, 2)",
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
	}
}

// logAtoms are the conditions on the servers' logs and what is committed.
func logAtoms() []*atomDef {
	return []*atomDef{
		boolAtom("logsMatch", nil, "logsMatch",
			func(c *evalCtx, _ []arg) (bool, i18n.Message) {
				ns := c.upNodes()
				for _, n := range ns[min(1, len(ns)):] {
					if !sameLog(ns[0].Raft, n.Raft) {
						return false, msg("lessons.fact.log-differs", nodeName(n.ID), nodeName(ns[0].ID))
					}
				}
				return true, i18n.Message{}
			}),
		boolAtom("caughtUp", []param{pNode}, "caughtUp(3)",
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
		boolAtom("committed", []param{pIndex}, "committed(5)",
			func(c *evalCtx, a []arg) (bool, i18n.Message) {
				best := uint64(0)
				for _, n := range c.upNodes() {
					best = max(best, n.Raft.CommitIndex())
				}
				return best >= a[0].n, msg("lessons.fact.commit", best)
			}),
	}
}

// termAtoms are the numbers about time and terms.
func termAtoms() []*atomDef {
	return []*atomDef{
		numAtom("elapsed", nil, "elapsed >= 2s",
			func(c *evalCtx, _ []arg) (int64, bool, i18n.Message) {
				return c.w.Now() - c.b.startMs, true, i18n.Message{}
			}),
		{name: "term", num: true, params: []param{pNode}, optional: 1, example: "term(3) >= 2",
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
		numAtom("leaderTerm", nil, "leaderTerm = 2",
			func(c *evalCtx, _ []arg) (int64, bool, i18n.Message) {
				l, why := c.leaderNode()
				if l == nil {
					return 0, false, why
				}
				return int64(l.Raft.Term()), true, i18n.Message{}
			}),
	}
}

// serverLogAtoms are the numbers about one server's log, and about the leader's
// view of a follower's log.
func serverLogAtoms() []*atomDef {
	return []*atomDef{
		nodeNum("votedFor", "votedFor(4) != 1", func(n *playground.Node) int64 { return int64(n.Raft.HardState().Vote) }),
		nodeNum("commitIndex", "commitIndex(3) >= 5", func(n *playground.Node) int64 { return int64(n.Raft.CommitIndex()) }),
		nodeNum("appliedIndex", "appliedIndex(3) >= 5", func(n *playground.Node) int64 { return int64(n.Raft.AppliedIndex()) }),
		nodeNum("lastIndex", "lastIndex(1) > commitIndex(1)", func(n *playground.Node) int64 { return int64(n.Raft.LastIndex()) }),
		nodeNum("transferTarget", "transferTarget(1) = 3", func(n *playground.Node) int64 { return int64(n.Raft.LeadTransferee()) }),
		numAtom("termAt", []param{pNode, pIndex}, "termAt(3, 5) = 4",
			func(c *evalCtx, a []arg) (int64, bool, i18n.Message) {
				n, why := c.upNode(a[0])
				if n == nil {
					return 0, false, why
				}
				return int64(termAt(n.Raft, a[1].n)), true, i18n.Message{}
			}),
		progress("nextIndex", "nextIndex(3) <= 5", func(p raft.Progress) uint64 { return p.Next }),
		progress("matchIndex", "matchIndex(3) >= 11", func(p raft.Progress) uint64 { return p.Match }),
	}
}

// replicationAtoms are the numbers about how far an entry has spread.
func replicationAtoms() []*atomDef {
	return []*atomDef{
		numAtom("committedOn", []param{pIndex}, "committedOn(5) >= majority",
			func(c *evalCtx, a []arg) (int64, bool, i18n.Message) {
				k := 0
				for _, n := range c.upNodes() {
					if n.Raft.CommitIndex() >= a[0].n {
						k++
					}
				}
				return int64(k), true, i18n.Message{}
			}),
		numAtom("replicatedOn", []param{pIndex}, "replicatedOn(5) >= majority",
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
	}
}

// storeAtoms are the numbers about a server's key-value store.
func storeAtoms() []*atomDef {
	return []*atomDef{
		nodeNum("revision", "revision(1) = 2", func(n *playground.Node) int64 { return n.KV.Revision }),
		keyNum("version", "version(1, x) = 2",
			func(kv playground.KeyValue) int64 { return kv.Version }),
		keyNum("modRevision", "modRevision(1, x) = revision(1)",
			func(kv playground.KeyValue) int64 { return kv.ModRevision }),
		keyNum("createRevision", "createRevision(1, x) = 1",
			func(kv playground.KeyValue) int64 { return kv.CreateRevision }),
		numAtom("value", []param{pNode, pKey}, "value(1, x) = 2",
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
	}
}

// clusterAtoms are about the cluster as a whole: its configuration, its
// size and its safety record.
func clusterAtoms() []*atomDef {
	return []*atomDef{
		boolAtom("voter", []param{pNode}, "voter(4)",
			func(c *evalCtx, a []arg) (bool, i18n.Message) {
				return c.member(a[0], raft.Membership.IsVoter)
			}),
		boolAtom("learner", []param{pNode}, "learner(4)",
			func(c *evalCtx, a []arg) (bool, i18n.Message) {
				return c.member(a[0], raft.Membership.IsLearner)
			}),
		numAtom("voters", nil, "voters = 4",
			func(c *evalCtx, _ []arg) (int64, bool, i18n.Message) {
				m, why, ok := c.config()
				if !ok {
					return 0, false, why
				}
				return int64(len(m.Voters)), true, why
			}),
		numAtom("majority", nil, "committedOn(5) >= majority",
			func(c *evalCtx, _ []arg) (int64, bool, i18n.Message) {
				return int64(len(c.w.Nodes())/2 + 1), true, i18n.Message{}
			}),
		numAtom("nodes", nil, "committedOn(5) = nodes",
			func(c *evalCtx, _ []arg) (int64, bool, i18n.Message) {
				return int64(len(c.w.Nodes())), true, i18n.Message{}
			}),
		numAtom("violations", nil, "violations = 0",
			func(c *evalCtx, _ []arg) (int64, bool, i18n.Message) {
				return int64(len(c.w.Violations())), true, i18n.Message{}
			}),
	}
}

// messageAtoms count what the servers did and sent since the step began.
func messageAtoms() []*atomDef {
	return []*atomDef{
		count("votes", "votes(1) >= 2",
			func(t *tally, id raft.ID) int { return t.votes[id] }),
		count("rejections", "rejections(3) = 6",
			func(t *tally, id raft.ID) int { return t.rejections[id] }),
		count("truncations", "truncations(7) >= 1",
			func(t *tally, id raft.ID) int { return t.truncations[id] }),
		numAtom("elections", nil, "elections = 0",
			func(c *evalCtx, _ []arg) (int64, bool, i18n.Message) {
				return int64(c.w.Stats().Elections - c.b.stats.Elections), true, i18n.Message{}
			}),
		{name: "sent", num: true, params: []param{pMsg, pNode}, optional: 1, example: "sent(RequestVote, 2) >= 1",
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
		numAtom("dropped", nil, "dropped >= 1",
			func(c *evalCtx, _ []arg) (int64, bool, i18n.Message) {
				return int64(c.w.Stats().MessagesDropped - c.b.stats.MessagesDropped), true, i18n.Message{}
			}),
	}
}

// clientAtoms count what befell the clients' requests since the step began,
// and the ReadIndex steps that served their reads.
func clientAtoms() []*atomDef {
	return []*atomDef{
		numAtom("writes", nil, "writes >= 1",
			func(c *evalCtx, _ []arg) (int64, bool, i18n.Message) {
				k, _ := c.writes()
				return int64(k), true, i18n.Message{}
			}),
		numAtom("writesCommitted", nil, "writesCommitted >= 1",
			func(c *evalCtx, _ []arg) (int64, bool, i18n.Message) {
				_, k := c.writes()
				return int64(k), true, i18n.Message{}
			}),
		numAtom("reads", nil, "reads >= 1",
			func(c *evalCtx, _ []arg) (int64, bool, i18n.Message) {
				r := c.reads()
				return int64(r.sent), true, i18n.Message{}
			}),
		readCount("readsHeld", playground.ReadHeld, "readsHeld >= 1"),
		readCount("readIndexes", playground.ReadIndexNoted, "readIndexes >= 1"),
		readCount("readConfirms", playground.ReadConfirmed, "readConfirms >= 1"),
		numAtom("readIndex", []param{pNode}, "readIndex(1) = 4",
			func(c *evalCtx, a []arg) (int64, bool, i18n.Message) {
				n, why := c.upNode(a[0])
				if n == nil {
					return 0, false, why
				}
				if n.Raft.Role() != raft.Leader {
					return 0, false, msg("lessons.fact.not-leader", nodeName(n.ID))
				}
				reads := n.Raft.PendingReads()
				switch {
				case len(reads) == 0:
					return 0, false, msg("lessons.fact.no-read", nodeName(n.ID))
				case reads[0].Phase == raft.ReadWaitingForTermCommit:
					return 0, false, msg("lessons.fact.no-read-index", nodeName(n.ID))
				}
				return int64(reads[0].Index), true, i18n.Message{}
			}),
		numAtom("readsAnswered", nil, "readsAnswered = reads",
			func(c *evalCtx, _ []arg) (int64, bool, i18n.Message) {
				r := c.reads()
				return int64(r.answered), true, i18n.Message{}
			}),
		clientCount("retries", "retries >= 1",
			func(s playground.ClientStats) int { return s.Retries }),
		clientCount("timeouts", "timeouts >= 1",
			func(s playground.ClientStats) int { return s.Timeouts }),
		clientCount("redirects", "redirects >= 1",
			func(s playground.ClientStats) int { return s.Redirects }),
		clientCount("duplicates", "duplicates = 1",
			func(s playground.ClientStats) int { return s.Duplicates }),
		numAtom("staleReads", nil, "staleReads = 0",
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
