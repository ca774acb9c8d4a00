package i18n

// zhCompare: raftsim compare 与 raftsim chaos --engine（两个引擎对照）。
var zhCompare = map[string]string{
	"compare.diff.commit":    "第 %d 个已提交的写入：%s 是 %s，%s 是 %s",
	"compare.write":          "%s（索引 %d）",
	"compare.write.none":     "没有",
	"compare.diff.calls":     "%s 发出了 %d 次客户端调用，%s 发出了 %d 次",
	"compare.diff.call-made": "第 %d 次客户端调用：%s 上是客户端 %d 的 %s，%s 上是客户端 %d 的 %s",
	"compare.diff.call":      "第 %d 次客户端调用（客户端 %d 的 %s）：在 %s 上返回 %s，在 %s 上返回 %s",
	"compare.result.pending": "没有结果（从未返回）",
	"compare.diff.store":     "最终存储，键 %s：%s 是 %s，%s 是 %s",
	"compare.diff.verdict":   "线性一致性：%s 判定为 %s，%s 判定为 %s",
}
