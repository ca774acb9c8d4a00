package i18n

// zhEngine: 应用中的引擎选择（设置、etcd 版本的加载、联合配置）。
var zhEngine = map[string]string{
	"host.engine.unknown": "engine=%q：请用 engine=raftlab 或 engine=etcd",
}
