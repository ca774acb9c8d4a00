package raft

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readStepsOf gathers the ReadSteps and Reads of rds.
func readStepsOf(rds []Ready) (steps []ReadStep, reads []ReadState) {
	for _, rd := range rds {
		steps = append(steps, rd.ReadSteps...)
		reads = append(reads, rd.Reads...)
	}
	return steps, reads
}

// Ready.ReadSteps show the four parts of ReadIndex (dissertation 6.4): a
// new leader holds a read until it has committed an entry of its term, then
// notes its commit index as the read index, confirms it still leads with a
// heartbeat round a majority answers, and answers once it has applied up
// to the read index.
func TestReadStepsShowEachPart(t *testing.T) {
	l := paperInRole(t, Leader, paperPeers, nil)
	term := l.Term()
	require.Equal(t, uint64(0), l.CommitIndex(), "the no-op is not committed yet")

	require.NoError(t, l.ReadIndex(7, ReadIndex))
	steps, reads := readStepsOf(paperFlush(l))
	assert.Equal(t, []ReadStep{{ID: 7, Phase: ReadWaitingForTermCommit}}, steps, "held until the no-op commits")
	assert.Empty(t, reads)

	// Node 2 acknowledges the no-op: it commits, and the read index is
	// noted with the heartbeat round that will confirm it.
	steps, reads = readStepsOf(paperStep(t, l, Message{Type: MsgAppendEntriesResponse, From: 2, To: 1, Term: term, Index: 1}))
	require.Equal(t, uint64(1), l.CommitIndex())
	require.Len(t, steps, 1)
	seq := steps[0].Seq
	assert.Equal(t, ReadStep{ID: 7, Phase: ReadWaitingForQuorum, Index: 1, Seq: seq}, steps[0])
	assert.NotZero(t, seq)
	assert.Empty(t, reads)

	// Node 2 answers the round: with the leader, a majority of three. The
	// no-op is applied, so the read is answered at once.
	steps, reads = readStepsOf(paperStep(t, l, Message{Type: MsgAppendEntriesResponse, From: 2, To: 1, Term: term, Index: 1, Seq: seq}))
	assert.Equal(t, []ReadStep{{ID: 7, Phase: ReadWaitingForApply, Index: 1, Seq: seq}}, steps, "leadership confirmed")
	assert.Equal(t, []ReadState{{ID: 7, Index: 1}}, reads)

	// A read that arrives once the leader has committed in its term has
	// its index noted at once.
	require.NoError(t, l.ReadIndex(8, ReadIndex))
	steps, _ = readStepsOf(paperFlush(l))
	require.Len(t, steps, 1)
	assert.Equal(t, ReadWaitingForQuorum, steps[0].Phase)
	assert.Equal(t, uint64(1), steps[0].Index)
}
