package i18n

// zhUISafety: the safety monitor panel and the safety card in Simplified
// Chinese (see enUISafety).
var zhUISafety = messages{
	{"monitor.title", "安全监视器"},
	{"monitor.reads", "%s（读检查）"},
	{"monitor.stale", "%s：%d 次过期读，首次在 %.3f 秒"},
	{"monitor.broken", "%s：在 %.3f 秒被破坏"},
	{"monitor.stale.whole", "%s：%d 次过期读。首次：%s"},
	{"monitor.broken.whole", "%s：%s"},
	{"monitor.stale.hint", "%s。%s"},
	{"monitor.stale.hint-click", "%s 点击：查看哪些操作无法排序，以及原因。"},
	{"monitor.strip.ok", "安全：%d 条性质全部成立，没有过期读"},
	{"monitor.strip.broken", "安全：%[2]d 条性质中有 %[1]d 条被破坏（点击一条可跳到当时）"},
	{"monitor.strip.stale", "安全：%d 条性质全部成立，但有一次读过期了（点击可跳到当时）"},

	{"card.open", "安全性卡片"},
	{"card.open.hint", "Raft 的五条安全性质（p）"},
	{"card.title", "Raft 的五条安全性质"},
	{"card.intro", "每节课都使用这些名称。Raft 在每一时刻都保持这五条性质成立。"},
	{"card.close", "按 Esc 或点击关闭此卡片。"},
}
