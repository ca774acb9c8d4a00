package ui

import (
	"testing"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// pressClient clicks the client panel's button by name.
func pressClient(t *testing.T, g *Game, name string) {
	t.Helper()
	for _, b := range g.client.clientButtons() {
		if b.Name == name {
			g.click(b.Rect.CenterX(), b.Rect.CenterY(), false)
			return
		}
	}
	t.Fatalf("the client panel has no %s", name)
}

// TestClientFieldsTakeTyping: a learner types a key and a value in any
// language, Enter sends the put, Esc leaves the field, and the presets
// stay a click away.
func TestClientFieldsTakeTyping(t *testing.T) {
	g := testGame(t, "log-replication")
	g.SeekTo(300)
	assert.NotNil(t, g.shortcuts(), "no field has the keyboard yet")
	pressClient(t, g, "client-key-field")
	require.Equal(t, fieldKey, g.client.focus)
	assert.Nil(t, g.shortcuts(), "while a field has the keyboard, space, c, r, s and ? do nothing")
	g.card.cardInput([]ebiten.Key{ebiten.KeyP}, false)
	assert.False(t, g.card.open, "a p typed in a field does not open the card of safety properties")
	g.typeRunes([]rune("名前x"))
	g.fieldKey(ebiten.KeyBackspace)
	g.fieldKey(ebiten.KeyTab)
	require.Equal(t, fieldValue, g.client.focus)
	g.typeRunes([]rune("值\n1"))
	g.fieldKey(ebiten.KeyEnter)
	g.SeekTo(800)
	h := g.world().History()
	require.NotEmpty(t, h)
	last := h[len(h)-1]
	assert.Equal(t, "名前", last.Cmd.Key)
	assert.Equal(t, "值1", last.Cmd.Value, "a control character is not typed")
	assert.True(t, last.Done)
	assert.Equal(t, requestAnswered, g.client.requestLines()[0].state)
	assert.Contains(t, g.client.requestLines()[0].text, "put 名前=值1")

	g.fieldKey(ebiten.KeyEscape)
	assert.Equal(t, fieldNone, g.client.focus)
	assert.NotNil(t, g.shortcuts())

	pressClient(t, g, "client-key") // back to the presets
	assert.Equal(t, "x", g.client.clientKeyName())
	pressClient(t, g, "client-key")
	assert.Equal(t, "y", g.client.clientKeyName())

	pressClient(t, g, "client-value-field")
	g.click(1, 1, false) // anywhere else
	assert.Equal(t, fieldNone, g.client.focus, "a click elsewhere takes the keyboard back")
}

// requestStates sends a put where the client panel says and follows the
// panel's newest request line every 5 ms until it is answered: the states
// it went through, in order.
func requestStates(t *testing.T, g *Game) []string {
	t.Helper()
	pressClient(t, g, "client-put")
	now := g.world().Now()
	var order []string
	for ms := now; ms < now+8000; ms += 5 {
		g.SeekTo(ms)
		lines := g.client.requestLines()
		require.NotEmpty(t, lines)
		if s := lines[0].state.String(); len(order) == 0 || order[len(order)-1] != s {
			order = append(order, s)
		}
		if order[len(order)-1] == "answered" {
			break
		}
	}
	return order
}

// targetClient points the client panel at node id.
func targetClient(t *testing.T, g *Game, id view.ID) {
	t.Helper()
	for range 8 {
		if g.client.target == id {
			return
		}
		pressClient(t, g, "client-target")
	}
	t.Fatalf("the client panel cannot target %s", view.ID(id).Name())
}

// TestClientRequestStates: a write sent to a server that does not answer
// shows it was sent, that it waits, then that it timed out and was
// retried elsewhere, then its answer, newest request first.
func TestClientRequestStates(t *testing.T) {
	g := testGame(t, "")
	g.SeekTo(3000)
	leader, ok := g.world().Leader()
	require.True(t, ok)
	down := leader%5 + 1
	g.act(view.Action{Do: "crash", Node: view.ID(down)})
	targetClient(t, g, view.ID(down))
	order := requestStates(t, g)
	require.GreaterOrEqual(t, len(order), 4, "%v", order)
	assert.Equal(t, []string{"sent", "waiting", "timedout"}, order[:3], "%v", order)
	assert.Equal(t, "answered", order[len(order)-1], "%v", order)
	assert.Contains(t, g.client.requestLines()[0].text, "answered by "+view.ID(leader).Name()+" at attempt")

	var names []string
	for _, b := range g.client.clientButtons() {
		names = append(names, b.Name)
	}
	assert.Contains(t, names, "client-request-answered", "the panel lists the request")
}

// TestRequestToMinorityLeader: a write sent to a leader cut off from the
// others waits there, until the leader steps down (CheckQuorum) and turns
// it away; the client tries elsewhere and is answered.
func TestRequestToMinorityLeader(t *testing.T) {
	g := testGame(t, "")
	g.SeekTo(3000)
	leader, ok := g.world().Leader()
	require.True(t, ok)
	g.act(view.Action{Do: "isolate", Node: view.ID(leader)})
	targetClient(t, g, view.ID(leader))
	order := requestStates(t, g)
	require.GreaterOrEqual(t, len(order), 4, "%v", order)
	assert.Equal(t, []string{"sent", "waiting", "redirected"}, order[:3], "%v", order)
	assert.Equal(t, "answered", order[len(order)-1], "%v", order)
}

// TestClientPanelInChinese: in Chinese the client panel's labels and
// tooltips are Chinese (the lessons' 发往 for "to:"), and at every window
// size its buttons stay in the cluster area without meeting each other.
func TestClientPanelInChinese(t *testing.T) {
	withCJKFont(t)
	for _, size := range screenSizes {
		g := testGame(t, "log-replication")
		g.lang = i18n.Chinese
		g.w, g.h = size[0], size[1]
		g.lay = computeLayout(g.w, g.h, 1, g.view().IDs(), false)
		targetClient(t, g, 2)
		bs := g.client.clientButtons()
		labels := map[string]string{}
		for i, b := range bs {
			labels[b.Name] = b.Label
			assert.True(t, inside(b.Rect, g.lay.Cluster), "%v: %s %v in the cluster area", size, b.Name, b.Rect)
			assert.LessOrEqual(t, textWidth(b.Label, face(11.5, false)), b.Rect.W, "%v: %s's label fits", size, b.Name)
			assert.NotContains(t, b.Hint, "the", "%v: %s's tooltip is Chinese", size, b.Name)
			for _, o := range bs[i+1:] {
				assert.False(t, b.Rect.overlaps(o.Rect), "%v: %s and %s apart", size, b.Name, o.Name)
			}
		}
		assert.Equal(t, "发往：S2", labels["client-target"])
		assert.Equal(t, "键：x", labels["client-key-field"])
		assert.Equal(t, "改用 y", labels["client-key"])
		pressClient(t, g, "client-value-field")
		assert.Equal(t, "值：|", g.client.clientButtons()[1].Label, "the field being typed in shows the cursor")
	}
}
