package raft

import (
	"runtime"
	"testing"
)

// benchWALFileRecords is how many records a WAL benchmark writes to one
// file before it starts another, so that memory stays flat however large
// b.N is.
const benchWALFileRecords = 1 << 16

// BenchmarkWALAppend measures appending what a follower writes for each
// 64-byte entry, the entry and the hard state that commits it, then a sync.
func BenchmarkWALAppend(b *testing.B) {
	recs := []Record{
		{Type: RecordEntry, Entry: Entry{Term: 3, Data: make([]byte, 64)}},
		{Type: RecordHardState, HardState: HardState{Term: 3, Vote: 1}},
	}
	w := &WAL{}
	b.SetBytes(int64(len(encodeRecord(recs[0])) + len(encodeRecord(recs[1]))))
	b.ReportAllocs()
	for i := range b.N {
		if i%benchWALFileRecords == benchWALFileRecords-1 {
			w = &WAL{}
		}
		recs[0].Entry.Index = uint64(i + 1)
		recs[1].HardState.Commit = uint64(i)
		w.Append(recs...)
		w.Sync()
	}
}

// BenchmarkNodeMemory measures the heap a follower and its WAL hold per
// entry when nothing is compacted: each op is an AppendEntries carrying one
// entry with a 64-byte command of its own, persisted and applied. B/entry
// counts that command once (a simulation shares it between its nodes).
func BenchmarkNodeMemory(b *testing.B) {
	f, err := New(testConfig(2, 1, 2, 3), DurableState{})
	if err != nil {
		b.Fatal(err)
	}
	w := &WAL{}
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	before := ms.HeapAlloc
	b.ResetTimer()
	for i := range b.N {
		last := f.LastIndex()
		m := Message{Type: MsgAppendEntries, From: 1, To: 2, Term: 1, Index: last, LogTerm: 1, Commit: last, Seq: uint64(i),
			Entries: []Entry{{Index: last + 1, Term: 1, Data: make([]byte, 64)}}}
		if i == 0 {
			m.LogTerm = 0
		}
		if err := f.Step(m); err != nil {
			b.Fatal(err)
		}
		rd := f.Ready()
		w.Append(rd.Records...)
		w.Sync()
		f.Advance(&rd)
		f.Release(&rd)
	}
	b.StopTimer()
	runtime.GC()
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(int64(ms.HeapAlloc)-int64(before))/float64(b.N), "B/entry")
	b.ReportMetric(float64(w.Size())/float64(b.N), "WAL-B/entry")
	runtime.KeepAlive(f)
	runtime.KeepAlive(w)
}
