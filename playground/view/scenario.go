package view

// Scenario is a scenario file: a cluster's settings, its optional starting
// state, and a script of timed steps. See the README for the format.
type Scenario struct {
	Name        string
	Description string
	Settings    Settings
	// Until is when the run ends, in virtual milliseconds.
	Until   int64
	Initial map[ID]Initial
	Actions []Action
	// Challenge, when set, is the goal the scenario sets a student.
	Challenge *Challenge
}

// Initial is a node's state at time zero, as if read from its disk.
type Initial struct {
	Term     uint64   `json:"term"`
	VotedFor ID       `json:"votedFor"`
	Log      []uint64 `json:"log"`
	// CommitIndex is the durable commit index.
	CommitIndex uint64 `json:"commitIndex"`
}
