package i18n

// zhDiagram: enDiagram in Simplified Chinese.
var zhDiagram = messages{
	// %s is a time in seconds (1.5), on the diagram's axis.
	{"diagram.seconds", "%s 秒"},
	{"diagram.title", "时空图"},
	{"diagram.unknown", "%s 秒之前的跟踪记录没有保留"},
	{"diagram.legend", "◆ 成为候选人（任期）   ● 成为领导者（任期）   | 提交索引前进   × 消息丢失或节点崩溃   ▲ 重启   ■ 成员配置变更"},

	{"diagram.arrow.arrived", "%s，从 %s 到 %s，任期 %d：%s 秒发出，%s 秒到达"},
	{"diagram.arrow.lost", "%s，从 %s 到 %s，任期 %d：%s 秒发出，%s 秒丢失"},
	{"diagram.arrow.due", "%s，从 %s 到 %s，任期 %d：%s 秒发出，预计 %s 秒到达"},
	{"diagram.arrow.duplicate", "（网络产生的重复消息）"},

	{"diagram.button", "时空图"},
	{"diagram.tip", "显示时空图（D）。点击一条消息可选中它并跳到那一刻。用滚轮或 [ ] 缩放。"},
	{"diagram.span", "%d 毫秒"},
	{"diagram.selected", "已选中：%s"},
	{"diagram.none", "这段时间内服务器之间没有消息。"},
	{"save.menu.diagram", "时空图（SVG）"},

	{"raftsim.diagram.usage", `用法：
  raftsim diagram SCENARIO --svg OUT.svg [--from T] [--to T] [--light]
SCENARIO 是场景文件，或内置场景的名称。时间 T 以毫秒为单位（1500），
或带单位（1.5s）；--to 默认为场景的结束时间，最多比 --from 晚 60 秒。
`},
	{"raftsim.diagram.one-scenario", "请指定一个场景（收到 %d 个）"},
	{"raftsim.diagram.svg", "请指定输出：--svg OUT.svg"},
}
