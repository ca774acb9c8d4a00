package playground

import (
	"testing"

	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
	"github.com/stretchr/testify/require"
)

// TestFlightStoreGivesBackWhatWasSent: the store's compact record of a
// flight, and what it keeps aside, give back the flight as it was sent,
// whatever it carries.
func TestFlightStoreGivesBackWhatWasSent(t *testing.T) {
	var s flightStore
	snap := &raft.Snapshot{Meta: raft.SnapshotMeta{Index: 9, Term: 2}}
	flights := []Flight{
		{Kind: view.FlightRaft, From: 1, To: 2, SendAt: 5, DeliverAt: 17, Raft: raft.Message{
			Type: raft.MsgAppendEntries, From: 1, To: 2, Term: 3, Index: 4, LogTerm: 2, Commit: 4, Seq: 11,
			Entries: []raft.Entry{{Index: 5, Term: 3, Data: []byte("x")}}}},
		{Kind: view.FlightRaft, From: 2, To: 1, Lost: true, lostWhy: lostPartitioned, Raft: raft.Message{
			Type: raft.MsgAppendEntriesResponse, From: 2, To: 1, Term: 3, Index: 4, Reject: true, ConflictTerm: 1, ConflictIndex: 2}},
		{Kind: view.FlightRaft, From: 1, To: 3, Duplicate: true, Raft: raft.Message{Type: raft.MsgRequestVote, From: 1, To: 3, Term: 4, Transfer: true}},
		{Kind: view.FlightRaft, From: 1, To: 3, Raft: raft.Message{Type: raft.MsgInstallSnapshot, From: 1, To: 3, Term: 4, Snapshot: snap}},
		{Kind: view.FlightRequest, To: 3, Client: 2, Request: &Request{Cmd: view.Command{Op: view.OpGet, Key: "k"}, Read: view.LeaseRead}},
		{Kind: view.FlightReply, From: 3, Client: 2, Reply: &view.Reply{Seq: 4, Redirect: true, Leader: 1, Refused: "why"}},
	}
	for range 3 * flightBlockSize / len(flights) { // across blocks
		for i := range flights {
			f := flights[i]
			f.ID = s.add(&f)
			require.Equal(t, &f, s.flight(f.ID))
		}
	}
	require.Equal(t, uint64(3*flightBlockSize/len(flights)*len(flights)), s.n)
	require.Greater(t, len(s.blocks), 2)
}
