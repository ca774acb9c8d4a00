package i18n

// zhSearch: enSearch in Simplified Chinese.
var zhSearch = messages{
	{"raftsim.chaos.help", `用法：raftsim chaos [--seeds N] [--first-seed N] [--nodes N] [--duration MS]
                     [--engine raftlab|etcd] [--rule NAME]... [--feature NAME=VALUE]...
                     [--minimize] [--out DIR]

让集群经历随机故障和用户能做的每一种操作（崩溃、网络分区、消息丢失、
慢磁盘、客户端调用、添加和移除服务器、领导权转移、快照、选举），
每个 seed 运行一次，并检查每次运行的安全性和线性一致性。

  --engine NAME         服务器运行的 Raft：raftlab（RaftLab 自己的，默认）
                        或 etcd（etcd 的 raft 库，没有教学开关：
                        不能用 --rule，也不能用 leaderNoop=false）。
  --rule NAME           打开一个教学开关：commitOldTermsByCounting、
                        skipElectionRestriction、fixedElectionTimeout 或
                        ackBeforeFsync（可重复）。故障会偏向最能暴露
                        该开关的情形。
  --feature NAME=VALUE  按给定值固定一项设置，写法与场景文件相同
                        （preVote=false、readMode=lease、snapshotEvery=20 等；
                        可重复）。其余特性每次运行重新抽取。
  --minimize            在第一次失败时停下，用增量调试把它缩小，
                        打印它的步骤并写入 --out。

默认预算是 %[1]d 个 seed，每个 %[2]d ms 的故障（之后 5 秒让集群稳定）：
只需几秒。每个能破坏安全性的开关都会在预算内失败。
`},
	{"search.rule.unknown", "未知的规则 %q（可用的规则：%s）"},
	{"search.feature.form", "--feature 需要 NAME=VALUE 的形式，而不是 %q"},
	{"search.feature.unknown", "未知的特性 %q（可用的特性：%s）"},
	{"search.feature.value", "特性 %s：%q 不是%s"},
	{"search.want.bool", " true 或 false"},
	{"search.want.count", "整数（0 表示从不）"},
	{"search.want.read-mode", " readIndex、lease 或 local"},
	{"search.want.ms", "毫秒数（整数）"},
	{"search.want.range", "以毫秒计的 MIN-MAX"},
	{"search.want.pct", " 0 到 99 的整数"},
	{"search.want.rate", " 0 到 1 之间的数"},

	{"raftsim.chaos.minimized", "已缩小：从 %d 步减到 %d 步，共重放 %d 次："},
	{"raftsim.chaos.breaks", "在 %[2]d ms 违反 %[1]s"},
	{"raftsim.chaos.not-linearizable", "到 %d ms 为止的历史不满足线性一致性"},
	{"raftsim.chaos.nothing", "%d 次运行都没有发现问题"},
	{"raftsim.chaos.more-violations", "……另有 %d 处违反"},

	// 应用中的“找出破坏它的办法”（ui/breaksearch.go）。
	{"break.button", "找出破坏它的办法"},
	{"break.hint", "已打开一个教学开关。在随机故障中搜索破坏安全性的运行，再把它缩减到最少的步骤。"},
	{"break.searching", "正在寻找破坏 Raft 的运行"},
	{"break.runs", "第 %d 次运行，共 %d 次"},
	{"break.shrinking", "已找到一个：正在缩减，重放 %[2]d 次后剩 %[1]d 步"},
	{"break.stop", "停止"},
	{"break.stop.hint", "停止搜索（Esc）。打开目前找到的结果。"},
	{"break.close", "关闭"},
	{"break.close.hint", "关闭这张卡片（Esc）。运行保持打开。"},
	{"break.nothing", "%d 次运行都没有发现问题：这个开关在这里没有破坏安全性。"},
	{"break.stopped", "运行 %d 次后停止，没有发现问题。"},
	{"break.found", "在第 %[2]d 次运行中发现，已缩减到 %[1]d 步。"},
	{"break.breaks", "%s 在 %.3f 秒时被破坏；运行暂停在那里。"},
	{"break.not-linearizable", "历史不满足线性一致性；运行暂停在结尾。"},
	{"break.step", "%d. %s"},
}
