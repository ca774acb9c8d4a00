package i18n

// zhUIShare: share links, made and opened in the app.
var zhUIShare = messages{
	{"bar.share", "分享"},
	{"bar.share.hint", "复制指向此刻的链接：场景、每个操作、时间和课程（l）"},
	{"help.key.share", "L  复制指向此刻的链接"},

	{"status.share.unavailable", "此处无法分享链接"},
	{"status.share.failed", "无法生成链接：%s"},
	{"status.share.address-bar", "指向此刻的链接已在地址栏中：从那里复制"},
	{"status.share.copied", "链接已复制：打开它的人会看到此刻"},
	{"status.share.saved", "链接已保存到 %s（也已打印在终端中）"},
	{"status.share.too-long", "链接会有 %d KB，超过了网址能安全容纳的长度（%d KB）：已把会话保存为文件，请发送文件"},
	{"status.share.opened", "已打开分享的链接，时刻 %.3f 秒：按播放继续"},
	{"status.share.opening", "正在打开链接：%d%%。按 Esc 停在这里"},
	{"status.share.stopped", "已停止打开链接，停在 %.3f 秒"},
	{"status.share.opened-step", "已打开分享的链接：第 %d 课，第 %d 步"},
	{"status.share.cannot-open", "无法打开此链接：%s"},
}
