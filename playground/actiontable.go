package playground

import (
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
)

// actionTable defines every action in one place: its name, its fields as
// a scenario file writes them (form), what is checked before a run
// (check), how the world carries it out (do) and the menu entries that
// offer it (menu). Adding an action is adding a row here, and a field to
// Action if it needs a new one. The rows are in the order the menus list
// their entries.
var actionTable = []actionDef{
	{
		name: "crash", form: formOf[nodeForm](),
		check: func(a view.Action, c *actionCheck) error { return c.member("node", a.Node) },
		do:    func(w *World, a view.Action) error { return w.Crash(raft.ID(a.Node)) },
		menu:  onNode("menu-crash", "menu.crash", func(w *World, n *Node) bool { return n.Up }),
	},
	{
		name: "campaign", form: formOf[nodeForm](),
		check: func(a view.Action, c *actionCheck) error { return c.member("node", a.Node) },
		do:    func(w *World, a view.Action) error { return w.Campaign(raft.ID(a.Node)) },
		menu: onNode("menu-timeout", "menu.timeout", func(w *World, n *Node) bool {
			return n.Up && n.Raft.Role() != raft.Leader
		}),
	},
	{
		name: "transferLeader", form: formOf[transferForm](),
		check: func(a view.Action, c *actionCheck) error { return c.member("to", a.To) },
		do:    func(w *World, a view.Action) error { return w.TransferLeader(raft.ID(a.To)) },
		menu: func(w *World, on menuTarget, do string) []view.MenuItem {
			n := on.node(w)
			if _, hasLeader := w.Leader(); n == nil || !n.Up || n.Raft.Role() == raft.Leader || !hasLeader {
				return nil
			}
			return entry("menu-transfer", i18n.Msg("menu.transfer"), view.Action{Do: do, To: view.ID(n.ID)})
		},
	},
	{
		name: "snapshot", form: formOf[nodeForm](),
		check: func(a view.Action, c *actionCheck) error { return c.member("node", a.Node) },
		do:    func(w *World, a view.Action) error { return w.Snapshot(raft.ID(a.Node)) },
		menu:  onNode("menu-snapshot", "menu.snapshot", func(w *World, n *Node) bool { return n.Up }),
	},
	{
		name: "isolate", form: formOf[nodeForm](),
		check: func(a view.Action, c *actionCheck) error { return c.member("node", a.Node) },
		do:    func(w *World, a view.Action) error { return w.Isolate(raft.ID(a.Node)) },
		menu:  onNode("menu-isolate", "menu.isolate", func(w *World, n *Node) bool { return n.Up }),
	},
	{
		name: "removeNode", form: formOf[nodeForm](),
		check: func(a view.Action, c *actionCheck) error { return c.remove("node", a.Node) },
		do:    func(w *World, a view.Action) error { return w.RemoveNode(raft.ID(a.Node)) },
		// (Not the last server, which would leave no one to commit it.)
		menu: onNode("menu-remove", "menu.remove", func(w *World, n *Node) bool {
			leader, hasLeader := w.Leader()
			return n.Up && hasLeader && (leader != n.ID || len(w.Nodes()) > 1)
		}),
	},
	{
		name: "reconfigure", form: formOf[reconfigureForm](),
		check: checkReconfigure,
		do:    func(w *World, a view.Action) error { return w.Reconfigure(raftIDs(a.Voters)) },
		menu:  replaceMenu,
	},
	{
		name: "restart", form: formOf[nodeForm](),
		check: func(a view.Action, c *actionCheck) error { return c.member("node", a.Node) },
		do:    func(w *World, a view.Action) error { return w.Restart(raft.ID(a.Node)) },
		menu:  onNode("menu-restart", "menu.restart", func(w *World, n *Node) bool { return !n.Up }),
	},
	{
		name: "cut", form: formOf[linkForm](),
		check: checkLink,
		do:    func(w *World, a view.Action) error { return w.Cut(raft.ID(a.From), raft.ID(a.To)) },
		menu: func(w *World, on menuTarget, do string) []view.MenuItem {
			if !on.link {
				return nil
			}
			a, b, net := on.from, on.to, w.Network()
			ab, ba := view.Action{Do: do, From: view.ID(a), To: view.ID(b)}, view.Action{Do: do, From: view.ID(b), To: view.ID(a)}
			var items []view.MenuItem
			if !net.IsCut(a, b) || !net.IsCut(b, a) {
				items = append(items, view.MenuItem{Name: "menu-cut-both", Label: i18n.Msg("menu.cut-both"), Actions: []view.Action{ab, ba}})
			}
			if !net.IsCut(a, b) {
				items = append(items, view.MenuItem{Name: "menu-cut-ab", Label: i18n.Msg("menu.cut-one", S(a), S(b)), Actions: []view.Action{ab}})
			}
			if !net.IsCut(b, a) {
				items = append(items, view.MenuItem{Name: "menu-cut-ba", Label: i18n.Msg("menu.cut-one", S(b), S(a)), Actions: []view.Action{ba}})
			}
			return items
		},
	},
	{
		name: "link", form: formOf[linkForm](),
		check: checkLink,
		do:    func(w *World, a view.Action) error { return w.Link(raft.ID(a.From), raft.ID(a.To)) },
		menu: func(w *World, on menuTarget, do string) []view.MenuItem {
			if !on.link || !w.net.IsCut(on.from, on.to) && !w.net.IsCut(on.to, on.from) {
				return nil
			}
			return []view.MenuItem{{Name: "menu-heal-link", Label: i18n.Msg("menu.restore-link"),
				Actions: []view.Action{{Do: do, From: view.ID(on.from), To: view.ID(on.to)}, {Do: do, From: view.ID(on.to), To: view.ID(on.from)}}}}
		},
	},
	{
		name: "fireTimer", form: formOf[timerForm](), check: checkTimer,
		do:   func(w *World, a view.Action) error { return w.FireTimer(raft.ID(a.Node), a.Kind) },
		menu: timerMenu,
	},
	{
		name: "deliver", form: formOf[queuedForm](), check: checkQueued,
		do: func(w *World, a view.Action) error { return w.DeliverQueued(a) },
	},
	{
		name: "duplicate", form: formOf[queuedForm](), check: checkQueued,
		do: func(w *World, a view.Action) error { return w.DuplicateQueued(a) },
	},
	{
		name: "manual", form: formOf[manualForm](),
		do: func(w *World, a view.Action) error { return w.SetManual(a.On) },
	},
	{
		// A message in flight by its ID, or a queued one (manual mode) by
		// its link, as deliver names it.
		name: "drop", form: formOf[dropForm](), check: checkDrop,
		do: func(w *World, a view.Action) error { return w.drop(a) },
		menu: func(w *World, on menuTarget, do string) []view.MenuItem {
			if on.flight == 0 {
				return nil
			}
			return entry("menu-drop", i18n.Msg("menu.drop"), view.Action{Do: do, Msg: on.flight})
		},
	},
	{
		name: "partition", form: formOf[partitionForm](),
		check: checkPartition,
		do:    func(w *World, a view.Action) error { return w.Partition(raftGroups(a.Groups)) },
	},
	{
		name: "heal", form: formOf[actionHead](),
		do: func(w *World, a view.Action) error { w.Heal(); return nil },
	},
	{
		name: "network", form: formOf[networkForm](),
		check: checkNetwork,
		do:    func(w *World, a view.Action) error { return w.SetNetwork(a.Network) },
	},
	{
		name: "disk", form: formOf[diskForm](),
		check: func(a view.Action, c *actionCheck) error {
			if err := c.member("node", a.Node); err != nil {
				return err
			}
			switch {
			case a.FsyncMs < 0:
				return c.bad("fsyncMs", "scenario.step.negative", a.FsyncMs)
			case a.FsyncMs > view.MaxDelayMs:
				return c.bad("fsyncMs", "scenario.settings.delay-limit", "fsyncMs", view.MaxDelayMs, a.FsyncMs)
			}
			return nil
		},
		do: func(w *World, a view.Action) error { return w.SetDisk(raft.ID(a.Node), a.FsyncMs) },
	},
	{
		name: "addNode", form: formOf[nodeForm](),
		check: func(a view.Action, c *actionCheck) error { return c.add("node", a.Node) },
		do:    func(w *World, a view.Action) error { return w.AddNode(raft.ID(a.Node)) },
	},
	{
		name: "put", form: formOf[putForm](), check: checkRequest,
		do: func(w *World, a view.Action) error {
			return w.request(a, view.Command{Op: view.OpPut, Key: a.Key, Value: a.Value})
		},
	},
	{
		name: "delete", form: formOf[deleteForm](), check: checkRequest,
		do: func(w *World, a view.Action) error { return w.request(a, view.Command{Op: view.OpDelete, Key: a.Key}) },
	},
	{
		name: "get", form: formOf[getForm](), check: checkRequest,
		do: func(w *World, a view.Action) error { return w.request(a, view.Command{Op: view.OpGet, Key: a.Key}) },
	},
	{
		name: "cas", form: formOf[casForm](), check: checkRequest,
		do: func(w *World, a view.Action) error {
			return w.request(a, view.Command{Op: view.OpCAS, Key: a.Key, From: a.Old, Value: a.New})
		},
	},
	{
		name: "load", form: formOf[loadForm](), check: checkLoad,
		do: func(w *World, a view.Action) error { return w.startLoad(a) },
	},
	{
		name: "expect", form: formOf[expectForm](),
		check: func(a view.Action, c *actionCheck) error { return validateExpect(a.Expect, c) },
		do:    func(w *World, a view.Action) error { w.Check(a.Expect); return nil },
	},
}

// The fields of each kind of action, as a scenario file writes them after
// "at" and "do". A pointer is a field the file must give; action names
// the first one it left out.
type (
	actionHead struct {
		At int64  `json:"at"`
		Do string `json:"do"`
	}
	nodeForm struct {
		actionHead
		Node view.ID `json:"node"`
	}
	linkForm struct {
		actionHead
		From view.ID `json:"from"`
		To   view.ID `json:"to"`
	}
	transferForm struct {
		actionHead
		To view.ID `json:"to"`
	}
	partitionForm struct {
		actionHead
		Groups [][]view.ID `json:"groups"`
	}
	reconfigureForm struct {
		actionHead
		Voters []view.ID `json:"voters"`
	}
	dropForm struct {
		actionHead
		Msg uint64 `json:"msg,omitempty"`
		queuedFields
	}
	networkForm struct {
		actionHead
		DropRate      *float64  `json:"dropRate,omitempty"`
		DuplicateRate *float64  `json:"duplicateRate,omitempty"`
		LatencyMs     *[2]int64 `json:"latencyMs,omitempty"`
	}
	diskForm struct {
		actionHead
		Node    view.ID `json:"node"`
		FsyncMs *int64  `json:"fsyncMs"`
	}
	putForm struct {
		actionHead
		Key   *string `json:"key"`
		Value *string `json:"value"`
		Node  view.ID `json:"node,omitempty"`
	}
	deleteForm struct {
		actionHead
		Key  *string `json:"key"`
		Node view.ID `json:"node,omitempty"`
	}
	getForm struct {
		actionHead
		Key  *string `json:"key"`
		Node view.ID `json:"node,omitempty"`
		Mode string  `json:"mode,omitempty"`
	}
	casForm struct {
		actionHead
		Key  *string `json:"key"`
		From *string `json:"from"`
		To   *string `json:"to"`
		Node view.ID `json:"node,omitempty"`
	}
	expectForm struct {
		actionHead
		view.Expect
	}
)

func (f *actionHead) fill(a view.Action)            { *f = actionHead{a.At, a.Do} }
func (f *actionHead) action() (view.Action, string) { return view.Action{At: f.At, Do: f.Do}, "" }

func (f *nodeForm) fill(a view.Action) { *f = nodeForm{actionHead{a.At, a.Do}, a.Node} }
func (f *nodeForm) action() (view.Action, string) {
	return view.Action{At: f.At, Do: f.Do, Node: f.Node}, ""
}

func (f *linkForm) fill(a view.Action) { *f = linkForm{actionHead{a.At, a.Do}, a.From, a.To} }
func (f *linkForm) action() (view.Action, string) {
	return view.Action{At: f.At, Do: f.Do, From: f.From, To: f.To}, ""
}

func (f *transferForm) fill(a view.Action) { *f = transferForm{actionHead{a.At, a.Do}, a.To} }
func (f *transferForm) action() (view.Action, string) {
	return view.Action{At: f.At, Do: f.Do, To: f.To}, ""
}

func (f *reconfigureForm) fill(a view.Action) {
	*f = reconfigureForm{actionHead{a.At, a.Do}, a.Voters}
}
func (f *reconfigureForm) action() (view.Action, string) {
	return view.Action{At: f.At, Do: f.Do, Voters: f.Voters}, ""
}

func (f *partitionForm) fill(a view.Action) { *f = partitionForm{actionHead{a.At, a.Do}, a.Groups} }
func (f *partitionForm) action() (view.Action, string) {
	return view.Action{At: f.At, Do: f.Do, Groups: f.Groups}, ""
}

func (f *dropForm) fill(a view.Action) {
	*f = dropForm{actionHead{a.At, a.Do}, a.Msg, queuedFieldsOf(a)}
}
func (f *dropForm) action() (view.Action, string) {
	a := f.queuedFields.action(f.actionHead)
	a.Msg = f.Msg
	return a, ""
}

func (f *networkForm) fill(a view.Action) {
	c := a.Network
	*f = networkForm{actionHead{a.At, a.Do}, c.DropRate, c.DuplicateRate, c.LatencyMs}
}
func (f *networkForm) action() (view.Action, string) {
	c := view.NetworkChange{DropRate: f.DropRate, DuplicateRate: f.DuplicateRate, LatencyMs: f.LatencyMs}
	return view.Action{At: f.At, Do: f.Do, Network: c}, ""
}

func (f *diskForm) fill(a view.Action) { *f = diskForm{actionHead{a.At, a.Do}, a.Node, &a.FsyncMs} }
func (f *diskForm) action() (view.Action, string) {
	if f.FsyncMs == nil {
		return view.Action{}, "fsyncMs"
	}
	return view.Action{At: f.At, Do: f.Do, Node: f.Node, FsyncMs: *f.FsyncMs}, ""
}

func (f *putForm) fill(a view.Action) { *f = putForm{actionHead{a.At, a.Do}, &a.Key, &a.Value, a.Node} }
func (f *putForm) action() (view.Action, string) {
	switch {
	case f.Key == nil:
		return view.Action{}, "key"
	case f.Value == nil:
		return view.Action{}, "value"
	}
	return view.Action{At: f.At, Do: f.Do, Key: *f.Key, Value: *f.Value, Node: f.Node}, ""
}

func (f *deleteForm) fill(a view.Action) { *f = deleteForm{actionHead{a.At, a.Do}, &a.Key, a.Node} }
func (f *deleteForm) action() (view.Action, string) {
	if f.Key == nil {
		return view.Action{}, "key"
	}
	return view.Action{At: f.At, Do: f.Do, Key: *f.Key, Node: f.Node}, ""
}

func (f *getForm) fill(a view.Action) { *f = getForm{actionHead{a.At, a.Do}, &a.Key, a.Node, a.Mode} }
func (f *getForm) action() (view.Action, string) {
	if f.Key == nil {
		return view.Action{}, "key"
	}
	return view.Action{At: f.At, Do: f.Do, Key: *f.Key, Node: f.Node, Mode: f.Mode}, ""
}

func (f *casForm) fill(a view.Action) {
	*f = casForm{actionHead{a.At, a.Do}, &a.Key, &a.Old, &a.New, a.Node}
}
func (f *casForm) action() (view.Action, string) {
	switch {
	case f.Key == nil:
		return view.Action{}, "key"
	case f.From == nil:
		return view.Action{}, "from"
	case f.To == nil:
		return view.Action{}, "to"
	}
	return view.Action{At: f.At, Do: f.Do, Key: *f.Key, Old: *f.From, New: *f.To, Node: f.Node}, ""
}

func (f *expectForm) fill(a view.Action) { *f = expectForm{actionHead{a.At, a.Do}, a.Expect} }
func (f *expectForm) action() (view.Action, string) {
	return view.Action{At: f.At, Do: f.Do, Expect: f.Expect}, ""
}
