package ui

import "github.com/raftlab/raftlab/playground/view"

// engineKey is the catalogue key of an engine's name on screen. etcd's
// carries the version of etcd's raft RaftLab is built with (go.mod's; a
// test keeps the two the same), which is what a teacher compares with the
// etcd they run.
func engineKey(e view.Engine) string {
	if e == view.EngineEtcd {
		return "settings.engine.etcd"
	}
	return "settings.engine.raftlab"
}

// engineLabel is the top bar's note of the engine the run's servers run,
// whole and short: etcd's, named, or none for RaftLab's, the default, so
// that the bar says something only when the servers are not what the
// course teaches with.
func (p *topBar) engineLabel() []string {
	g := p.g
	if g.scenario.Settings.Engine != view.EngineEtcd {
		return nil
	}
	return []string{g.tr("settings.engine.etcd"), g.tr("settings.engine.etcd.short")}
}
