package i18n

// enSearch: the search for a failing run (raftsim chaos, and the app's
// "Find a way to break this"): its options, its errors and what it
// prints. Rule, feature and flag names stay as they are in all languages.
var enSearch = messages{
	// raftsim chaos --help; %[1]d runs of %[2]d ms is the default budget.
	{"raftsim.chaos.help", `usage: raftsim chaos [--seeds N] [--first-seed N] [--nodes N] [--duration MS]
                     [--engine raftlab|etcd] [--rule NAME]... [--feature NAME=VALUE]...
                     [--minimize] [--out DIR]

Runs a cluster through random faults and every action a user can take
(crashes, partitions, lost messages, slow disks, client calls, added and
removed servers, leadership transfers, snapshots, elections), one run a
seed, and checks each run for safety and linearizability.

  --engine NAME         the Raft the servers run: raftlab (RaftLab's own, the
                        default) or etcd (etcd's raft library, which has no
                        teaching switches: no --rule, no leaderNoop=false).
  --rule NAME           turn on a teaching switch: commitOldTermsByCounting,
                        skipElectionRestriction, fixedElectionTimeout or
                        ackBeforeFsync (repeatable). The faults are steered
                        toward what exposes each switch.
  --feature NAME=VALUE  keep a setting as given, as a scenario file spells it
                        (preVote=false, readMode=lease, snapshotEvery=20, ...;
                        repeatable). The search draws the other features
                        afresh for each run.
  --minimize            stop at the first failure, shrink it by delta
                        debugging, print its steps and write it to --out.

The default budget is %[1]d seeds of %[2]d ms of faults each (then 5 s to
settle): a few seconds. Every switch that can break safety fails within it.
`},
	{"search.rule.unknown", "unknown rule %q (the rules: %s)"},
	{"search.feature.form", "--feature wants NAME=VALUE, not %q"},
	{"search.feature.unknown", "unknown feature %q (the features: %s)"},
	{"search.feature.value", "feature %s: %q is not %s"},
	{"search.want.bool", "true or false"},
	{"search.want.count", "a whole number (0 for never)"},
	{"search.want.read-mode", "readIndex, lease or local"},
	{"search.want.ms", "a whole number of milliseconds"},
	{"search.want.range", "MIN-MAX in milliseconds"},
	{"search.want.pct", "a whole number from 0 to 99"},
	{"search.want.rate", "a number from 0 to 1"},

	// raftsim chaos --minimize.
	{"raftsim.chaos.minimized", "minimized: %d steps down to %d, in %d replays:"},
	{"raftsim.chaos.breaks", "breaks %s at %d ms"},
	{"raftsim.chaos.not-linearizable", "the history up to %d ms is not linearizable"},
	{"raftsim.chaos.nothing", "found nothing in %d runs"},
	{"raftsim.chaos.more-violations", "... and %d more violations"},

	// The app's "Find a way to break this" (ui/breaksearch.go).
	{"break.button", "Find a way to break this"},
	{"break.hint", "A teaching switch is on. Search random faults for a run that breaks safety, then shrink it to its fewest steps."},
	{"break.searching", "Looking for a run that breaks Raft"},
	{"break.runs", "run %d of %d"},
	{"break.shrinking", "found one: shrinking it, %d steps left after %d replays"},
	{"break.stop", "Stop"},
	{"break.stop.hint", "Stop the search (Esc). What it found so far opens."},
	{"break.close", "Close"},
	{"break.close.hint", "Close this card (Esc). The run stays open."},
	{"break.nothing", "Found nothing in %d runs: this switch did not break safety here."},
	{"break.stopped", "Stopped after %d runs, with nothing found."},
	{"break.found", "Found in run %[2]d, shrunk to %[1]d steps."},
	{"break.breaks", "%s fails at %.3f s; the run is paused there."},
	{"break.not-linearizable", "The history is not linearizable; the run is paused at its end."},
	{"break.step", "%d. %s"},
}
