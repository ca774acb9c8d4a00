package i18n

// enUIClient: the client panel and the partition dialog.
var enUIClient = messages{
	// The client panel's fields (buttons): the key and the value the next
	// request uses (%s is the key or value; a typed one ends in "|", the
	// text cursor).
	{"client.key", "key: %s"},
	{"client.value", "value: %s"},
	// Tooltips of the two fields.
	{"client.key.hint", "Click, then type a key. Enter sends a put, Esc leaves the field"},
	{"client.value.hint", "Click, then type a value. Enter sends a put, Esc leaves the field"},
	// A button that switches to the next preset key (%s, e.g. y), and its
	// tooltip.
	{"client.use", "use %s"},
	{"client.use.hint", "Use a preset key (click to change)"},
	// The button that says where the client sends its requests: to the
	// server it believes is the leader, or to one server (%s, e.g. S2).
	// The lessons call it the "to:" button.
	{"client.to.leader", "to: leader"},
	{"client.to", "to: %s"},
	{"client.to.hint", "Where the client sends its requests: the leader it believes in, or one server (click to change)"},
	// The four operations' buttons: the key-value store's command names,
	// as the request lines and the feed write them (put x=1), and their
	// tooltips.
	{"client.put", "put"},
	{"client.put.hint", "Write the value to the key"},
	{"client.get", "get"},
	{"client.get.hint", "Read the key, confirmed the way the settings' read mode says"},
	{"client.delete", "delete"},
	{"client.delete.hint", "Delete the key"},
	{"client.cas", "cas"},
	{"client.cas.hint", "Compare-and-swap: set the value if the key still holds the value this client last saw"},

	// The load controls: the rate of a steady load of writes (%d writes a
	// second: 5, 20 or 100, or a scenario's load's rate), and the button
	// that starts or stops it, with their tooltips (%d: how many clients
	// the load writes from).
	{"client.load.rate", "load: %d/s"},
	{"client.load.rate.hint", "How many writes a second the load makes (click to change; a running load changes too)"},
	{"client.load.start", "start load"},
	{"client.load.start.hint", "Start a steady load of writes to the keys k1 to k8 from %d clients, sent where the \"to:\" button says. A write is skipped when all %[1]d wait for an answer"},
	{"client.load.stop", "stop load"},
	{"client.load.stop.hint", "Stop the load of writes"},

	// The button that opens the partition editor, and its tooltip.
	{"partition.open", "Partition…"},
	{"partition.open.hint", "Split the servers into two groups that cannot reach each other"},
	// The editor's buttons and their tooltips.
	{"partition.apply", "Apply"},
	{"partition.apply.hint", "Cut the network between the two groups"},
	{"partition.cancel", "Cancel"},
	{"partition.cancel.hint", "Leave the network as it is"},
	// The editor's title, and the line under it that says how to use it.
	{"partition.title", "Partition the network"},
	{"partition.hint", "Click a server to move it to the other group, or drag it."},
	// A group's caption: its letter (A or B) and its servers (S1 S2).
	{"partition.group", "Group %s: %s"},
	{"partition.group.empty", "Group %s: no servers"},
}
