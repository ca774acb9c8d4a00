package i18n

// zhEngine: 应用中的引擎选择（设置、etcd 版本的加载、联合配置）。
var zhEngine = messages{
	{"cluster.joint.joining", "将加入"},
	{"cluster.joint.leaving", "将离开"},
	{"inspector.joint", "联合配置：%s → %s"},
	{"inspector.progress.inflight", "%s  match %d  next %d  %s  在途（inflight）%d/%d"},
	{"settings.engine", "引擎：%s"},
	{"settings.engine.absent", "此版本的 RaftLab 不包含 %s。"},
	{"settings.engine.etcd", "etcd raft v3.6.0"},
	{"settings.engine.etcd.short", "etcd"},
	{"settings.engine.explain", "服务器运行的 Raft：RaftLab 自己的，或 etcd 在生产中运行的 raft 库。随其他设置一同应用。"},
	{"settings.engine.loading", "正在加载 %s…"},
	{"settings.engine.no-switches", "etcd 的 raft 没有教学开关：它们属于 RaftLab 的引擎。"},
	{"settings.engine.raftlab", "RaftLab 的 raft"},
	{"settings.engine.switches-off", "已关闭教学开关：etcd 的 raft 没有这些开关，它们属于 RaftLab 的引擎。"},
	{"host.engine.unknown", "engine=%q：请用 engine=raftlab 或 engine=etcd"},
}
