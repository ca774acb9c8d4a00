package ui

import (
	"github.com/raftlab/raftlab/playground/view"
)

// Where a lesson's key terms show on screen: a highlight of a term, or the
// pointer resting on it in the narration, points there. Each term with a
// place is written once, in termPlaces, with how to point at it; a term
// without one (majority, split vote...) glows where the narration says it.

// termPlaces says, by the glossary's name of a key term, how to point at
// where it shows.
var termPlaces = map[string]func(g *Game, out []pointer) []pointer{
	"follower":         roleLabelPointers(labelFollower),
	"candidate":        roleLabelPointers(labelCandidate),
	"pre-candidate":    roleLabelPointers(labelPreCandidate),
	"leader":           roleLabelPointers(labelLeader),
	"learner":          roleLabelPointers(labelLearner),
	"term":             (*Game).termNumberPointers,
	"election timeout": (*Game).timerPointers,
	"commit index":     indexPointers(commitIndexOf),
	"committed":        indexPointers(commitIndexOf),
	"applied index":    indexPointers(appliedIndexOf),
	"nextIndex":        progressPointers(nextIndexOf),
	"matchIndex":       progressPointers(matchIndexOf),
	"log":              (*Game).logsPanelPointer,
	"entry":            (*Game).logsPanelPointer,
	"index":            (*Game).logsPanelPointer,
	"heartbeat":        kindPointers(raftKind{typ: view.MsgAppendEntries, heartbeat: true}),
	"RequestVote":      kindPointers(raftKind{typ: view.MsgRequestVote}),
	"PreVote":          kindPointers(raftKind{typ: view.MsgPreVote}),
	"AppendEntries":    kindPointers(raftKind{typ: view.MsgAppendEntries}),
	"InstallSnapshot":  kindPointers(raftKind{typ: view.MsgInstallSnapshot}),
	"TimeoutNow":       kindPointers(raftKind{typ: view.MsgTimeoutNow}),
}

// roleLabelPointers box the labels of the live servers that say l, around
// the words as drawn.
func roleLabelPointers(l serverLabel) func(g *Game, out []pointer) []pointer {
	return func(g *Game, out []pointer) []pointer {
		w := g.view()
		for _, spot := range g.lay.Nodes {
			if n := w.Node(spot.ID); n != nil && n.Up && labelOf(n) == l {
				out = append(out, g.boxPointer(g.labelTextBox(spot, g.tr(l.key())), 2*g.scale, false))
			}
		}
		return out
	}
}

// termNumberPointers circle the term inside each live server.
func (g *Game) termNumberPointers(out []pointer) []pointer {
	w := g.view()
	for _, spot := range g.lay.Nodes {
		if n := w.Node(spot.ID); n != nil && n.Up {
			out = append(out, pointer{shape: ringShape, x: spot.X, y: spot.Y, r: spot.R * 0.7})
		}
	}
	return out
}

// timerPointers circle the election timers' arcs: every live server's
// but the leader's, which has none.
func (g *Game) timerPointers(out []pointer) []pointer {
	w := g.view()
	for _, spot := range g.lay.Nodes {
		if n := w.Node(spot.ID); n != nil && n.Up && n.Role != view.Leader {
			out = append(out, pointer{shape: ringShape, x: spot.X, y: spot.Y, r: spot.R + 5*g.scale})
		}
	}
	return out
}

func commitIndexOf(l *view.Log) uint64  { return l.Commit }
func appliedIndexOf(l *view.Log) uint64 { return l.Applied }

// indexPointers box each live server's log cell at the index index gives.
func indexPointers(index func(*view.Log) uint64) func(g *Game, out []pointer) []pointer {
	return func(g *Game, out []pointer) []pointer {
		for row, n := range g.view().Nodes {
			if n.Up {
				if r, ok := g.logs.cellAt(row, index(&n.Log)); ok {
					out = append(out, g.boxPointer(r, 2*g.scale, true))
				}
			}
		}
		return out
	}
}

func nextIndexOf(pr view.Progress) uint64  { return pr.Next }
func matchIndexOf(pr view.Progress) uint64 { return pr.Match }

// progressPointers box, in each follower's log row, the cell at the index
// index takes from the leader's progress of that follower.
func progressPointers(index func(view.Progress) uint64) func(g *Game, out []pointer) []pointer {
	return func(g *Game, out []pointer) []pointer {
		w := g.view()
		leader, ok := w.Leader()
		if !ok {
			return out
		}
		for row, id := range w.IDs() {
			pr, ok := w.Node(leader).PeerProgress(id)
			if !ok || id == leader {
				continue
			}
			if r, ok := g.logs.cellAt(row, index(pr)); ok {
				out = append(out, g.boxPointer(r, 2*g.scale, true))
			}
		}
		return out
	}
}

// logsPanelPointer boxes the logs panel.
func (g *Game) logsPanelPointer(out []pointer) []pointer {
	return append(out, g.boxPointer(g.lay.Logs, 0, true))
}

// kindPointers circle the messages of a kind in flight.
func kindPointers(k raftKind) func(g *Game, out []pointer) []pointer {
	return func(g *Game, out []pointer) []pointer { return g.messagePointers(out, k) }
}

// raftKind is a kind of Raft message a lesson points at: a type, or when
// heartbeat is set the heartbeats (AppendEntries without entries).
type raftKind struct {
	typ       view.MsgType
	heartbeat bool
}

// raftKindNamed is the kind of message a lesson names: a type by raft's
// name for it (RequestVote...), or heartbeat.
func raftKindNamed(name string) (raftKind, bool) {
	if name == "heartbeat" {
		return raftKind{typ: view.MsgAppendEntries, heartbeat: true}, true
	}
	for _, t := range view.MsgTypes {
		if t.String() == name {
			return raftKind{typ: t}, true
		}
	}
	return raftKind{}, false
}

// is reports whether a flight is a message of the kind.
func (k raftKind) is(f *view.Flight) bool {
	return f.Kind == view.FlightRaft && f.Msg.Type == k.typ && (!k.heartbeat || f.Msg.Entries == 0)
}
