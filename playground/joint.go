package playground

import (
	"slices"

	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
)

// A joint change replaces several voters at once (Raft dissertation 4.3;
// etcd's ConfChangeV2). The cluster first enters a joint configuration, in
// which every decision needs a majority of the old voters and a majority
// of the new, then leaves it for the new one alone. RaftLab's own Raft
// changes one server at a time; etcd's engine does both.

// jointEngine is an engine that can change several voters at once.
type jointEngine interface {
	// ProposeJoint proposes the change to exactly voters, through a
	// joint configuration the leader leaves by itself once it is
	// applied. It returns the index of the entry that enters it.
	ProposeJoint(voters []raft.ID) (uint64, error)
}

// Reconfigure has the leader replace the voters with voters in one joint
// change. Servers new to the cluster start with empty disks, as AddNode
// starts them; servers left out shut down once the change is done.
func (w *World) Reconfigure(voters []raft.ID) error {
	if !w.joints() {
		return i18n.Errorf("scenario.action.joint-engine")
	}
	voters = slices.Sorted(slices.Values(voters))
	for _, id := range voters {
		if w.nodes[id] == nil {
			if err := w.startNode(id, nil, raft.DurableState{}); err != nil {
				return err
			}
			w.emit(Event{Type: view.EvMembership, Node: id, Key: "feed.member.join", Args: []any{id}})
		}
	}
	w.queueAdmin(adminOp{kind: adminJoint, voters: voters})
	return nil
}

// joints reports whether the world's engine makes joint changes.
func (w *World) joints() bool {
	for _, n := range w.nodes {
		if n != nil && n.Raft != nil {
			_, ok := n.Raft.(jointEngine)
			return ok
		}
	}
	return false
}

// advanceJoint tries the next step of a joint change; it reports whether
// the change is done: the leader has applied a configuration of exactly
// op.voters, no longer joint.
func (w *World) advanceJoint(op *adminOp, leader *Node) bool {
	r := leader.Raft
	m := r.Membership()
	_, outgoing := r.Joint()
	switch {
	case slices.Equal(m.Voters, op.voters) && outgoing == nil:
		return true
	case outgoing != nil:
		return false // the leader leaves the joint configuration by itself
	}
	index, err := r.(jointEngine).ProposeJoint(op.voters)
	if err != nil {
		return false
	}
	for _, id := range m.Voters {
		if !slices.Contains(op.voters, id) {
			w.nodes[id].leaving, w.nodes[id].leaveIndex = true, index
		}
	}
	w.emit(Event{Type: view.EvMembership, Node: leader.ID, Key: "feed.member.propose.joint", Args: []any{leader.ID, m.Voters, op.voters}})
	w.settle(leader)
	return false
}

// replaceMenu offers, on a voter of a world whose engine makes joint
// changes, to replace it with a new server in one joint change.
func replaceMenu(w *World, on menuTarget, do string) []view.MenuItem {
	n := on.node(w)
	leaderID, hasLeader := w.Leader()
	if n == nil || !n.Up || !hasLeader || !w.joints() {
		return nil
	}
	leader := w.nodes[leaderID]
	m := leader.Raft.Membership()
	fresh, ok := w.FreeID()
	if _, outgoing := leader.Raft.Joint(); !ok || outgoing != nil || !m.IsVoter(n.ID) {
		return nil
	}
	var voters []view.ID
	for _, id := range m.Voters {
		if id != n.ID {
			voters = append(voters, view.ID(id))
		}
	}
	voters = append(voters, view.ID(fresh))
	return entry("menu-replace", i18n.Msg("menu.replace", S(fresh)), view.Action{Do: do, Voters: voters})
}
