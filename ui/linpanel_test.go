package ui

import (
	"encoding/json"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
)

// linBar is the bar of the panel's call i, and its centre.
func linBar(t *testing.T, g *Game, i int) (x, y float64) {
	t.Helper()
	l := g.lin.linLaidOut()
	require.Less(t, i, len(l.bars))
	return l.bars[i].CenterX(), l.bars[i].CenterY()
}

// TestLinPanelStaleRead: a click on the red light of reads opens the panel
// on the stale read: the key's calls as bars, a row per client, inside
// the panel and on its axis; the two that cannot be ordered are marked and
// named in the sentence; a click on the stale get (the call to look at)
// moves the timeline to its return, one on the put to the put's; the
// pointer on a bar names its call; Esc and the × close the panel.
func TestLinPanelStaleRead(t *testing.T) {
	g := testGame(t, "stale-read")
	g.SeekTo(1400)
	assert.Nil(t, g.lin.linOpener(func(n string, r Rect) box { return box{} }), "a green light opens nothing")
	g.SeekTo(3000)
	r := readsRow(t, g)
	assert.Equal(t, &box{X: r.X, Y: r.Y, W: r.W, H: r.H}, g.lin.linOpener(func(n string, r Rect) box { return box{n, r.X, r.Y, r.W, r.H} }))
	g.click(r.CenterX(), r.CenterY(), false)
	require.True(t, g.lin.open, "the red light of reads opens the panel")
	e := g.lin.expl
	require.True(t, e.Illegal())

	var st struct{ Lin *linStateDoc }
	data, err := g.StateJSON()
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, &st))
	require.NotNil(t, st.Lin)
	assert.Equal(t, "illegal", st.Lin.Verdict)
	assert.Equal(t, e.Why.In(i18n.English), st.Lin.Why)
	require.Len(t, st.Lin.Core, 2)
	assert.Contains(t, st.Lin.Core[0], "put x=2")
	assert.Contains(t, st.Lin.Core[1], "get x")

	var lay struct{ Lin *linLayoutDoc }
	data, err = g.LayoutJSON()
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, &lay))
	require.NotNil(t, lay.Lin)
	require.Len(t, lay.Lin.Bars, len(e.Ops))
	require.Len(t, lay.Lin.Core, 2)
	p := lay.Lin.Panel
	for _, b := range lay.Lin.Bars {
		assert.True(t, b.X >= p.X && b.X+b.W <= p.X+p.W+0.01 && b.Y >= p.Y && b.Y+b.H <= p.Y+p.H, "bar %s inside the panel %+v", b.Name, p)
	}
	l := g.lin.linLaidOut()
	assert.Len(t, l.rows, 1, "one client, one row")
	assert.Equal(t, "client 1", l.rows[0].label)
	// The labels stay clear of each other; the marked calls' are whole.
	f := face(11*g.scale, false)
	for i, lb := range l.labels {
		if e.Ops[i].Core {
			assert.NotContains(t, lb.text, "…", "the label of %s", e.Ops[i].Cmd)
		}
		if i > 0 {
			assert.GreaterOrEqual(t, lb.x, l.labels[i-1].x+textWidth(l.labels[i-1].text, f), "label %d after label %d", i, i-1)
		}
	}
	// The bars follow time: a later call starts further right.
	for i := 1; i < len(e.Ops); i++ {
		assert.GreaterOrEqual(t, l.bars[i].X, l.bars[i-1].X)
	}

	get := e.Ops[e.Focus]
	require.Equal(t, view.OpGet, get.Cmd.Op)
	x, y := linBar(t, g, e.Focus)
	assert.Equal(t, get.Line(i18n.English), g.tipAt(x, y).text)
	g.click(x, y, false)
	assert.Equal(t, get.ReturnMs, g.world().Now(), "the stale get: where its value came back")
	assert.True(t, g.paused)
	assert.True(t, g.lin.open, "the panel stays open while the timeline moves")
	put := lay.Lin.Core[0]
	x, y = linBar(t, g, put)
	g.click(x, y, false)
	assert.Equal(t, e.Ops[put].ReturnMs, g.world().Now())
	assert.Equal(t, e.Ops[put].Line(i18n.English), g.status.text)

	// A press off the bars, in the panel, does nothing; off the panel it
	// goes to what is under it.
	now := g.world().Now()
	g.click(p.X+p.W/2, p.Y+p.H-4, false)
	assert.Equal(t, now, g.world().Now())
	assert.True(t, g.lin.open)

	g.escape()
	assert.False(t, g.lin.open, "Esc closes it")
	g.OpenLinearizability()
	c := g.lin.linLaidOut().close
	g.click(c.CenterX(), c.CenterY(), false)
	assert.False(t, g.lin.open, "the × closes it")
}

// TestLinPanelLinearizable: on a history that fits in one order the panel
// says so, with no bars; it reports nothing while closed.
func TestLinPanelLinearizable(t *testing.T) {
	g := testGame(t, "log-replication")
	g.SeekTo(1000)
	assert.Nil(t, g.lin.linState())
	g.OpenLinearizability()
	d := g.lin.linState()
	require.NotNil(t, d)
	assert.Equal(t, "ok", d.Verdict)
	assert.Empty(t, d.Core)
	assert.Empty(t, g.lin.linLaidOut().bars)
	assert.Equal(t, []string{g.tr("lin.panel.ok")}, g.lin.linLaidOut().why)
}

// TestLinPanelCached: the panel is drawn into its image once, and again
// only when it opens anew or the language changes.
func TestLinPanelCached(t *testing.T) {
	g := testGame(t, "stale-read")
	g.SeekTo(3000)
	g.OpenLinearizability()
	screen := ebiten.NewImage(g.w, g.h)
	for range 3 {
		g.Draw(screen)
	}
	assert.Equal(t, 1, g.lin.cache.redraws)
	g.OpenLinearizability()
	g.Draw(screen)
	assert.Equal(t, 2, g.lin.cache.redraws)
	g.SetLang(i18n.Chinese)
	g.Draw(screen)
	assert.Equal(t, 3, g.lin.cache.redraws)
	assert.Equal(t, "键 x 的线性一致性", g.lin.linLaidOut().title)
}
