package lessons

import (
	"slices"
	"strconv"
	"strings"

	"github.com/raftlab/raftlab/lessons/doc"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
)

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
func parseGroup(item, rest string, ids servers) (doc.Highlight, error) {
	h := doc.Highlight{What: doc.HighlightGroup}
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
		if slices.Contains(h.Group, view.ID(id)) {
			return h, errorf("lessons.highlight.twice", item, id)
		}
		h.Group = append(h.Group, view.ID(id))
	}
	if len(h.Group) < 2 {
		return h, errorf("lessons.highlight.group", item)
	}
	return h, nil
}

// parseHighlights parses one highlight line: items separated by commas,
// which may name the servers in ids.
func parseHighlights(line string, ids servers) ([]doc.Highlight, error) {
	var out []doc.Highlight
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
func parseHighlight(item string, ids servers) ([]doc.Highlight, error) {
	what, rest, _ := strings.Cut(item, " ")
	it := highlightItem{item: item, what: what, rest: strings.TrimSpace(rest), ids: ids}
	var h doc.Highlight
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
	return []doc.Highlight{h}, nil
}

// server parses a server the item names: a number among ids, or leader or
// leaderAtStart (which the Runner resolves).
func (it highlightItem) server(s string) (doc.Highlight, error) {
	if s == "leader" || s == "leaderAtStart" {
		return doc.Highlight{What: doc.HighlightNode, Ref: s}, nil
	}
	id, err := strconv.Atoi(s)
	if err != nil || id < 1 || id > view.MaxNodes || !it.ids.has(raft.ID(id)) {
		return doc.Highlight{}, errorf("lessons.highlight.node", it.item, it.ids.describe(), s)
	}
	return doc.Highlight{What: doc.HighlightNode, Node: view.ID(id)}, nil
}

// leader is "leader" or "leaderAtStart", alone.
func (it highlightItem) leader() (doc.Highlight, error) {
	if it.rest != "" {
		return doc.Highlight{}, errorf("lessons.highlight.write-node", it.item, it.what)
	}
	return doc.Highlight{What: doc.HighlightNode, Ref: it.what}, nil
}

// nodes is "node" or "nodes" and one or more servers.
func (it highlightItem) nodes() ([]doc.Highlight, error) {
	if it.rest == "" {
		return nil, errorf("lessons.highlight.which", it.item)
	}
	var out []doc.Highlight
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
func (it highlightItem) link() (doc.Highlight, error) {
	a, b, ok := strings.Cut(it.rest, "-")
	ha, errA := it.server(strings.TrimSpace(a))
	hb, errB := it.server(strings.TrimSpace(b))
	if !ok || errA != nil || errB != nil || ha.Ref != "" || hb.Ref != "" || ha.Node == hb.Node {
		return doc.Highlight{}, errorf("lessons.highlight.link", it.item)
	}
	return doc.Highlight{What: doc.HighlightLink, Node: ha.Node, Peer: hb.Node}, nil
}

// messages is "messages" and a message type, in any case.
func (it highlightItem) messages() (doc.Highlight, error) {
	found := ""
	for _, name := range msgNames {
		if name != "" && strings.EqualFold(name, it.rest) {
			found = name
		}
	}
	if found == "" {
		return doc.Highlight{}, errorf("lessons.highlight.messages", it.item, it.rest)
	}
	return doc.Highlight{What: doc.HighlightMessages, Message: found}, nil
}

// log is "log" and a server (its row), a server and an index (a cell:
// "log 2:5"), or * and an index (that column on every server: "log *:5").
func (it highlightItem) log() (doc.Highlight, error) {
	node, idx, hasIdx := strings.Cut(it.rest, ":")
	h := doc.Highlight{What: doc.HighlightLog}
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
func (it highlightItem) control() (doc.Highlight, error) {
	if !slices.Contains(Controls, it.rest) {
		if s := suggest(it.rest, Controls); s != "" {
			return doc.Highlight{}, errorf("lessons.highlight.control.suggest", it.item, it.rest, s, strings.Join(Controls, ", "))
		}
		return doc.Highlight{}, errorf("lessons.highlight.control", it.item, it.rest, strings.Join(Controls, ", "))
	}
	return doc.Highlight{What: doc.HighlightControl, Control: it.rest}, nil
}

// label is "label" and a key term of the glossary shown on screen.
func (it highlightItem) label() (doc.Highlight, error) {
	e, ok := doc.Lookup(it.rest)
	if !ok {
		return doc.Highlight{}, errorf("lessons.highlight.term", it.item, checkTerm(it.rest))
	}
	return doc.Highlight{What: doc.HighlightLabel, Label: e.Term}, nil
}
