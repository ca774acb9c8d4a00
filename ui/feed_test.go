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
	return feedTexts(g, g.world().TraceLen())
}

// feedTexts is the sentences of the newest n events the feed lists.
func feedTexts(g *Game, n int) []string {
	var out []string
	for _, i := range g.feedShown(n) {
		e, ok := g.feedEvent(i)
		if ok {
			out = append(out, e.Text())
		}
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

// TestFeedAfterSeekBack: after a jump back on the timeline, the feed shows
// the story up to that moment, newest first (the first election included),
// as the run showed it when it was there.
func TestFeedAfterSeekBack(t *testing.T) {
	g := testGame(t, "")
	g.SeekTo(5000)
	at5 := feedTexts(g, 30)
	require.NotEmpty(t, at5)
	leader, ok := g.world().Leader()
	require.True(t, ok)
	assert.Contains(t, strings.Join(at5, "\n"), playground.S(leader)+" became leader")
	g.SeekTo(12000)
	g.clientWrite()
	g.SeekTo(15000)
	require.NotEqual(t, at5, feedTexts(g, 30), "the write is in the story")

	g.SeekTo(5000)
	assert.Equal(t, at5, feedTexts(g, 30), "the story up to 5 s reads as it did at 5 s")
	g.SeekTo(15000)
	assert.Contains(t, strings.Join(feedTexts(g, 30), "\n"), "put x=1", "forward again, the write is back")
}

// TestFeedForgetsAForkedFuture: acting in the past forks history; the
// feed then tells the new future, not the old one.
func TestFeedForgetsAForkedFuture(t *testing.T) {
	g := testGame(t, "")
	g.SeekTo(3000)
	g.clientWrite()
	g.SeekTo(10000)
	require.Contains(t, strings.Join(feedTexts(g, 50), "\n"), "put x=1")
	g.SeekTo(2000)
	leader, ok := g.world().Leader()
	require.True(t, ok)
	g.act(playground.Step{Do: "crash", Node: leader})
	g.SeekTo(10000)
	feedTexts(g, 50)
	g.SeekTo(9000) // the trace holds the last two seconds only
	feed := strings.Join(feedTexts(g, 50), "\n")
	assert.NotContains(t, feed, "put x=1", "the write was in the forked-off future")
	assert.Contains(t, feed, "crashed")
}

// TestFeedTipShowsACutLine: the pointer on a feed line cut short with "…"
// shows the whole sentence; on a line that fits, nothing.
func TestFeedTipShowsACutLine(t *testing.T) {
	g := testGame(t, "")
	g.filter = feedStory
	g.world().RunUntil(3000)
	s := g.scale
	area := g.feedArea()
	f := face(11.5*s, false)
	cut, whole := false, false
	for k, i := range g.feedVisible() {
		e, _ := g.feedEvent(i)
		y := area.Y + 62*s + float64(k)*19*s
		tip := g.feedTip(area.X+100*s, y+3*s)
		if textWidth(e.Text(), f) > area.W-70*s {
			assert.Equal(t, e.Text(), tip, "line %d is cut: the tip is its whole sentence", k)
			cut = true
		} else {
			assert.Empty(t, tip, "line %d fits: no tip", k)
			whole = true
		}
	}
	require.True(t, cut && whole, "the feed shows a cut line and a whole one")
	assert.Empty(t, g.feedTip(area.X-5, area.Y+62*s), "outside the feed")
}
