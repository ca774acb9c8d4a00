package view

import "github.com/raftlab/raftlab/playground/i18n"

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

// Flight is a message on the wire as a screen shows it: it left at SendAt
// and arrives at DeliverAt, so a screen can place it anywhere in between.
// A lost message still flies (and vanishes at DeliverAt).
type Flight struct {
	// ID numbers the flights of a run from 1, in sending order.
	ID   uint64
	Kind FlightKind
	// From and To are servers; None is the clients' side.
	From, To  ID
	Client    int
	SendAt    int64
	DeliverAt int64
	// Lost is set when the network will not deliver it; LostWhy says why.
	Lost    bool
	LostWhy i18n.Message
	// Duplicate marks the network's extra copy of another message.
	Duplicate bool
	// Held marks a message that waits in its link's queue for the user to
	// deliver, drop or duplicate it (manual network mode): it has no
	// DeliverAt yet.
	Held bool
	// Msg is a Raft message (FlightRaft); Reply a server's answer to a
	// client (FlightReply).
	Msg   Message
	Reply *Reply
	// Text names the message and its fields, in any language, as the
	// event feed says its sending.
	Text i18n.Translatable
}
