package lessons

import (
	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
)

// Baseline is the moment a step began, which a step's predicates count
// from: elapsed time, votes, rejections, elections, messages sent and
// dropped, client writes, and the leader and highest term at that moment.
type Baseline struct {
	startMs      int64
	traceStart   int
	historyStart int
	leader       raft.ID
	maxTerm      uint64
	stats        playground.Stats
	violations   int
	clients      playground.ClientStats

	// The tally of trace events since the start, kept up to date as the
	// world runs (and recounted when the world is replaced by a seek).
	tw      *playground.World
	scanned int
	t       tally
}

type tally struct {
	votes       [view.MaxNodes + 1]int
	rejections  [view.MaxNodes + 1]int
	truncations [view.MaxNodes + 1]int
	// sent counts Raft messages by sender and type (heartbeatMsg for
	// AppendEntries without entries).
	sent [view.MaxNodes + 1][heartbeatMsg + 1]int
	// reads counts the ReadIndex steps leaders took, by stage (see
	// playground.ReadStage).
	reads [playground.ReadAnswered + 1]int
}

// NewBaseline marks the present of w as a step's start.
func NewBaseline(w *playground.World) *Baseline {
	b := &Baseline{startMs: w.Now(), traceStart: w.TraceLen(), historyStart: w.HistoryLen(), stats: w.Stats(), violations: len(w.Violations()), clients: w.ClientStats()}
	b.leader, _ = w.Leader()
	for _, id := range w.Nodes() {
		if n := w.Node(id); n.Up {
			b.maxTerm = max(b.maxTerm, n.Raft.Term())
		}
	}
	return b
}

// StartMs is when the step began.
func (b *Baseline) StartMs() int64 { return b.startMs }

func (b *Baseline) update(w *playground.World) *tally {
	if w != b.tw || w.TraceLen() < b.scanned {
		b.tw, b.scanned, b.t = w, b.traceStart, tally{}
	}
	// A long session keeps only the newest part of its trace (and a world
	// restored by a seek, only what led up to the moment sought): count
	// what is kept.
	b.scanned = max(b.scanned, w.TraceStart())
	for ; b.scanned < w.TraceLen(); b.scanned++ {
		e := w.EventAt(b.scanned)
		switch e.Type {
		case view.EvVote:
			if e.Peer <= view.MaxNodes {
				b.t.votes[e.Peer]++
			}
		case view.EvTruncate:
			b.t.truncations[e.Node]++
		case view.EvRead:
			if e.Read <= playground.ReadAnswered {
				b.t.reads[e.Read]++
			}
		case view.EvSend:
			f := e.Flight
			if f == nil || f.Kind != view.FlightRaft || f.From > view.MaxNodes {
				continue
			}
			m := f.Raft
			if int(m.Type) < heartbeatMsg {
				b.t.sent[f.From][m.Type]++
			}
			if m.IsHeartbeat() {
				b.t.sent[f.From][heartbeatMsg]++
			}
			if m.Type == raft.MsgAppendEntriesResponse && m.Reject {
				b.t.rejections[f.From]++
			}
		}
	}
	return &b.t
}
