package playground

import (
	"strings"

	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
)

// The scenario file's form of manual mode's actions (manual.go):
//
//	{"do": "manual", "on": true}
//	{"do": "deliver", "from": 1, "to": 2, "kind": "RequestVote", "nth": 1}
//	{"do": "drop", "from": 1, "to": 2}
//	{"do": "duplicate", "from": 2, "to": 1, "kind": "AppendEntriesResponse"}
//	{"do": "fireTimer", "node": 1, "timer": "election"}
//
// A queued message is named by its link, its kind (a Raft message type;
// left out: any) and its position among the link's messages of that kind
// (nth, from 1, the oldest; left out: the oldest), so that a teacher can
// write an interleaving by hand.
type (
	queuedFields struct {
		From view.ID `json:"from,omitempty"`
		To   view.ID `json:"to,omitempty"`
		Kind string  `json:"kind,omitempty"`
		Nth  int     `json:"nth,omitempty"`
	}
	queuedForm struct {
		actionHead
		queuedFields
	}
	timerForm struct {
		actionHead
		Node  view.ID `json:"node"`
		Timer *string `json:"timer"`
	}
	manualForm struct {
		actionHead
		On *bool `json:"on"`
	}
)

func queuedFieldsOf(a view.Action) queuedFields { return queuedFields{a.From, a.To, a.Kind, a.Nth} }

func (q queuedFields) action(h actionHead) view.Action {
	return view.Action{At: h.At, Do: h.Do, From: q.From, To: q.To, Kind: q.Kind, Nth: q.Nth}
}

func (f *queuedForm) fill(a view.Action) { *f = queuedForm{actionHead{a.At, a.Do}, queuedFieldsOf(a)} }
func (f *queuedForm) action() (view.Action, string) {
	switch {
	case f.From == view.None:
		return view.Action{}, "from"
	case f.To == view.None:
		return view.Action{}, "to"
	}
	return f.queuedFields.action(f.actionHead), ""
}

func (f *timerForm) fill(a view.Action) { *f = timerForm{actionHead{a.At, a.Do}, a.Node, &a.Kind} }
func (f *timerForm) action() (view.Action, string) {
	if f.Timer == nil {
		return view.Action{}, "timer"
	}
	return view.Action{At: f.At, Do: f.Do, Node: f.Node, Kind: *f.Timer}, ""
}

func (f *manualForm) fill(a view.Action) { *f = manualForm{actionHead{a.At, a.Do}, &a.On} }
func (f *manualForm) action() (view.Action, string) {
	if f.On == nil {
		return view.Action{}, "on"
	}
	return view.Action{At: f.At, Do: f.Do, On: *f.On}, ""
}

// checkQueued checks the message a deliver, a drop or a duplicate names.
func checkQueued(a view.Action, c *actionCheck) error {
	if err := checkLink(a, c); err != nil {
		return err
	}
	switch {
	case a.Kind != "" && !knownKind(a.Kind):
		return c.bad("kind", "scenario.manual.kind", a.Kind, kindNames())
	case a.Nth < 0:
		return c.bad("nth", "scenario.step.negative", a.Nth)
	}
	return nil
}

// checkDrop checks a drop: of a message in flight (msg) or of a queued
// one (from, to), not both.
func checkDrop(a view.Action, c *actionCheck) error {
	switch {
	case a.Msg != 0 && (a.From != view.None || a.To != view.None || a.Kind != "" || a.Nth != 0):
		return c.bad("msg", "scenario.manual.drop-both")
	case a.Msg != 0:
		return nil
	case a.From == view.None && a.To == view.None:
		return c.bad("msg", "scenario.manual.drop-which")
	}
	return checkQueued(a, c)
}

func checkTimer(a view.Action, c *actionCheck) error {
	if err := c.member("node", a.Node); err != nil {
		return err
	}
	if a.Kind != timerElection && a.Kind != timerHeartbeat {
		return c.bad("timer", "scenario.manual.timer", a.Kind)
	}
	return nil
}

// knownKind reports whether kind names a Raft message type (in any case).
func knownKind(kind string) bool {
	for _, t := range raft.MessageTypes {
		if strings.EqualFold(t.String(), kind) {
			return true
		}
	}
	return false
}

// kindNames lists the Raft message types, for an error.
func kindNames() string {
	names := make([]string, len(raft.MessageTypes))
	for i, t := range raft.MessageTypes {
		names[i] = t.String()
	}
	return strings.Join(names, ", ")
}

// timerMenu offers, in manual mode, to fire a server's election timer or,
// on the leader, its heartbeat timer.
func timerMenu(w *World, on menuTarget, do string) []view.MenuItem {
	n := on.node(w)
	if !w.manual.on || n == nil || !n.Up {
		return nil
	}
	if n.Raft.Role() == raft.Leader {
		return entry("menu-fire-heartbeat", i18n.Msg("menu.manual.heartbeat"), view.Action{Do: do, Node: view.ID(n.ID), Kind: timerHeartbeat})
	}
	return entry("menu-fire-election", i18n.Msg("menu.manual.election"), view.Action{Do: do, Node: view.ID(n.ID), Kind: timerElection})
}
