package ui

import (
	"math"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/raftlab/raftlab/internal/palette"
	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// glyphFloor is the least radius, in pixels at scale 1, of any message's
// glyph: the faintest kind must still be seen from the back of a room on
// a projector at 1024x768 (the dots were 6.5 pixels, heartbeats 4.5).
const glyphFloor = 8

// TestMessageGlyphsAreLargeEnough: every kind of message is at least
// glyphFloor pixels in radius at scale 1, a standard one at least 10, and
// a click anywhere on a glyph picks it.
func TestMessageGlyphsAreLargeEnough(t *testing.T) {
	g := &Game{scale: 1}
	for _, k := range messageLegend() {
		r := g.glyphRadius(k.Look)
		assert.GreaterOrEqual(t, r, float64(glyphFloor), k.Name)
		assert.GreaterOrEqual(t, g.messageHitRadius(), r, "%s: a click on its rim picks it", k.Name)
	}
	assert.GreaterOrEqual(t, g.glyphRadius(raftLook(view.MsgType(raft.MsgRequestVote), false, false)), 10.0)
	g.scale = 2
	assert.Equal(t, 2*msgRadius, g.glyphRadius(clientLook(nil)), "glyphs grow with the scale")
}

// TestMessageKindsLookDistinct: each kind in the legend has a look of its
// own; each type of request a letter of its own; a response is a square,
// not a disc, with its request's letter; a rejection is marked.
func TestMessageKindsLookDistinct(t *testing.T) {
	type sig struct {
		letter           glyphLetter
		response, reject bool
	}
	seen := map[sig]string{}
	for _, k := range messageLegend() {
		l := k.Look
		require.NotZero(t, l.letter, "%s has a letter", k.Name)
		s := sig{l.letter, l.response, l.reject}
		if other, dup := seen[s]; dup {
			t.Errorf("%s looks like %s", k.Name, other)
		}
		seen[s] = k.Name
	}
	letters := map[glyphLetter]raft.MessageType{}
	for _, typ := range []raft.MessageType{raft.MsgRequestVote, raft.MsgPreVote, raft.MsgAppendEntries, raft.MsgInstallSnapshot, raft.MsgTimeoutNow} {
		l := raftLook(view.MsgType(typ), false, false)
		assert.False(t, l.response, typ.String())
		if other, dup := letters[l.letter]; dup {
			t.Errorf("%s has the letter of %s", typ, other)
		}
		letters[l.letter] = typ
	}
	hb := raftLook(view.MsgType(raft.MsgAppendEntries), true, false)
	assert.NotContains(t, letters, hb.letter, "a heartbeat's letter is its own")
	assert.NotContains(t, letters, clientLook(nil).letter, "a client request's letter is its own")
	for _, pair := range [][2]raft.MessageType{
		{raft.MsgRequestVote, raft.MsgRequestVoteResponse}, {raft.MsgPreVote, raft.MsgPreVoteResponse},
		{raft.MsgAppendEntries, raft.MsgAppendEntriesResponse}, {raft.MsgInstallSnapshot, raft.MsgInstallSnapshotResponse},
	} {
		req, resp := raftLook(view.MsgType(pair[0]), false, false), raftLook(view.MsgType(pair[1]), false, false)
		assert.True(t, resp.response, pair[1].String())
		assert.Equal(t, req.letter, resp.letter, "%s answers %s", pair[1], pair[0])
		assert.True(t, raftLook(view.MsgType(pair[1]), false, true).reject)
	}
	assert.True(t, clientLook(&view.Reply{}).response)
	assert.True(t, clientLook(&view.Reply{Redirect: true, Refused: "leadership transfer in progress"}).reject)
}

// TestLookOfFlights: what a flight is drawn as, from the flight itself.
func TestLookOfFlights(t *testing.T) {
	hb := &playground.Flight{Kind: view.FlightRaft, Raft: raft.Message{Type: raft.MsgAppendEntries}}
	assert.Equal(t, letterHeartbeat, lookOf(vf(hb)).letter)
	app := &playground.Flight{Kind: view.FlightRaft, Raft: raft.Message{Type: raft.MsgAppendEntries, Entries: []raft.Entry{{Index: 1}}}}
	assert.Equal(t, letterAppend, lookOf(vf(app)).letter)
	refused := &playground.Flight{Kind: view.FlightRaft, Raft: raft.Message{Type: raft.MsgRequestVoteResponse, Reject: true}}
	assert.True(t, lookOf(vf(refused)).reject)
	assert.True(t, lookOf(vf(refused)).response)
	redirect := &playground.Flight{Kind: view.FlightReply, Reply: &view.Reply{Redirect: true, Leader: 3}}
	assert.Equal(t, "S3", lookOf(vf(redirect)).tag, "a redirect names the leader")
	assert.NotEqual(t, lookOf(vf(redirect)).letter, clientLook(&view.Reply{}).letter, "a redirect is not an answer")
	none := &playground.Flight{Kind: view.FlightReply, Reply: &view.Reply{Redirect: true}}
	assert.Empty(t, lookOf(vf(none)).tag, "a server that knows no leader names none")
}

// TestGlyphShapes: a request's disc leaves a square's corners empty; a
// response's square fills them.
func TestGlyphShapes(t *testing.T) {
	const size, half = 40, 15.0
	sq := squarePixels(size, half, half*0.35)
	d := discPixels(15) // centred at (16, 16) in 32 pixels
	assert.EqualValues(t, 255, alphaAt(sq, 20, 20), "the centre is covered")
	assert.EqualValues(t, 255, alphaAt(sq, 20+12, 20-12), "the square's corner is covered")
	assert.EqualValues(t, 0, alphaAt(d, 16+12, 16-12), "the disc's is not")
	assert.EqualValues(t, 0, alphaAt(sq, 20+17, 20), "outside the square")
	bar := barPixels(size, 30, 10, 10, 30, 4)
	assert.EqualValues(t, 255, alphaAt(bar, 20, 20), "a bar through the middle")
	assert.EqualValues(t, 0, alphaAt(bar, 10, 10), "from corner to corner only")
}

// TestLanesKeepARequestOffItsResponse: a request and its response passing
// each other on a link are drawn at least a glyph apart.
func TestLanesKeepARequestOffItsResponse(t *testing.T) {
	x1, y1 := flightPos(0, 0, 300, 40, 0.5, msgLane)
	x2, y2 := flightPos(300, 40, 0, 0, 0.5, msgLane)
	assert.GreaterOrEqual(t, math.Hypot(x2-x1, y2-y1), 2*msgRadius)
}

// TestRedirectIsDrawn: a write sent "to the leader" by a client that knows
// none goes to S1, a follower; S1's redirect is drawn on its way back as
// an arrow naming the leader, and the client panel says where it went.
func TestRedirectIsDrawn(t *testing.T) {
	g := testGame(t, "")
	g.SeekTo(3000)
	leader, ok := g.world().Leader()
	require.True(t, ok)
	require.NotEqual(t, raft.ID(1), leader, "the sandbox elects another server than S1")
	require.Equal(t, view.None, g.client.target, "the panel sends to the leader")
	pressClient(t, g, "client-put")
	g.layIDs = g.view().IDs() // laid out already: Draw need not ask the monitor
	screen := ebiten.NewImage(g.w, g.h)
	var redirect *messageDoc
	for ms := g.world().Now(); ms < 3500 && redirect == nil; ms++ {
		g.SeekTo(ms)
		g.Draw(screen)
		for _, m := range g.messageDocs(1) {
			if m.Redirect {
				redirect = &m
			}
		}
	}
	require.NotNil(t, redirect, "a redirect was drawn")
	assert.Equal(t, view.ID(leader).Name(), redirect.Tag)
	assert.Equal(t, "→", redirect.Label)
	assert.GreaterOrEqual(t, redirect.R, float64(glyphFloor))
	for ms := g.world().Now(); ms < 4000 && g.client.requestLines()[0].state != requestRedirected; ms++ {
		g.SeekTo(ms)
	}
	line := g.client.requestLines()[0]
	assert.Equal(t, "put x=1 — S1 redirected to "+view.ID(leader).Name()+", sent to "+view.ID(leader).Name(), line.text)
	assert.Contains(t, line.why, "S1 is not the leader: it redirected client 1 to "+view.ID(leader).Name())
}

// TestClickDropsAMessage: a click on a message's glyph, clear of the
// servers, offers to drop it, and dropping it loses it.
func TestClickDropsAMessage(t *testing.T) {
	g := testGame(t, "")
	g.layIDs = g.view().IDs()
	screen := ebiten.NewImage(g.w, g.h)
	var spot *msgSpot
	for ms := int64(3000); ms < 3200 && spot == nil; ms++ {
		g.SeekTo(ms)
		g.Draw(screen)
		for i := range g.cluster.spots {
			m := &g.cluster.spots[i]
			if _, onNode := g.lay.hitNode(m.x, m.y); !onNode {
				spot = m
				break
			}
		}
	}
	require.NotNil(t, spot, "a message in flight between servers")
	id := spot.f.ID
	g.click(spot.x, spot.y, false)
	require.NotNil(t, g.menu, "a menu opened")
	clickItem(t, g, "menu-drop")
	lost := false
	for _, f := range g.world().InFlight() {
		lost = lost || f.ID == id && f.Lost
	}
	assert.True(t, lost, "the message flies on, lost")
}

// TestMessageLegendFollowsTheTheme: the help's legend draws each message
// in the colours of the theme in use, not those of the theme at start.
func TestMessageLegendFollowsTheTheme(t *testing.T) {
	t.Cleanup(func() { applyTheme(false) })
	applyTheme(false)
	dark := messageLegend()[0].Look.fill
	applyTheme(true)
	light := messageLegend()[0].Look.fill
	assert.NotEqual(t, dark, light, "the palettes differ in RequestVote's colour")
	assert.Equal(t, palette.Light.Vote, light, "the legend's RequestVote is the light theme's")
}

// TestMessageLegendShowsEveryReply: a reply from a server that knows no
// leader ("?") has its own line in the legend.
func TestMessageLegendShowsEveryReply(t *testing.T) {
	want := clientLook(&view.Reply{Redirect: true}).letter
	found := false
	for _, m := range messageLegend() {
		found = found || m.Look.letter == want
	}
	assert.True(t, found, "the legend shows the %q reply", want)
}

// TestClickOnAGlyphsEdgePicksIt: a click just inside a glyph's rim picks
// its message, and a click well clear of it does not.
func TestClickOnAGlyphsEdgePicksIt(t *testing.T) {
	g := &Game{scale: 1.5}
	g.cluster.spots = []msgSpot{{f: view.Flight{ID: 7}, x: 100, y: 100}}
	edge := g.glyphRadius(raftLook(view.MsgType(raft.MsgRequestVote), false, false)) - 1
	f, ok := g.hitMessage(100+edge, 100)
	require.True(t, ok, "a click on the glyph's edge")
	assert.EqualValues(t, 7, f.ID)
	_, ok = g.hitMessage(100+3*edge, 100)
	assert.False(t, ok, "a click well clear of the glyph")
}

// TestMessagesStayOffTheServers: at 800x600, where the servers stand
// close, a message in flight is drawn clear of its sender's and its
// receiver's disc, from its first moment to its last.
func TestMessagesStayOffTheServers(t *testing.T) {
	g := testGame(t, "")
	sizeGame(g, 800, 600)
	g.layIDs = g.view().IDs() // laid out already: Draw need not ask the monitor
	screen := ebiten.NewImage(g.w, g.h)
	seen := 0
	for ms := int64(0); ms < 400; ms += 3 {
		g.SeekTo(ms)
		g.Draw(screen)
		for _, m := range g.cluster.spots {
			for _, id := range []view.ID{m.f.From, m.f.To} {
				if sp, ok := g.lay.Node(id); ok {
					seen++
					assert.GreaterOrEqual(t, math.Hypot(m.x-sp.X, m.y-sp.Y), sp.R+g.glyphRadius(lookOf(&m.f))-0.5, "at %d ms a message on S%d", ms, id)
				}
			}
		}
	}
	require.NotZero(t, seen, "messages in flight")
}

// TestRimToRim: a link's ends move out to the rims; on a link shorter
// than the two radii both ends meet between the rims.
func TestRimToRim(t *testing.T) {
	x1, y1, x2, y2 := rimToRim(0, 0, 10, 100, 0, 20)
	assert.Equal(t, [4]float64{10, 0, 80, 0}, [4]float64{x1, y1, x2, y2})
	x1, _, x2, _ = rimToRim(0, 0, 30, 40, 0, 30)
	assert.Equal(t, 20.0, x1)
	assert.Equal(t, x1, x2)
}
