package lessons

import (
	"bytes"
	"encoding/json"
	"errors"
	"maps"
	"slices"
	"strings"

	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
)

// Script is a list of playground actions (the scenario format's steps)
// whose server fields may say "leader": the node that leads when the script
// runs, resolved then.
type Script struct {
	Steps []view.Action
	refs  []scriptRef
}

type scriptRef struct {
	step  int
	field string // node, from or to
}

// Resolve returns the script's steps with "leader" replaced by the leader
// of w.
func (s *Script) Resolve(w *playground.World) ([]view.Action, error) {
	out := slices.Clone(s.Steps)
	if len(s.refs) == 0 {
		return out, nil
	}
	id, ok := w.Leader()
	if !ok {
		r := s.refs[0]
		return nil, errorf("lessons.setup.no-leader", r.step+1, out[r.step].Do, w.Now())
	}
	for _, r := range s.refs {
		st := &out[r.step]
		switch r.field {
		case "node":
			st.Node = view.ID(id)
		case "from":
			st.From = view.ID(id)
		case "to":
			st.To = view.ID(id)
		}
		if (st.Do == "cut" || st.Do == "link") && st.From == st.To {
			return nil, errorf("lessons.setup.self-link", r.step+1, st.Do, nodeName(id), nodeName(id))
		}
	}
	return out, nil
}

// isRef reports whether the field of step i says "leader".
func (s *Script) isRef(i int, field string) bool {
	for _, r := range s.refs {
		if r.step == i && r.field == field {
			return true
		}
	}
	return false
}

// scriptCluster is the cluster a script's actions are checked against, as
// the lesson leaves it when the script begins: its size as its setup
// started it, the servers that exist, and its read mode.
type scriptCluster struct {
	nodes    int
	ids      servers
	readMode view.ReadMode
}

// parseScript parses a JSON list of actions for the cluster c. A show-me
// action happens when the learner asks for it, or "at"
// milliseconds later: its "at" is optional (0 when left out), counted from
// the moment show me is pressed, and never before the previous action's.
func parseScript(data []byte, c scriptCluster, showMe bool) (*Script, error) {
	var raws []json.RawMessage
	if err := json.Unmarshal(data, &raws); err != nil {
		return nil, errorf("lessons.setup.not-list", jsonMsg(err))
	}
	if raws == nil {
		return nil, errorf("lessons.setup.null-list")
	}
	var refs []scriptRef
	last := int64(0)
	for i, raw := range raws {
		obj, err := decodeObject(raw)
		if err != nil {
			return nil, errorf("lessons.setup.action", i+1, err)
		}
		if showMe {
			at, err := showMeAt(obj["at"])
			if err != nil {
				return nil, errorf("lessons.setup.at", i+1, err)
			}
			if at < last {
				return nil, errorf("lessons.setup.at-order", i+1, at, i, last)
			}
			last = at
			obj["at"], _ = json.Marshal(at)
			var do string
			_ = json.Unmarshal(obj["do"], &do)
			if do == "expect" {
				return nil, errorf("lessons.setup.showme-expect", i+1)
			}
		}
		fields, err := leaderRefs(obj, c.nodes)
		if err != nil {
			return nil, errorf("lessons.setup.action", i+1, err)
		}
		for _, f := range fields {
			refs = append(refs, scriptRef{step: i, field: f})
		}
		raws[i], _ = json.Marshal(obj)
	}
	steps, _ := json.Marshal(raws)
	actions, err := playground.ParseActions(steps, c.ids.list(), c.readMode)
	if err != nil {
		return nil, scenarioErr(err)
	}
	return &Script{Steps: actions, refs: refs}, nil
}

// showMeAt reads a show-me action's "at": a whole number of milliseconds
// after show me is pressed, 0 when absent.
func showMeAt(raw json.RawMessage) (int64, error) {
	if raw == nil {
		return 0, nil
	}
	var at float64
	if err := json.Unmarshal(raw, &at); err != nil {
		return 0, errorf("lessons.setup.at.number", raw)
	}
	switch {
	case at < 0:
		return 0, errorf("lessons.setup.at.negative", raw)
	case at != float64(int64(at)):
		return 0, errorf("lessons.setup.at.whole", raw)
	case at > maxDurationMs:
		return 0, errorf("lessons.setup.at.late", raw)
	}
	return int64(at), nil
}

// leaderRefs replaces "leader" in an action's node, from and to fields with
// a placeholder server (so that the playground can validate the rest) and
// returns the fields it replaced. A cas action's from and to are the values
// it compares and sets, not servers, so only its node is looked at.
func leaderRefs(obj map[string]json.RawMessage, nodes int) ([]string, error) {
	var refs []string
	static := map[string]raft.ID{}
	fields := []string{"node", "from", "to"}
	var do string
	if json.Unmarshal(obj["do"], &do) == nil && do == "cas" {
		fields = fields[:1]
	}
	for _, f := range fields {
		raw, ok := obj[f]
		if !ok {
			continue
		}
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			var id raft.ID
			if json.Unmarshal(raw, &id) == nil {
				static[f] = id
			}
			continue
		}
		if s != "leader" {
			return nil, errorf("lessons.setup.not-server", f, s)
		}
		refs = append(refs, f)
	}
	if g, ok := obj["groups"]; ok && bytes.Contains(g, []byte(`"`)) {
		return nil, errorf("lessons.setup.groups")
	}
	for _, f := range refs {
		// A placeholder the other end of a link does not use.
		p := raft.ID(1)
		for slices.Contains(slices.Collect(maps.Values(static)), p) && int(p) < nodes {
			p++
		}
		static[f] = p
		obj[f], _ = json.Marshal(p)
	}
	return refs, nil
}

func decodeObject(raw []byte) (map[string]json.RawMessage, error) {
	if err := playground.CheckJSON(raw); err != nil {
		return nil, err
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(raw, &obj); err != nil || obj == nil {
		if err == nil {
			return nil, errorf("lessons.setup.null-object")
		}
		return nil, errorf("lessons.setup.not-object", jsonMsg(err))
	}
	return obj, nil
}

// jsonMsg says what is wrong with JSON: where the syntax breaks, or
// encoding/json's own words.
func jsonMsg(err error) i18n.Message {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return msg("lessons.setup.json-syntax", se.Offset, err)
	}
	return msg("lessons.text", strings.TrimPrefix(err.Error(), "json: "))
}

// scenarioErr rewords the playground's steps[i] as "action i+1".
func scenarioErr(err error) error {
	var se *playground.ScenarioError
	if errors.As(err, &se) && se.Step >= 0 {
		c := *se
		c.Step = -1
		if se.Action != "" {
			return errorf("lessons.setup.action.named", se.Step+1, se.Action, &c)
		}
		return errorf("lessons.setup.action", se.Step+1, &c)
	}
	return err
}

// setupKeys are the scenario fields a fresh setup may have.
var setupKeys = []string{"description", "seed", "nodes", "timing", "features", "rules", "network", "initial", "steps", "name"}

// parseSetup parses a setup block. nodes is the cluster size so far (0
// before the first fresh setup). A setup with "nodes" starts a fresh
// cluster; one without only scripts actions on the cluster as it is.
func parseSetup(data []byte, c scriptCluster, name string) (*Setup, error) {
	obj, err := decodeObject(data)
	if err != nil {
		return nil, errorf("lessons.setup.not-scenario", err)
	}
	if _, ok := obj["until"]; ok {
		return nil, errorf("lessons.setup.until")
	}
	if _, fresh := obj["nodes"]; fresh {
		return parseFreshSetup(obj, name)
	}
	return parseScriptSetup(obj, c)
}

// parseScriptSetup parses a setup that goes on with the cluster c as it
// is: only actions ("steps").
func parseScriptSetup(obj map[string]json.RawMessage, c scriptCluster) (*Setup, error) {
	for _, k := range slices.Sorted(maps.Keys(obj)) {
		if k != "steps" {
			if !slices.Contains(setupKeys, k) {
				return nil, errorf("lessons.setup.unknown-field", k)
			}
			return nil, errorf("lessons.setup.fresh-only", k)
		}
	}
	if c.nodes == 0 {
		return nil, errorf("lessons.setup.first")
	}
	if _, ok := obj["steps"]; !ok {
		return nil, errorf("lessons.setup.empty")
	}
	script, err := parseScript(obj["steps"], c, false)
	if err != nil {
		return nil, err
	}
	return &Setup{Script: script}, nil
}

// parseFreshSetup parses a setup that starts a fresh cluster: a scenario
// (named name unless it names itself) whose actions may name the leader.
func parseFreshSetup(obj map[string]json.RawMessage, name string) (*Setup, error) {
	var n int
	if err := json.Unmarshal(obj["nodes"], &n); err != nil || n < 1 || n > view.MaxNodes {
		return nil, errorf("lessons.setup.nodes", view.MaxNodes, obj["nodes"])
	}
	var refs []scriptRef
	if raw, ok := obj["steps"]; ok {
		var err error
		if obj["steps"], refs, err = resolveLeaderRefs(raw, n); err != nil {
			return nil, err
		}
	}
	if _, ok := obj["name"]; !ok {
		obj["name"], _ = json.Marshal(name)
	}
	doc, _ := json.Marshal(obj)
	sc, err := playground.ParseScenario(doc)
	if err != nil {
		return nil, scenarioErr(err)
	}
	script := &Script{Steps: sc.Actions, refs: refs}
	sc.Actions = nil
	return &Setup{Scenario: sc, Script: script}, nil
}

// resolveLeaderRefs rewrites the "leader" of a fresh setup's actions (raw,
// on a cluster of n servers) as a stand-in server, and returns the actions
// with the places the Runner resolves when the step starts.
func resolveLeaderRefs(raw json.RawMessage, n int) (json.RawMessage, []scriptRef, error) {
	var raws []json.RawMessage
	if err := json.Unmarshal(raw, &raws); err != nil {
		return nil, nil, errorf("lessons.setup.steps", jsonMsg(err))
	}
	var refs []scriptRef
	for i, r := range raws {
		o, err := decodeObject(r)
		if err != nil {
			return nil, nil, errorf("lessons.setup.action", i+1, err)
		}
		fields, err := leaderRefs(o, n)
		if err != nil {
			return nil, nil, errorf("lessons.setup.action", i+1, err)
		}
		for _, f := range fields {
			refs = append(refs, scriptRef{step: i, field: f})
		}
		raws[i], _ = json.Marshal(o)
	}
	out, _ := json.Marshal(raws)
	return out, refs, nil
}
