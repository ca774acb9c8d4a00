package view

// Action is one timed action of a scenario, and also how the views and
// lessons act on a session: everything done to a session is an Action, so
// that time travel can replay it. Which fields an action uses is said by
// its row of actionTable.
type Action struct {
	At int64
	Do string

	Node   ID     // most node actions; the target of client requests
	From   ID     // cut, link
	To     ID     // cut, link, transferLeader
	Groups [][]ID // partition
	// reconfigure: the voters after one joint change (etcd's engine).
	Voters []ID
	Msg    uint64 // drop: the flight to lose

	// manual: turn manual network mode on or off. deliver, drop and
	// duplicate name a queued message by its link (From, To), its kind
	// ("": any) and its position among the link's messages of that kind
	// (1 is the oldest; 0 means 1); fireTimer names its timer in Kind.
	On   bool
	Kind string
	Nth  int

	Network NetworkChange // network
	FsyncMs int64         // disk

	Key   string // put, delete, get, cas
	Value string // put
	Old   string // cas: "from"
	New   string // cas: "to"
	Mode  string // get, load: readIndex, lease or local ("" = the scenario's)

	// load: calls per second (0 stops the load), for how long (0: until
	// stopped), over how many keys, the percentage that are gets, and the
	// most calls outstanding at once (0: no bound).
	Rate    int
	ForMs   int64
	Keys    int
	ReadPct int
	Clients int

	Expect Expect // expect
}

// NetworkChange changes the network's behaviour; nil fields stay as they are.
type NetworkChange struct {
	DropRate      *float64
	DuplicateRate *float64
	LatencyMs     *[2]int64
}

// Expect is an assertion about the world at one moment. Set fields are
// checked; nil ones are not.
type Expect struct {
	Node         ID                `json:"node,omitempty"`
	Role         *string           `json:"role,omitempty"`
	Term         *uint64           `json:"term,omitempty"`
	CommitIndex  *uint64           `json:"commitIndex,omitempty"`
	AppliedIndex *uint64           `json:"appliedIndex,omitempty"`
	Up           *bool             `json:"up,omitempty"`
	Log          []uint64          `json:"log,omitzero"` // (omitzero: an empty log is an expectation)
	KV           map[string]string `json:"kv,omitzero"`

	Leader     ID   `json:"leader,omitempty"`
	LeaderIn   []ID `json:"leaderIn,omitempty"`
	NoLeader   bool `json:"noLeader,omitempty"`
	Violations *int `json:"violations,omitempty"`
}
