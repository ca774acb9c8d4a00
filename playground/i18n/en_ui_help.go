package i18n

// enUIHelp: the help overlay: its shortcuts and the legend of what the
// screen shows.
var enUIHelp = messages{
	// The overlay's title, and how to close it.
	{"help.title", "Help"},
	{"help.close", "Click anywhere or press Esc to close."},
	// A button: opens the list of lessons.
	{"help.lessons", "Open the lessons"},
	{"help.lessons.hint", "The course: interactive lessons"},

	// The heading of the shortcuts column. Each line below is a key cap
	// (the key's name as printed on the keyboard), two spaces, then what it
	// does.
	{"help.keys", "Keys and clicks"},
	{"help.key.space", "Space  play / pause"},
	{"help.key.right", "Right arrow  run to the next event"},
	{"help.key.speed", "+ / -  faster / slower (1/1000x to 1x)"},
	{"help.key.write", "C  a client writes x through the leader"},
	{"help.key.crash", "R  crash the leader (or restart a crashed node)"},
	{"help.key.save", "S  save the session, or a picture of it"},
	{"help.key.safety", "P  Raft's five safety properties"},
	{"help.key.diagram", "D  space-time diagram      [ ]  zoom it"},
	// Two shortcuts on one line: ? and Esc.
	{"help.key.help", "?  this help      Esc  close the topmost menu, panel or lesson"},
	// What a click on each thing does; a menu's actions are listed.
	{"help.click.node", "Click a node: crash, restart, time out, transfer leadership, snapshot, isolate, remove"},
	{"help.click.link", "Click a link: cut it one way or both, or restore it"},
	{"help.click.message", "Click a message: drop it"},
	{"help.click.chip", "Manual network mode: click a waiting message to deliver, drop or duplicate it"},
	{"help.click.timeline", "Click or drag the timeline: travel in time; acting in the past forks history"},
	{"help.click.safety", "Click a red safety light: jump to the violation or stale read"},
	{"help.drop", "Drop a scenario file on the window to load it"},
	{"help.touch", "Touch: tap = click, long-press = node menu"},

	// The heading of the legend column: what the colours and shapes mean.
	{"help.legend", "What you see"},
	// The roles' names beside their colours; crashed is a server that is down.
	{"help.role.follower", "follower"},
	{"help.role.pre-candidate", "pre-candidate"},
	{"help.role.candidate", "candidate"},
	{"help.role.leader", "leader"},
	{"help.role.crashed", "crashed"},
	{"help.timer", "The ring is the election timer. It drains; when it is empty, the server starts an election."},
	{"help.term", "The number in a server is its term."},
	{"help.disk", "The bar beside a server is its disk: green when the log is on disk, orange while it writes."},
	{"help.committed", "A solid log entry is committed. The number and colour are its term."},
	{"help.uncommitted", "A hollow entry is not committed yet."},
	{"help.messages", "Messages: a disc is a request, a square is a reply. The letter names the type."},
	// The kinds of message, each beside its glyph. Raft's message names
	// (RequestVote, PreVote, AppendEntries, InstallSnapshot, TimeoutNow)
	// stay as they are.
	{"help.message.requestvote", "RequestVote"},
	{"help.message.vote-granted", "vote granted"},
	{"help.message.vote-refused", "vote refused"},
	{"help.message.prevote", "PreVote"},
	{"help.message.appendentries-with-entries", "AppendEntries with entries"},
	{"help.message.heartbeat", "heartbeat"},
	{"help.message.append-accepted", "append accepted"},
	{"help.message.append-rejected", "append rejected"},
	{"help.message.installsnapshot", "InstallSnapshot"},
	{"help.message.timeoutnow", "TimeoutNow"},
	{"help.message.client-request", "client request"},
	{"help.message.client-reply", "client reply"},
	// A reply that names the leader to send to (its glyph shows the name).
	{"help.message.redirect-to-the-leader", "redirect to the leader"},
	// A redirect that names no leader: the server knows of none.
	{"help.message.no-leader-known", "no leader known"},
}
