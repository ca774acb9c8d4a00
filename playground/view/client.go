package view

import "fmt"

// Command is a client request as it travels to the cluster and, for writes,
// as it is stored in a log entry.
type Command struct {
	// Client is the client that sent the command (0: none, for the
	// entries a scenario's initial logs hold).
	Client int
	// Seq numbers the client's requests. With client sessions on, the
	// store applies each (Client, Seq) at most once, so a retried write is
	// not applied twice (see KV.Apply).
	Seq   uint64
	Op    Op
	Key   string
	Value string // put: the value; cas: the new value
	From  string // cas: the expected current value ("" matches a missing key)
}

func (c Command) String() string {
	switch c.Op {
	case OpPut:
		return fmt.Sprintf("put %s=%s", c.Key, c.Value)
	case OpDelete, OpGet:
		return fmt.Sprintf("%s %s", c.Op, c.Key)
	case OpCAS:
		return fmt.Sprintf("cas %s %s→%s", c.Key, c.From, c.Value)
	}
	return c.Op.String()
}

// Result is the outcome of a command.
type Result struct {
	OK    bool
	Found bool
	// Value is the value read (get), or found when a cas failed.
	Value string
	// Revision is the store's revision after the command.
	Revision int64
}

// Call is one client operation as the client saw it: when it was invoked,
// when (if ever) it returned, and with what.
type Call struct {
	Client int
	Cmd    Command
	Read   ReadMode
	// Node is the node the caller asked for, or None for "the leader".
	Node     ID
	CallMs   int64
	ReturnMs int64 // -1 while outstanding or if it never returned
	Done     bool
	Result   Result
	Attempts int
	// Applied is set when some node applied the write, whether or not the
	// client heard back; Effect is the result it had.
	Applied bool
	Effect  Result
}

// Reply is a node's answer to a client request.
type Reply struct {
	Seq uint64
	// Redirect is set when the node cannot serve the request; Leader is
	// the leader it knows of, if any. Refused says why a leader turned the
	// request away ("leadership transfer in progress"); empty otherwise.
	Redirect bool
	Leader   ID
	Refused  string
	Result   Result
}
