package i18n

// enEngine: the engine choice in the app (settings, the etcd build loading, joint configurations).
var enEngine = map[string]string{
	// A problem of a link (one part of host.link.unused); %q is the value
	// given.
	"host.engine.unknown": "engine=%q: use engine=raftlab or engine=etcd",
}
