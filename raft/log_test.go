package raft

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

// logModel is a raftLog as one plain slice, to check the chunked one
// against.
type logModel struct {
	snap    uint64
	entries []Entry
}

func (m *logModel) last() uint64 { return m.snap + uint64(len(m.entries)) }

// checkLog compares every entry, term and slice of l with m's.
func checkLog(t *testing.T, l *raftLog, m *logModel) {
	t.Helper()
	require.Equal(t, m.snap, l.snap.Index)
	require.Equal(t, m.last(), l.lastIndex())
	for i, e := range m.entries {
		require.Equal(t, e, l.entry(m.snap+1+uint64(i)))
	}
	require.Nil(t, l.slice(m.last()+1, m.last()+9))
	config := uint64(0) // the last config entry so far
	for i, e := range m.entries {
		if e.Kind == EntryConfig {
			config = e.Index
		}
		if i%17 == 0 || i == len(m.entries)-1 {
			require.Equal(t, config, l.lastConfig(e.Index), "last config at %d", e.Index)
		}
	}
	for lo := m.snap + 1; lo <= m.last(); lo += 37 {
		for _, n := range []uint64{1, 2, 64, logChunk, 3 * logChunk} {
			hi := min(lo+n, m.last()+1)
			require.Equal(t, m.entries[lo-m.snap-1:hi-m.snap-1], l.slice(lo, lo+n), "slice [%d, %d)", lo, lo+n)
		}
	}
}

// TestRaftLogChunks runs appends, truncations, compactions and clones that
// cross chunk boundaries on a log and on a plain slice, and checks that
// they agree, and that a clone and its original stay independent.
func TestRaftLogChunks(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var l raftLog
	var m logModel
	term := uint64(1)
	var clone *Node // the latest clone, and what it should hold
	var cloned logModel
	appendN := func(l *raftLog, m *logModel, n int) {
		for range n {
			e := Entry{Index: m.last() + 1, Term: term, Data: []byte{byte(rng.Uint32())}}
			if rng.IntN(8) == 0 { // runs of kinds in a term, and entries without data
				e.Kind, e.Data = EntryNoop, nil
			} else if rng.IntN(8) == 0 {
				e.Kind = EntryConfig
			}
			l.append(&e)
			m.entries = append(m.entries, e)
		}
	}
	for step := range 300 {
		switch k := rng.IntN(10); {
		case k < 5:
			appendN(&l, &m, rng.IntN(2*logChunk))
		case k < 7 && m.last() > m.snap:
			from := m.snap + 1 + rng.Uint64N(m.last()-m.snap)
			l.truncate(from)
			m.entries = m.entries[:from-m.snap-1]
			term++
		case k < 8 && m.last() > m.snap:
			to := m.snap + 1 + rng.Uint64N(m.last()-m.snap)
			if rng.IntN(4) == 0 {
				to = m.last() // everything, as a leader that compacts to its applied index
			}
			l.compact(SnapshotMeta{Index: to, Term: m.entries[to-m.snap-1].Term})
			m.entries, m.snap = m.entries[to-m.snap:], to
		case k < 9:
			// A clone takes its own path; the original must not see it.
			var n Node
			n.log = l
			c := n.Clone()
			cm := logModel{snap: m.snap, entries: append([]Entry(nil), m.entries...)}
			if cm.last() > cm.snap {
				c.log.truncate(cm.last())
				cm.entries = cm.entries[:len(cm.entries)-1]
			}
			appendN(&c.log, &cm, rng.IntN(logChunk)+1)
			clone, cloned = c, cm
		default:
			// An installed snapshot beyond the log.
			l.compact(SnapshotMeta{Index: m.last() + 5, Term: term})
			m.entries, m.snap = nil, m.last()+5
		}
		checkLog(t, &l, &m)
		if clone != nil {
			checkLog(t, &clone.log, &cloned)
		}
		for i, c := range l.chunks {
			n := len(c.ents)
			if c.packed != nil {
				require.Nil(t, c.ents, "step %d: chunk %d is sealed and not", step, i)
				n = len(c.packed.ends)
			}
			if i < len(l.chunks)-1 {
				require.Equal(t, logChunk, n, "step %d: chunk %d of %d is full", step, i, len(l.chunks))
			}
			if i < len(l.chunks)-logHotChunks-l.hot {
				require.NotNil(t, c.packed, "step %d: chunk %d of %d is sealed", step, i, len(l.chunks))
			}
			require.LessOrEqual(t, cap(c.ents), logChunk)
		}
	}
}

// TestRaftLogTruncateToSealed cuts a log back to the end of a sealed
// chunk, which leaves that chunk last, and appends after it.
func TestRaftLogTruncateToSealed(t *testing.T) {
	var l raftLog
	var m logModel
	appendN := func(n int, term uint64) {
		for range n {
			e := Entry{Index: m.last() + 1, Term: term, Data: []byte{byte(m.last())}}
			l.append(&e)
			m.entries = append(m.entries, e)
		}
	}
	appendN(4*logChunk, 1)
	require.NotNil(t, l.chunks[1].packed)
	l.truncate(2*logChunk + 1)
	m.entries = m.entries[:2*logChunk]
	appendN(logChunk+3, 2)
	checkLog(t, &l, &m)
}

// TestRaftLogHotAfterCompaction: a log compacted every so many entries
// keeps that many unsealed, and no more than logMaxHotChunks.
func TestRaftLogHotAfterCompaction(t *testing.T) {
	for _, every := range []int{10, 5 * logChunk, 100 * logChunk} {
		var l raftLog
		for i := uint64(1); i <= uint64(3*every+5*logChunk); i++ {
			l.append(&Entry{Index: i, Term: 1})
			if i%uint64(every) == 0 {
				l.compact(SnapshotMeta{Index: i, Term: 1})
			}
		}
		hot := min(every/logChunk, logMaxHotChunks) + logHotChunks
		for k, c := range l.chunks {
			require.Equal(t, k < len(l.chunks)-hot, c.packed != nil, "compacted every %d: chunk %d of %d sealed", every, k, len(l.chunks))
		}
	}
}
