package doc

import (
	"strings"

	"github.com/raftlab/raftlab/playground/i18n"
)

// Entry is a key term: the word as the playground shows it, and what it
// means, in a sentence or two a view can show when the term is pointed at;
// in English and in Chinese. The Chinese terms are the ones of the Chinese
// etcd and Raft literature, which keeps the English term beside the
// Chinese one on first use (领导者(Leader)): the Chinese lessons do the
// same (see markTerms).
type Entry struct {
	Term    string
	Meaning string
	// Zh and ZhMeaning are the term and its meaning in Simplified
	// Chinese. A term that the Chinese literature writes in English
	// (RequestVote, WAL) has Zh equal to Term.
	Zh        string
	ZhMeaning string
}

// Glossary lists the key terms a lesson may mark with `backquotes`. They
// match the labels of the playground (node roles, the feed, the logs panel,
// the settings), so a term in the narration is a word the learner can find
// on screen.
var Glossary = []Entry{
	{"server", "One member of the cluster, drawn as a circle: S1, S2, …",
		"服务器", "集群中的一员，画成一个圆：S1、S2……"},
	{"cluster", "The servers that together keep one replicated log.",
		"集群", "共同维护同一份复制日志的一组服务器。"},
	{"follower", "A server that listens: it answers the leader and candidates, and starts an election if it stops hearing from a leader.",
		"跟随者", "被动的服务器：它应答领导者和候选人；一段时间收不到领导者的消息，就发起选举。"},
	{"candidate", "A server that has timed out and asks the others for their votes, to become leader of a new term.",
		"候选人", "选举超时后向其他服务器拉票、想成为新任期领导者的服务器。"},
	{"pre-candidate", "With PreVote, a server that timed out first asks whether it could win, without raising its term; only if a majority says yes does it become a candidate.",
		"预候选人", "开启预投票（PreVote）时，超时的服务器先不提升任期，只问大家它能否赢得选举；多数派同意后，它才成为候选人。"},
	{"leader", "The one server that takes client writes, appends them to its log and replicates them to the followers.",
		"领导者", "唯一接收客户端写请求的服务器：它把写追加到自己的日志，再复制给跟随者。"},
	{"term", "Raft's logical clock: each term begins with an election and has at most one leader. Every message carries its sender's term, and a server that sees a higher term adopts it.",
		"任期", "Raft 的逻辑时钟：每个任期以一次选举开始，至多有一个领导者。每条消息都带着发送者的任期，服务器看到更高的任期就采用它。"},
	{"election timeout", "How long a follower waits without hearing from a leader before it becomes a candidate; random, between a minimum and a maximum, so servers rarely time out together.",
		"选举超时", "跟随者收不到领导者消息时等待多久才成为候选人；在最小值与最大值之间随机取，所以服务器很少同时超时。"},
	{"election", "A candidate's attempt to gather a majority of votes in its term.",
		"选举", "候选人在自己的任期里争取多数派选票的过程。"},
	{"vote", "A server's support for one candidate; each server votes at most once per term, for a candidate whose log is at least as up to date as its own.",
		"选票", "服务器对某个候选人的支持；每个服务器每个任期至多投一票，只投给日志至少和自己一样新的候选人。"},
	{"majority", "More than half of the servers: 2 of 3, 3 of 5, 4 of 7. Any two majorities share a server, which is why Raft can be safe.",
		"多数派", "超过半数的服务器：3 个中的 2 个，5 个中的 3 个，7 个中的 4 个。任意两个多数派至少有一个共同成员，这是 Raft 安全的根基。"},
	{"split vote", "An election in which no candidate gets a majority; the candidates time out again and retry in a higher term.",
		"选票瓜分", "没有候选人拿到多数派选票的选举；候选人会再次超时，在更高的任期重试。"},
	{"heartbeat", "An AppendEntries with no entries, sent by the leader every heartbeat interval to say \"I am still here\" and reset the followers' election timeouts.",
		"心跳", "领导者每隔一个心跳间隔发送的不带条目的 AppendEntries，表示“我还在”，并重置跟随者的选举超时。"},
	{"RequestVote", "The message a candidate sends to ask for a vote; it carries the candidate's term and the index and term of its last log entry.",
		"RequestVote", "候选人拉票的消息；它带着候选人的任期，以及它最后一条日志条目的索引和任期。"},
	{"PreVote", "The message a pre-candidate sends to ask whether it could win an election, before raising its term.",
		"预投票", "预候选人在提升任期之前发出的消息，询问自己能否赢得选举。"},
	{"AppendEntries", "The message a leader sends to replicate entries (or, empty, as a heartbeat); it names the entry just before the new ones (prevLogIndex, prevLogTerm), which the follower must already hold.",
		"AppendEntries", "领导者复制日志条目的消息（不带条目时就是心跳）；它指明新条目之前的那一条（prevLogIndex、prevLogTerm），跟随者必须已经有这一条。"},
	{"InstallSnapshot", "The message a leader sends instead of entries a follower needs but the leader has compacted away.",
		"InstallSnapshot", "跟随者需要的条目已被领导者压缩掉时，领导者改发快照所用的消息。"},
	{"TimeoutNow", "The message a leader sends to hand over leadership: the receiver starts an election at once.",
		"TimeoutNow", "领导者移交领导权时发送的消息：接收者立即发起选举。"},
	{"log", "A server's list of entries, numbered from 1. The leader's log is the truth; followers' logs are made to match it.",
		"日志", "服务器上从 1 开始编号的条目列表。领导者的日志就是事实；跟随者的日志要被修成和它一致。"},
	{"entry", "One slot of the log: a command (or a no-op, or a configuration) and the term in which a leader created it.",
		"日志条目", "日志中的一格：一条命令（或空条目、或成员配置），以及创建它的领导者所在的任期。"},
	{"index", "An entry's position in the log, from 1.",
		"索引", "条目在日志中的位置，从 1 开始。"},
	{"no-op", "The empty entry a new leader appends at once, so that it can commit an entry of its own term, and with it everything before.",
		"空条目", "新领导者上任后立即追加的空条目：提交了一条自己任期的条目，之前的所有条目也随之提交。"},
	{"commit index", "The highest log index known to be committed: stored on a majority, so it will never be lost. Drawn as a bar in the logs panel.",
		"提交索引", "已知已提交的最高日志索引：它已存到多数派上，永远不会丢失。日志面板中画成一条竖线。"},
	{"committed", "Stored on a majority by the leader of its term: it will survive any crash of a minority, and every future leader will hold it.",
		"已提交", "由当前任期的领导者存到了多数派上：少数服务器崩溃也不会丢，以后的每个领导者都有它。"},
	{"applied index", "The highest entry a server has executed on its state machine (the key-value store); never beyond the commit index.",
		"应用索引", "服务器已在状态机（键值存储）上执行到的最高条目；不会超过提交索引。"},
	{"nextIndex", "The leader's guess, per follower, of the next entry to send it (\"n\" in the logs panel). It starts just past the leader's last entry and walks back when the follower rejects.",
		"nextIndex", "领导者对每个跟随者的估计：下一条要发给它的条目（日志面板中的“n”）。起初是领导者最后一条之后，跟随者拒绝时往回退。"},
	{"matchIndex", "The highest entry the leader knows a follower holds exactly as the leader does (\"m\" in the logs panel).",
		"matchIndex", "领导者确知某个跟随者与自己完全一致的最高条目（日志面板中的“m”）。"},
	{"prevLogIndex", "In AppendEntries, the index of the entry just before the new ones; the follower accepts only if it holds an entry there with the same term (prevLogTerm).",
		"prevLogIndex", "AppendEntries 中新条目之前那一条的索引；跟随者只有在该位置有任期相同（prevLogTerm）的条目时才接受。"},
	{"conflict", "Two logs holding different terms at the same index. The follower's conflicting entries were never committed, and are deleted and replaced by the leader's.",
		"冲突", "两份日志在同一索引处任期不同。跟随者的冲突条目从未提交，会被删除并换成领导者的条目。"},
	{"fast backtracking", "An optimisation of log repair: a follower that rejects AppendEntries says which term conflicts and where that term starts in its log, so the leader can skip back a whole term at once instead of one entry at a time.",
		"快速回退", "日志修复的一种优化：跟随者拒绝 AppendEntries 时说明冲突的任期以及它在自己日志中从哪里开始，领导者就能一次跳过整个任期，而不必一条一条往回退。"},
	{"crash", "A server stops: it loses everything in memory, but what its disk had synced (its term, its vote, its log) survives a restart.",
		"崩溃", "服务器停止运行：内存中的一切都丢了，但磁盘上已同步（fsync）的内容（任期、选票、日志）重启后还在。"},
	{"partition", "The network splits into groups of servers that cannot reach each other.",
		"网络分区", "网络分裂成几组，组与组之间的服务器互相联系不上。"},
	{"client", "A program outside the cluster that sends reads and writes, to the leader (or is redirected to it).",
		"客户端", "集群之外发送读写请求的程序：请求发给领导者（或被重定向到领导者）。"},
	{"CheckQuorum", "A leader steps down when it has not heard from a majority for an election timeout, so a cut-off leader stops believing it leads.",
		"CheckQuorum", "领导者在一个选举超时内收不到多数派的消息就下台，这样被隔离的领导者不会一直以为自己还在领导。"},
	{"learner", "A server that receives the log but does not vote and does not count towards a majority; a new server starts as one until it has caught up.",
		"学习者", "接收日志但不投票、不计入多数派的服务器；新服务器先以学习者身份加入，直到追上进度。"},
	{"leadership transfer", "Handing leadership to a chosen follower on purpose: the leader brings the target's log up to date, then sends it TimeoutNow so it starts an election at once.",
		"领导权转移", "有意把领导权交给指定的跟随者：领导者先把目标的日志补齐，再给它发 TimeoutNow，让它立即发起选举。"},
	{"snapshot", "A copy of a server's state machine (the key-value store) as of an applied entry; the server then deletes the log up to that entry. A leader sends its snapshot, with InstallSnapshot, to a follower that needs entries it has deleted.",
		"快照", "服务器状态机（键值存储）在某个已应用条目处的副本；之后服务器删掉该条目及之前的日志。跟随者需要已删除的条目时，领导者用 InstallSnapshot 把快照发给它。"},
	{"ReadIndex", "A safe way to answer a read: the leader notes its commit index, confirms with a heartbeat round that a majority still follows it, waits until it has applied up to that index, then answers.",
		"ReadIndex", "一种安全的读法：领导者记下自己的提交索引，用一轮心跳确认多数派仍然跟随它，等自己应用到该索引后再回答。"},
	{"Election Safety", "One of Raft's five safety properties: at most one leader can be elected in a given term.",
		"选举安全性", "Raft 的五条安全性质之一：一个任期内至多选出一个领导者。"},
	{"Leader Append-Only", "One of Raft's five safety properties: a leader never overwrites or deletes entries in its log; it only appends new ones.",
		"领导者只追加", "Raft 的五条安全性质之一：领导者从不覆盖或删除自己日志中的条目，只追加新条目。"},
	{"Log Matching", "One of Raft's five safety properties: if two logs hold an entry with the same index and term, the logs are identical in all entries up to that index.",
		"日志匹配", "Raft 的五条安全性质之一：如果两份日志在同一索引处的条目任期相同，那么到该索引为止两份日志完全相同。"},
	{"Leader Completeness", "One of Raft's five safety properties: if an entry is committed in a term, it is in the log of every leader of every later term.",
		"领导者完备性", "Raft 的五条安全性质之一：某个任期提交的条目，一定出现在之后每个任期的领导者的日志中。"},
	{"State Machine Safety", "One of Raft's five safety properties: once a server has applied an entry at an index, no server ever applies a different entry at that index.",
		"状态机安全性", "Raft 的五条安全性质之一：一个服务器在某个索引处应用了某条目后，任何服务器都不会在该索引处应用不同的条目。"},
	{"up to date", "How a voter compares logs: the log whose last entry has the higher term is more up to date; with equal last terms, the longer log is. A server votes only for a candidate whose log is at least as up to date as its own.",
		"日志新旧", "投票时比较日志的规则：最后一条条目任期更高的日志更新；最后任期相同时，更长的日志更新。服务器只投给日志至少和自己一样新的候选人。"},
	{"linearizable", "A read or write that behaves as if there were one copy of the data: it takes effect at one moment between its request and its answer, so a read sees every write that finished before the read began.",
		"线性一致", "读写的效果如同只有一份数据：每个操作在请求与应答之间的某一刻生效，所以读一定能看到读开始前已完成的每次写。"},
	{"stale read", "A read that misses a write which was acknowledged before the read was sent: it returns an older value, so it is not linearizable.",
		"过期读", "漏掉了读请求发出前已确认的写的读：它返回旧值，所以不是线性一致的。"},
	{"client session", "The state machine remembers, per client, the sequence number of its last applied request and its answer, so that a retried write is applied only once.",
		"客户端会话", "状态机为每个客户端记住它最后一个已应用请求的序号和应答，这样重试的写只会应用一次。"},
	{"WAL", "The write-ahead log on a server's disk: every entry, term and vote is appended there, and synced (fsync), before the server acts on it.",
		"WAL", "服务器磁盘上的预写日志：每个条目、任期和选票都先追加到这里并同步（fsync），服务器才据此行动。"},
	{"fsync", "Asking the disk to make written data durable; until it returns, a crash can lose the data.",
		"fsync", "要求磁盘把已写入的数据持久化；它返回之前，崩溃可能丢失这些数据。"},
	{"revision", "etcd's logical clock for the key-value store: a counter that every change increments. Each key keeps the revision that created it, the revision that last changed it, and its version (how many times it changed).",
		"revision", "etcd 键值存储的逻辑时钟：每次修改都会加一的计数器。每个键记录创建它的 revision、最后修改它的 revision，以及它的 version（被修改了几次）。"},
	{"compaction", "Deleting history that is no longer needed. Raft log compaction replaces a prefix of the log with a snapshot; etcd's MVCC compaction deletes old revisions of keys.",
		"压缩", "删除不再需要的历史。Raft 日志压缩用快照替换日志的前缀；etcd 的 MVCC 压缩删除键的旧 revision。"},
	{"configuration", "The set of servers that vote (and the learners). A change to it travels through the log as an entry, and a server uses it as soon as the entry is in its log.",
		"成员配置", "参与投票的服务器（以及学习者）的集合。对它的修改作为一个条目经由日志传播，服务器一拿到该条目就开始使用。"},
	{"joint consensus", "Raft's general way to change the configuration: for a while, decisions need a majority of the old configuration and a majority of the new one.",
		"联合共识", "Raft 修改成员配置的通用方法：在一段时间内，决定既要旧配置的多数派，也要新配置的多数派。"},
	{"lease", "A period, shorter than the minimum election timeout, after a majority has answered the leader's heartbeats, during which no other leader can be elected; with CheckQuorum, a leader may answer reads from its own store while its lease holds.",
		"租约", "多数派应答领导者的心跳之后、短于最小选举超时的一段时间，其间不可能选出别的领导者；开启 CheckQuorum 时，领导者可以在租约有效期内直接用自己的存储回答读请求。"},
}

// Lookup finds a key term by its English form (ignoring case and a plural
// s) or its Chinese one; the English a Chinese lesson adds after a term's
// first use (领导者(Leader)) is ignored.
func Lookup(term string) (Entry, bool) {
	term = strings.TrimSpace(term)
	if base, _, ok := strings.Cut(term, "("); ok && strings.HasSuffix(term, ")") {
		term = base
	}
	for _, e := range Glossary {
		if e.Zh == term {
			return e, true
		}
	}
	t := strings.ToLower(term)
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

// In is the term and its meaning in a language.
func (e Entry) In(lang i18n.Lang) (term, meaning string) {
	if lang == i18n.Chinese {
		return e.Zh, e.ZhMeaning
	}
	return e.Term, e.Meaning
}
