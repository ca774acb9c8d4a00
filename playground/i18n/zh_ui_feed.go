package i18n

// zhUIFeed: the event feed panel and the client panel's list of requests
// in Simplified Chinese (see enUIFeed).
var zhUIFeed = messages{
	{"feedpanel.title", "事件流"},
	{"feedpanel.filter.story", "概览"},
	{"feedpanel.filter.elections", "选举"},
	{"feedpanel.filter.log", "日志"},
	{"feedpanel.filter.faults", "故障"},
	{"feedpanel.filter.clients", "客户端"},
	{"feedpanel.filter.all", "全部"},
	{"feedpanel.time", "%6.3f 秒"},

	{"requests.line", "%s — %s"},
	{"requests.why", "客户端 %d：%s — %s。"},
	{"requests.answered", "已应答：%s"},
	{"requests.answered.by", "%s 已应答：%s"},
	{"requests.answered.at", "第 %d 次尝试时已应答：%s"},
	{"requests.answered.by.at", "%s 在第 %d 次尝试时应答：%s"},
	{"requests.gave-up", "已放弃：结果未知"},
	{"requests.sent", "已发往 %s"},
	{"requests.waiting", "等待 %s（%.1f 秒）"},
	{"requests.timed-out", "%s 超时，第 %d 次重试，%s"},
	{"requests.redirected", "%s 重定向到 %s，%s"},
	{"requests.no-leader", "%s 不知道谁是领导者，第 %d 次重试，%s"},
	{"requests.refused", "%s 拒绝了它，第 %d 次重试，%s"},

	{"requests.result.not-found", "未找到"},
	{"requests.result.value", "%q"},
	{"requests.result.cas-failed", "失败，当前值是 %q"},
	{"requests.result.ok", "成功"},
}
