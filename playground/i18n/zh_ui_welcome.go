package i18n

// zhUIWelcome: see enUIWelcome.
var zhUIWelcome = messages{
	{"welcome.title", "欢迎使用 RaftLab"},
	{"welcome.text", "RaftLab 展示 Raft 如何让一组服务器保持一致。" +
		"左侧有五台服务器在运行 Raft。看它们选举出领导者。" +
		"你可以在课程中一步一步地学习，也可以自己探索。"},
	{"welcome.course", "开始课程"},
	{"welcome.course.hint", "第 1 课：服务器如何选举领导者"},
	{"welcome.explore", "自由探索"},
	{"welcome.explore.hint", "关闭此卡片，使用本模拟环境"},
}
