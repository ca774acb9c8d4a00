package i18n

// zhManual is the Simplified Chinese of manual network mode (en_manual.go).
var zhManual = messages{
	{"scenario.manual.already-on", "网络已经处于手动模式"},
	{"scenario.manual.already-off", "网络不在手动模式"},
	{"scenario.manual.off", "%s：网络不在手动模式（请先打开它：{\"do\": \"manual\", \"on\": true}）"},
	{"scenario.manual.none", "%s：从 %s 到 %s 的链路上没有等待的消息"},
	{"scenario.manual.none-kind", "%s：从 %[3]s 到 %[4]s 的链路上没有等待的 %[2]s"},
	{"scenario.manual.nth", "%s：要的是第 %d 条消息，但从 %[4]s 到 %[5]s 的链路上只有 %[3]d 条在等待"},
	{"scenario.manual.nth-kind", "%s：要的是第 %d 条消息，但从 %[5]s 到 %[6]s 的链路上只有 %[3]d 条 %[4]s 在等待"},
	{"scenario.manual.not-leader", "%s 不是领导者：只有领导者发送心跳"},
	{"scenario.manual.kind", "未知的消息类型 %q：请使用以下之一：%s"},
	{"scenario.manual.timer", "未知的计时器 %q：请使用 election 或 heartbeat"},
	{"scenario.manual.drop-both", "请给出 msg（途中的消息）或 from 和 to（等待中的消息），不要同时给出"},
	{"scenario.manual.drop-which", "必填：msg（途中的消息）或 from 和 to（等待中的消息）"},

	{"feed.manual.on", "网络处于手动模式：服务器之间的消息等待你处理，计时器停止"},
	{"feed.manual.off", "网络重新自动投递消息，计时器恢复运行"},

	{"menu.manual.election", "触发选举计时器"},
	{"menu.manual.heartbeat", "发送心跳"},
	{"menu.manual.deliver", "投递"},
	{"menu.manual.drop", "丢弃"},
	{"menu.manual.duplicate", "复制一份"},
	{"menu.manual.title", "%s：共 %[3]d 条在等待，这是第 %[2]d 条"},

	{"manual.switch.on", "手动网络：开"},
	{"manual.switch.off", "手动网络：关"},
	{"manual.switch.tip", "在手动模式下，服务器之间的消息在链路旁等待。点击一条消息，可以投递、丢弃或复制它。计时器停止：请从服务器的菜单触发它们。"},
	{"manual.indicator", "在你选择之前，时间停止"},
}
