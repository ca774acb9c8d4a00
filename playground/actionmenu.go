package playground

import (
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
)

// menuTarget is what a menu was opened on: a node, a link or a message in
// flight.
type menuTarget struct {
	id       raft.ID // a node
	link     bool    // the link between from and to
	from, to raft.ID
	flight   uint64 // a message in flight
}

// node is the node the menu is for, or nil.
func (on menuTarget) node(w *World) *Node {
	if on.id == raft.None {
		return nil
	}
	return w.Node(on.id)
}

// NodeMenu lists what can be done to node id now, as actionTable offers
// it.
func (w *World) NodeMenu(id view.ID) []view.MenuItem { return w.menu(menuTarget{id: raft.ID(id)}) }

// LinkMenu lists the ways to cut or restore the link between a and b now.
func (w *World) LinkMenu(a, b view.ID) []view.MenuItem {
	return w.menu(menuTarget{link: true, from: raft.ID(a), to: raft.ID(b)})
}

// FlightMenu lists what can be done to the message in flight with the
// given ID.
func (w *World) FlightMenu(id uint64) []view.MenuItem { return w.menu(menuTarget{flight: id}) }

func (w *World) menu(on menuTarget) []view.MenuItem {
	var items []view.MenuItem
	for _, def := range actionTable {
		if def.menu != nil {
			items = append(items, def.menu(w, on, def.name)...)
		}
	}
	return items
}

// onNode offers an action on a node's menu, under the given name and
// label, when ok says it makes sense for the node now.
func onNode(name, label string, ok func(w *World, n *Node) bool) func(*World, menuTarget, string) []view.MenuItem {
	return func(w *World, on menuTarget, do string) []view.MenuItem {
		if n := on.node(w); n != nil && ok(w, n) {
			return entry(name, i18n.Msg(label), view.Action{Do: do, Node: view.ID(n.ID)})
		}
		return nil
	}
}

// entry is a menu of one entry that does one action.
func entry(name string, label i18n.Message, a view.Action) []view.MenuItem {
	return []view.MenuItem{{Name: name, Label: label, Actions: []view.Action{a}}}
}
