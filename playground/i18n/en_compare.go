package i18n

// enCompare: raftsim compare and raftsim chaos --engine: the two engines side by side.
var enCompare = messages{
	// The first difference between two engines' outcomes (playground.Outcome).
	// %[1]d is the write's place among the committed writes; %[2]s and
	// %[4]s name the engines, %[3]s and %[5]s are compare.write(.none).
	{"compare.diff.commit", "committed write %d: %s has %s, %s has %s"},
	{"compare.write", "%s (index %d)"},
	{"compare.write.none", "none"},
	// The engines' histories have different numbers of calls.
	{"compare.diff.calls", "%s made %d client calls, %s made %d"},
	// Call %[1]d in call order was not the same call: engine, client, command, twice.
	{"compare.diff.call-made", "client call %d: %s made client %d's %s, %s made client %d's %s"},
	// Call %[1]d (client %[2]d's %[3]s) returned differently: engine and
	// result (feed.result.*, compare.result.pending), twice.
	{"compare.diff.call", "client call %d, client %d's %s: on %s it returned %s, on %s %s"},
	{"compare.result.pending", "nothing (it never returned)"},
	// The final stores differ at key %[1]s: engine and value, twice.
	{"compare.diff.store", "final store, key %s: %s has %s, %s has %s"},
	// The linearizability verdicts differ: engine and verdict, twice.
	{"compare.diff.verdict", "linearizability: %s says %s, %s says %s"},

	// raftsim compare: the verdict, then what may differ side by side.
	{"compare.agree", "The engines agree: %d committed writes, %d client calls (same results, in the same order), %d keys in the store, linearizability %s."},
	{"compare.diverge", "The engines diverge. The first difference:"},
	{"compare.may-differ", "What may differ:"},
	{"compare.row.checks", "the scenario's checks"},
	{"compare.checks.ok", "ok"},
	{"compare.checks.failed", "%d failed"},
	{"compare.row.terms", "terms at the end"},
	{"compare.row.elections", "elections"},
	{"compare.row.leader-changes", "leader changes"},
	{"compare.row.messages", "messages sent"},
	{"compare.row.returns", "client calls returned at (ms)"},
	// A call in the table: its place in call order, its client, its command.
	{"compare.row.call", "%d. client %d: %s"},
	{"compare.row.pending", "never"},
	{"compare.row.more", "… and %d calls more"},
	// raftsim chaos --engine: %[1]s is scenario.engine (the engines known).
	{"compare.chaos.engine", "--engine: %s"},
	// raftsim chaos --engine etcd --rule NAME.
	{"compare.chaos.etcd-rule", "--rule %s is a teaching switch of RaftLab's engine: etcd's raft has none (drop --rule, or --engine etcd)"},
}
