package i18n

// enRaftsim: the headless command raftsim: its usage, its errors and the
// tables and lines it prints for a person. The marks ok, FAIL and FAILED
// and every command, flag and file name stay as they are in all languages.
var enRaftsim = messages{
	{"raftsim.usage", `usage:
  raftsim run FILE|--link URL [--json] [--events OUT.jsonl] [--seed N] [--until MS] [--report OUT.html] [--engine raftlab|etcd]
  raftsim compare FILE|--link URL [--json] [--seed N] [--until MS]
  raftsim chaos [--seeds N] [--first-seed N] [--nodes N] [--duration MS] [--engine raftlab|etcd] [--rule NAME]... [--feature NAME=VALUE]... [--minimize] [--out DIR]
  raftsim render SCENARIO --png OUT.png [--at T] | --gif OUT.gif | --svg OUT.svg [--from T] [--to T] [--size WxH] [--light]
  raftsim diagram SCENARIO --svg OUT.svg [--from T] [--to T] [--light]
  raftsim lesson list | check FILE|NAME... [--all] [-v] | stats [FILE|NAME...] [--all] [--json] | verify-result FILE...
  raftsim challenge link FILE [--base URL] | verify LINK|FILE [--code XXXX-XXXX]
`},
	{"raftsim.lesson.usage", `usage:
  raftsim lesson list
  raftsim lesson check FILE|NAME... [--all] [-v]
  raftsim lesson stats [FILE|NAME...] [--all] [--json]
  raftsim lesson verify-result FILE...
`},
	{"raftsim.unknown-command", "unknown command %q"},
	// A panic: a bug in RaftLab, not in what it was given. %v is the
	// panic's value; a stack trace follows for the bug report.
	{"raftsim.internal-error", "internal error (a bug in RaftLab, not in your input; please report it with the lines below): %v"},
	// A lesson or result file over the largest one read (1 MiB).
	{"raftsim.lesson.too-large", "the file is larger than %d MiB, the largest lesson file RaftLab reads"},
	{"raftsim.result.too-large", "the file is larger than %d MiB: it is not a RaftLab result"},
	{"raftsim.lang.missing", "--lang needs a language: en or zh-CN"},

	// raftsim lesson list: "Lesson 3: Leader election (8 steps, about 5 min)".
	{"raftsim.lesson.list.args", "takes no arguments"},
	{"raftsim.list.lesson", "Lesson %d: %s (%d steps, about %d min)"},
	{"raftsim.lesson.unknown", "%q is neither a lesson file nor a bundled lesson (bundled: %s; zh-CN/3 for the Chinese edition)"},
	{"raftsim.verify.none", "name the result files to check"},

	// raftsim lesson check: a line for the lesson, one per step, a verdict.
	{"raftsim.check.nothing", "name a lesson file or a bundled lesson, or give --all"},
	{"raftsim.check.lesson", "%s: lesson %d, %s (%d steps)"},
	// %[1]s is the mark (ok or FAIL), %[3]s the step's kind (watch, do,
	// predict), %[4]s its title padded to a column; then simulated times.
	{"raftsim.check.step", "%s step %-2d %-7s %s %6d-%d ms"},
	{"raftsim.check.end", "end: %s"},
	{"raftsim.check.stopped", "FAIL: %s stopped at step %d of %d"},
	{"raftsim.check.pacing", "FAIL pacing: %s"},
	{"raftsim.check.structure", "FAIL structure: %v"},
	{"raftsim.check.see-above", "FAIL: %s auto-played, but see above"},
	{"raftsim.check.ok", "ok: %d steps auto-played in %d ms"},

	// raftsim lesson stats: one line per lesson; the columns must line up.
	{"raftsim.stats.line", "steps %3d  words median %2d p90 %3d max %3d  explanation max %3d  answers %-11s longest right %-5s  wait max %5.1f s  about %.0f min"},
	{"raftsim.stats.line.all", "steps %3d  words median %2d p90 %3d max %3d  explanation max %3d  answers %-11s longest right %-5s  wait max %5.1f s  about %.0f min in all"},
	{"raftsim.stats.total", "total (%d lessons)"},
	{"raftsim.stats.ok", "ok: every pacing rule holds"},
	{"raftsim.stats.problems", "%d pacing problems:"},

	// raftsim run.
	{"raftsim.run.one-file", "want exactly one scenario file, got %d"},
	// raftsim run --link URL takes no file: the link holds the scenario.
	{"raftsim.run.link-and-file", "give a scenario file or --link, not both"},
	{"raftsim.run.until", "--until must not be negative"},
	// %[1]d is the limit (one hour), %[2]d what was given.
	{"raftsim.run.until-limit", "--until must be at most %d ms (one hour, the longest run RaftLab simulates), not %d"},
	{"raftsim.run.title", "%s (seed %d), ended at %d ms"},
	// The header of the servers' table; each heading ends where its column
	// does (node 6, state 14 after two spaces, term 4, commit 6, applied 7,
	// last 4, each after two spaces).
	{"raftsim.run.columns", "  node  state         term  commit  applied  last  log (terms)"},
	{"raftsim.role.follower", "follower"},
	{"raftsim.role.precandidate", "precandidate"},
	{"raftsim.role.candidate", "candidate"},
	{"raftsim.role.leader", "leader"},
	// A crashed server.
	{"raftsim.role.down", "down"},
	{"raftsim.run.expectation", "%s at %6d ms  %s"},
	{"raftsim.run.no-violations", "no safety violations"},
	{"raftsim.run.violation", "VIOLATION at %d ms: %s: %s"},
	{"raftsim.run.stale-read", "STALE READ at %d ms: %s"},
	{"raftsim.run.calls", "%d client calls (%d returned), linearizability: %s"},
	{"raftsim.run.messages", "%d messages sent, %d delivered, %d dropped; %d elections, %d leader changes"},

	// raftsim chaos.
	{"raftsim.chaos.argument", "unexpected argument %q"},
	{"raftsim.chaos.seeds", "--seeds must be at least 1"},
	{"raftsim.chaos.nodes", "--nodes must be 1..%d"},
	{"raftsim.chaos.duration", "--duration must not be negative"},
	{"raftsim.chaos.duration-limit", "--duration must be at most %d ms (ten minutes of faults and client load per seed), not %d"},
	// %[4]s is ok or FAILED.
	{"raftsim.chaos.seed", "[%d/%d] seed %d: %s (%d client calls, %d elections, linearizability %s)"},
	{"raftsim.chaos.violation", "seed %d: VIOLATION at %d ms: %s: %s"},
	{"raftsim.chaos.reproduce", "reproduce with: raftsim run %s"},
	{"raftsim.chaos.failed", "%d of %d seeds failed"},
}
