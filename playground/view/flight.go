package view

// FlightKind says what a message in flight carries.
type FlightKind uint8

const (
	// FlightRaft is a Raft RPC or response between two nodes.
	FlightRaft FlightKind = iota
	// FlightRequest is a client request to a node.
	FlightRequest
	// FlightReply is a node's answer to a client.
	FlightReply
)
