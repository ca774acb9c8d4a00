package doc

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/raftlab/raftlab/playground/view"
)

// HighlightKind is what a highlight points at.
type HighlightKind uint8

const (
	HighlightNode HighlightKind = iota + 1
	HighlightLink
	HighlightMessages
	HighlightLog
	HighlightControl
	HighlightLabel
	HighlightGroup
)

// String is the kind's word in a lesson file.
func (k HighlightKind) String() string {
	switch k {
	case HighlightNode:
		return "node"
	case HighlightLink:
		return "link"
	case HighlightMessages:
		return "messages"
	case HighlightLog:
		return "log"
	case HighlightControl:
		return "control"
	case HighlightLabel:
		return "label"
	case HighlightGroup:
		return "group"
	}
	return ""
}

// Highlight is something a step points at on screen.
type Highlight struct {
	What HighlightKind
	// Node is the server (node, link, log); Ref is "leader" or
	// "leaderAtStart" when the server is named that way (Runner resolves
	// it into Node).
	Node view.ID
	Ref  string
	// Peer is a link's other end.
	Peer view.ID
	// Message is a message type, or heartbeat.
	Message string
	// Index is a log cell's index (0: the whole row); AllNodes marks the
	// column of that index on every server ("log *:5").
	Index    uint64
	AllNodes bool
	// Control is a control of the playground (lessons.Controls); Label a
	// key term of the glossary shown on screen (term, commit index,
	// nextIndex...).
	Control string
	Label   string
	// Group are the servers of a group drawn as one ("group 1 2 3"), with
	// an optional Caption ("majority of old"); each group of a step gets
	// its own tint.
	Group   []view.ID
	Caption string
}

func (h Highlight) String() string {
	node := func() string {
		if h.Ref != "" {
			return h.Ref
		}
		return strconv.FormatUint(uint64(h.Node), 10)
	}
	switch h.What {
	case HighlightNode:
		return "node " + node()
	case HighlightLink:
		return fmt.Sprintf("link %d-%d", h.Node, h.Peer)
	case HighlightMessages:
		return "messages " + h.Message
	case HighlightLog:
		switch {
		case h.AllNodes:
			return fmt.Sprintf("log *:%d", h.Index)
		case h.Index == 0:
			return "log " + node()
		}
		return fmt.Sprintf("log %s:%d", node(), h.Index)
	case HighlightControl:
		return "control " + h.Control
	case HighlightGroup:
		var b strings.Builder
		b.WriteString("group")
		for _, id := range h.Group {
			fmt.Fprintf(&b, " %d", id)
		}
		if h.Caption != "" {
			fmt.Fprintf(&b, " %q", h.Caption)
		}
		return b.String()
	}
	return "label " + h.Label
}

// Controls are the names of the playground's controls a lesson can point
