package view

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestLogTail: a log's view holds the entries of its tail and the term of
// the snapshot's last entry, and nothing else.
func TestLogTail(t *testing.T) {
	l := Log{First: 5, Last: 9, SnapTerm: 2, Tail: []Entry{{7, 3, EntryNormal}, {8, 3, EntryNoop}, {9, 4, EntryConfig}}}
	for i, want := range map[uint64]uint64{4: 2, 7: 3, 8: 3, 9: 4} {
		got, ok := l.TermAt(i)
		assert.True(t, ok, "index %d", i)
		assert.Equal(t, want, got, "index %d", i)
	}
	for _, i := range []uint64{0, 3, 5, 6, 10} {
		_, ok := l.TermAt(i)
		assert.False(t, ok, "index %d: compacted, beyond the tail or past the end", i)
	}
	e, ok := l.Entry(8)
	assert.True(t, ok)
	assert.Equal(t, Entry{8, 3, EntryNoop}, e)
	_, ok = l.Entry(4)
	assert.False(t, ok, "the snapshot's last entry is not an entry of the log")

	empty := Log{First: 1}
	term, ok := empty.TermAt(0)
	assert.True(t, ok, "index 0 is the start of every log")
	assert.Zero(t, term)
	_, ok = empty.Entry(1)
	assert.False(t, ok)
}

// TestWorldLeader: the leader is the server up that leads in the highest
// term; a deposed leader still up in an older term is not it.
func TestWorldLeader(t *testing.T) {
	w := World{Nodes: []Node{
		{ID: 1, Up: true, Role: Leader, Term: 2},
		{ID: 2, Up: true, Role: Leader, Term: 3},
		{ID: 3, Up: false, Role: Leader, Term: 4},
		{ID: 4, Up: true, Role: Follower, Term: 5},
	}}
	id, ok := w.Leader()
	assert.True(t, ok)
	assert.Equal(t, ID(2), id)
	assert.Equal(t, []ID{1, 2, 3, 4}, w.IDs())
	assert.Nil(t, w.Node(9))
	assert.Equal(t, "S2", w.Node(2).ID.Name())
	_, ok = (&World{Nodes: []Node{{ID: 1, Up: true}}}).Leader()
	assert.False(t, ok)
}

// TestNetwork: cut links are one-way, and any partition group other than
// 0 means the servers are split.
func TestNetwork(t *testing.T) {
	n := Network{Groups: make([]int, MaxNodes+1), Cuts: [][2]ID{{1, 2}}}
	assert.True(t, n.IsCut(1, 2))
	assert.False(t, n.IsCut(2, 1), "a cut is one-way")
	assert.False(t, n.Partitioned())
	n.Groups[3] = 1
	assert.True(t, n.Partitioned())
	assert.Equal(t, 1, n.Group(3))
	assert.Equal(t, 0, n.Group(42), "a server beyond the groups is in none")
}

// TestMembership: voters and learners, in order.
func TestMembership(t *testing.T) {
	m := Membership{Voters: []ID{1, 3}, Learners: []ID{2}}
	assert.True(t, m.IsVoter(3))
	assert.True(t, m.IsLearner(2))
	assert.True(t, m.Contains(2))
	assert.False(t, m.Contains(4))
	assert.Equal(t, []ID{1, 2, 3}, m.Members())
	n := Node{Progress: []Progress{{ID: 3, Match: 4, Next: 5}}}
	pr, ok := n.PeerProgress(3)
	assert.True(t, ok)
	assert.Equal(t, uint64(5), pr.Next)
	_, ok = n.PeerProgress(2)
	assert.False(t, ok)
}
