package i18n

// zhSafety: the safety monitor in Simplified Chinese (see enSafety).
var zhSafety = messages{
	{"safety.name.election-safety", "选举安全性"},
	{"safety.name.leader-append-only", "领导者只追加"},
	{"safety.name.log-matching", "日志匹配"},
	{"safety.name.leader-completeness", "领导者完备性"},
	{"safety.name.state-machine-safety", "状态机安全性"},
	{"safety.name.term-monotonic", "任期不倒退"},
	{"safety.name.commit-monotonic", "提交索引不倒退"},
	{"safety.name.single-vote", "每个任期只投一票"},
	{"safety.name.index-order", "应用索引 <= 提交索引 <= 最后索引"},
	{"safety.name.no-stale-reads", "无过期读"},

	{"safety.explain.election-safety", "一个任期内至多选出一个领导者。"},
	{"safety.explain.leader-append-only", "领导者从不覆盖或删除自己日志中的条目，只追加新条目。"},
	{"safety.explain.log-matching", "如果两份日志在同一索引处的条目任期相同，那么到该索引为止两份日志完全相同。"},
	{"safety.explain.leader-completeness", "某个任期提交的条目，一定出现在之后每个任期的领导者的日志中。"},
	{"safety.explain.state-machine-safety", "一个服务器在某个索引处应用了某条目后，任何服务器都不会在该索引处应用不同的条目。"},
	{"safety.explain.term-monotonic", "服务器的任期从不倒退，崩溃重启后也一样：任期先写入磁盘，再告诉别人。"},
	{"safety.explain.commit-monotonic", "服务器的提交索引从不倒退，崩溃重启后也一样。"},
	{"safety.explain.single-vote", "服务器在一个任期内至多投票给一个候选人，崩溃重启后也一样：选票先写入磁盘，再发出。"},
	{"safety.explain.index-order", "在每台服务器上，应用索引不超过提交索引，提交索引不超过日志的最后索引。"},
	{"safety.explain.no-stale-reads", "「无过期读」检查客户端得到的每一次读：读发出之前已确认的、同一个键的每一次写入，它都必须看到。Raft 的五条安全性质不评判读。"},

	{"safety.violation", "%s：%s"},

	{"safety.broken.term-restart", "%s 在任期 %d 重启，但它崩溃前已告诉别人自己在任期 %d：任期没有持久化"},
	{"safety.broken.commit-restart", "%s 重启后提交索引为 %d，低于它已持久化的 %d"},
	{"safety.broken.index-order", "%s 的应用索引为 %d，提交索引为 %d，最后索引为 %d"},
	{"safety.broken.term-back", "%s 从任期 %d 倒退到任期 %d"},
	{"safety.broken.commit-back", "%s 的提交索引从 %d 倒退到 %d"},
	{"safety.broken.two-leaders", "%[1]s 和 %[2]s 都当选了任期 %[3]d 的领导者"},
	{"safety.broken.completeness", "%s 成为任期 %d 的领导者，却没有索引 %d 处已提交的日志条目"},
	{"safety.broken.matching", "%s 和 %s 在索引 %d 处都有任期 %d 的日志条目，但两份日志在它之前不同"},
	{"safety.broken.append-only", "%s 在担任任期 %[3]d 的领导者时删除了从索引 %[2]d 起的日志条目"},
	{"safety.broken.state-machine", "%s 在索引 %d 处应用的日志条目（任期 %d）与另一台服务器在该处应用的不同"},
	{"safety.broken.two-votes", "%[1]s 在任期 %[4]d 既投票给了 %[2]s，又投票给了 %[3]s"},
	{"safety.broken.stale-read", "客户端 %d 的 %s 从 %s 读到了过期的值：该存储的 revision 为 %d，但 %s（revision %d）在这次读发出之前已被确认"},
}
