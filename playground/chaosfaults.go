package playground

import (
	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
)

// faultKind is one kind of fault or user action a chaos run tries: every
// action of actionTable that a user can take, some of them in the
// combinations that expose a teaching switch.
type faultKind uint8

const (
	fCrash faultKind = iota
	// fCrashPair crashes the leader and a follower at once.
	fCrashPair
	fRestart
	fPartition
	// fStrand cuts the leader off with a minority that still hears it,
	// so that it appends entries no majority gets.
	fStrand
	fIsolate
	fCut
	fLink
	fHeal
	fNetwork
	fDisk
	// fSlowDisks makes every disk slow, so that much is unsynced at
	// every moment.
	fSlowDisks
	fCampaign
	// fCampaignStale has the server with the shortest log campaign.
	fCampaignStale
	fTransfer
	fSnapshot
	fAddNode
	fRemoveNode
	fDrop
	fLoad
	// fFigure8 and fLoseAck start the plans of figure8Plan and
	// loseAckPlan.
	fFigure8
	fLoseAck
	faultKinds
)

// chaosBias steers a run's faults: how often each kind is drawn.
type chaosBias struct {
	weight [faultKinds]int
}

// biasFor is the steering for a set of teaching switches: to the even mix
// of every kind of fault it adds the situations that expose each switch.
func biasFor(r view.Rules) chaosBias {
	var b chaosBias
	b.weight = [faultKinds]int{
		fCrash: 18, fRestart: 24, fPartition: 6, fStrand: 2, fIsolate: 6, fCut: 6, fLink: 3, fHeal: 10,
		fNetwork: 4, fDisk: 6, fCampaign: 3, fTransfer: 3, fSnapshot: 3, fAddNode: 2, fRemoveNode: 2, fDrop: 2, fLoad: 1,
	}
	if r.AckBeforeFsync {
		// A crash loses what a server acknowledged but had not synced:
		// slow disks leave much unsynced, and a crash of the leader with
		// a follower can take a committed entry from a majority.
		b.weight[fSlowDisks] += 6
		b.weight[fCrashPair] += 10
		b.weight[fLoseAck] += 20
	}
	if r.CommitOldTermsByCounting {
		// Figure 8: leaders change while entries of older terms lie
		// uncommitted on a minority.
		b.weight[fStrand] += 6
		b.weight[fFigure8] += 100
	}
	if r.SkipElectionRestriction {
		// A server that missed committed entries wins an election.
		b.weight[fCampaignStale] += 25
		b.weight[fIsolate] += 5
	}
	return b
}

// draw draws a kind of fault.
func (b *chaosBias) draw(r *rng) faultKind {
	total := 0
	for _, x := range b.weight {
		total += x
	}
	roll := int(r.Between(0, int64(total-1)))
	kind := faultKind(0)
	for roll >= b.weight[kind] {
		roll -= b.weight[kind]
		kind++
	}
	return kind
}

// chaosFault gives the steps of a fault of the kind; an empty list, or
// empty steps, when it cannot be done now.
func chaosFault(r *rng, w *World, kind faultKind) []view.Action {
	one := func(a view.Action) []view.Action { return []view.Action{a} }
	onNode := func(do string, id raft.ID) []view.Action {
		if id == raft.None {
			return nil
		}
		return one(view.Action{Do: do, Node: view.ID(id)})
	}
	leader, hasLeader := w.Leader()
	switch kind {
	case fCrash:
		// Crash only while more than a majority is up, so that the
		// cluster is available often enough to have a history to check.
		if canCrash(w, 1) {
			return onNode("crash", pickNode(r, w, true))
		}
	case fCrashPair:
		if hasLeader && canCrash(w, 2) {
			return append(onNode("crash", leader), onNode("crash", pickOther(r, w, leader))...)
		}
	case fRestart:
		return onNode("restart", pickNode(r, w, false))
	case fPartition:
		return one(view.Action{Do: "partition", Groups: randomGroups(r, w)})
	case fStrand:
		if hasLeader {
			return one(view.Action{Do: "partition", Groups: strandGroups(r, w, leader)})
		}
	case fIsolate:
		return onNode("isolate", pickNode(r, w, true))
	case fCut, fLink:
		from, to := pickNode(r, w, true), pickNode(r, w, true)
		if from != raft.None && from != to {
			do := "cut"
			if kind == fLink {
				do = "link"
			}
			return one(view.Action{Do: do, From: view.ID(from), To: view.ID(to)})
		}
	case fHeal:
		return one(view.Action{Do: "heal"})
	case fNetwork:
		drop, dup := float64(r.Between(0, 20))/100, float64(r.Between(0, 10))/100
		change := view.NetworkChange{DropRate: &drop, DuplicateRate: &dup}
		if r.Between(0, 3) == 0 {
			// Now and then slower or faster messages: 1-50 ms.
			lo := r.Between(1, 30)
			change.LatencyMs = &[2]int64{lo, lo + r.Between(0, 20)}
		}
		return one(view.Action{Do: "network", Network: change})
	case fDisk:
		if id := pickNode(r, w, true); id != raft.None {
			return one(view.Action{Do: "disk", Node: view.ID(id), FsyncMs: []int64{0, 1, 1, 5, 5, 40, 40, 200}[r.Between(0, 7)]})
		}
	case fSlowDisks:
		var steps []view.Action
		for _, id := range w.Nodes() {
			steps = append(steps, view.Action{Do: "disk", Node: view.ID(id), FsyncMs: r.Between(50, 300)})
		}
		return steps
	case fCampaign:
		return onNode("campaign", pickOther(r, w, leader))
	case fCampaignStale:
		return onNode("campaign", stalest(w, leader))
	case fTransfer:
		if to := pickOther(r, w, leader); hasLeader && to != raft.None {
			return one(view.Action{Do: "transferLeader", To: view.ID(to)})
		}
	case fSnapshot:
		return onNode("snapshot", pickNode(r, w, true))
	case fAddNode:
		// Up to two servers more than the run began with.
		if id, ok := w.FreeID(); ok && hasLeader && len(w.Nodes()) < w.settings.Nodes+2 {
			return onNode("addNode", id)
		}
	case fRemoveNode:
		// Down to three servers, so that faults still leave a majority.
		if hasLeader && len(w.Nodes()) > 3 {
			return onNode("removeNode", pickNode(r, w, true))
		}
	case fDrop:
		if fs := w.InFlight(); len(fs) > 0 {
			return one(view.Action{Do: "drop", Msg: fs[r.Between(0, int64(len(fs)-1))].ID})
		}
	case fFigure8, fLoseAck:
		return nil // (chaosRun.fault starts the plan)
	case fLoad:
		return one(view.Action{Do: "load", Rate: int(r.Between(20, 100)), ForMs: r.Between(200, 1000),
			Keys: len(chaosKeys), ReadPct: int(r.Between(0, 50)), Clients: chaosClients})
	}
	return nil
}

// canCrash reports whether k more servers can crash with a majority still
// up.
func canCrash(w *World, k int) bool {
	n := len(w.Nodes())
	return n-countUp(w)+k <= (n-1)/2
}

// pickNode picks a random existing node that is up (or down), or None.
func pickNode(r *rng, w *World, up bool) raft.ID {
	var ids []raft.ID
	for _, id := range w.Nodes() {
		if w.Node(id).Up == up {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return raft.None
	}
	return ids[r.Between(0, int64(len(ids)-1))]
}

// pickOther picks a random node that is up and not not, or None.
func pickOther(r *rng, w *World, not raft.ID) raft.ID {
	var ids []raft.ID
	for _, id := range w.Nodes() {
		if w.Node(id).Up && id != not {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return raft.None
	}
	return ids[r.Between(0, int64(len(ids)-1))]
}

// stalest is the node that is up, not the leader, with the shortest log
// (the lowest ID among equals), or None.
func stalest(w *World, leader raft.ID) raft.ID {
	best, last := raft.None, uint64(0)
	for _, id := range w.Nodes() {
		n := w.Node(id)
		if !n.Up || id == leader {
			continue
		}
		if i := n.Raft.LastIndex(); best == raft.None || i < last {
			best, last = id, i
		}
	}
	return best
}

func countUp(w *World) int {
	up := 0
	for _, id := range w.Nodes() {
		if w.Node(id).Up {
			up++
		}
	}
	return up
}

func randomGroups(r *rng, w *World) [][]view.ID {
	groups := make([][]view.ID, 2)
	for _, id := range w.Nodes() {
		g := r.Between(0, 1)
		groups[g] = append(groups[g], view.ID(id))
	}
	return groups
}

// strandGroups splits the cluster into the leader with a random minority
// of the others, and the rest.
func strandGroups(r *rng, w *World, leader raft.ID) [][]view.ID {
	ids := w.Nodes()
	with := r.Between(0, int64(max((len(ids)-1)/2-1, 0)))
	groups := [][]view.ID{{view.ID(leader)}, nil}
	for _, id := range ids {
		switch {
		case id == leader:
		case with > 0 && r.Between(0, 1) == 0:
			groups[0] = append(groups[0], view.ID(id))
			with--
		default:
			groups[1] = append(groups[1], view.ID(id))
		}
	}
	return groups
}
