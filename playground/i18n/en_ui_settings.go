package i18n

// enUISettings: the settings dialog. A row's label is settings.<row>, the
// sentence beside it settings.<row>.explain (also its tooltip).
var enUISettings = messages{
	// The dialog's title.
	{"settings.title", "Settings"},
	// A button: starts the simulation again with the drafted settings.
	{"settings.apply", "Apply: start a new run"},
	{"settings.apply.hint", "Start over with these settings"},
	// A button: closes the dialog without applying.
	{"settings.cancel", "Cancel"},
	{"settings.cancel.hint", "Keep the current run"},
	// The value of a switch.
	{"settings.on", "on"},
	{"settings.off", "off"},
	// Values with their unit: milliseconds, log entries.
	{"settings.unit.ms", "%d ms"},
	{"settings.unit.entries", "%d entries"},

	// The colour theme, and its two values.
	{"settings.theme", "Theme"},
	{"settings.theme.explain", "Light reads well in a lit room. It changes at once."},
	{"settings.theme.light", "light"},
	{"settings.theme.dark", "dark"},
	// The explanation beside the Language row of the settings dialog.
	{"settings.language.explain", "The language of the app and its lessons. It changes at once."},

	{"settings.nodes", "Servers"},
	{"settings.nodes.explain", "How many servers the cluster starts with"},
	// The name of a Raft feature (PreVote).
	{"settings.prevote", "PreVote"},
	{"settings.prevote.explain", "A node asks whether it could win before it raises its term, so a rejoining node does not disrupt"},
	// The name of a Raft feature (CheckQuorum).
	{"settings.checkquorum", "CheckQuorum"},
	{"settings.checkquorum.explain", "A leader that cannot hear a majority steps down; followers ignore votes while they hear a leader"},
	// A switch: a new leader appends an empty (no-op) entry.
	{"settings.noop", "Leader no-op"},
	{"settings.noop.explain", "A new leader appends an empty entry, so it can commit its predecessors' entries at once"},
	{"settings.fastbacktrack", "Fast backtracking"},
	{"settings.fastbacktrack.explain", "Repair a follower's log one conflicting term per round trip instead of one entry"},
	// How often a snapshot is taken; the value is settings.unit.entries.
	{"settings.snapshot", "Snapshot every"},
	{"settings.snapshot.explain", "Compact the log after this many applied entries (0 = never)"},
	// How a leader serves a read; the values are settings.readmode.*.
	{"settings.readmode", "Read mode"},
	{"settings.readmode.explain", "How the leader confirms a read: a heartbeat round, its lease, or (unsafe) not at all"},
	{"settings.readmode.readindex", "readIndex"},
	{"settings.readmode.lease", "lease"},
	{"settings.readmode.local", "local"},
	{"settings.clientsessions", "Client sessions"},
	{"settings.clientsessions.explain", "The store remembers each client's last request, so a retried write is applied once."},
	// The teaching switches: each breaks one of Raft's rules on purpose.
	{"settings.rule.commit", "Break: commit old terms"},
	{"settings.rule.commit.explain", "Teaching switch: commit an earlier term's entry by counting replicas (Figure 8)"},
	{"settings.rule.restriction", "Break: election restriction"},
	{"settings.rule.restriction.explain", "Teaching switch: vote for candidates whose logs are behind"},
	{"settings.rule.fixed", "Break: fixed timeouts"},
	{"settings.rule.fixed.explain", "Teaching switch: every election timeout is the same, so split votes repeat"},
	{"settings.rule.fsync", "Break: answer before fsync"},
	{"settings.rule.fsync.explain", "Teaching switch: answer before the disk has the record, so a crash can forget a vote"},
	{"settings.election-min", "Election timeout min"},
	{"settings.election-min.explain", "The shortest randomized election timeout"},
	{"settings.election-max", "Election timeout max"},
	{"settings.election-max.explain", "The longest randomized election timeout"},
	// The interval between a leader's heartbeats.
	{"settings.heartbeat", "Heartbeat"},
	{"settings.heartbeat.explain", "How often a leader sends heartbeats"},
	{"settings.latency-min", "Latency min"},
	{"settings.latency-min.explain", "The fastest a message crosses the network"},
	{"settings.latency-max", "Latency max"},
	{"settings.latency-max.explain", "The slowest a message crosses the network"},
	// How long a disk write takes to become durable (fsync).
	{"settings.fsync", "fsync"},
	{"settings.fsync.explain", "How long each disk takes to make a write durable"},
	{"settings.drop", "Message loss"},
	{"settings.drop.explain", "The share of messages the network loses"},
	{"settings.dup", "Duplication"},
	{"settings.dup.explain", "The share of messages the network delivers twice"},
}
