package raft

import (
	"fmt"
	"testing"
)

// benchCompactEvery is how often (in proposals or appends) a benchmark
// compacts its node's log, so that memory stays flat however large b.N is.
const benchCompactEvery = 1024

// benchLeader returns node 1 leading a cluster of the given size in term 1,
// with its no-op committed and every follower in StateReplicate.
func benchLeader(b *testing.B, size int) *Node {
	b.Helper()
	cfg := testConfig(1, ids(size)...)
	l, err := New(cfg, DurableState{})
	if err != nil {
		b.Fatal(err)
	}
	if err := l.Campaign(); err != nil {
		b.Fatal(err)
	}
	for _, id := range ids(size)[1:] {
		if err := l.Step(Message{Type: MsgRequestVoteResponse, From: id, To: 1, Term: 1}); err != nil {
			b.Fatal(err)
		}
	}
	if l.Role() != Leader {
		b.Fatalf("node 1 is %s", l.Role())
	}
	benchAckAll(b, l, nil)
	if l.CommitIndex() != 1 {
		b.Fatalf("no-op not committed: commit %d", l.CommitIndex())
	}
	return l
}

// benchAckAll runs the leader's Ready/Advance/Release cycle until it has
// nothing left, answering every AppendEntries as a follower that accepts it
// would. It returns the number of responses stepped; resps is reused
// scratch.
func benchAckAll(b *testing.B, l *Node, resps []Message) ([]Message, int) {
	stepped := 0
	for l.HasReady() {
		rd := l.Ready()
		l.Advance(&rd)
		resps = resps[:0]
		// A leader's appends need not wait for its disk (Messages), except
		// those sent before its new term is durable (MessagesAfterSync).
		for _, msgs := range [...][]Message{rd.Messages, rd.MessagesAfterSync} {
			for _, m := range msgs {
				if m.Type != MsgAppendEntries {
					continue
				}
				resps = append(resps, Message{
					Type: MsgAppendEntriesResponse, From: m.To, To: m.From, Term: m.Term,
					Index: m.Index + uint64(len(m.Entries)), Seq: m.Seq,
				})
			}
		}
		l.Release(&rd) // the responses copy what they need
		for _, r := range resps {
			if err := l.Step(r); err != nil {
				b.Fatal(err)
			}
		}
		stepped += len(resps)
	}
	return resps, stepped
}

// BenchmarkLeaderStep measures a leader under a stream of proposals: each op
// proposes one 64-byte command and runs the Ready/Advance/Release cycle,
// stepping the followers' AppendEntriesResponses (to the entry, and to the
// commit notice that follows) until the leader is idle. msgs/s counts the
// responses the leader handles per second.
func BenchmarkLeaderStep(b *testing.B) {
	for _, size := range []int{3, 5} {
		b.Run(fmt.Sprintf("voters=%d", size), func(b *testing.B) {
			l := benchLeader(b, size)
			payload := make([]byte, 64)
			resps := make([]Message, 0, 2*size)
			msgs := 0
			b.ReportAllocs()
			b.ResetTimer()
			for i := range b.N {
				idx, _, err := l.Propose(payload)
				if err != nil {
					b.Fatal(err)
				}
				var k int
				resps, k = benchAckAll(b, l, resps)
				msgs += k
				if l.CommitIndex() != idx {
					b.Fatalf("entry %d not committed (commit %d)", idx, l.CommitIndex())
				}
				if i%benchCompactEvery == benchCompactEvery-1 {
					if _, err := l.Compact(l.AppliedIndex(), nil); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.StopTimer()
			b.ReportMetric(float64(msgs)/b.Elapsed().Seconds(), "msgs/s")
			b.ReportMetric(float64(msgs)/float64(b.N), "msgs/op")
		})
	}
}

// BenchmarkFollowerStep measures a follower fed AppendEntries carrying one
// or a few 64-byte entries (and the commit index of the previous batch):
// each op steps one message and runs the Ready/Advance/Release cycle, which
// persists the entries, sends the acknowledgement and applies the previous
// batch.
func BenchmarkFollowerStep(b *testing.B) {
	for _, k := range []int{1, 4, 16} {
		b.Run(fmt.Sprintf("entries=%d", k), func(b *testing.B) {
			f, err := New(testConfig(2, 1, 2, 3), DurableState{})
			if err != nil {
				b.Fatal(err)
			}
			payload := make([]byte, 64)
			// The follower copies entries into its log, so the message's
			// slice can be reused from one op to the next.
			ents := make([]Entry, k)
			for i := range ents {
				ents[i] = Entry{Term: 1, Data: payload}
			}
			b.ReportAllocs()
			b.ResetTimer()
			for i := range b.N {
				last := f.LastIndex()
				for j := range ents {
					ents[j].Index = last + 1 + uint64(j)
				}
				m := Message{Type: MsgAppendEntries, From: 1, To: 2, Term: 1, Index: last, LogTerm: 1,
					Entries: ents, Commit: last, Seq: uint64(i)}
				if i == 0 {
					m.LogTerm = 0
				}
				if err := f.Step(m); err != nil {
					b.Fatal(err)
				}
				rd := f.Ready()
				if len(rd.MessagesAfterSync) != 1 || rd.MessagesAfterSync[0].Reject {
					b.Fatalf("follower answered %+v", rd.MessagesAfterSync)
				}
				f.Advance(&rd)
				f.Release(&rd)
				if i%benchCompactEvery == benchCompactEvery-1 {
					if _, err := f.Compact(f.AppliedIndex(), nil); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.StopTimer()
			if want := uint64(b.N * k); f.LastIndex() != want {
				b.Fatalf("follower holds %d entries, want %d", f.LastIndex(), want)
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "msgs/s")
		})
	}
}
