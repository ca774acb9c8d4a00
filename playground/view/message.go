package view

// MsgType names Raft's RPCs and their responses.
type MsgType uint8

const (
	MsgRequestVote MsgType = iota + 1
	MsgRequestVoteResponse
	MsgPreVote
	MsgPreVoteResponse
	MsgAppendEntries
	MsgAppendEntriesResponse
	MsgInstallSnapshot
	MsgInstallSnapshotResponse
	MsgTimeoutNow
)

// MsgTypes lists every message type, requests before their responses.
var MsgTypes = []MsgType{
	MsgRequestVote, MsgRequestVoteResponse, MsgPreVote, MsgPreVoteResponse,
	MsgAppendEntries, MsgAppendEntriesResponse, MsgInstallSnapshot,
	MsgInstallSnapshotResponse, MsgTimeoutNow,
}

var msgTypeNames = [...]string{
	MsgRequestVote:             "RequestVote",
	MsgRequestVoteResponse:     "RequestVoteResponse",
	MsgPreVote:                 "PreVote",
	MsgPreVoteResponse:         "PreVoteResponse",
	MsgAppendEntries:           "AppendEntries",
	MsgAppendEntriesResponse:   "AppendEntriesResponse",
	MsgInstallSnapshot:         "InstallSnapshot",
	MsgInstallSnapshotResponse: "InstallSnapshotResponse",
	MsgTimeoutNow:              "TimeoutNow",
}

// String is the RPC's name as the Raft paper writes it; every language
// keeps these names.
func (t MsgType) String() string {
	if int(t) < len(msgTypeNames) {
		return msgTypeNames[t]
	}
	return ""
}

// IsResponse reports whether t answers a request.
func (t MsgType) IsResponse() bool {
	switch t {
	case MsgRequestVoteResponse, MsgPreVoteResponse, MsgAppendEntriesResponse, MsgInstallSnapshotResponse:
		return true
	}
	return false
}

// Message is what a screen shows of a Raft message.
type Message struct {
	Type MsgType
	// Reject is set on a refused vote or a failed append.
	Reject bool
	Term   uint64
	// Entries is how many log entries an AppendEntries carries (none: a
	// heartbeat).
	Entries int
	// Native is the message's type as its engine names it, when the
	// engine has its own ("MsgHeartbeat" on etcd's); "" on RaftLab's.
	Native string
}

// Heartbeat reports whether m is an AppendEntries carrying no entries.
func (m Message) Heartbeat() bool { return m.Type == MsgAppendEntries && m.Entries == 0 }
