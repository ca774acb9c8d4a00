package i18n

// enUIWorld: the inspector, the logs panel, the disks, the cluster drawing and the timeline.
var enUIWorld = messages{
	// The cluster drawing. The label under the clients' mark.
	{"cluster.clients", "clients"},
	// The small word under the term number inside a server's disc.
	{"node.term", "term"},
	// A server's label under its name, beside the roles (help.role.*).
	{"node.learner", "learner"},
	{"node.not-member", "not a member"},

	// The node inspector. Its heading: the server's name.
	{"inspector.title", "Inspector: %s  (Esc to close)"},
	{"inspector.crashed", "crashed. Its files, as etcd lays them out:"},
	// The role (help.role.*), the term, whom it voted for, the leader it knows.
	{"inspector.role", "%s in term %d, voted for %s, leader %s"},
	{"inspector.indexes", "commit %d, applied %d, last index %d"},
	{"inspector.snapshot", "snapshot up to %d (term %d); log from %d"},
	{"inspector.members", "members: %s"},
	{"inspector.voters", "voters %s"},
	{"inspector.voters-learners", "voters %s learners %s"},
	// Time since the server last heard from a leader, and its timeout.
	{"inspector.election-timer", "election timer %d of %d ms"},
	{"inspector.disk.idle", "disk: idle; fsync takes %d ms"},
	{"inspector.disk.syncing", "disk: fsync under way; fsync takes %d ms"},
	{"inspector.files", "files, as etcd lays them out:"},
	// A file on disk: a snapshot's last index and term; a file's size.
	{"inspector.file.snapshot", "snapshot up to index %d (term %d)"},
	{"inspector.file.bytes", "%d bytes"},
	{"inspector.file.written", "written: %d records, %d bytes"},
	// What of the file is durable (fsynced).
	{"inspector.file.synced", "synced: %d records, %d bytes"},
	{"inspector.replication", "replication (the leader's view):"},
	// A follower, its matchIndex and nextIndex, and its replication state (inspector.state.*).
	{"inspector.progress", "%s  match %d  next %d  %s"},
	// etcd's replication states of a follower.
	{"inspector.state.probe", "probe"},
	{"inspector.state.replicate", "replicate"},
	{"inspector.state.snapshot", "snapshot"},
	{"inspector.state-machine", "state machine: %d keys, revision %d"},
	// A key, its value, and etcd's mod_revision and version (field names).
	{"inspector.key", "%s = %q  (mod_revision %d, version %d)"},
	{"inspector.wal", "write-ahead log, last records:"},
	{"inspector.wal.fsync-point", "---- fsync point: below is not yet durable ----"},
	// WAL records, as etcd names them (hardstate, entry, truncate, snapshot).
	{"inspector.wal.hardstate", "hardstate term=%d vote=%d commit=%d"},
	{"inspector.wal.entry", "entry %d term=%d %s"},
	{"inspector.wal.truncate", "truncate from %d"},
	{"inspector.wal.snapshot", "snapshot to %d term=%d %s"},
	// Kinds of log entry, in a WAL entry record.
	{"inspector.entry.normal", "normal"},
	{"inspector.entry.noop", "noop"},
	{"inspector.entry.config", "config"},

	// The logs panel.
	{"logs.title", "Logs"},
	// After a crashed server's row: the row shows what its disk holds.
	{"logs.down", "down: its log on disk"},
	// The block standing for the compacted log, up to an index.
	{"logs.snapshot", "snapshot ≤%d"},
	// One-letter marks on a follower's row: the leader's matchIndex (m) and nextIndex (n) for it.
	{"logs.mark.match", "m"},
	{"logs.mark.next", "n"},
	// The legend line, long and short forms.
	{"logs.legend.committed", "solid: committed"},
	{"logs.legend.uncommitted", "hollow: not yet committed"},
	{"logs.legend.uncommitted.short", "hollow: uncommitted"},
	{"logs.legend.commit", "| commit"},
	{"logs.legend.applied", "▲ applied"},
	{"logs.legend.progress", "n/m: leader's nextIndex/matchIndex"},
	{"logs.legend.progress.short", "n/m: nextIndex/matchIndex"},

	// The timeline's legend of markers.
	{"timeline.legend.leader", "new leader"},
	{"timeline.legend.crash", "crash or restart"},
	{"timeline.legend.network", "network split, cut or healed"},
	{"timeline.legend.violation", "safety violation"},
	// The time in seconds, and the speed (1x, 1/4x).
	{"timeline.info.playing", "%.3f s   playing   speed %s"},
	{"timeline.info.paused", "%.3f s   paused   speed %s"},
	{"timeline.hint", "click or drag to travel in time; acting in the past forks history"},

	// The letter on a message's glyph, which the help overlay's legend
	// explains: one Latin letter of the message's English name (V RequestVote,
	// P PreVote, A AppendEntries, H heartbeat, S InstallSnapshot, T TimeoutNow,
	// C client). Keep the letters: the message names stay English.
	{"message.letter.vote", "V"},
	{"message.letter.pre-vote", "P"},
	{"message.letter.append", "A"},
	{"message.letter.heartbeat", "H"},
	{"message.letter.snapshot", "S"},
	{"message.letter.timeout-now", "T"},
	{"message.letter.client", "C"},
}
