package view

// Engine names the Raft a world's servers run: RaftLab's own, or etcd's raft
// library (go.etcd.io/raft/v3), so that what a learner watches can be what
// etcd runs in production.
type Engine uint8

const (
	// EngineRaftLab is RaftLab's own Raft (package raft), the default. It
	// alone has the teaching switches (Rules).
	EngineRaftLab Engine = iota
	// EngineEtcd is etcd's raft, driven as an etcd server drives it.
	EngineEtcd
)

// Engines lists the engines, in the order a menu shows them.
var Engines = []Engine{EngineRaftLab, EngineEtcd}

// String is the engine's name in scenario files, links and raftsim's flags.
func (e Engine) String() string {
	if e == EngineEtcd {
		return "etcd"
	}
	return "raftlab"
}

// ParseEngine reads an engine's name; false when there is no such engine.
func ParseEngine(s string) (Engine, bool) {
	for _, e := range Engines {
		if e.String() == s {
			return e, true
		}
	}
	return EngineRaftLab, false
}
