package i18n

// enEngine: the engine choice in the app (settings, the etcd build loading, joint configurations).
var enEngine = messages{
	// Under a server's name during a joint configuration, in the place of
	// its role: it is in the new voters only (joining) or the old only
	// (leaving).
	{"cluster.joint.joining", "joining"},
	{"cluster.joint.leaving", "leaving"},
	// The inspector, under the members: a joint configuration's voters
	// being left, then those going to ({S1, S2, S3}).
	{"inspector.joint", "joint: %s → %s"},
	// inspector.progress with the flow-control window: the AppendEntries in
	// flight to the follower, of at most so many.
	{"inspector.progress.inflight", "%s  match %d  next %d  %s  inflight %d/%d"},
	// The settings dialog's engine control: "Engine: " and the engine's
	// name (settings.engine.raftlab or .etcd).
	{"settings.engine", "Engine: %s"},
	// Apply with an engine this build lacks, when the app cannot load a
	// build that has it; the engine's name.
	{"settings.engine.absent", "This build of RaftLab does not include %s."},
	// etcd's raft library and its version, as its module names it; also
	// the top bar's label while the servers run it.
	{"settings.engine.etcd", "etcd raft v3.6.0"},
	{"settings.engine.etcd.short", "etcd"},
	{"settings.engine.explain", "The Raft the servers run: RaftLab's own, or etcd's raft library as etcd runs it. Applied with the rest."},
	// The status line while the app reloads in the build with the engine.
	{"settings.engine.loading", "Loading %s…"},
	// Why the teaching switches are disabled while etcd's engine is chosen.
	{"settings.engine.no-switches", "etcd's raft has no teaching switches: they belong to RaftLab's engine."},
	{"settings.engine.raftlab", "RaftLab's raft"},
	// Choosing etcd's engine turned the teaching switches that were on off.
	{"settings.engine.switches-off", "Teaching switches turned off: etcd's raft has none; they belong to RaftLab's engine."},
	// A problem of a link (one part of host.link.unused); %q is the value
	// given.
	{"host.engine.unknown", "engine=%q: use engine=raftlab or engine=etcd"},
}
