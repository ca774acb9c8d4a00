package i18n

// zhRaftsim: enRaftsim in Simplified Chinese.
var zhRaftsim = messages{
	{"raftsim.usage", `用法：
  raftsim run FILE|--link URL [--json] [--events OUT.jsonl] [--seed N] [--until MS] [--report OUT.html] [--engine raftlab|etcd]
  raftsim compare FILE|--link URL [--json] [--seed N] [--until MS]
  raftsim chaos [--seeds N] [--first-seed N] [--nodes N] [--duration MS] [--engine raftlab|etcd] [--rule NAME]... [--feature NAME=VALUE]... [--minimize] [--out DIR]
  raftsim render SCENARIO --png OUT.png [--at T] | --gif OUT.gif | --svg OUT.svg [--from T] [--to T] [--size WxH] [--light]
  raftsim diagram SCENARIO --svg OUT.svg [--from T] [--to T] [--light]
  raftsim lesson list | check FILE|NAME... [--all] [-v] | stats [FILE|NAME...] [--all] [--json] | verify-result FILE...
  raftsim challenge link FILE [--base URL] | verify LINK|FILE [--code XXXX-XXXX]
`},
	{"raftsim.lesson.usage", `用法：
  raftsim lesson list
  raftsim lesson check FILE|NAME... [--all] [-v]
  raftsim lesson stats [FILE|NAME...] [--all] [--json]
  raftsim lesson verify-result FILE...
`},
	{"raftsim.unknown-command", "未知的命令 %q"},
	{"raftsim.internal-error", "内部错误（这是 RaftLab 的缺陷，不是输入的问题；请连同下面几行一起报告）：%v"},
	{"raftsim.lesson.too-large", "文件超过 %d MiB，这是 RaftLab 能读取的最大课程文件"},
	{"raftsim.result.too-large", "文件超过 %d MiB：它不是 RaftLab 的结果文件"},
	{"raftsim.lang.missing", "--lang 需要指定语言：en 或 zh-CN"},

	{"raftsim.lesson.list.args", "不接受参数"},
	{"raftsim.list.lesson", "第 %d 课：%s（%d 步，约 %d 分钟）"},
	{"raftsim.lesson.unknown", "%q 既不是课程文件，也不是内置课程（内置：%s；中文版写作 zh-CN/3）"},
	{"raftsim.verify.none", "请指定要检查的结果文件"},

	{"raftsim.check.nothing", "请指定课程文件或内置课程，或使用 --all"},
	{"raftsim.check.lesson", "%s：第 %d 课，%s（%d 步）"},
	{"raftsim.check.step", "%s 第 %2d 步 %-7s %s %6d-%d ms"},
	{"raftsim.check.end", "结束时：%s"},
	{"raftsim.check.stopped", "FAIL：%s 在第 %d 步（共 %d 步）停止"},
	{"raftsim.check.pacing", "FAIL 节奏：%s"},
	{"raftsim.check.structure", "FAIL 结构：%v"},
	{"raftsim.check.see-above", "FAIL：%s 自动运行通过，但有上述问题"},
	{"raftsim.check.ok", "ok：%d 步自动运行完成，用时 %d ms"},

	{"raftsim.stats.line", "步骤 %3d  正文词数 中位 %2d p90 %3d 最大 %3d  讲解最大 %3d  答案位置 %-11s 最长即答案 %-5s  最长等待 %5.1f 秒  约 %.0f 分钟"},
	{"raftsim.stats.line.all", "步骤 %3d  正文词数 中位 %2d p90 %3d 最大 %3d  讲解最大 %3d  答案位置 %-11s 最长即答案 %-5s  最长等待 %5.1f 秒  共约 %.0f 分钟"},
	{"raftsim.stats.total", "合计（%d 课）"},
	{"raftsim.stats.ok", "ok：所有节奏规则都满足"},
	{"raftsim.stats.problems", "%d 个节奏问题："},

	{"raftsim.run.one-file", "需要且只需要一个场景文件，实际给了 %d 个"},
	// raftsim run --link URL takes no file: the link holds the scenario.
	{"raftsim.run.link-and-file", "请给出场景文件或 --link，不要同时给出"},
	{"raftsim.run.until", "--until 不能为负"},
	{"raftsim.run.until-limit", "--until 不能超过 %d ms（一小时，RaftLab 模拟的最长运行时间），现为 %d"},
	{"raftsim.run.title", "%s（seed %d），结束于 %d ms"},
	{"raftsim.run.columns", "  节点  状态          任期    提交   已应用  末尾  日志（任期）"},
	{"raftsim.role.follower", "跟随者"},
	{"raftsim.role.precandidate", "预候选人"},
	{"raftsim.role.candidate", "候选人"},
	{"raftsim.role.leader", "领导者"},
	{"raftsim.role.down", "已崩溃"},
	{"raftsim.run.expectation", "%s %6d ms  %s"},
	{"raftsim.run.no-violations", "没有违反安全性质"},
	{"raftsim.run.violation", "违反安全性质，%d ms：%s：%s"},
	{"raftsim.run.stale-read", "过期读，%d ms：%s"},
	{"raftsim.run.calls", "%d 次客户端调用（%d 次已返回），线性一致性检查：%s"},
	{"raftsim.run.messages", "发送 %d 条消息，送达 %d 条，丢弃 %d 条；%d 次选举，%d 次领导者变更"},

	{"raftsim.chaos.argument", "意外的参数 %q"},
	{"raftsim.chaos.seeds", "--seeds 至少为 1"},
	{"raftsim.chaos.nodes", "--nodes 必须在 1..%d 之间"},
	{"raftsim.chaos.duration", "--duration 不能为负"},
	{"raftsim.chaos.duration-limit", "--duration 不能超过 %d ms（每个 seed 最多十分钟的故障和客户端负载），现为 %d"},
	{"raftsim.chaos.seed", "[%d/%d] seed %d：%s（%d 次客户端调用，%d 次选举，线性一致性检查 %s）"},
	{"raftsim.chaos.violation", "seed %d：违反安全性质，%d ms：%s：%s"},
	{"raftsim.chaos.reproduce", "复现：raftsim run %s"},
	{"raftsim.chaos.failed", "%d/%d 个 seed 失败"},
}
