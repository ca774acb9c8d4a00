package i18n

// zhSearch: enSearch in Simplified Chinese.
var zhSearch = map[string]string{
	"raftsim.chaos.help": `用法：raftsim chaos [--seeds N] [--first-seed N] [--nodes N] [--duration MS]
                     [--rule NAME]... [--feature NAME=VALUE]... [--minimize] [--out DIR]

让集群经历随机故障和用户能做的每一种操作（崩溃、网络分区、消息丢失、
慢磁盘、客户端调用、添加和移除服务器、领导权转移、快照、选举），
每个 seed 运行一次，并检查每次运行的安全性和线性一致性。

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
`,
	"search.rule.unknown":    "未知的规则 %q（可用的规则：%s）",
	"search.feature.form":    "--feature 需要 NAME=VALUE 的形式，而不是 %q",
	"search.feature.unknown": "未知的特性 %q（可用的特性：%s）",
	"search.feature.value":   "特性 %s：%q 不是%s",
	"search.want.bool":       " true 或 false",
	"search.want.count":      "整数（0 表示从不）",
	"search.want.read-mode":  " readIndex、lease 或 local",
	"search.want.ms":         "毫秒数（整数）",
	"search.want.range":      "以毫秒计的 MIN-MAX",
	"search.want.pct":        " 0 到 99 的整数",
	"search.want.rate":       " 0 到 1 之间的数",

	"raftsim.chaos.minimized":        "已缩小：从 %d 步减到 %d 步，共重放 %d 次：",
	"raftsim.chaos.breaks":           "在 %[2]d ms 违反 %[1]s",
	"raftsim.chaos.not-linearizable": "到 %d ms 为止的历史不满足线性一致性",
	"raftsim.chaos.nothing":          "%d 次运行都没有发现问题",
	"raftsim.chaos.more-violations":  "……另有 %d 处违反",
}
