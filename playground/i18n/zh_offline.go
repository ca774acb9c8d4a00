package i18n

// zhOffline: the embedded page and the pause while hidden (see en_offline.go).
var zhOffline = messages{
	{"host.link.embed", "embed=%q：请用 embed=1"},
	{"host.link.embed-lesson", "embed=1 无法显示课程：第 %d 课在完整应用中打开"},
	{"status.paused-hidden.tab", "标签页隐藏期间已暂停。按「播放」继续。"},
	{"status.paused-hidden.window", "窗口最小化期间已暂停。按「播放」继续。"},
}
