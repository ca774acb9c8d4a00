package playground

import (
	"encoding/json"
	"errors"
	"strings"

	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
)

// actionDef is a row of actionTable: everything about one kind of action.
type actionDef struct {
	name string
	form actionForm
	// check says what is wrong with the action before a run (nil: nothing
	// beyond its time).
	check func(a view.Action, c *actionCheck) error
	do    func(w *World, a view.Action) error
	// menu lists the entries that offer the action on the menu of what
	// was clicked (nil: no menu offers it). do is the row's name.
	menu func(w *World, on menuTarget, do string) []view.MenuItem
}

// actionForm turns an action to and from its fields in a scenario file.
type actionForm struct {
	// empty is the fields to decode a file's action into.
	empty func() formFields
	// of is the fields of an action, to encode.
	of func(a view.Action) any
}

// formFields is an action's fields as decoded from a file: action returns
// the Action they hold, or the first required field the file left out.
type formFields interface {
	action() (view.Action, string)
}

// formOf is the form of an action whose fields are the struct T.
func formOf[T any, P interface {
	*T
	formFields
	fill(a view.Action)
}]() actionForm {
	return actionForm{
		empty: func() formFields { return P(new(T)) },
		of: func(a view.Action) any {
			p := P(new(T))
			p.fill(a)
			return p
		},
	}
}

// actionNamed is the row of the action named do, or nil.
func actionNamed(do string) *actionDef {
	for i := range actionTable {
		if actionTable[i].name == do {
			return &actionTable[i]
		}
	}
	return nil
}

func decodeAction(raw json.RawMessage) (view.Action, error) {
	var head struct {
		Do *string `json:"do"`
	}
	if err := json.Unmarshal(raw, &head); err != nil {
		return view.Action{}, jsonError(-1, "", err)
	}
	if head.Do == nil {
		return view.Action{}, &ScenarioError{Step: -1, Field: "do", Msg: i18n.Msg("scenario.required")}
	}
	do := *head.Do
	def := actionNamed(do)
	if def == nil {
		return view.Action{}, &ScenarioError{Step: -1, Field: "do", Msg: i18n.Msg("scenario.step.unknown-action", do)}
	}
	f := def.form.empty()
	if err := strictDecode(raw, f); err != nil {
		// (The decoder names a field of the embedded head by its Go
		// type: "actionHead.at".)
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			te.Field = strings.TrimPrefix(te.Field, "actionHead.")
		}
		return view.Action{}, jsonError(-1, do, err)
	}
	a, missing := f.action()
	if missing != "" {
		return view.Action{}, &ScenarioError{Step: -1, Action: do, Field: missing, Msg: i18n.Msg("scenario.required")}
	}
	return a, nil
}

// fileAction is an action as a scenario file writes it.
type fileAction view.Action

// MarshalJSON writes the action in the scenario file format.
func (fa fileAction) MarshalJSON() ([]byte, error) {
	a := view.Action(fa)
	def := actionNamed(a.Do)
	if def == nil {
		return json.Marshal(actionHead{a.At, a.Do})
	}
	return json.Marshal(def.form.of(a))
}

// Do carries out an action now. An action that makes no sense at this
// moment (crashing a node that is down) returns an error and changes
// nothing.
func (w *World) Do(a view.Action) error {
	def := actionNamed(a.Do)
	if def == nil {
		return i18n.Errorf("scenario.step.unknown-action", a.Do)
	}
	// An action may change the world without an event (a message dropped
	// by hand is only marked lost): views built before are stale.
	w.changes++
	err := def.do(w, a)
	w.runAutomatic()
	return err
}

// request has a client send cmd, the request of action a (put, delete,
// get or cas), to a's node, or to the node the client picks when a names
// none.
func (w *World) request(a view.Action, cmd view.Command) error {
	if a.Node != view.None {
		if _, err := w.node(raft.ID(a.Node)); err != nil {
			return err
		}
	}
	mode := w.settings.ReadMode
	if m, ok := view.ParseReadMode(a.Mode); ok && a.Mode != "" {
		mode = m
	}
	if mode == view.LeaseRead && w.settings.ReadMode != view.LeaseRead {
		return i18n.Errorf("scenario.step.lease-off")
	}
	w.Submit(cmd, raft.ID(a.Node), mode)
	return nil
}

// ParseActions decodes and checks a JSON list of actions to be done to a
// cluster that is already running: one whose nodes before the first
// action are the given ones, and whose read mode is mode. (A lesson's
// setup that goes on with the cluster of an earlier step is such a list,
// and so is its show me.) An error names the action by its index, as
// ParseScenario's errors name a step.
func ParseActions(data []byte, nodes []raft.ID, mode view.ReadMode) ([]view.Action, error) {
	var raws []json.RawMessage
	if err := strictDecode(data, &raws); err != nil {
		return nil, jsonError(-1, "", err)
	}
	return parseActions(raws, newActionCheck(nodes, mode))
}

// parseActions decodes and checks a script's actions, which must be in
// time order, against the cluster c starts from.
func parseActions(raws []json.RawMessage, c *actionCheck) ([]view.Action, error) {
	if len(raws) > MaxActions {
		return nil, &ScenarioError{Step: -1, Field: "steps", Msg: i18n.Msg("scenario.limit.actions", len(raws), MaxActions)}
	}
	var actions []view.Action
	last := int64(0)
	for i, raw := range raws {
		a, err := decodeAction(raw)
		if err != nil {
			return nil, withStep(err, i)
		}
		if err := c.check(a); err != nil {
			return nil, withStep(err, i)
		}
		if err := checkSizes(a); err != nil {
			return nil, withStep(err, i)
		}
		if a.At > MaxDurationMs {
			return nil, &ScenarioError{Step: i, Action: a.Do, Field: "at", Msg: i18n.Msg("scenario.limit.duration", MaxDurationMs, a.At)}
		}
		if a.At < last {
			return nil, &ScenarioError{Step: i, Action: a.Do, Field: "at", Msg: i18n.Msg("scenario.step.order", a.At, last)}
		}
		last = a.At
		actions = append(actions, a)
	}
	return actions, nil
}

// fileActions are actions as a scenario file writes them.
func fileActions(as []view.Action) []fileAction {
	out := make([]fileAction, len(as))
	for i, a := range as {
		out[i] = fileAction(a)
	}
	return out
}
