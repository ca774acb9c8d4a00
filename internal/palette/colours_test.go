package palette

import (
	"testing"

	"github.com/raftlab/raftlab/playground/view"
	"github.com/stretchr/testify/assert"
)

// TestLookups: a role, a term and a message type each get their colour;
// term 0 is dim, and the terms' colours go round.
func TestLookups(t *testing.T) {
	p := &Light
	assert.Equal(t, p.Leader, p.Role(view.Leader))
	assert.Equal(t, p.PreCandidate, p.Role(view.PreCandidate))
	assert.Equal(t, p.Follower, p.Role(view.Follower))
	assert.Equal(t, p.TextDim, p.Term(0))
	assert.Equal(t, p.Terms[0], p.Term(1))
	assert.Equal(t, p.Terms[0], p.Term(uint64(len(p.Terms))+1), "round again")
	assert.Equal(t, p.Vote, p.Message(view.MsgRequestVoteResponse), "a response as its request")
	assert.Equal(t, p.TimeoutNow, p.Message(view.MsgTimeoutNow))
}
