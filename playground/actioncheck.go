package playground

import (
	"fmt"

	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/raft"
)

// actionCheck checks an action of a script before the run: node IDs,
// required arguments, sensible values.
type actionCheck struct {
	do    string // the action checked
	nodes int    // the cluster's size
}

// validate checks what can be checked of an action before the run, in a
// cluster of the given size.
func (a Action) validate(nodes int) error {
	c := &actionCheck{do: a.Do, nodes: nodes}
	if a.At < 0 {
		return c.bad("at", "scenario.step.negative", a.At)
	}
	if def := actionNamed(a.Do); def != nil && def.check != nil {
		return def.check(a, c)
	}
	return nil
}

// bad is the error for the action's field.
func (c *actionCheck) bad(field, key string, args ...any) error {
	return &ScenarioError{Step: -1, Action: c.do, Field: field, Msg: i18n.Msg(key, args...)}
}

// inRange refuses an ID that no node can have.
func (c *actionCheck) inRange(field string, id raft.ID) error {
	if id < 1 || id > MaxNodes {
		return c.bad(field, "scenario.step.node-id", MaxNodes, id)
	}
	return nil
}

// member refuses an ID that names no node.
func (c *actionCheck) member(field string, id raft.ID) error {
	return c.inRange(field, id)
}

// optionalMember is member, where raft.None (no node) is allowed.
func (c *actionCheck) optionalMember(field string, id raft.ID) error {
	if id == raft.None {
		return nil
	}
	return c.member(field, id)
}

// add and remove note an addNode and a removeNode.
func (c *actionCheck) add(raft.ID)    {}
func (c *actionCheck) remove(raft.ID) {}

// checkLink checks a cut or a link.
func checkLink(a Action, c *actionCheck) error {
	if err := c.member("from", a.From); err != nil {
		return err
	}
	if err := c.member("to", a.To); err != nil {
		return err
	}
	if a.From == a.To {
		return c.bad("to", "scenario.link.same-node")
	}
	return nil
}

// checkPartition checks that a partition puts every node in exactly one
// of at least two groups.
func checkPartition(a Action, c *actionCheck) error {
	if len(a.Groups) < 2 {
		return c.bad("groups", "scenario.step.partition.groups")
	}
	seen := map[raft.ID]bool{}
	for gi, g := range a.Groups {
		for _, id := range g {
			if err := c.member(fmt.Sprintf("groups[%d]", gi), id); err != nil {
				return err
			}
			if seen[id] {
				return c.bad("groups", "scenario.step.partition.twice", id)
			}
			seen[id] = true
		}
	}
	for id := 1; id <= c.nodes; id++ {
		if !seen[raft.ID(id)] {
			return c.bad("groups", "scenario.step.partition.missing", id)
		}
	}
	return nil
}

// checkNetwork checks that a network action changes something, to values
// the network can have.
func checkNetwork(a Action, c *actionCheck) error {
	n := a.Network
	switch {
	case n.DropRate == nil && n.DuplicateRate == nil && n.LatencyMs == nil:
		return c.bad("", "scenario.step.network.empty")
	case n.DropRate != nil && (*n.DropRate < 0 || *n.DropRate > 1):
		return c.bad("dropRate", "scenario.step.rate", *n.DropRate)
	case n.DuplicateRate != nil && (*n.DuplicateRate < 0 || *n.DuplicateRate > 1):
		return c.bad("duplicateRate", "scenario.step.rate", *n.DuplicateRate)
	case n.LatencyMs != nil && (n.LatencyMs[0] < 0 || n.LatencyMs[1] < n.LatencyMs[0]):
		return c.bad("latencyMs", "scenario.step.latency", *n.LatencyMs)
	}
	return nil
}

// checkRequest checks a client's request (put, delete, get, cas).
func checkRequest(a Action, c *actionCheck) error {
	if a.Key == "" {
		return c.bad("key", "scenario.step.key-empty")
	}
	if _, ok := ParseReadMode(a.Mode); a.Mode != "" && !ok {
		return c.bad("mode", "scenario.read-mode", a.Mode)
	}
	return c.optionalMember("node", a.Node)
}

// validate checks that an expectation expects something, of nodes that
// exist.
func (e Expect) validate(c *actionCheck) error {
	if err := c.optionalMember("node", e.Node); err != nil {
		return err
	}
	if err := c.optionalMember("leader", e.Leader); err != nil {
		return err
	}
	if e.LeaderIn != nil && len(e.LeaderIn) == 0 {
		return c.bad("leaderIn", "scenario.step.leader-in.empty")
	}
	for _, id := range e.LeaderIn {
		if err := c.member("leaderIn", id); err != nil {
			return err
		}
	}
	if e.Role != nil {
		switch *e.Role {
		case "follower", "precandidate", "candidate", "leader":
		default:
			return c.bad("role", "scenario.step.role", *e.Role)
		}
	}
	nodeFields := e.Role != nil || e.Term != nil || e.CommitIndex != nil || e.AppliedIndex != nil || e.Up != nil || e.Log != nil || e.KV != nil
	if nodeFields && e.Node == raft.None {
		return c.bad("node", "scenario.step.expect.node")
	}
	if !nodeFields && e.Leader == raft.None && e.LeaderIn == nil && !e.NoLeader && e.Violations == nil {
		return c.bad("", "scenario.step.expect.nothing")
	}
	return nil
}
