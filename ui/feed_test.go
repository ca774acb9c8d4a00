package ui

import (
	"strings"
	"testing"

	"github.com/raftlab/raftlab/playground"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// clientsFeed is every sentence the Clients filter lets through.
func clientsFeed(g *Game) []string {
	g.filter = feedClients
	w := g.world()
	var out []string
	for _, i := range g.feedShown(w.TraceLen()) {
		out = append(out, w.EventAt(i).Text())
	}
	return out
}

// TestClientsFeedShowsReadsAndNotes: under Clients, the feed shows a
// ReadIndex read's steps, a client's retry and the note that its repeated
// write was skipped, besides the client's calls and answers, and none of
// the servers' own traffic.
func TestClientsFeedShowsReadsAndNotes(t *testing.T) {
	g := testGame(t, "")
	w := g.world()
	w.RunUntil(1000)
	leader, ok := w.Leader()
	require.True(t, ok)
	w.Submit(playground.Command{Op: playground.OpPut, Key: "y", Value: "2"}, leader, playground.ReadIndexRead)
	dropped := false
	for !dropped && w.Now() < 2000 {
		w.RunUntil(w.Now() + 1)
		for _, f := range w.InFlight() {
			if f.Kind == playground.FlightReply && !f.Reply.Redirect {
				require.NoError(t, w.DropMessage(f.ID))
				dropped = true
			}
		}
	}
	require.True(t, dropped)
	w.RunUntil(w.Now() + 3000)
	w.Submit(playground.Command{Op: playground.OpGet, Key: "y"}, leader, playground.ReadIndexRead)
	w.RunUntil(w.Now() + 1000)

	feed := strings.Join(clientsFeed(g), "\n")
	for _, want := range []string{
		"client 1 asked", "retried put y=2", // calls, retries
		"its client session shows it was applied before", // the skipped repeat (a note)
		"noted read index", // a ReadIndex read's steps
		`client 1 got "2" for get y`,
	} {
		assert.Contains(t, feed, want)
	}
	assert.NotContains(t, feed, "appended entry", "a server's log is not a client's story")
	assert.NotContains(t, feed, "became leader")
}
