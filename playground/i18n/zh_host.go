package i18n

// zhHost: see enHost.
var zhHost = map[string]string{
	"host.font.loading.pct": "正在加载中文字体… %d%%",
	"host.font.loading":     "正在加载中文字体…",
	"host.font.failed":      "无法加载中文字体：%v",
	"host.link.unused":      "链接中有部分内容未被使用：%s",
	"host.start.failed":     "RaftLab 无法启动：%v",
	"host.stopped":          "RaftLab 已停止：%v",
}
