package i18n

// zhLin: the explanation of a linearizability failure in Simplified
// Chinese (see enLin).
var zhLin = messages{
	{"lin.why.after", "客户端 %d 的 %s 返回了 %s（%.3f 秒），而此前客户端 %d 的 %s 已经返回（%.3f 秒）"},
	{"lin.why.alone", "客户端 %d 的 %s 返回了 %s（%.3f 秒），但在它之前没有任何对 %s 的写入能给出这个结果"},
	{"lin.why.general", "对 %[2]s 的这 %[1]d 个操作，无论按什么顺序排列，都不能让每个操作得到它返回的结果"},
	{"lin.why.first", "%s 的历史从客户端 %d 的 %s 开始出错：它返回了 %s（%.3f 秒调用）；与它冲突的操作离得太远，无法显示"},
	{"lin.op", "客户端 %d：%s → %s，%.3f 秒调用，%.3f 秒返回"},
	{"lin.op.open", "客户端 %d：%s → %s，%.3f 秒调用，没有返回（但已生效）"},
	{"lin.heading", "不满足线性一致性：键 %s 上无法排序的操作："},

	{"lin.panel.title", "键 %s 的线性一致性"},
	{"lin.panel.none", "线性一致性"},
	{"lin.panel.ok", "客户端历史满足线性一致性：所有操作都能排成一个顺序。"},
	{"lin.panel.unknown", "检查在得出结论之前用完了工作预算。"},
	{"lin.panel.client", "客户端 %d"},
	{"lin.panel.hint", "红色的操作无法排序。点击一个操作可跳到那一时刻。按 Esc 关闭。"},
	{"lin.panel.time", "%.3f 秒"},
}
