package i18n

// enFeed: the event feed's sentences (playground.Event.TextIn), one per
// kind of event. Node names (S1), numbers, commands (put x=1) and message
// names (AppendEntries) are arguments. The English is what `raftsim run`
// prints: changing it changes the tool's output.
var enFeed = messages{
	// A node's name when there is none (a vote for nobody).
	{"feed.nobody", "nobody"},
	// A client as a message's sender or receiver: "client 2".
	{"feed.client", "client %d"},

	// Message events: %s is the sender or receiver, %s the message as
	// feed.flight.* describes it.
	{"feed.msg.send", "%s sent %s"},
	{"feed.msg.deliver", "%s received %s"},
	{"feed.msg.duplicate", "the network duplicated %s"},
	// %[2]s says why (feed.lost.*).
	{"feed.msg.lost", "the network lost %s (%s)"},

	// Why the network lost a message.
	{"feed.lost.link-cut", "the link is cut"},
	{"feed.lost.partitioned", "the network is partitioned"},
	{"feed.lost.dropped", "dropped by the network"},
	{"feed.lost.receiver-down", "%s is down"},
	{"feed.lost.cut-in-flight", "the link was cut while it flew"},
	{"feed.lost.by-hand", "dropped by hand"},

	// A message, with its route (S1→S2) and its gist. A client request:
	// %q is the command (put x=1).
	{"feed.flight.request", "request %q %s"},
	// A leader turned a request away: %[2]s is why (feed.refused.*).
	{"feed.flight.refusal", "refusal %s (%s)"},
	{"feed.flight.redirect", "redirect %s (leader: %s)"},
	{"feed.flight.reply", "reply %s"},
	// A Raft message: its type (AppendEntries), route and details, the
	// details joined by feed.flight.sep.
	{"feed.flight.raft", "%s %s (%s)"},
	{"feed.flight.sep", ", "},
	{"feed.flight.term", "term %d"},
	// A vote request's last log entry: index/term.
	{"feed.flight.last-log", "last log %d/%d"},
	{"feed.flight.refused", "refused"},
	{"feed.flight.granted", "granted"},
	{"feed.flight.heartbeat", "heartbeat"},
	{"feed.flight.entry", "entry %d"},
	{"feed.flight.entries", "entries %d-%d"},
	// The entry before an AppendEntries' entries: index/term
	// (prevLogIndex/prevLogTerm).
	{"feed.flight.prev", "prev %d/%d"},
	{"feed.flight.commit", "commit %d"},
	{"feed.flight.rejected", "rejected at %d"},
	{"feed.flight.matched", "matched up to %d"},
	{"feed.flight.snapshot", "snapshot up to %d"},
	{"feed.flight.now-at", "now at %d"},

	// Why a leader refused a client's request (raft's errors).
	{"feed.refused.not-leader", "not the leader"},
	{"feed.refused.transferring", "leadership transfer in progress"},
	{"feed.refused.conf-pending", "a configuration change is still uncommitted"},
	{"feed.refused.no-commit", "the leader has not yet committed an entry of its term"},
	{"feed.refused.not-member", "node is not a member"},
	{"feed.refused.lease-reads-off", "lease reads are not enabled (Config.LeaseReads)"},

	{"feed.timeout", "%s timed out and started an election for term %d"},
	// %[2]d is the term the pre-candidate would campaign in, %[3]d its
	// term now.
	{"feed.timeout.prevote", "%s timed out and asked for pre-votes for term %d (PreVote: its term stays %d)"},
	{"feed.role.leader", "%s became leader for term %d"},
	{"feed.role.follower-of", "%s is now a follower of %s in term %d"},
	{"feed.role.stepped-down", "%s stepped down to follower in term %d"},
	{"feed.role.stepped-down.quorum", "%s stepped down to follower in term %d (CheckQuorum: it has not heard from a majority for an election timeout)"},
	{"feed.role.candidate", "%s became a candidate for term %d"},
	{"feed.role.pre-candidate", "%s became a pre-candidate (term %d)"},
	{"feed.term", "%s moved to term %d"},
	{"feed.vote", "%s voted for %s in term %d"},
	{"feed.append.one", "%s appended entry %d (term %d) to its log"},
	{"feed.append.noop", "%s appended entry %d (term %d) to its log: the new leader's no-op"},
	// %[4]s is the new configuration (feed.config).
	{"feed.append.config", "%s appended entry %d (term %d) to its log: a configuration change to %s"},
	// %[4]q is a client's command (put x=1).
	{"feed.append.command", "%s appended entry %d (term %d) to its log: %q"},
	{"feed.append.many", "%s appended entries %d-%d (term %d) to its log"},
	{"feed.truncate", "%s deleted its conflicting entries from index %d on"},
	{"feed.commit", "%s advanced its commit index to %d"},
	{"feed.apply", "%s applied entry %d to its state machine"},
	{"feed.apply.noop", "%s applied entry %d to its state machine (no-op)"},
	{"feed.apply.config", "%s applied entry %d to its state machine (configuration %s)"},
	// A configuration: the IDs of its voters, and of its learners.
	{"feed.config", "voters %s"},
	{"feed.config.learners", "voters %s learners %s"},
	{"feed.fsync", "%s's disk finished an fsync: its log is durable up to byte %d"},
	{"feed.snapshot.took", "%s took a snapshot up to index %d (term %d)"},
	{"feed.snapshot.installed", "%s installed a snapshot up to index %d (term %d)"},
	{"feed.crash", "%s crashed: it lost its memory and every unsynced write"},
	{"feed.crash.lost", "%s crashed: it lost its memory and every unsynced write (%d unsynced bytes of its log were lost)"},
	{"feed.restart", "%s restarted from its disk in term %d with %d log entries"},
	{"feed.restart.torn", "%s restarted from its disk in term %d with %d log entries; it cut a torn record of %d bytes from the end of its log"},
	{"feed.read.held", "%s holds a read until it has committed an entry of its own term (its no-op)"},
	{"feed.read.noted.heartbeat", "%s noted read index %d for a read and sends a heartbeat round to check that it still leads"},
	{"feed.read.noted.lease", "%s noted read index %d for a read; its lease shows that it still leads"},
	{"feed.read.confirmed", "%s is still leader: a majority answered its heartbeat round"},
	// %[2]d is the read index, %[3]d the index the leader had applied.
	{"feed.read.answered", "%s answered the read at read index %d (applied %d)"},

	// A store skipped or repeated a client's write: %[2]s is the command.
	{"feed.write.skipped", "%s skipped %s from client %d: its client session shows it was applied before"},
	{"feed.write.duplicate", "%s applied %s from client %d again: a duplicate"},

	// A load step started a steady client load: calls a second, keys,
	// the percentage of gets, and (.node) the server the calls go to;
	// without it they go to the leader the client believes in.
	{"feed.load.start", "a client load started: %d calls a second over %d keys, %d%% of them gets, sent to the leader"},
	{"feed.load.start.node", "a client load started: %d calls a second over %d keys, %d%% of them gets, sent to %s"},
	// The load stopped (it was stopped, or its time was up) after %d
	// calls; with .skipped, %[2]d more fell due but were not made (all its
	// clients were busy, or its server was removed).
	{"feed.load.stop", "the client load stopped after %d calls"},
	{"feed.load.stop.skipped", "the client load stopped after %d calls; it skipped %d more because all its clients were busy or its server was removed"},

	// Client events: %d is the client, %s a command (put x=1).
	{"feed.client.call", "client %d asked %s to %s"},
	{"feed.client.call.guess", "client %d thought %s was the leader and asked it to %s"},
	{"feed.client.call.no-leader", "client %d did not know the leader and asked %s to %s"},
	// %[2]s is the answer (feed.result.*).
	{"feed.client.return", "client %d got %s for %s"},
	{"feed.client.gave-up", "client %d gave up on %s after %d attempts; its outcome is unknown"},
	// A retry: client, command, attempt number, the node it went to, and
	// the node that failed the last attempt.
	{"feed.client.retry.timeout", "client %d retried %s (attempt %d) at %s: %s did not answer in time"},
	{"feed.client.retry.no-leader", "client %d retried %s (attempt %d) at %s: %s knew no leader"},
	{"feed.client.retry.refused", "client %d retried %s (attempt %d) at %s: %s refused it"},
	// %[1]s redirected client %[2]d to %[3]s; the retry's command and
	// attempt number.
	{"feed.client.retry.redirect", "%[1]s is not the leader: it redirected client %[2]d to %[3]s. Client %[2]d retried %[4]s at %[3]s (attempt %[5]d)"},

	// What a client's call got.
	{"feed.result.not-found", "“not found”"},
	{"feed.result.value", "%q"},
	{"feed.result.cas-failed", "“failed, value is %q”"},
	{"feed.result.ok", "“ok”"},

	// The learner's and the scenarios' actions, and membership changes
	// (their events carry these keys as Event.Key). A partition: its
	// groups, "{S1 S2} | {S3 S4 S5}".
	{"feed.partition", "the network split into %s"},
	{"feed.isolate", "%s was cut off from every other node"},
	{"feed.link.cut", "the link %s→%s was cut"},
	{"feed.link.restored", "the link %s→%s was restored"},
	{"feed.heal", "the network healed: every node can reach every other"},
	{"feed.network", "the network now drops %.0f%% and duplicates %.0f%% of messages, with %d-%d ms latency"},
	{"feed.disk", "%s's disk now takes %d ms per fsync"},
	{"feed.transfer", "%s began handing leadership to %s"},
	{"feed.member.join", "%s started with an empty log and asks to join the cluster"},
	{"feed.member.remove", "asked the leader to remove %s from the cluster"},
	{"feed.member.gave-up", "gave up changing the membership of %s: no leader accepted the change in time"},
	// The leader %[1]s proposed a configuration change about %[2]s.
	{"feed.member.propose.add-learner", "%s proposed: add learner %s"},
	{"feed.member.propose.add-voter", "%s proposed: add voter %s"},
	{"feed.member.propose.remove", "%s proposed: remove %s"},
	{"feed.member.propose.joint", "%s proposed a joint change of the voters from %s to %s: until it is done, every decision needs a majority of both"},
	{"feed.member.left", "%s left the cluster and shut down"},
	// %[2]s is the error, as the code says it.
	{"feed.malformed", "%s rejected a malformed message: %s"},
	// A scenario's step that failed: its number, its action, the error.
	{"feed.step-failed", "step %d (%s) could not be carried out: %v"},
}
