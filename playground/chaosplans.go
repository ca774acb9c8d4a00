package playground

import (
	"fmt"
	"slices"

	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
)

// A plan is a fault in several steps, each some random time after the one
// before: the sequences that expose a teaching switch, too long for
// independent faults to line up by chance. The servers it names are drawn
// as it goes; a step that finds the cluster not as it needs ends the plan.
// Clients stay quiet while a plan runs, so that a new leader has no entry
// of its own term to replicate unless the plan gives it one.
type planStep struct {
	afterMs [2]int64
	do      func(r *rng, w *World, p *planCast) ([]view.Action, bool)
}

// planCast are the servers a plan has picked.
type planCast struct {
	first, second, third raft.ID
}

// figure8Plan is Figure 8 of the Raft paper: a leader's entry reaches a
// minority; the next leader's entry at the same index reaches none (it is
// cut off); the first leader returns, brings its entry to a majority and
// (with commitOldTermsByCounting) commits it, and falls; the second,
// healed, campaigns and, its last term being higher, wins and overwrites
// the committed entry.
var figure8Plan = []planStep{
	{do: func(r *rng, w *World, p *planCast) ([]view.Action, bool) {
		l, ok := w.Leader()
		if !ok {
			return nil, false
		}
		p.first, p.second = l, pickOther(r, w, l)
		return []view.Action{{Do: "partition", Groups: apart(w, l, p.second)}, planPut(r, l)}, p.second != raft.None
	}},
	{afterMs: [2]int64{20, 60}, do: func(r *rng, w *World, p *planCast) ([]view.Action, bool) {
		return []view.Action{{Do: "crash", Node: view.ID(p.first)}}, true
	}},
	{afterMs: [2]int64{400, 800}, do: func(r *rng, w *World, p *planCast) ([]view.Action, bool) {
		// (A partition, not isolate, which would keep the first split.)
		l, ok := w.Leader()
		p.third = l
		return []view.Action{{Do: "partition", Groups: apart(w, l)}, planPut(r, l)}, ok && l != p.first
	}},
	{afterMs: [2]int64{20, 60}, do: func(r *rng, w *World, p *planCast) ([]view.Action, bool) {
		return []view.Action{{Do: "restart", Node: view.ID(p.first)}}, true
	}},
	{afterMs: [2]int64{10, 30}, do: func(r *rng, w *World, p *planCast) ([]view.Action, bool) {
		return []view.Action{{Do: "campaign", Node: view.ID(p.first)}}, true
	}},
	{afterMs: [2]int64{100, 250}, do: func(r *rng, w *World, p *planCast) ([]view.Action, bool) {
		return []view.Action{{Do: "crash", Node: view.ID(p.first)}, {Do: "heal"}}, true
	}},
	{afterMs: [2]int64{0, 350}, do: func(r *rng, w *World, p *planCast) ([]view.Action, bool) {
		return []view.Action{{Do: "campaign", Node: view.ID(p.third)}}, true
	}},
	{afterMs: [2]int64{300, 800}, do: func(r *rng, w *World, p *planCast) ([]view.Action, bool) {
		return []view.Action{{Do: "restart", Node: view.ID(p.first)}}, true
	}},
}

// apart splits the cluster into the given servers and the rest.
func apart(w *World, ids ...raft.ID) [][]view.ID {
	groups := [][]view.ID{nil, nil}
	for _, id := range w.Nodes() {
		g := 1
		if slices.Contains(ids, id) {
			g = 0
		}
		groups[g] = append(groups[g], view.ID(id))
	}
	return groups
}

// loseAckPlan makes every disk slow, has the leader commit a write, then
// crashes the leader and a follower before either has synced it (with
// ackBeforeFsync they acknowledged it all the same), restarts them and has
// the server with the shortest log campaign.
var loseAckPlan = []planStep{
	{do: func(r *rng, w *World, p *planCast) ([]view.Action, bool) {
		l, ok := w.Leader()
		p.first, p.second = l, pickOther(r, w, l)
		if !ok || p.second == raft.None || !canCrash(w, 2) {
			return nil, false
		}
		steps := chaosFault(r, w, fSlowDisks)
		return append(steps, planPut(r, l)), true
	}},
	{afterMs: [2]int64{30, 90}, do: func(r *rng, w *World, p *planCast) ([]view.Action, bool) {
		return []view.Action{{Do: "crash", Node: view.ID(p.first)}, {Do: "crash", Node: view.ID(p.second)}}, true
	}},
	{afterMs: [2]int64{10, 50}, do: func(r *rng, w *World, p *planCast) ([]view.Action, bool) {
		return []view.Action{{Do: "restart", Node: view.ID(p.first)}, {Do: "restart", Node: view.ID(p.second)}}, true
	}},
	{afterMs: [2]int64{0, 30}, do: func(r *rng, w *World, p *planCast) ([]view.Action, bool) {
		return []view.Action{{Do: "campaign", Node: view.ID(stalest(w, raft.None))}}, true
	}},
	{afterMs: [2]int64{500, 1000}, do: func(r *rng, w *World, p *planCast) ([]view.Action, bool) {
		return nil, true
	}},
}

// planPut is a write sent to server id.
func planPut(r *rng, id raft.ID) view.Action {
	return view.Action{Do: "put", Key: chaosKeys[r.Between(0, int64(len(chaosKeys)-1))], Value: fmt.Sprint(r.Between(1, 9)), Node: view.ID(id)}
}
