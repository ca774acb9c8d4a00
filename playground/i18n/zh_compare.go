package i18n

// zhCompare: raftsim compare 与 raftsim chaos --engine（两个引擎对照）。
var zhCompare = messages{
	{"compare.diff.commit", "第 %d 个已提交的写入：%s 是 %s，%s 是 %s"},
	{"compare.write", "%s（索引 %d）"},
	{"compare.write.none", "没有"},
	{"compare.diff.calls", "%s 发出了 %d 次客户端调用，%s 发出了 %d 次"},
	{"compare.diff.call-made", "第 %d 次客户端调用：%s 上是客户端 %d 的 %s，%s 上是客户端 %d 的 %s"},
	{"compare.diff.call", "第 %d 次客户端调用（客户端 %d 的 %s）：在 %s 上返回 %s，在 %s 上返回 %s"},
	{"compare.result.pending", "没有结果（从未返回）"},
	{"compare.diff.store", "最终存储，键 %s：%s 是 %s，%s 是 %s"},
	{"compare.diff.verdict", "线性一致性：%s 判定为 %s，%s 判定为 %s"},

	{"compare.agree", "两个引擎一致：%d 个已提交的写入，%d 次客户端调用（结果相同，顺序相同），存储中有 %d 个键，线性一致性检查：%s。"},
	{"compare.diverge", "两个引擎出现分歧。第一处不同："},
	{"compare.may-differ", "允许不同的部分："},
	{"compare.row.checks", "场景的检查"},
	{"compare.checks.ok", "通过"},
	{"compare.checks.failed", "%d 项失败"},
	{"compare.row.terms", "结束时的任期"},
	{"compare.row.elections", "选举次数"},
	{"compare.row.leader-changes", "领导者变更次数"},
	{"compare.row.messages", "发送的消息"},
	{"compare.row.returns", "客户端调用的返回时间（ms）"},
	{"compare.row.call", "%d. 客户端 %d：%s"},
	{"compare.row.pending", "未返回"},
	{"compare.row.more", "……另有 %d 次调用"},
	{"compare.chaos.engine", "--engine：%s"},
	{"compare.chaos.etcd-rule", "--rule %s 是 RaftLab 引擎的教学开关：etcd 的 raft 没有教学开关（去掉 --rule 或 --engine etcd）"},
}
