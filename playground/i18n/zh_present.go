package i18n

// zhPresent: presenter mode and the speaker notes window, in Chinese (see
// enPresent).
var zhPresent = messages{
	{"present.on", "演示者模式（F5）"},
	{"host.link.present", "present=%q：请用 present=1 打开演示者模式"},
	{"present.off", "演示者模式已关闭。"},
	{"settings.present", "演示者模式"},
	{"settings.present.explain", "为投影仪放大文字、加强颜色。按 F5 开启或关闭。"},
	{"help.key.present", "F5  演示者模式：Page Down / Page Up 下一步 / 上一步，B 黑屏，F 事件流，H 聚光灯，N 演讲备注"},

	{"notes.head", "第 %d 课：%s · 第 %d 步（共 %d 步）"},
	{"notes.next", "下一步：%s"},
	{"notes.last", "这是本课的最后一步。"},
	{"notes.none.head", "演讲备注"},
	{"notes.none", "没有打开的课程。在 RaftLab 中打开一课，这里会显示当前步骤的演讲备注。"},
	{"notes.empty", "这一步没有演讲备注。"},
	{"notes.waiting", "正在等待 RaftLab…"},
	{"notes.title", "RaftLab：演讲备注"},
	{"notes.unavailable", "此版本的 RaftLab 无法打开备注窗口。"},
	{"notes.opened", "演讲备注显示在单独的窗口中。"},
	{"notes.failed", "备注窗口未能打开：%s"},
	{"notes.blocked", "浏览器阻止了新标签页：请允许此页面弹出窗口，或打开 %s"},
}
