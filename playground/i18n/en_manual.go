package i18n

// enManual is the English of manual network mode: its refusals, its feed
// lines and its controls (playground/manual.go, ui/manual.go).
var enManual = messages{
	{"scenario.manual.already-on", "the network is already in manual mode"},
	{"scenario.manual.already-off", "the network is not in manual mode"},
	{"scenario.manual.off", "%s: the network is not in manual mode (turn it on first: {\"do\": \"manual\", \"on\": true})"},
	{"scenario.manual.none", "%s: no message waits on the link from %s to %s"},
	{"scenario.manual.none-kind", "%s: no %s waits on the link from %s to %s"},
	{"scenario.manual.nth", "%s: message number %d was asked for, but only %d wait on the link from %s to %s"},
	{"scenario.manual.nth-kind", "%s: message number %d was asked for, but only %d %s wait on the link from %s to %s"},
	{"scenario.manual.not-leader", "%s is not the leader: only a leader sends heartbeats"},
	{"scenario.manual.kind", "unknown message kind %q: use one of %s"},
	{"scenario.manual.timer", "unknown timer %q: use election or heartbeat"},
	{"scenario.manual.drop-both", "give msg (a message in flight) or from and to (a waiting message), not both"},
	{"scenario.manual.drop-which", "required: msg (a message in flight) or from and to (a waiting message)"},

	{"feed.manual.on", "The network is in manual mode: messages between servers wait for you, and the timers stand still"},
	{"feed.manual.off", "The network delivers messages by itself again, and the timers run"},

	{"menu.manual.election", "Fire election timer"},
	{"menu.manual.heartbeat", "Send heartbeats"},
	{"menu.manual.deliver", "Deliver"},
	{"menu.manual.drop", "Drop"},
	{"menu.manual.duplicate", "Duplicate"},
	{"menu.manual.title", "%s: number %d of %d waiting"},

	{"manual.switch.on", "Manual network: on"},
	{"manual.switch.off", "Manual network: off"},
	{"manual.switch.tip", "In manual mode, messages between servers wait beside their link. Click one to deliver, drop or duplicate it. Timers stand still: fire them from a server's menu."},
	{"manual.indicator", "Time stands still until you choose"},
}
