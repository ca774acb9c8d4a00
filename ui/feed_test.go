package ui

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// clientsFeed is every sentence the Clients filter lets through.
func clientsFeed(g *Game) []string {
	g.feed.filter = feedClients
	return feedTexts(g, g.world().TraceLen())
}

// feedTexts is the sentences of the newest n events the feed lists.
func feedTexts(g *Game, n int) []string {
	var out []string
	for _, i := range g.feed.feedShown(n) {
		e, ok := g.feed.feedEvent(i)
		if ok {
			out = append(out, e.Text.In(i18n.English))
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
	w.Submit(view.Command{Op: view.OpPut, Key: "y", Value: "2"}, leader, view.ReadIndexRead)
	dropped := false
	for !dropped && w.Now() < 2000 {
		w.RunUntil(w.Now() + 1)
		for _, f := range w.InFlight() {
			if f.Kind == view.FlightReply && !f.Reply.Redirect {
				require.NoError(t, w.DropMessage(f.ID))
				dropped = true
			}
		}
	}
	require.True(t, dropped)
	w.RunUntil(w.Now() + 3000)
	w.Submit(view.Command{Op: view.OpGet, Key: "y"}, leader, view.ReadIndexRead)
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
	assert.Contains(t, strings.Join(at5, "\n"), view.ID(leader).Name()+" became leader")
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
	g.act(view.Action{Do: "crash", Node: view.ID(leader)})
	g.SeekTo(10000)
	feedTexts(g, 50)
	g.SeekTo(9000) // the trace holds the last two seconds only
	feed := strings.Join(feedTexts(g, 50), "\n")
	assert.NotContains(t, feed, "put x=1", "the write was in the forked-off future")
	assert.Contains(t, feed, "crashed")
}

// TestFeedWrapsEveryLine: at 1280x800, 1024x768 and 800x600, in the
// sandbox, beside the inspector and under a lesson, the feed lists its
// events newest first, each sentence whole on as many lines as it needs
// (none cut with "…", none wider than the panel), each event's lines
// above the panel's foot.
func TestFeedWrapsEveryLine(t *testing.T) {
	wrapped := false
	for _, size := range [][2]int{{1280, 800}, {1024, 768}, {800, 600}} {
		for _, where := range []string{"sandbox", "inspector", "lesson"} {
			name := fmt.Sprintf("%dx%d %s", size[0], size[1], where)
			g := testGame(t, "")
			if where == "lesson" {
				g = testGameWith(t, Options{Lesson: 6, Step: 1})
			}
			sizeGame(g, size[0], size[1])
			g.feed.filter = feedStory
			g.SeekTo(3000)
			if where == "inspector" {
				n := g.lay.Nodes[0]
				g.click(n.X, n.Y, false)
				g.menu = nil
				require.True(t, g.inspector.inspecting(), name)
			}
			s := g.scale
			area := g.feed.feedArea()
			f := face(feedTextSize*s, false)
			rows := g.feed.feedRows()
			require.NotEmpty(t, rows, name)
			assert.Equal(t, g.feed.feedShown(len(rows)), g.feed.feedVisible(), "%s: the newest events, newest first", name)
			for k, r := range rows {
				e, _ := g.feed.feedEvent(r.idx)
				assert.Equal(t, e.Text.In(i18n.English), strings.Join(r.lines, " "), "%s: event %d is whole", name, k)
				for _, line := range r.lines {
					assert.NotContains(t, line, "…", name)
					assert.LessOrEqual(t, textWidth(line, f), area.W-70*s, "%s: %q", name, line)
				}
				last := r.y + float64(len(r.lines)-1)*feedWrapH
				assert.Less(t, last, area.H/s-feedFoot, "%s: event %d ends above the foot", name, k)
				if k > 0 {
					prev := rows[k-1]
					assert.Equal(t, prev.y+float64(len(prev.lines)-1)*feedWrapH+feedLineH, r.y, "%s: event %d follows the one before", name, k)
				}
				wrapped = wrapped || len(r.lines) > 1
			}
			more := g.feed.feedShown(len(rows) + 1)
			if len(more) > len(rows) {
				e, _ := g.feed.feedEvent(more[len(rows)])
				last := rows[len(rows)-1]
				next := last.y + float64(len(last.lines)-1)*feedWrapH + feedLineH
				n := len(wrapPlain(e.Text.In(i18n.English), f, area.W-70*s))
				assert.GreaterOrEqual(t, next+float64(n-1)*feedWrapH, area.H/s-feedFoot, "%s: the next event would not fit", name)
			}
		}
	}
	assert.True(t, wrapped, "some sentence needs more than one line")
}

// TestFeedWrapsOnce: the feed's layout is kept while it shows the same
// events at the same width, and laid out again when the width changes.
func TestFeedWrapsOnce(t *testing.T) {
	g := testGame(t, "")
	g.feed.filter = feedStory
	g.SeekTo(3000)
	rows := g.feed.feedRows()
	require.NotEmpty(t, rows)
	again := g.feed.feedRows()
	assert.Same(t, &rows[0], &again[0], "the same layout")
	w := len(rows[0].lines)
	sizeGame(g, 800, 600)
	narrow := g.feed.feedRows()
	assert.NotSame(t, &rows[0], &narrow[0], "laid out anew")
	assert.Equal(t, g.feed.feedArea().W-70*g.scale, g.feed.wrapWidth)
	assert.GreaterOrEqual(t, len(narrow[0].lines), w)
}

// TestFeedTipShowsACutEvent: a panel too short for an event's lines cuts
// it at its foot; the pointer on it shows the whole sentence. Over an
// event shown whole, or outside the feed, nothing.
func TestFeedTipShowsACutEvent(t *testing.T) {
	g := testGame(t, "")
	g.feed.filter = feedStory
	g.SeekTo(3000)
	s := g.scale
	area := g.feed.feedArea()
	rows := g.feed.feedRows()
	require.NotEmpty(t, rows)
	assert.Empty(t, g.feed.feedTip(area.X+100*s, area.Y+rows[0].y*s), "shown whole")
	assert.Empty(t, g.feed.feedTip(area.X-5, area.Y+rows[0].y*s), "outside the feed")

	// A narrow panel one line high: the newest sentence needs more.
	g.lay.Feed.W, g.lay.Feed.H = 200*s, (feedTop+feedLineH)*s
	area = g.feed.feedArea()
	cut := g.feed.feedRows()
	require.Len(t, cut, 1)
	require.Greater(t, len(cut[0].lines), 1)
	e, _ := g.feed.feedEvent(cut[0].idx)
	assert.Equal(t, e.Text.In(i18n.English), g.feed.feedTip(area.X+100*s, area.Y+cut[0].y*s), "the cut event's whole sentence")
}

// TestLayoutFeedRows: layout() gives the feed's lines as drawn: the
// listed sentences, wrapped, each line inside the panel, in order.
func TestLayoutFeedRows(t *testing.T) {
	g := testGame(t, "")
	sizeGame(g, 800, 600)
	g.feed.filter = feedStory
	g.SeekTo(3000)
	data, err := g.LayoutJSON()
	require.NoError(t, err)
	var d struct {
		Feed feedLayoutDoc `json:"feed"`
	}
	require.NoError(t, json.Unmarshal(data, &d))
	require.Greater(t, len(d.Feed.Rows), len(d.Feed.Lines), "some sentence wraps")
	var text []string
	p := d.Feed.Panel
	for k, r := range d.Feed.Rows {
		assert.True(t, r.X >= p.X && r.X+r.W <= p.X+p.W && r.Y >= p.Y && r.Y+r.H <= p.Y+p.H, "%q at %+v is inside the panel %+v", r.Text, r.box, p)
		if k > 0 {
			assert.Greater(t, r.Y, d.Feed.Rows[k-1].Y, "row %d is below the one before", k)
		}
		text = append(text, r.Text)
	}
	assert.Equal(t, strings.Join(d.Feed.Lines, " "), strings.Join(text, " "), "the rows are the sentences")
}

// TestStoryLeavesOutTheFollowersEchoes: after an election the story tells
// the leader's no-op and its commit once, not once per server, so that the
// election itself stays in view; the Log filter has every server's lines.
func TestStoryLeavesOutTheFollowersEchoes(t *testing.T) {
	g := testGame(t, "")
	g.SeekTo(2000)
	leader, ok := g.world().Leader()
	require.True(t, ok)
	count := func(lines []string, what string) (n int) {
		for _, l := range lines {
			if strings.Contains(l, what) {
				n++
			}
		}
		return n
	}
	g.feed.filter = feedStory
	story := feedTexts(g, 100)
	assert.Equal(t, 1, count(story, "appended entry 1"), "the leader's append only: %q", story)
	assert.Equal(t, 1, count(story, "advanced its commit index to 1"), "the leader's commit only: %q", story)
	assert.Contains(t, strings.Join(story, "\n"), view.ID(leader).Name()+" appended entry 1")
	g.feed.filter = feedLog
	log := feedTexts(g, 100)
	assert.Equal(t, 5, count(log, "appended entry 1"), "every server's append: %q", log)
	assert.Equal(t, 5, count(log, "advanced its commit index to 1"), "every server's commit: %q", log)
}

// TestFeedShowsTheStoryBeforeTheStep: a lesson opened at a later step
// (lesson 6, step 3: its earlier steps replayed) lists the story up to
// that moment: S1 cut off, the new leader of term 2.
func TestFeedShowsTheStoryBeforeTheStep(t *testing.T) {
	g := testGameWith(t, Options{Lesson: 6, Step: 3})
	g.feed.filter = feedStory
	require.Greater(t, enginePlay(t, g).TraceStart(), 0, "the earlier steps left events")
	feed := strings.Join(feedTexts(g, 20), "\n")
	assert.Contains(t, feed, "became leader for term 2")
	assert.Contains(t, feed, "S1 was cut off")
	assert.NotEmpty(t, g.feed.feedVisible(), "the panel lists them")
}

// TestFeedSpeaksTheLanguage: in Chinese the feed's sentences, title and
// filter buttons are Chinese; the language is in the feed's key, so the
// rows laid out in English are laid out again.
func TestFeedSpeaksTheLanguage(t *testing.T) {
	g := testGame(t, "")
	g.world().RunUntil(1000)
	g.feed.filter = feedStory
	rowText := func() string {
		var b strings.Builder
		for _, r := range g.feed.feedRows() {
			b.WriteString(strings.Join(r.lines, "") + "\n")
		}
		return b.String()
	}
	require.Contains(t, rowText(), "became leader for term")
	g.lang = i18n.Chinese
	assert.Contains(t, rowText(), "成为任期")
	assert.NotContains(t, rowText(), "became leader")
	var labels []string
	for _, b := range g.feed.feedButtons() {
		labels = append(labels, b.Label)
	}
	assert.Equal(t, []string{"概览", "选举", "日志", "故障", "客户端", "全部"}, labels)
}

// TestFeedTimesKeepOffTheSentences: an event's time is in seconds of the
// language ("1.234s", "1.234 秒"), and the sentences start right of the
// widest time the column holds: at 60 in English, as before, further in
// Chinese, whose unit is wider.
func TestFeedTimesKeepOffTheSentences(t *testing.T) {
	withCJKFont(t)
	g := testGame(t, "")
	g.world().RunUntil(1000)
	assert.Equal(t, 60.0, g.feed.feedTextX())
	assert.Equal(t, " 1.234s", g.tr("feedpanel.time", 1.234))
	g.lang = i18n.Chinese
	assert.Equal(t, " 1.234 秒", g.tr("feedpanel.time", 1.234))
	x := g.feed.feedTextX()
	assert.Greater(t, x, 10+textWidth(g.tr("feedpanel.time", 999.999), face(10, false))+4, "a time keeps off its sentence")
	docs := g.feed.feedRowDocs(func(_ string, r Rect) box { return box{X: r.X, Y: r.Y, W: r.W, H: r.H} })
	require.NotEmpty(t, docs)
	for _, d := range docs {
		assert.Equal(t, g.feed.feedArea().X+x, d.X, "%q starts at the sentences' column", d.Text)
		assert.LessOrEqual(t, d.X+d.W, g.feed.feedArea().X+g.feed.feedArea().W, "%q stays in the panel", d.Text)
	}
}

// TestFeedMemoryAfterAJumpPastTheTraceWindow: a jump ahead (RunFor, as
// the benchmark's hour runs) past more events than the trace window
// holds leaves the feed's memory at the events the trace still has: the
// sandbox with clients writing 100 times a second makes more than the
// window in a minute.
func TestFeedMemoryAfterAJumpPastTheTraceWindow(t *testing.T) {
	sc := Sandbox()
	sc.Until = 3_600_000
	sc.Actions = append(sc.Actions, view.Action{At: 1000, Do: "load", Rate: 100})
	g := testGameWith(t, Options{Scenario: sc})
	g.RunFor(60_000)
	require.Greater(t, g.sess.TraceStart(), 0, "events left the window")
	m := &g.feed.mem
	require.NotEmpty(t, m.idx)
	assert.GreaterOrEqual(t, m.idx[0], g.sess.TraceStart(), "only events the trace holds")
	assert.Equal(t, g.sess.TraceLen(), m.cursor)
}
