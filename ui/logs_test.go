package ui

import (
	"testing"

	"github.com/raftlab/raftlab/lessons/doc"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCrashedServerLogShows: a crashed server's row in the logs panel
// shows the log its disk holds (lessons point at it), dimmed, and a
// highlight of its row or a cell still points at it.
func TestCrashedServerLogShows(t *testing.T) {
	g := testGame(t, "log-replication")
	g.SeekTo(3000)
	w := g.world()
	leader, ok := w.Leader()
	require.True(t, ok)
	follower := w.Nodes()[0]
	if follower == leader {
		follower = w.Nodes()[1]
	}
	last := w.Node(follower).Raft.LastIndex()
	term, _ := w.Node(follower).Raft.TermAt(last)
	require.GreaterOrEqual(t, last, uint64(2))
	upKey := string(g.logs.key(nil))

	g.act(view.Action{Do: "crash", Node: view.ID(follower)})
	require.False(t, g.world().Node(follower).Up)
	r, dim := g.logs.rowLog(view.ID(follower))
	require.NotNil(t, r)
	assert.True(t, dim)
	assert.Equal(t, last, r.Last, "its log as the disk holds it")
	got, ok := r.TermAt(last)
	assert.True(t, ok)
	assert.Equal(t, term, got)
	assert.Zero(t, r.Applied, "a crashed server applies nothing")
	assert.NotEqual(t, upKey, string(g.logs.key(nil)), "the panel is drawn again, dimmed")

	ps := g.pointersFor(nil, doc.Highlight{What: doc.HighlightLog, Node: view.ID(follower), Index: 2})
	require.Len(t, ps, 1, "the crashed server's cell is pointed at")
	assert.Len(t, g.pointersFor(nil, doc.Highlight{What: doc.HighlightLog, Node: view.ID(follower)}), 1, "and its row")
	assert.Len(t, g.pointersFor(nil, doc.Highlight{What: doc.HighlightLog, AllNodes: true, Index: 2}), len(g.view().IDs()))
}

// TestLogsLegendStaysInThePanel: at 800 and 1024 wide the logs panel's
// legend ends inside the panel, still naming the progress marks, in
// English and in Chinese.
func TestLogsLegendStaysInThePanel(t *testing.T) {
	withCJKFont(t)
	ids := []view.ID{1, 2, 3, 4, 5}
	for _, lang := range []i18n.Lang{i18n.English, i18n.Chinese} {
		for _, size := range [][2]int{{800, 600}, {1024, 768}, {1280, 800}} {
			lay := computeLayout(size[0], size[1], 1, ids, true)
			small := face(10, false)
			room := lay.Logs.W - 68
			line := logsLegend(lang, room, small)
			assert.LessOrEqual(t, 60+textWidth(line, small), lay.Logs.W-8, "%s %v: the legend ends inside the panel", lang, size)
			assert.Contains(t, line, "n/m", "%s %v: the legend explains n/m", lang, size)
		}
	}
	assert.Empty(t, logsLegend(i18n.English, 5, face(10, false)), "no room, no legend")
	assert.Contains(t, logsLegend(i18n.Chinese, 1000, face(10, false)), "实心：已提交", "the legend speaks Chinese")
}
