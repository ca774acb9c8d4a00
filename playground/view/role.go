package view

// Role is a server's part in the protocol.
type Role uint8

const (
	Follower Role = iota
	// PreCandidate runs a pre-election (PreVote) without raising its term.
	PreCandidate
	Candidate
	Leader
)
