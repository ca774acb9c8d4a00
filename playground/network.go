package playground

import (
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
)

// Network is the state of the links between nodes. It is a plain value, so
// copying it copies the network.
type Network struct {
	LatencyMin, LatencyMax int64
	DropRate               float64
	DuplicateRate          float64
	// group assigns each node a partition group; nodes talk only within a
	// group. All zero means no partition.
	group [view.MaxNodes + 1]int
	// cut[from][to] is true when the one-way link from -> to is cut.
	cut [view.MaxNodes + 1][view.MaxNodes + 1]bool
}

// Connected reports whether a message from one node reaches another.
func (n *Network) Connected(from, to raft.ID) bool {
	if from > view.MaxNodes || to > view.MaxNodes {
		return false
	}
	return n.group[from] == n.group[to] && !n.cut[from][to]
}

// IsCut reports whether the one-way link from -> to is cut by hand (not by a
// partition).
func (n *Network) IsCut(from, to raft.ID) bool { return n.cut[from][to] }

// Group returns the partition group of a node (0 when not partitioned).
func (n *Network) Group(id raft.ID) int { return n.group[id] }

// Partitioned reports whether the nodes are split into groups.
func (n *Network) Partitioned() bool {
	for _, g := range n.group {
		if g != n.group[1] {
			return true
		}
	}
	return false
}

func (n *Network) partition(groups [][]raft.ID) {
	n.group = [view.MaxNodes + 1]int{}
	for i, g := range groups {
		for _, id := range g {
			n.group[id] = i + 1
		}
	}
}

// isolate puts one node in a group of its own, leaving the rest together.
func (n *Network) isolate(id raft.ID) {
	for i := range n.group {
		if n.group[i] == 0 {
			n.group[i] = 1
		}
	}
	n.group[id] = view.MaxNodes + 1
}

func (n *Network) heal() {
	n.group = [view.MaxNodes + 1]int{}
	n.cut = [view.MaxNodes + 1][view.MaxNodes + 1]bool{}
}

// Flight is a message on the wire: it left at SendAt and arrives at
// DeliverAt, so a view can place it anywhere in between. A lost message
// still flies (and vanishes at DeliverAt), so every message can be drawn.
type Flight struct {
	// ID numbers the flights of a run from 1, in sending order; the trace
	// names a flight by it.
	ID   uint64
	Kind view.FlightKind
	// Lost is set when the network will not deliver it; LostWhy says why.
	Lost bool
	// Duplicate marks the network's extra copy of another message.
	Duplicate bool
	// held is set while the flight waits in its link's queue for the user
	// (manual network mode: manual.go).
	held      bool
	lostWhy   lossCause
	From, To  raft.ID // 0 is the client side
	Client    int
	SendAt    int64
	DeliverAt int64

	Raft raft.Message // FlightRaft
	// A client flight's payload is out of line: most flights are Raft
	// messages, and inline it would double the size of every one.
	Request *Request    // FlightRequest
	Reply   *view.Reply // FlightReply
}

// lossCause says why a flight is lost. It is a code rather than the
// sentence, which LostWhy writes when it is read: the store and the trace
// keep one for every flight lost in a run.
type lossCause uint8

const (
	notLost lossCause = iota
	lostLinkCut
	lostPartitioned
	lostDropped
	lostReceiverDown
	lostCutInFlight
	lostByHand
)

// LostWhy says why a lost flight is lost ("" when it is not), in English.
func (f *Flight) LostWhy() string { return f.LostWhyIn(i18n.English) }

// LostWhyIn says why a lost flight is lost, in a language.
func (f *Flight) LostWhyIn(lang i18n.Lang) string {
	if m := lostWhy(f); !m.Empty() {
		return m.In(lang)
	}
	return ""
}

// Request is a client's request as it travels to a node.
type Request struct {
	Cmd  view.Command
	Read view.ReadMode // for gets
}
