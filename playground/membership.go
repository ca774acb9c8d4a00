package playground

import (
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
)

// adminOp is a membership change the world is carrying out through the
// leader. It is retried until the leader accepts it: a leader refuses while
// another change is uncommitted or before it has committed an entry of its
// term, and there may be no leader for a while.
type adminOp struct {
	kind     adminKind
	node     raft.ID
	deadline int64
	// voters are a joint change's new voters (adminJoint).
	voters []raft.ID
}

// ErrIDReused refuses to add a server under the ID of one that was removed.
// A member that was down while the removal committed still counts that ID
// as a voter, and a new server with an empty disk under the same ID would
// grant the votes the old one already gave: two leaders in one term. etcd
// refuses reused member IDs for the same reason.
var ErrIDReused = i18n.Errorf("scenario.action.id-reused.why")

type adminKind uint8

const (
	// adminAdd adds the node as a learner, then promotes it to voter once
	// it has caught up with the leader's commit index (dissertation 4.2.1).
	adminAdd adminKind = iota
	adminPromote
	adminRemove
	// adminJoint replaces the voters in one joint change (joint.go).
	adminJoint
)

const (
	adminRetryMs   = 20
	adminTimeoutMs = 10_000
)

// AddNode starts a new, empty node and has the leader add it to the
// cluster: as a learner first, then as a voter once it has caught up.
func (w *World) AddNode(id raft.ID) error {
	if id < 1 || id > view.MaxNodes {
		return i18n.Errorf("scenario.action.id-range", view.MaxNodes, id)
	}
	if n := w.nodes[id]; n != nil {
		if n.Removed {
			return i18n.Errorf("scenario.action.id-reused", S(id), ErrIDReused)
		}
		return i18n.Errorf("scenario.action.exists", S(id))
	}
	if err := w.startNode(id, nil, raft.DurableState{}); err != nil {
		return err
	}
	w.emit(Event{Type: view.EvMembership, Node: id, Key: "feed.member.join", Args: []any{id}})
	w.queueAdmin(adminOp{kind: adminAdd, node: id})
	return nil
}

// FreeID returns the lowest ID no server has had, if any is left.
func (w *World) FreeID() (raft.ID, bool) {
	for id := raft.ID(1); id <= view.MaxNodes; id++ {
		if w.nodes[id] == nil {
			return id, true
		}
	}
	return raft.None, false
}

// RemoveNode has the leader remove a node from the cluster. The node shuts
// down once the removal is committed.
func (w *World) RemoveNode(id raft.ID) error {
	n, err := w.node(id)
	if err != nil {
		return err
	}
	n.leaving = true
	w.emit(Event{Type: view.EvMembership, Node: id, Key: "feed.member.remove", Args: []any{id}})
	w.queueAdmin(adminOp{kind: adminRemove, node: id})
	return nil
}

func (w *World) queueAdmin(op adminOp) {
	op.deadline = w.now + adminTimeoutMs
	w.admin = append(w.admin, op)
	w.runAdmin()
}

// runAdmin moves the pending membership changes on as far as the leader
// allows, and schedules another try if any are left.
func (w *World) runAdmin() {
	var left []adminOp
	for _, op := range w.admin {
		if !w.advanceAdmin(&op) {
			if w.now >= op.deadline {
				w.emit(Event{Type: view.EvMembership, Node: op.node, Key: "feed.member.gave-up", Args: []any{op.node}})
				continue
			}
			left = append(left, op)
		}
	}
	w.admin = left
	if len(w.admin) > 0 && !w.adminQueued {
		w.adminQueued = true
		w.schedule(event{at: w.now + adminRetryMs, kind: evAdmin})
	}
}

// advanceAdmin tries the next step of op; it reports whether op is done.
func (w *World) advanceAdmin(op *adminOp) bool {
	id, ok := w.Leader()
	if !ok {
		return false
	}
	leader := w.nodes[id]
	if leader.busy {
		return false
	}
	w.catchUp(leader)
	if op.kind == adminJoint {
		return w.advanceJoint(op, leader)
	}
	r := leader.Raft
	m := r.Membership()
	var cc raft.ConfChange
	switch op.kind {
	case adminAdd:
		if m.Contains(op.node) {
			op.kind = adminPromote
			return w.advanceAdmin(op)
		}
		cc = raft.ConfChange{Type: raft.AddLearner, Node: op.node}
	case adminPromote:
		if m.IsVoter(op.node) {
			return committed(r)
		}
		if !m.IsLearner(op.node) {
			op.kind = adminAdd
			return false
		}
		if pr, ok := r.PeerProgress(op.node); !ok || pr.Match < r.CommitIndex() {
			return false // still catching up
		}
		cc = raft.ConfChange{Type: raft.AddVoter, Node: op.node}
	case adminRemove:
		if !m.Contains(op.node) {
			return committed(r)
		}
		cc = raft.ConfChange{Type: raft.RemoveNode, Node: op.node}
	}
	index, err := r.ProposeConfChange(cc)
	if err != nil {
		return false
	}
	if cc.Type == raft.RemoveNode {
		w.nodes[op.node].leaveIndex = index
	}
	w.emit(Event{Type: view.EvMembership, Node: id, Peer: op.node, Key: proposeKeys[cc.Type], Args: []any{id, op.node}})
	w.settle(leader)
	return false // done once the leader's membership shows the change, committed
}

// committed reports whether the leader's latest configuration is committed:
// until then it may still be lost with its leader, and must be retried.
func committed(r Engine) bool { return r.CommitIndex() >= r.ConfigIndex() }

// onConfigApplied shuts down the nodes whose removal has been applied: a
// configuration without them, at or after the entry that removed them
// (older ones, replayed at boot or in catch-up, predate their joining).
func (w *World) onConfigApplied(n *Node, index uint64, m raft.Membership) {
	for _, x := range w.nodes {
		if x != nil && x.leaving && !x.Removed && x.leaveIndex > 0 && index >= x.leaveIndex && !m.Contains(x.ID) {
			w.departing = append(w.departing, x.ID)
		}
	}
}

// retireDeparted shuts down the nodes whose removal was applied during the
// last event. (They are not shut down mid-event: a removed leader is still
// handling the very entry that removes it.)
func (w *World) retireDeparted() {
	for _, id := range w.departing {
		n := w.nodes[id]
		if n == nil || n.Removed {
			continue
		}
		w.shutdown(n)
		n.Removed = true
		w.emit(Event{Type: view.EvMembership, Node: id, Key: "feed.member.left", Args: []any{id}})
	}
	w.departing = w.departing[:0]
}

// proposeKeys are the feed's sentences for a proposed membership change,
// by its kind.
var proposeKeys = map[raft.ConfChangeType]string{
	raft.AddLearner: "feed.member.propose.add-learner",
	raft.AddVoter:   "feed.member.propose.add-voter",
	raft.RemoveNode: "feed.member.propose.remove",
}
