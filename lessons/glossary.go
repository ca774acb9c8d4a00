package lessons

import (
	"fmt"
	"slices"
	"strings"
)

// Entry is a key term: the word as the playground shows it, and what it
// means, in a sentence or two a view can show when the term is pointed at.
type Entry struct {
	Term    string
	Meaning string
}

// Glossary lists the key terms a lesson may mark with `backquotes`. They
// match the labels of the playground (node roles, the feed, the logs panel,
// the settings), so a term in the narration is a word the learner can find
// on screen.
var Glossary = []Entry{
	{"server", "One member of the cluster, drawn as a circle: S1, S2, …"},
	{"cluster", "The servers that together keep one replicated log."},
	{"follower", "A server that listens: it answers the leader and candidates, and starts an election if it stops hearing from a leader."},
	{"candidate", "A server that has timed out and asks the others for their votes, to become leader of a new term."},
	{"pre-candidate", "With PreVote, a server that timed out first asks whether it could win, without raising its term; only if a majority says yes does it become a candidate."},
	{"leader", "The one server that takes client writes, appends them to its log and replicates them to the followers."},
	{"term", "Raft's logical clock: each term begins with an election and has at most one leader. Every message carries its sender's term, and a server that sees a higher term adopts it."},
	{"election timeout", "How long a follower waits without hearing from a leader before it becomes a candidate; random, between a minimum and a maximum, so servers rarely time out together."},
	{"election", "A candidate's attempt to gather a majority of votes in its term."},
	{"vote", "A server's support for one candidate; each server votes at most once per term, for a candidate whose log is at least as up to date as its own."},
	{"majority", "More than half of the servers: 2 of 3, 3 of 5, 4 of 7. Any two majorities share a server, which is why Raft can be safe."},
	{"split vote", "An election in which no candidate gets a majority; the candidates time out again and retry in a higher term."},
	{"heartbeat", "An AppendEntries with no entries, sent by the leader every heartbeat interval to say \"I am still here\" and reset the followers' election timeouts."},
	{"RequestVote", "The message a candidate sends to ask for a vote; it carries the candidate's term and the index and term of its last log entry."},
	{"PreVote", "The message a pre-candidate sends to ask whether it could win an election, before raising its term."},
	{"AppendEntries", "The message a leader sends to replicate entries (or, empty, as a heartbeat); it names the entry just before the new ones (prevLogIndex, prevLogTerm), which the follower must already hold."},
	{"InstallSnapshot", "The message a leader sends instead of entries a follower needs but the leader has compacted away."},
	{"TimeoutNow", "The message a leader sends to hand over leadership: the receiver starts an election at once."},
	{"log", "A server's list of entries, numbered from 1. The leader's log is the truth; followers' logs are made to match it."},
	{"entry", "One slot of the log: a command (or a no-op, or a configuration) and the term in which a leader created it."},
	{"index", "An entry's position in the log, from 1."},
	{"no-op", "The empty entry a new leader appends at once, so that it can commit an entry of its own term, and with it everything before."},
	{"commit index", "The highest log index known to be committed: stored on a majority, so it will never be lost. Drawn as a bar in the logs panel."},
	{"committed", "Stored on a majority by the leader of its term: it will survive any crash of a minority, and every future leader will hold it."},
	{"applied index", "The highest entry a server has executed on its state machine (the key-value store); never beyond the commit index."},
	{"nextIndex", "The leader's guess, per follower, of the next entry to send it (\"n\" in the logs panel). It starts just past the leader's last entry and walks back when the follower rejects."},
	{"matchIndex", "The highest entry the leader knows a follower holds exactly as the leader does (\"m\" in the logs panel)."},
	{"prevLogIndex", "In AppendEntries, the index of the entry just before the new ones; the follower accepts only if it holds an entry there with the same term (prevLogTerm)."},
	{"conflict", "Two logs holding different terms at the same index. The follower's conflicting entries were never committed, and are deleted and replaced by the leader's."},
	{"fast backtracking", "An optimisation of log repair: a follower that rejects AppendEntries says which term conflicts and where that term starts in its log, so the leader can skip back a whole term at once instead of one entry at a time."},
	{"crash", "A server stops: it loses everything in memory, but what its disk had synced (its term, its vote, its log) survives a restart."},
	{"partition", "The network splits into groups of servers that cannot reach each other."},
	{"client", "A program outside the cluster that sends reads and writes, to the leader (or is redirected to it)."},
	{"CheckQuorum", "A leader steps down when it has not heard from a majority for an election timeout, so a cut-off leader stops believing it leads."},
	{"learner", "A server that receives the log but does not vote and does not count towards a majority; a new server starts as one until it has caught up."},
	{"leadership transfer", "Handing leadership to a chosen follower on purpose: the leader brings the target's log up to date, then sends it TimeoutNow so it starts an election at once."},
	{"snapshot", "A copy of a server's state machine (the key-value store) as of an applied entry; the server then deletes the log up to that entry. A leader sends its snapshot, with InstallSnapshot, to a follower that needs entries it has deleted."},
	{"ReadIndex", "A safe way to answer a read: the leader notes its commit index, confirms with a heartbeat round that a majority still follows it, waits until it has applied up to that index, then answers."},
	{"Election Safety", "One of Raft's five safety properties: at most one leader can be elected in a given term."},
	{"Leader Append-Only", "One of Raft's five safety properties: a leader never overwrites or deletes entries in its log; it only appends new ones."},
	{"Log Matching", "One of Raft's five safety properties: if two logs hold an entry with the same index and term, the logs are identical in all entries up to that index."},
	{"Leader Completeness", "One of Raft's five safety properties: if an entry is committed in a term, it is in the log of every leader of every later term."},
	{"State Machine Safety", "One of Raft's five safety properties: once a server has applied an entry at an index, no server ever applies a different entry at that index."},
	{"up to date", "How a voter compares logs: the log whose last entry has the higher term is more up to date; with equal last terms, the longer log is. A server votes only for a candidate whose log is at least as up to date as its own."},
	{"linearizable", "A read or write that behaves as if there were one copy of the data: it takes effect at one moment between its request and its answer, so a read sees every write that finished before the read began."},
	{"stale read", "A read that misses a write which was acknowledged before the read was sent: it returns an older value, so it is not linearizable."},
	{"client session", "The state machine remembers, per client, the sequence number of its last applied request and its answer, so that a retried write is applied only once."},
	{"WAL", "The write-ahead log on a server's disk: every entry, term and vote is appended there, and synced (fsync), before the server acts on it."},
	{"fsync", "Asking the disk to make written data durable; until it returns, a crash can lose the data."},
	{"revision", "etcd's logical clock for the key-value store: a counter that every change increments. Each key keeps the revision that created it, the revision that last changed it, and its version (how many times it changed)."},
	{"compaction", "Deleting history that is no longer needed. Raft log compaction replaces a prefix of the log with a snapshot; etcd's MVCC compaction deletes old revisions of keys."},
	{"configuration", "The set of servers that vote (and the learners). A change to it travels through the log as an entry, and a server uses it as soon as the entry is in its log."},
	{"joint consensus", "Raft's general way to change the configuration: for a while, decisions need a majority of the old configuration and a majority of the new one."},
	{"lease", "A period, shorter than the minimum election timeout, after a majority has answered the leader's heartbeats, during which no other leader can be elected; with CheckQuorum, a leader may answer reads from its own store while its lease holds."},
}

// Lookup finds a key term, ignoring case and a plural s.
func Lookup(term string) (Entry, bool) {
	t := strings.ToLower(strings.TrimSpace(term))
	cands := []string{t, strings.TrimSuffix(t, "s"), strings.TrimSuffix(t, "es")}
	if base, ok := strings.CutSuffix(t, "ies"); ok {
		cands = append(cands, base+"y")
	}
	for _, cand := range cands {
		for _, e := range Glossary {
			if strings.ToLower(e.Term) == cand {
				return e, true
			}
		}
	}
	return Entry{}, false
}

// checkTerm accepts a glossary term or a server's name (S1 to S9).
func checkTerm(term string) error {
	if len(term) == 2 && term[0] == 'S' && term[1] >= '1' && term[1] <= '9' {
		return nil
	}
	if _, ok := Lookup(term); ok {
		return nil
	}
	var names []string
	for _, e := range Glossary {
		names = append(names, e.Term)
	}
	msg := fmt.Sprintf("`%s` is not a key term", term)
	if s := suggest(term, names); s != "" {
		msg += fmt.Sprintf(" (did you mean `%s`?)", s)
	}
	return fmt.Errorf("%s; `backquotes` are for the terms of the glossary, which match the labels on screen (%s): write other words plain or in **bold**", msg, strings.Join(names, ", "))
}

// suggest returns the candidate closest to s, if it is close enough to be
// a likely misspelling.
func suggest(s string, candidates []string) string {
	best, bestD := "", 1<<30
	ls := strings.ToLower(s)
	for _, c := range candidates {
		d := editDistance(ls, strings.ToLower(c))
		if d < bestD {
			best, bestD = c, d
		}
	}
	if bestD <= max(2, len(s)/4) {
		return best
	}
	return ""
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = slices.Min([]int{prev[j] + 1, cur[j-1] + 1, prev[j-1] + cost})
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
