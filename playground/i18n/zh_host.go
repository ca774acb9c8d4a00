package i18n

// zhHost: see enHost.
var zhHost = messages{
	{"host.font.loading.pct", "正在加载中文字体… %d%%"},
	{"host.font.loading", "正在加载中文字体…"},
	{"host.font.failed", "无法加载中文字体：%v"},
	{"host.link.unused", "链接中有部分内容未被使用：%s"},
	{"host.start.failed", "RaftLab 无法启动：%v"},
	{"host.stopped", "RaftLab 已停止：%v"},
	{"host.link.repeated", "URL 参数 %q 出现了 %d 次"},
	{"host.link.lesson-and", "lesson=%d 不能与 %s 同时使用：课程会设置自己的环境"},
	{"host.link.scenario-and", "scenario=%s 不能与 %s 同时使用：场景会设置自己的参数"},
	{"host.link.empty", "empty=%q：请用 empty=1"},
	{"host.link.share-and", "分享链接自带世界、时间和课程，因此没有使用 %s"},
	{"host.link.step-alone", "step=%s 需要 lesson=N：指明它是哪一课的步骤"},
	{"host.link.not-number", "%s=%q 不是整数"},
}
