package playground

import (
	"encoding/json"
	"fmt"

	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/raft"
)

// Action is one timed action of a scenario, and also how the views and
// lessons act on a session: everything done to a session is an Action, so that time travel can
// replay it.
type Action struct {
	At int64
	Do string

	Node   raft.ID     // most node actions; the target of client requests
	From   raft.ID     // cut, link
	To     raft.ID     // cut, link, transferLeader
	Groups [][]raft.ID // partition
	Msg    uint64      // drop: the flight to lose

	Network NetworkChange // network
	FsyncMs int64         // disk

	Key   string // put, delete, get, cas
	Value string // put
	Old   string // cas: "from"
	New   string // cas: "to"
	Mode  string // get: readIndex, lease or local ("" = the scenario's)

	Expect Expect // expect
}

// The arguments of each action, as they appear in a scenario file.
type (
	stepHead struct {
		At int64  `json:"at"`
		Do string `json:"do"`
	}
	nodeArgs struct {
		stepHead
		Node raft.ID `json:"node"`
	}
	linkArgs struct {
		stepHead
		From raft.ID `json:"from"`
		To   raft.ID `json:"to"`
	}
	transferArgs struct {
		stepHead
		To raft.ID `json:"to"`
	}
	partitionArgs struct {
		stepHead
		Groups [][]raft.ID `json:"groups"`
	}
	dropArgs struct {
		stepHead
		Msg uint64 `json:"msg"`
	}
	networkArgs struct {
		stepHead
		DropRate      *float64  `json:"dropRate,omitempty"`
		DuplicateRate *float64  `json:"duplicateRate,omitempty"`
		LatencyMs     *[2]int64 `json:"latencyMs,omitempty"`
	}
	diskArgs struct {
		stepHead
		Node    raft.ID `json:"node"`
		FsyncMs *int64  `json:"fsyncMs"`
	}
	putArgs struct {
		stepHead
		Key   *string `json:"key"`
		Value *string `json:"value"`
		Node  raft.ID `json:"node,omitempty"`
	}
	deleteArgs struct {
		stepHead
		Key  *string `json:"key"`
		Node raft.ID `json:"node,omitempty"`
	}
	getArgs struct {
		stepHead
		Key  *string `json:"key"`
		Node raft.ID `json:"node,omitempty"`
		Mode string  `json:"mode,omitempty"`
	}
	casArgs struct {
		stepHead
		Key  *string `json:"key"`
		From *string `json:"from"`
		To   *string `json:"to"`
		Node raft.ID `json:"node,omitempty"`
	}
	expectArgs struct {
		stepHead
		Expect
	}
)

// nodeActions take exactly one node.
var nodeActions = map[string]bool{
	"campaign": true, "crash": true, "restart": true, "isolate": true,
	"snapshot": true, "addNode": true, "removeNode": true,
}

// Actions lists every action a step can do.
var Actions = []string{
	"campaign", "crash", "restart", "partition", "isolate", "cut", "link", "heal",
	"network", "disk", "put", "delete", "get", "cas", "snapshot", "addNode",
	"removeNode", "transferLeader", "drop", "expect",
}

func decodeStep(raw json.RawMessage) (Action, error) {
	var head struct {
		Do *string `json:"do"`
	}
	if err := json.Unmarshal(raw, &head); err != nil {
		return Action{}, jsonError(-1, "", err)
	}
	if head.Do == nil {
		return Action{}, &ScenarioError{Step: -1, Field: "do", Msg: i18n.Msg("scenario.required")}
	}
	do := *head.Do
	decode := func(v any) error {
		if err := strictDecode(raw, v); err != nil {
			return jsonError(-1, do, err)
		}
		return nil
	}
	missing := func(field string) error {
		return &ScenarioError{Step: -1, Action: do, Field: field, Msg: i18n.Msg("scenario.required")}
	}
	var s Action
	var err error
	switch {
	case nodeActions[do]:
		var a nodeArgs
		err = decode(&a)
		s = Action{At: a.At, Do: do, Node: a.Node}
	case do == "cut" || do == "link":
		var a linkArgs
		err = decode(&a)
		s = Action{At: a.At, Do: do, From: a.From, To: a.To}
	case do == "transferLeader":
		var a transferArgs
		err = decode(&a)
		s = Action{At: a.At, Do: do, To: a.To}
	case do == "partition":
		var a partitionArgs
		err = decode(&a)
		s = Action{At: a.At, Do: do, Groups: a.Groups}
	case do == "heal":
		var a stepHead
		err = decode(&a)
		s = Action{At: a.At, Do: do}
	case do == "drop":
		var a dropArgs
		err = decode(&a)
		s = Action{At: a.At, Do: do, Msg: a.Msg}
	case do == "network":
		var a networkArgs
		err = decode(&a)
		s = Action{At: a.At, Do: do, Network: NetworkChange{DropRate: a.DropRate, DuplicateRate: a.DuplicateRate, LatencyMs: a.LatencyMs}}
	case do == "disk":
		var a diskArgs
		if err = decode(&a); err == nil && a.FsyncMs == nil {
			err = missing("fsyncMs")
		}
		if err == nil {
			s = Action{At: a.At, Do: do, Node: a.Node, FsyncMs: *a.FsyncMs}
		}
	case do == "put":
		var a putArgs
		if err = decode(&a); err == nil && (a.Key == nil || a.Value == nil) {
			err = missing(map[bool]string{true: "key", false: "value"}[a.Key == nil])
		}
		if err == nil {
			s = Action{At: a.At, Do: do, Key: *a.Key, Value: *a.Value, Node: a.Node}
		}
	case do == "delete":
		var a deleteArgs
		if err = decode(&a); err == nil && a.Key == nil {
			err = missing("key")
		}
		if err == nil {
			s = Action{At: a.At, Do: do, Key: *a.Key, Node: a.Node}
		}
	case do == "get":
		var a getArgs
		if err = decode(&a); err == nil && a.Key == nil {
			err = missing("key")
		}
		if err == nil {
			s = Action{At: a.At, Do: do, Key: *a.Key, Node: a.Node, Mode: a.Mode}
		}
	case do == "cas":
		var a casArgs
		if err = decode(&a); err == nil {
			switch {
			case a.Key == nil:
				err = missing("key")
			case a.From == nil:
				err = missing("from")
			case a.To == nil:
				err = missing("to")
			}
		}
		if err == nil {
			s = Action{At: a.At, Do: do, Key: *a.Key, Old: *a.From, New: *a.To, Node: a.Node}
		}
	case do == "expect":
		var a expectArgs
		err = decode(&a)
		s = Action{At: a.At, Do: do, Expect: a.Expect}
	default:
		return Action{}, &ScenarioError{Step: -1, Field: "do", Msg: i18n.Msg("scenario.step.unknown-action", do)}
	}
	return s, err
}

// validate checks what can be checked before the run: node IDs in range,
// required arguments, sensible values.
func (s Action) validate(nodes int) error {
	bad := func(field, key string, args ...any) error {
		return &ScenarioError{Step: -1, Action: s.Do, Field: field, Msg: i18n.Msg(key, args...)}
	}
	inRange := func(field string, id raft.ID, optional bool) error {
		if id == raft.None && optional {
			return nil
		}
		if id < 1 || id > MaxNodes {
			return bad(field, "scenario.step.node-id", MaxNodes, id)
		}
		return nil
	}
	if s.At < 0 {
		return bad("at", "scenario.step.negative", s.At)
	}
	switch {
	case nodeActions[s.Do] || s.Do == "disk":
		if err := inRange("node", s.Node, false); err != nil {
			return err
		}
		if s.Do == "disk" && s.FsyncMs < 0 {
			return bad("fsyncMs", "scenario.step.negative", s.FsyncMs)
		}
	case s.Do == "cut" || s.Do == "link":
		if err := inRange("from", s.From, false); err != nil {
			return err
		}
		if err := inRange("to", s.To, false); err != nil {
			return err
		}
		if s.From == s.To {
			return bad("to", "scenario.link.same-node")
		}
	case s.Do == "transferLeader":
		return inRange("to", s.To, false)
	case s.Do == "partition":
		if len(s.Groups) < 2 {
			return bad("groups", "scenario.step.partition.groups")
		}
		seen := map[raft.ID]bool{}
		for gi, g := range s.Groups {
			for _, id := range g {
				if err := inRange(fmt.Sprintf("groups[%d]", gi), id, false); err != nil {
					return err
				}
				if seen[id] {
					return bad("groups", "scenario.step.partition.twice", id)
				}
				seen[id] = true
			}
		}
		for id := 1; id <= nodes; id++ {
			if !seen[raft.ID(id)] {
				return bad("groups", "scenario.step.partition.missing", id)
			}
		}
	case s.Do == "network":
		c := s.Network
		if c.DropRate == nil && c.DuplicateRate == nil && c.LatencyMs == nil {
			return bad("", "scenario.step.network.empty")
		}
		if c.DropRate != nil && (*c.DropRate < 0 || *c.DropRate > 1) {
			return bad("dropRate", "scenario.step.rate", *c.DropRate)
		}
		if c.DuplicateRate != nil && (*c.DuplicateRate < 0 || *c.DuplicateRate > 1) {
			return bad("duplicateRate", "scenario.step.rate", *c.DuplicateRate)
		}
		if c.LatencyMs != nil && (c.LatencyMs[0] < 0 || c.LatencyMs[1] < c.LatencyMs[0]) {
			return bad("latencyMs", "scenario.step.latency", *c.LatencyMs)
		}
	case s.Do == "put" || s.Do == "delete" || s.Do == "get" || s.Do == "cas":
		if s.Key == "" {
			return bad("key", "scenario.step.key-empty")
		}
		if _, ok := ParseReadMode(s.Mode); s.Mode != "" && !ok {
			return bad("mode", "scenario.read-mode", s.Mode)
		}
		return inRange("node", s.Node, true)
	case s.Do == "expect":
		return s.Expect.validate(bad, inRange)
	}
	return nil
}

func (e Expect) validate(bad func(string, string, ...any) error, inRange func(string, raft.ID, bool) error) error {
	if err := inRange("node", e.Node, true); err != nil {
		return err
	}
	if err := inRange("leader", e.Leader, true); err != nil {
		return err
	}
	if e.LeaderIn != nil && len(e.LeaderIn) == 0 {
		return bad("leaderIn", "scenario.step.leader-in.empty")
	}
	for _, id := range e.LeaderIn {
		if err := inRange("leaderIn", id, false); err != nil {
			return err
		}
	}
	if e.Role != nil {
		switch *e.Role {
		case "follower", "precandidate", "candidate", "leader":
		default:
			return bad("role", "scenario.step.role", *e.Role)
		}
	}
	nodeFields := e.Role != nil || e.Term != nil || e.CommitIndex != nil || e.AppliedIndex != nil || e.Up != nil || e.Log != nil || e.KV != nil
	if nodeFields && e.Node == raft.None {
		return bad("node", "scenario.step.expect.node")
	}
	if !nodeFields && e.Leader == raft.None && e.LeaderIn == nil && !e.NoLeader && e.Violations == nil {
		return bad("", "scenario.step.expect.nothing")
	}
	return nil
}

// MarshalJSON writes the step in the scenario file format.
func (s Action) MarshalJSON() ([]byte, error) {
	h := stepHead{At: s.At, Do: s.Do}
	var v any
	switch {
	case nodeActions[s.Do]:
		v = nodeArgs{h, s.Node}
	case s.Do == "cut" || s.Do == "link":
		v = linkArgs{h, s.From, s.To}
	case s.Do == "transferLeader":
		v = transferArgs{h, s.To}
	case s.Do == "partition":
		v = partitionArgs{h, s.Groups}
	case s.Do == "drop":
		v = dropArgs{h, s.Msg}
	case s.Do == "network":
		v = networkArgs{h, s.Network.DropRate, s.Network.DuplicateRate, s.Network.LatencyMs}
	case s.Do == "disk":
		v = diskArgs{h, s.Node, &s.FsyncMs}
	case s.Do == "put":
		v = putArgs{h, &s.Key, &s.Value, s.Node}
	case s.Do == "delete":
		v = deleteArgs{h, &s.Key, s.Node}
	case s.Do == "get":
		v = getArgs{h, &s.Key, s.Node, s.Mode}
	case s.Do == "cas":
		v = casArgs{h, &s.Key, &s.Old, &s.New, s.Node}
	case s.Do == "expect":
		v = expectArgs{h, s.Expect}
	default:
		v = h
	}
	return json.Marshal(v)
}

// Do carries out a step now. An action that makes no sense at this moment
// (crashing a node that is down) returns an error and changes nothing.
func (w *World) Do(s Action) error {
	switch s.Do {
	case "campaign":
		return w.Campaign(s.Node)
	case "crash":
		return w.Crash(s.Node)
	case "restart":
		return w.Restart(s.Node)
	case "partition":
		return w.Partition(s.Groups)
	case "isolate":
		return w.Isolate(s.Node)
	case "cut":
		return w.Cut(s.From, s.To)
	case "link":
		return w.Link(s.From, s.To)
	case "heal":
		w.Heal()
		return nil
	case "network":
		return w.SetNetwork(s.Network)
	case "disk":
		return w.SetDisk(s.Node, s.FsyncMs)
	case "put", "delete", "get", "cas":
		return w.submitStep(s)
	case "snapshot":
		return w.Snapshot(s.Node)
	case "addNode":
		return w.AddNode(s.Node)
	case "removeNode":
		return w.RemoveNode(s.Node)
	case "transferLeader":
		return w.TransferLeader(s.To)
	case "drop":
		return w.DropMessage(s.Msg)
	case "expect":
		w.Check(s.Expect)
		return nil
	}
	return i18n.Errorf("scenario.step.unknown-action", s.Do)
}

func (w *World) submitStep(s Action) error {
	if s.Node != raft.None {
		if _, err := w.node(s.Node); err != nil {
			return err
		}
	}
	cmd := Command{Key: s.Key}
	switch s.Do {
	case "put":
		cmd.Op, cmd.Value = OpPut, s.Value
	case "delete":
		cmd.Op = OpDelete
	case "get":
		cmd.Op = OpGet
	case "cas":
		cmd.Op, cmd.From, cmd.Value = OpCAS, s.Old, s.New
	}
	mode := w.settings.ReadMode
	if m, ok := ParseReadMode(s.Mode); ok && s.Mode != "" {
		mode = m
	}
	if mode == LeaseRead && w.settings.ReadMode != LeaseRead {
		return i18n.Errorf("scenario.step.lease-off")
	}
	w.Submit(cmd, s.Node, mode)
	return nil
}
