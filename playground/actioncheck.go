package playground

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
)

// actionCheck checks a script's actions before the run, one after another,
// against the cluster as the script leaves it at each one: the nodes that
// exist then (the first ones, and those addNode added since) and the read
// mode. A node removeNode removed may still be named: the world keeps it
// until its removal commits, which only the run can tell (restarting a
// node whose removal is pending is something to try), and a partition
// need not place it.
type actionCheck struct {
	do       string // the action checked
	exists   [view.MaxNodes + 1]bool
	removed  [view.MaxNodes + 1]bool
	readMode view.ReadMode
}

// newActionCheck checks a script for a cluster of the given nodes, whose
// settings ask for the given read mode.
func newActionCheck(nodes []raft.ID, readMode view.ReadMode) *actionCheck {
	c := &actionCheck{readMode: readMode}
	for _, id := range nodes {
		if id >= 1 && id <= view.MaxNodes {
			c.exists[id] = true
		}
	}
	return c
}

// firstNodes are the nodes 1..n a scenario starts with.
func firstNodes(n int) []raft.ID {
	ids := make([]raft.ID, n)
	for i := range ids {
		ids[i] = raft.ID(i + 1)
	}
	return ids
}

// check checks a, the script's next action, and notes the nodes it adds
// or removes.
func (c *actionCheck) check(a view.Action) error {
	c.do = a.Do
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
func (c *actionCheck) inRange(field string, id view.ID) error {
	if id < 1 || id > view.MaxNodes {
		return c.bad(field, "scenario.step.node-id", view.MaxNodes, id)
	}
	return nil
}

// member refuses an ID that names no node at this point of the script
// (see actionCheck on removed nodes).
func (c *actionCheck) member(field string, id view.ID) error {
	switch {
	case id < 1 || id > view.MaxNodes:
		return c.inRange(field, id)
	case !c.exists[id] && !c.removed[id]:
		return c.bad(field, "scenario.step.node.absent", id, c.nodes())
	}
	return nil
}

// nodes lists the nodes that exist, for an error: "1, 2, 3".
func (c *actionCheck) nodes() string {
	var ids []string
	for id, ok := range c.exists {
		if ok {
			ids = append(ids, strconv.Itoa(id))
		}
	}
	return strings.Join(ids, ", ")
}

// optionalMember is member, where raft.None (no node) is allowed.
func (c *actionCheck) optionalMember(field string, id view.ID) error {
	if id == view.None {
		return nil
	}
	return c.member(field, id)
}

// add checks an addNode's node, a new one, and notes that it exists from
// now on.
func (c *actionCheck) add(field string, id view.ID) error {
	switch {
	case id < 1 || id > view.MaxNodes:
		return c.inRange(field, id)
	case c.removed[id]:
		return c.bad(field, "scenario.action.id-reused", id.Name(), ErrIDReused)
	case c.exists[id]:
		return c.bad(field, "scenario.action.exists", id.Name())
	}
	c.exists[id] = true
	return nil
}

// remove checks a removeNode's node and notes that it is leaving: it no
// longer counts among the nodes that exist, nor may it be added again.
func (c *actionCheck) remove(field string, id view.ID) error {
	if err := c.member(field, id); err != nil {
		return err
	}
	c.exists[id], c.removed[id] = false, true
	return nil
}

// checkLink checks a cut or a link.
func checkLink(a view.Action, c *actionCheck) error {
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
func checkPartition(a view.Action, c *actionCheck) error {
	if len(a.Groups) < 2 {
		return c.bad("groups", "scenario.step.partition.groups")
	}
	seen := map[view.ID]bool{}
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
	for id, ok := range c.exists {
		if ok && !seen[view.ID(id)] {
			return c.bad("groups", "scenario.step.partition.missing", id)
		}
	}
	return nil
}

// checkNetwork checks that a network action changes something, to values
// the network can have.
func checkNetwork(a view.Action, c *actionCheck) error {
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
	case n.LatencyMs != nil && n.LatencyMs[1] > view.MaxDelayMs:
		return c.bad("latencyMs", "scenario.settings.delay-limit", "latencyMs", view.MaxDelayMs, n.LatencyMs[1])
	}
	return nil
}

// checkRequest checks a client's request (put, delete, get, cas).
func checkRequest(a view.Action, c *actionCheck) error {
	if a.Key == "" {
		return c.bad("key", "scenario.step.key-empty")
	}
	m, ok := view.ParseReadMode(a.Mode)
	switch {
	case a.Mode != "" && !ok:
		return c.bad("mode", "scenario.read-mode", a.Mode)
	case a.Mode != "" && m == view.LeaseRead && c.readMode != view.LeaseRead:
		return c.bad("mode", "scenario.step.lease-off")
	}
	return c.optionalMember("node", a.Node)
}

// validate checks that an expectation expects something, of nodes that
// exist.
func validateExpect(e view.Expect, c *actionCheck) error {
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
	if nodeFields && e.Node == view.None {
		return c.bad("node", "scenario.step.expect.node")
	}
	if !nodeFields && e.Leader == view.None && e.LeaderIn == nil && !e.NoLeader && e.Violations == nil {
		return c.bad("", "scenario.step.expect.nothing")
	}
	return nil
}

// checkReconfigure checks a reconfigure's voters: at least one, each once,
// none a removed server's ID. Those new to the cluster exist from now on.
// (Whether the engine makes joint changes is known only when it runs.)
func checkReconfigure(a view.Action, c *actionCheck) error {
	if len(a.Voters) == 0 {
		return c.bad("voters", "scenario.step.reconfigure.empty")
	}
	var seen [view.MaxNodes + 1]bool
	for _, id := range a.Voters {
		switch {
		case id < 1 || id > view.MaxNodes:
			return c.inRange("voters", id)
		case seen[id]:
			return c.bad("voters", "scenario.step.reconfigure.twice", id.Name())
		case c.removed[id]:
			return c.bad("voters", "scenario.action.id-reused", id.Name(), ErrIDReused)
		}
		seen[id] = true
	}
	for _, id := range a.Voters {
		c.exists[id] = true
	}
	return nil
}
