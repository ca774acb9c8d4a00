package i18n

// zhPicture: enPicture in Simplified Chinese.
var zhPicture = messages{
	{"picture.size.max", "图片为 %dx%d 像素；最大为 %dx%d"},
	{"picture.size.min", "图片为 %dx%d 像素；最小为 %dx%d"},
	{"picture.range.negative", "时间不能为负数"},
	{"picture.range.empty", "从 %d 毫秒到 %d 毫秒的时间段是空的：结束必须晚于开始"},
	{"picture.range.max", "时间段长 %d 毫秒；最长为 %d 秒（%d 帧）"},
	{"picture.format", "RaftLab 不能写出 %q 这种图片：文件名必须以 .png、.gif 或 .svg 结尾"},

	{"picture.svg.range", "%s 秒到 %s 秒"},
	{"picture.svg.logs", "%s 秒时的日志"},
	{"picture.svg.messages", "%s 秒到 %s 秒的消息"},
	{"picture.svg.committed", "已提交"},
	{"picture.svg.no-heartbeats", "只有不超过 %s 秒的时间段才显示心跳（不带条目的 AppendEntries）及其回复。"},
	{"picture.svg.uncommitted", "未提交"},

	{"raftsim.render.usage", `用法：
  raftsim render SCENARIO --png OUT.png [--at T] [--size WxH] [--light]
  raftsim render SCENARIO --gif OUT.gif [--from T] [--to T] [--size WxH] [--light]
  raftsim render SCENARIO --svg OUT.svg [--from T] [--to T] [--light]
SCENARIO 是场景文件，或内置场景的名称。时间 T 以毫秒为单位（1500），
或带单位（1.5s）；--to 默认为场景的结束时间，最多比 --from 晚 60 秒。
图片大小默认为 800x500。
`},
	{"raftsim.render.one-scenario", "请指定一个场景（收到 %d 个）"},
	{"raftsim.render.one-output", "请指定一个输出：--png、--gif 或 --svg"},
	{"raftsim.render.time", "%s %q 不是时间：请给出毫秒数（1500）或时长（1.5s）"},
	{"raftsim.render.size", "--size %q 不是大小：请写成 WxH，例如 800x500"},
	{"raftsim.render.at", "--at 用于 --png；动画和幻灯片使用 --from 和 --to"},
	{"raftsim.render.range", "--from 和 --to 用于 --gif 和 --svg；图片使用 --at"},
	{"raftsim.render.wrote", "已写出 %s（%d 字节）"},

	{"save.menu.title", "保存"},
	{"save.menu.scenario", "场景文件"},
	{"save.menu.png", "图片（PNG）"},
	{"save.menu.gif", "动画（GIF）"},
	{"save.menu.svg", "幻灯片（SVG）"},
	{"status.saved.picture", "已保存 %s"},
	{"status.picture.drawing", "正在绘制 %s…"},
	{"status.picture.busy", "上一张图片还在绘制中：请稍候"},
	{"status.picture.empty", "还什么都没有发生：请先运行模拟"},
}
