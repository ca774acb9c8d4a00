package i18n

// enScenario is the English of scenario file errors and expectations, and
// of the playground's refusals (an action that makes no sense now).
// Field names (nodes, heartbeatMs, features.readMode, ...), action names
// and role names are the scenario file's words: they stay as they are.
var enScenario = messages{
	// Where in a scenario file a problem is: the step's index in the steps
	// list, its action, the field; the last %s is the problem.
	{"scenario.where.step-action-field", "steps[%d] (%s): field %q: %s"},
	{"scenario.where.step-action", "steps[%d] (%s): %s"},
	{"scenario.where.step-field", "steps[%d]: field %q: %s"},
	{"scenario.where.step", "steps[%d]: %s"},
	{"scenario.where.field", "field %q: %s"},
	// An error said elsewhere, as it is.
	{"scenario.cause", "%v"},

	// A field that must be given.
	{"scenario.required", "required"},
	{"scenario.nodes.range", "must be 1..%d, not %d"},
	{"scenario.read-mode", `must be "readIndex", "lease" or "local", not %q`},
	{"scenario.until", "%d is before the last step at %d"},

	// The initial state of one node ("initial": {"1": {...}}).
	{"scenario.initial.key", "key %q is not a node ID in 1..%d"},
	{"scenario.initial.log", "log[%d]: terms must be at least 1 and never decrease, not %d after %d"},
	{"scenario.initial.term", "term %d is below the last log term %d"},
	{"scenario.initial.commit", "commitIndex %d is beyond the log's %d entries"},

	// The file is not the JSON it should be. %[1]s in want-*: what the
	// field holds, in encoding/json's words ("string", "number -1").
	{"scenario.json.eof", "unexpected EOF"},
	{"scenario.json.trailing", "unexpected data after the JSON object"},
	{"scenario.json.syntax", "invalid JSON at byte %d: %v"},
	{"scenario.json.unknown-field", "unknown field"},
	{"scenario.json.want-int", "expected a whole number, got %s"},
	{"scenario.json.want-uint", "expected a whole number, 0 or more, got %s"},
	{"scenario.json.want-number", "expected a number, got %s"},
	{"scenario.json.want-list", "expected a list, got %s"},
	{"scenario.json.want-object", "expected an object, got %s"},
	{"scenario.json.want-bool", "expected true or false, got %s"},
	// %[1]s is a Go type kind; rare.
	{"scenario.json.want-kind", "expected a %s, got %s"},

	// A step of the steps list.
	{"scenario.step.order", "%d is before the previous step's %d: steps must be in time order"},
	{"scenario.step.unknown-action", "unknown action %q"},
	{"scenario.step.node-id", "must be a node ID in 1..%d, not %d"},
	{"scenario.step.negative", "must not be negative, not %d"},
	{"scenario.step.partition.groups", "a partition needs at least two groups"},
	{"scenario.step.reconfigure.empty", "a reconfigure needs at least one voter"},
	{"scenario.step.reconfigure.twice", "%s is named twice"},
	{"scenario.action.joint-engine", "reconfigure: RaftLab's engine changes one server at a time (use addNode and removeNode); joint configurations need etcd's engine"},
	{"scenario.step.partition.twice", "node %d is in two groups"},
	{"scenario.step.partition.missing", "node %d is in no group: every node must be in exactly one"},
	{"scenario.step.network.empty", "give at least one of dropRate, duplicateRate, latencyMs"},
	{"scenario.step.rate", "must be in 0..1, not %g"},
	{"scenario.step.latency", "must be [min,max] with 0 <= min <= max, not %v"},
	{"scenario.step.key-empty", "must not be empty"},
	{"scenario.step.leader-in.empty", "must list at least one node"},
	{"scenario.step.role", "must be follower, precandidate, candidate or leader, not %q"},
	{"scenario.step.expect.node", "required with role, term, commitIndex, appliedIndex, up, log or kv"},
	{"scenario.step.expect.nothing", "expects nothing: give node fields, leader, leaderIn, noLeader or violations"},
	{"scenario.step.lease-off", `lease reads are off: set features.readMode to "lease" (a restarted node then waits an election timeout before it votes)`},
	// A load step's fields out of bounds: the limit, then what the step
	// gives.
	{"scenario.step.load.rate", "must be 0..%d calls a second (0 stops the load), not %d"},
	{"scenario.step.load.keys", "must be 1..%d keys (0 or none: 8), not %d"},
	{"scenario.step.load.read-pct", "must be 0..100 (the percentage of calls that are gets), not %d"},
	// A step names a node that does not exist at that point of the script
	// (%[2]s lists the nodes that exist then: "1, 2, 3").
	{"scenario.step.node.absent", "there is no node %d at this step: the nodes are %s"},
	// A cut or link step, or the cut action, names the same node twice.
	{"scenario.link.same-node", "a link joins two different nodes"},

	// Settings no cluster can run with (a scenario file's, or the
	// settings panel's).
	{"scenario.settings.nodes", "nodes must be 1..%d, not %d"},
	{"scenario.settings.heartbeat", "heartbeatMs must be at least 1, not %d"},
	{"scenario.settings.election-timeout", "electionTimeoutMs must be [min,max] with heartbeatMs < min <= max, not %v"},
	{"scenario.settings.timer-start", "electionTimerStartPct must be 0..99 (percent of the shortest election timeout), not %d"},
	{"scenario.settings.latency", "latencyMs must be [min,max] with 0 <= min <= max, not %v"},
	{"scenario.settings.fsync", "fsyncMs must not be negative, not %d"},
	{"scenario.settings.drop-rate", "dropRate must be in 0..1, not %g"},
	{"scenario.settings.duplicate-rate", "duplicateRate must be in 0..1, not %g"},
	{"scenario.settings.etcd-rules", "the teaching switches (rules, and leaderNoop off) belong to RaftLab's engine: etcd's raft has none"},
	{"scenario.settings.engine-absent", "this program has no %s engine built in"},
	{"scenario.engine", "unknown engine %q (the engines: raftlab, etcd)"},
	{"scenario.settings.lease-needs-check-quorum", "readMode lease needs checkQuorum: a lease is only safe when followers ignore vote requests while they hear from a leader"},

	// A setting's time over MaxDelayMs; %[1]s is the field (fsyncMs).
	{"scenario.settings.delay-limit", "%s must be at most %d ms (one minute, the longest delay RaftLab simulates), not %d"},

	// What a scenario file must not be: empty, not UTF-8, a field given
	// twice in one object.
	{"scenario.json.empty", "the file is empty: a scenario is a JSON object with at least name and nodes"},
	{"scenario.json.utf8", "invalid UTF-8 at byte %d: save the file as UTF-8"},
	{"scenario.json.duplicate", "given twice: give each field once"},
	// An initial state past what Raft allows.
	{"scenario.initial.term-limit", "term %d is above the largest term Raft allows, %d"},
	{"scenario.initial.voted-for", "votedFor %d is not a server of this cluster (1..%d, or 0 for no vote)"},
	// Limits on a scenario's size and length (playground/limits.go).
	{"scenario.limit.file", "the file is larger than %d MiB, the largest scenario file RaftLab reads"},
	{"scenario.limit.duration", "must be at most %d ms (one hour, the longest run RaftLab simulates), not %d"},
	{"scenario.limit.actions", "has %d steps; the limit is %d"},
	{"scenario.limit.initial-log", "the log has %d entries; the limit is %d"},
	{"scenario.limit.value", "is %d bytes long; the limit is %d bytes"},
	// The load steps would make too many client calls: about %d in all.
	{"scenario.limit.load-calls", "the load steps make about %d client calls in all; the limit is %d"},
	// Saving a run as a scenario file that could not be opened again.
	{"scenario.limit.save.duration", "the run goes to %d ms, past the longest a scenario file may hold (%d ms, one hour)"},
	{"scenario.limit.save.actions", "the run has %d steps, more than a scenario file may hold (%d)"},
	{"scenario.limit.save.size", "the file would be larger than %d MiB, the largest scenario file RaftLab reads"},

	// The bundled example scenarios, by name.
	{"scenario.bundled.none", "no bundled scenario named %q"},
	{"scenario.bundled.none.have", "no bundled scenario named %q (have: %s)"},
	{"scenario.bundled.bad", "bundled scenario %s: %v"},

	// Why an action cannot be done now (a click, a lesson's or a
	// scenario's step). %s is a server's name (S1).
	{"scenario.action.no-node", "there is no node %d"},
	{"scenario.action.down", "%s is down"},
	{"scenario.action.disk-busy", "%s is waiting for its disk"},
	{"scenario.action.already-leads", "%s already leads"},
	{"scenario.action.not-voter", "%s cannot campaign: it is not a voter"},
	{"scenario.action.already-up", "%s is already up"},
	{"scenario.action.two-groups", "%s is in two groups"},
	{"scenario.action.nothing-to-snapshot", "%s has nothing new to snapshot"},
	{"scenario.action.not-in-flight", "message %d is not in flight"},
	{"scenario.action.transfer.no-leader", "there is no leader to transfer leadership from"},
	// %[3]s is raft's reason.
	{"scenario.action.transfer.refused", "%s cannot transfer leadership to %s: %v"},
	{"scenario.action.id-range", "node IDs are 1..%d, not %d"},
	{"scenario.action.exists", "%s already exists"},
	// Adding a server under a removed one's ID; %[2]s is id-reused.why.
	{"scenario.action.id-reused", "%s: %v; add another ID"},
	{"scenario.action.id-reused.why", "a removed server's ID is never reused"},
	// A server cannot boot from its disk; %[2]s is raft's reason.
	{"scenario.action.recovering", "recovering %s: %v"},
	{"scenario.action.starting", "starting %s: %v"},

	// An expect step's outcome: "ok: " or "failed: " and its checks, one
	// after another with sep between them. A check says what was expected
	// and, in parentheses, what is.
	{"scenario.expect.ok", "ok: %s"},
	{"scenario.expect.failed", "failed: %s"},
	{"scenario.expect.sep", "; "},
	// The event feed's line for an expect step; %s is ok or failed above.
	{"scenario.expect.event", "expectation %s"},
	// What the leader is when there is none.
	{"scenario.expect.none", "none"},
	{"scenario.expect.leader", "%s leads (leader: %s)"},
	{"scenario.expect.leader-in", "the leader is one of %v (leader: %s)"},
	{"scenario.expect.no-leader", "no node leads (leader: %s)"},
	{"scenario.expect.violations", "%d safety violations (found %d)"},
	{"scenario.expect.exists", "%s exists"},
	// up=true (is false): the server is expected up, or down.
	{"scenario.expect.up", "%s up=%v (is %v)"},
	{"scenario.expect.down", "%s is up (it is down)"},
	{"scenario.expect.role", "%s is %s (is %s)"},
	{"scenario.expect.term", "%s term %d (is %d)"},
	{"scenario.expect.commit", "%s commitIndex %d (is %d)"},
	{"scenario.expect.applied", "%s appliedIndex %d (is %d)"},
	{"scenario.expect.log", "%s log terms %v (are %v)"},
	// S1 has key=value in its store: x="1" (has "2").
	{"scenario.expect.kv", "%s has %s=%q (has %q)"},
	{"scenario.expect.kv.missing", "%s has %s=%q (has no such key)"},

	// The frame-rate benchmark's world (?nodes=N&load=M in the page's
	// link): its name, shown in the top bar, and its description.
	{"scenario.load.name", "Load: %d nodes, about %d messages in flight"},
	{"scenario.load.description", "The frame-rate benchmark's world."},
	{"scenario.load.range", "load must be 0..%d messages in flight, not %d"},

	// The browser refuses what the page asks of it (wasm): lesson progress
	// and preferences are kept in its localStorage; a result is copied to
	// its clipboard.
	{"browser.storage.unreadable", "this browser's localStorage could not be read"},
	{"browser.storage.full", "this browser's localStorage is full or read-only"},
	{"browser.storage.none", "this browser has no localStorage"},
	{"browser.clipboard", "this browser does not let the page use the clipboard here: use Download"},

	// A load step of rate 0 when no client load runs.
	{"scenario.action.no-load", "no client load is running"},

	// Share links (playground/link.go): what is wrong with a link opened.
	{"link.size", "the link is longer than %d MiB, the longest RaftLab reads"},
	{"link.empty", "the link holds no RaftLab state: nothing follows its #"},
	{"link.not-raftlab", "the link is not a RaftLab share link: its part after # should start with v1."},
	{"link.version", "the link is of version %s; this RaftLab reads version %s"},
	{"link.base64", "the link is damaged: it has characters a share link never has, or it was cut"},
	{"link.deflate", "the link is damaged: its data is cut short or changed"},
	{"link.inflated", "the link unpacks to more than %d MiB, the largest scenario file RaftLab reads"},
	{"link.document", "the link is damaged: its data is not a RaftLab state"},
	{"link.no-scenario", "the link holds no scenario"},
	{"link.time", "the link's moment must be between 0 and %d ms, not %d"},
	{"link.lesson", "the link names lesson %d, step %d: both must be 1 or more, or both 0"},
	{"link.time-until", "the link's moment, %d ms, is past its scenario's end (%d ms)"},
	{"link.base", "%q: an http or https address without a #, like http://127.0.0.1:8080/"},
	{"link.speed", "the link's playback speed must be between 0 and %d virtual ms per second, not %d"},
	{"link.lang", "the link's language %q is not one RaftLab speaks"},
	{"link.scenario", "the link's scenario: %s"},
}
