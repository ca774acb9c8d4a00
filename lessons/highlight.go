package lessons

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
)

// Highlight is something a step points at on screen.
type Highlight struct {
	// What is node, link, messages, log, control, label or group.
	What string
	// Node is the server (node, link, log); Ref is "leader" or
	// "leaderAtStart" when the server is named that way (Runner resolves
	// it into Node).
	Node raft.ID
	Ref  string
	// Peer is a link's other end.
	Peer raft.ID
	// Message is a message type, or heartbeat.
	Message string
	// Index is a log cell's index (0: the whole row); AllNodes marks the
	// column of that index on every server ("log *:5").
	Index    uint64
	AllNodes bool
	// Control is a control of the playground (Controls); Label a key term
	// of the glossary shown on screen (term, commit index, nextIndex...).
	Control string
	Label   string
	// Group are the servers of a group drawn as one ("group 1 2 3"), with
	// an optional Caption ("majority of old"); each group of a step gets
	// its own tint.
	Group   []raft.ID
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
	case "node":
		return "node " + node()
	case "link":
		return fmt.Sprintf("link %d-%d", h.Node, h.Peer)
	case "messages":
		return "messages " + h.Message
	case "log":
		switch {
		case h.AllNodes:
			return fmt.Sprintf("log *:%d", h.Index)
		case h.Index == 0:
			return "log " + node()
		}
		return fmt.Sprintf("log %s:%d", node(), h.Index)
	case "control":
		return "control " + h.Control
	case "group":
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
// at (the names the views give their buttons, menu items and panels).
var Controls = []string{
	"play", "step", "slower", "faster", "write", "read", "add", "heal", "settings", "save", "help",
	"partition", "partition-apply", "partition-cancel", "lessons",
	"client-key", "client-target", "client-put", "client-get", "client-delete", "client-cas",
	"feed-story", "feed-elections", "feed-log", "feed-network", "feed-clients", "feed-all",
	"menu-crash", "menu-restart", "menu-timeout", "menu-transfer", "menu-snapshot", "menu-isolate",
	"menu-remove", "menu-drop", "menu-cut-both", "menu-cut-ab", "menu-cut-ba", "menu-heal-link",
	"timeline", "logs", "feed", "safety", "inspector",
}

// parseGroup parses the rest of a group item: two or more different
// server numbers, then optionally a caption in double quotes:
// group 1 2 3 "majority of old".
func parseGroup(item, rest string, ids servers) (Highlight, error) {
	h := Highlight{What: "group"}
	nums := rest
	if i := strings.Index(rest, `"`); i >= 0 {
		c := strings.TrimSpace(rest[i:])
		if len(c) < 3 || !strings.HasSuffix(c, `"`) || strings.Count(c, `"`) != 2 {
			return h, errorf("lessons.highlight.caption", item)
		}
		nums, h.Caption = rest[:i], strings.TrimSpace(c[1:len(c)-1])
	}
	for _, f := range strings.Fields(nums) {
		id, err := strconv.Atoi(f)
		if err != nil || id < 1 || id > view.MaxNodes || !ids.has(raft.ID(id)) {
			return h, errorf("lessons.highlight.servers", item, ids.describe(), f)
		}
		if slices.Contains(h.Group, raft.ID(id)) {
			return h, errorf("lessons.highlight.twice", item, id)
		}
		h.Group = append(h.Group, raft.ID(id))
	}
	if len(h.Group) < 2 {
		return h, errorf("lessons.highlight.group", item)
	}
	return h, nil
}

// parseHighlights parses one highlight line: items separated by commas,
// which may name the servers in ids.
func parseHighlights(line string, ids servers) ([]Highlight, error) {
	var out []Highlight
	for item := range strings.SplitSeq(line, ",") {
		hs, err := parseHighlight(strings.TrimSpace(item), ids)
		if err != nil {
			return nil, err
		}
		out = append(out, hs...)
	}
	return out, nil
}

// highlightItem is one item of a highlight line: what it points at (its
// first word) and the rest. item is the whole item, which errors quote;
// ids are the servers it may name.
type highlightItem struct {
	item, what, rest string
	ids              servers
}

// parseHighlight parses one item of a highlight line ("nodes 1 2" gives a
// highlight per server).
func parseHighlight(item string, ids servers) ([]Highlight, error) {
	what, rest, _ := strings.Cut(item, " ")
	it := highlightItem{item: item, what: what, rest: strings.TrimSpace(rest), ids: ids}
	var h Highlight
	var err error
	switch what {
	case "node", "nodes":
		return it.nodes()
	case "leader", "leaderAtStart":
		h, err = it.leader()
	case "link":
		h, err = it.link()
	case "messages":
		h, err = it.messages()
	case "log":
		h, err = it.log()
	case "control":
		h, err = it.control()
	case "label":
		h, err = it.label()
	case "group":
		h, err = parseGroup(item, it.rest, ids)
	default:
		err = errorf("lessons.highlight.unknown", item)
	}
	if err != nil {
		return nil, err
	}
	return []Highlight{h}, nil
}

// server parses a server the item names: a number among ids, or leader or
// leaderAtStart (which the Runner resolves).
func (it highlightItem) server(s string) (Highlight, error) {
	if s == "leader" || s == "leaderAtStart" {
		return Highlight{What: "node", Ref: s}, nil
	}
	id, err := strconv.Atoi(s)
	if err != nil || id < 1 || id > view.MaxNodes || !it.ids.has(raft.ID(id)) {
		return Highlight{}, errorf("lessons.highlight.node", it.item, it.ids.describe(), s)
	}
	return Highlight{What: "node", Node: raft.ID(id)}, nil
}

// leader is "leader" or "leaderAtStart", alone.
func (it highlightItem) leader() (Highlight, error) {
	if it.rest != "" {
		return Highlight{}, errorf("lessons.highlight.write-node", it.item, it.what)
	}
	return Highlight{What: "node", Ref: it.what}, nil
}

// nodes is "node" or "nodes" and one or more servers.
func (it highlightItem) nodes() ([]Highlight, error) {
	if it.rest == "" {
		return nil, errorf("lessons.highlight.which", it.item)
	}
	var out []Highlight
	for _, s := range strings.Fields(it.rest) {
		h, err := it.server(s)
		if err != nil {
			return nil, err
		}
		out = append(out, h)
	}
	return out, nil
}

// link is "link a-b": two different servers, by number.
func (it highlightItem) link() (Highlight, error) {
	a, b, ok := strings.Cut(it.rest, "-")
	ha, errA := it.server(strings.TrimSpace(a))
	hb, errB := it.server(strings.TrimSpace(b))
	if !ok || errA != nil || errB != nil || ha.Ref != "" || hb.Ref != "" || ha.Node == hb.Node {
		return Highlight{}, errorf("lessons.highlight.link", it.item)
	}
	return Highlight{What: "link", Node: ha.Node, Peer: hb.Node}, nil
}

// messages is "messages" and a message type, in any case.
func (it highlightItem) messages() (Highlight, error) {
	found := ""
	for _, name := range msgNames {
		if name != "" && strings.EqualFold(name, it.rest) {
			found = name
		}
	}
	if found == "" {
		return Highlight{}, errorf("lessons.highlight.messages", it.item, it.rest)
	}
	return Highlight{What: "messages", Message: found}, nil
}

// log is "log" and a server (its row), a server and an index (a cell:
// "log 2:5"), or * and an index (that column on every server: "log *:5").
func (it highlightItem) log() (Highlight, error) {
	node, idx, hasIdx := strings.Cut(it.rest, ":")
	h := Highlight{What: "log"}
	if node == "*" {
		h.AllNodes = true
	} else {
		s, err := it.server(strings.TrimSpace(node))
		if err != nil {
			return h, err
		}
		h.Node, h.Ref = s.Node, s.Ref
	}
	if hasIdx {
		i, err := strconv.ParseUint(strings.TrimSpace(idx), 10, 64)
		if err != nil || i < 1 {
			return h, errorf("lessons.highlight.log", it.item)
		}
		h.Index = i
	} else if h.AllNodes {
		return h, errorf("lessons.highlight.log-star", it.item)
	}
	return h, nil
}

// control is "control" and one of Controls.
func (it highlightItem) control() (Highlight, error) {
	if !slices.Contains(Controls, it.rest) {
		if s := suggest(it.rest, Controls); s != "" {
			return Highlight{}, errorf("lessons.highlight.control.suggest", it.item, it.rest, s, strings.Join(Controls, ", "))
		}
		return Highlight{}, errorf("lessons.highlight.control", it.item, it.rest, strings.Join(Controls, ", "))
	}
	return Highlight{What: "control", Control: it.rest}, nil
}

// label is "label" and a key term of the glossary shown on screen.
func (it highlightItem) label() (Highlight, error) {
	e, ok := Lookup(it.rest)
	if !ok {
		return Highlight{}, errorf("lessons.highlight.term", it.item, checkTerm(it.rest))
	}
	return Highlight{What: "label", Label: e.Term}, nil
}
