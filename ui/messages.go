package ui

import (
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
)

// flightProgress is how far along its link a message is at virtual time
// now: 0 when sent, 1 when it arrives.
func flightProgress(f *view.Flight, now float64) float64 {
	span := float64(f.DeliverAt - f.SendAt)
	if span <= 0 {
		return 1
	}
	return math.Max(0, math.Min(1, (now-float64(f.SendAt))/span))
}

// flightPos places a message between two points at a progress, shifted
// sideways into its direction's lane so that a request and its response on
// the same link do not overlap.
func flightPos(x1, y1, x2, y2, progress, lane float64) (x, y float64) {
	dx, dy := x2-x1, y2-y1
	l := math.Hypot(dx, dy)
	if l == 0 {
		return x1, y1
	}
	nx, ny := -dy/l, dx/l
	return x1 + dx*progress + nx*lane, y1 + dy*progress + ny*lane
}

// rimToRim moves a link's ends from the centres of the two things it
// joins out by r1 and r2 (their radii plus a glyph's), so that a message
// in flight never covers a server; where they would cross, both ends meet
// at the point between the rims.
func rimToRim(x1, y1, r1, x2, y2, r2 float64) (float64, float64, float64, float64) {
	dx, dy := x2-x1, y2-y1
	l := math.Hypot(dx, dy)
	if l == 0 {
		return x1, y1, x2, y2
	}
	t1, t2 := r1/l, 1-r2/l
	if t1 > t2 {
		t1 = r1 / (r1 + r2)
		t2 = t1
	}
	return x1 + dx*t1, y1 + dy*t1, x1 + dx*t2, y1 + dy*t2
}

// Message glyphs must be legible on a classroom projector at 1024x768,
// from the back of the room: a standard message is a glyph of radius
// msgRadius at scale 1 (it was a 6.5-pixel dot), with a letter naming its
// type. Each direction of a link has its own lane, msgLane off the line,
// so that a request and its response passing each other do not overlap.
const (
	msgRadius = 11.0
	msgLane   = 13.0
)

// messageLook is how a message is drawn: a disc for a request, a hollow
// square for a response, both with a letter naming the type (V vote, P
// pre-vote, A append, H heartbeat, S snapshot, T TimeoutNow, C client);
// a red rim and a red bar for a rejection; heartbeats smaller and fainter.
// A client redirect shows an arrow and, as tag, the leader it names.
type messageLook struct {
	fill     color.RGBA
	letter   glyphLetter
	response bool
	reject   bool
	size     float64 // relative to the standard message size
	alpha    float64
	// tag is drawn beside the glyph (a redirect's leader), if any.
	tag      string
	describe string
}

// raftLook is the look of a Raft message of type t; heartbeat is an
// AppendEntries without entries.
func raftLook(t view.MsgType, heartbeat, reject bool) messageLook {
	l := messageLook{fill: messageColor(t), response: t.IsResponse(), reject: reject, size: 1, alpha: 1, describe: t.String()}
	switch t {
	case view.MsgRequestVote, view.MsgRequestVoteResponse:
		l.letter = letterVote
	case view.MsgPreVote, view.MsgPreVoteResponse:
		l.letter = letterPreVote
	case view.MsgAppendEntries, view.MsgAppendEntriesResponse:
		l.letter = letterAppend
	case view.MsgInstallSnapshot, view.MsgInstallSnapshotResponse:
		l.letter, l.size = letterSnapshot, 1.2
	case view.MsgTimeoutNow:
		l.letter = letterTimeoutNow
	}
	if heartbeat {
		l.letter, l.size, l.alpha, l.describe = letterHeartbeat, 0.8, 0.8, "heartbeat"
	}
	return l
}

// clientLook is the look of a client request (reply nil) or of a node's
// reply to a client.
func clientLook(reply *view.Reply) messageLook {
	l := messageLook{fill: colClient, letter: letterClient, size: 1, alpha: 1, describe: "client request"}
	if reply == nil {
		return l
	}
	l.response, l.describe = true, "client reply"
	switch {
	case reply.Refused != "":
		l.reject, l.describe = true, "client refusal"
	case reply.Redirect && reply.Leader != view.None:
		l.letter, l.tag, l.describe = letterRedirect, reply.Leader.Name(), "client redirect"
	case reply.Redirect:
		l.letter, l.describe = letterNoLeader, "client redirect"
	}
	return l
}

func lookOf(f *view.Flight) messageLook {
	switch f.Kind {
	case view.FlightRequest:
		return clientLook(nil)
	case view.FlightReply:
		return clientLook(f.Reply)
	}
	return raftLook(f.Msg.Type, f.Msg.Heartbeat(), f.Msg.Reject)
}

// messageKind is one kind of message glyph in the help overlay's legend.
type messageKind struct {
	Name string
	Look messageLook
}

// messageLegend is every kind of message glyph, in the order the help
// overlay's legend lists them, with its English name. It is built on each
// call because the looks take the palette's colours, which the theme
// switches.
func messageLegend() []messageKind {
	return []messageKind{
		{"RequestVote", raftLook(view.MsgRequestVote, false, false)},
		{"vote granted", raftLook(view.MsgRequestVoteResponse, false, false)},
		{"vote refused", raftLook(view.MsgRequestVoteResponse, false, true)},
		{"PreVote", raftLook(view.MsgPreVote, false, false)},
		{"AppendEntries with entries", raftLook(view.MsgAppendEntries, false, false)},
		{"heartbeat", raftLook(view.MsgAppendEntries, true, false)},
		{"append accepted", raftLook(view.MsgAppendEntriesResponse, false, false)},
		{"append rejected", raftLook(view.MsgAppendEntriesResponse, false, true)},
		{"InstallSnapshot", raftLook(view.MsgInstallSnapshot, false, false)},
		{"TimeoutNow", raftLook(view.MsgTimeoutNow, false, false)},
		{"client request", clientLook(nil)},
		{"client reply", clientLook(&view.Reply{})},
		{"redirect to the leader", clientLook(&view.Reply{Redirect: true, Leader: 3})},
		{"no leader known", clientLook(&view.Reply{Redirect: true})},
	}
}

// glyphLetter is the sign on a message's glyph that names its kind: a
// letter (V vote, P pre-vote, A append, H heartbeat, S snapshot, T
// TimeoutNow, C client), a redirect's arrow, or a question mark for a
// server that knows no leader.
type glyphLetter uint8

const (
	letterVote glyphLetter = iota + 1
	letterPreVote
	letterAppend
	letterHeartbeat
	letterSnapshot
	letterTimeoutNow
	letterClient
	// letterRedirect is drawn as an arrow shape, not as text.
	letterRedirect
	letterNoLeader
)

// glyphLetters are each sign in English and its catalogue key (none for
// the arrow and the question mark: signs, not words).
var glyphLetters = [...]struct{ english, key string }{
	letterVote:       {"V", "message.letter.vote"},
	letterPreVote:    {"P", "message.letter.pre-vote"},
	letterAppend:     {"A", "message.letter.append"},
	letterHeartbeat:  {"H", "message.letter.heartbeat"},
	letterSnapshot:   {"S", "message.letter.snapshot"},
	letterTimeoutNow: {"T", "message.letter.timeout-now"},
	letterClient:     {"C", "message.letter.client"},
	letterRedirect:   {"→", ""},
	letterNoLeader:   {"?", ""},
}

// String is the sign in English, as the browser tests read it.
func (l glyphLetter) String() string { return glyphLetters[l].english }

// in is the sign as a language writes it.
func (l glyphLetter) in(lang i18n.Lang) string {
	if k := glyphLetters[l].key; k != "" {
		return lang.T(k)
	}
	return glyphLetters[l].english
}

// glyphRadius is the radius of a message's glyph at the current scale.
func (g *Game) glyphRadius(look messageLook) float64 {
	return msgRadius * g.scale * look.size
}

// messageHitRadius is how near a click must be to a message's centre to
// pick it: the standard glyph and a little margin.
func (g *Game) messageHitRadius() float64 {
	return (msgRadius + 4) * g.scale
}

// drawMessageGlyph draws one message glyph centred at (x, y), at its
// look's opacity, with its tag; the help overlay's legend draws through
// it too.
func (g *Game) drawMessageGlyph(dst *ebiten.Image, x, y float64, look messageLook) {
	r := int(math.Round(g.glyphRadius(look)))
	drawCentered(dst, g.spr.glyph(look, look.letter.in(g.lang), r, g.scale), x, y, color.Alpha{A: uint8(255 * look.alpha)})
	g.drawMessageTag(dst, x, y, look)
}

// drawMessageTag draws a glyph's tag, if it has one, to its right.
func (g *Game) drawMessageTag(dst *ebiten.Image, x, y float64, look messageLook) {
	if look.tag == "" {
		return
	}
	x += math.Round(g.glyphRadius(look)) + 3*g.scale
	g.drawLabel(dst, look.tag, face(13*g.scale, true), x, y, withAlpha(colText, look.alpha), alignStart)
}

// placeMessages places every message on the wire where it is at the
// present (g.clock), for Draw to draw and a click to hit. A lost message
// flies on and fades out at the point it is lost; once faded away it is
// not placed.
func (g *Game) placeMessages() {
	s := g.scale
	g.cluster.spots = g.cluster.spots[:0]
	cx, cy := g.clientPoint()
	for _, f := range g.sess.InFlight() {
		if f.Held {
			continue // drawn as a chip beside its link (manual.go)
		}
		x1, y1, r1, ok1 := g.endpoint(f.From, cx, cy)
		x2, y2, r2, ok2 := g.endpoint(f.To, cx, cy)
		if !ok1 || !ok2 {
			continue
		}
		p := flightProgress(&f, g.clock)
		look := lookOf(&f)
		gr := g.glyphRadius(look)
		x1, y1, x2, y2 = rimToRim(x1, y1, r1+gr, x2, y2, r2+gr)
		if f.Lost && p > 0.5 {
			look.alpha *= math.Max(0, 1-(p-0.5)*3)
			if look.alpha <= 0.02 {
				continue
			}
		}
		x, y := flightPos(x1, y1, x2, y2, p, msgLane*s)
		g.cluster.spots = append(g.cluster.spots, msgSpot{f: f, x: x, y: y, alpha: look.alpha, progress: p})
	}
	g.placeChips()
}

// look is how a placed message is drawn: its kind's look (in the theme's
// colours now), faded as placed.
func (m *msgSpot) look() messageLook {
	l := lookOf(&m.f)
	l.alpha = m.alpha
	return l
}

// drawMessages draws every message on the wire where placeMessages put
// it, a lost one with a cross once it is lost. While a redirect flies
// back to the clients, a dashed arrow points from the server that sent it
// to the leader it named.
func (g *Game) drawMessages(dst *ebiten.Image) {
	for i := range g.cluster.spots {
		m := &g.cluster.spots[i]
		look := m.look()
		look.tag = "" // a redirect's tag goes over every glyph, below
		g.drawMessageGlyph(dst, m.x, m.y, look)
		if m.f.Lost && m.progress > 0.5 {
			g.drawCross(dst, m.x, m.y)
		}
	}
	// A redirect's arrow and the leader's name go over the glyphs: a
	// redirect from a neighbour of the leader leaves a short gap, which
	// the messages on that link cover.
	for i := range g.cluster.spots {
		m := &g.cluster.spots[i]
		if look := m.look(); look.tag != "" {
			g.drawRedirectArrow(dst, m.f.From, m.f.Reply.Leader, look.alpha*(1-0.6*m.progress))
			g.drawMessageTag(dst, m.x, m.y, look)
		}
	}
	g.drawManual(dst)
}

// drawRedirectArrow draws a dashed arrow, bowed to one side so that it
// stands apart from the link, from node from toward the leader it named
// in a redirect, fading as the redirect travels.
func (g *Game) drawRedirectArrow(dst *ebiten.Image, from, leader view.ID, alpha float64) {
	a, ok1 := g.lay.Node(from)
	b, ok2 := g.lay.Node(leader)
	if !ok1 || !ok2 || alpha <= 0.02 {
		return
	}
	dx, dy := b.X-a.X, b.Y-a.Y
	l := math.Hypot(dx, dy)
	if l <= a.R+b.R {
		return
	}
	// A quadratic curve through a control point off the middle, on the
	// side away from the cluster's centre, from edge to edge of the two
	// circles.
	mx, my := (a.X+b.X)/2, (a.Y+b.Y)/2
	nx, ny := -dy/l, dx/l
	var cx, cy float64
	for _, n := range g.lay.Nodes {
		cx, cy = cx+n.X/float64(len(g.lay.Nodes)), cy+n.Y/float64(len(g.lay.Nodes))
	}
	if (mx-cx)*nx+(my-cy)*ny < 0 {
		nx, ny = -nx, -ny
	}
	qx, qy := mx+nx*0.3*l, my+ny*0.3*l
	edge := func(n NodeSpot, pad float64) (float64, float64) {
		d := math.Hypot(qx-n.X, qy-n.Y)
		return n.X + (qx-n.X)/d*(n.R+pad), n.Y + (qy-n.Y)/d*(n.R+pad)
	}
	s := g.scale
	x0, y0 := edge(a, 2*s)
	x2, y2 := edge(b, 5*s)
	at := func(t float64) (float64, float64) {
		u := 1 - t
		return u*u*x0 + 2*u*t*qx + t*t*x2, u*u*y0 + 2*u*t*qy + t*t*y2
	}
	c := withAlpha(colClient, alpha)
	const pieces = 14
	for i := 0; i < pieces; i += 2 {
		px, py := at(float64(i) / pieces)
		nx, ny := at(float64(i+1) / pieces)
		g.spr.line(dst, px, py, nx, ny, 4*s, c)
	}
	// The head follows the curve's last direction, from the control point.
	ux, uy := x2-qx, y2-qy
	ul := math.Hypot(ux, uy)
	ux, uy = ux/ul, uy/ul
	head := 13 * s
	for _, turn := range []float64{0.5, -0.5} {
		hx := x2 - head*(ux*math.Cos(turn)-uy*math.Sin(turn))
		hy := y2 - head*(uy*math.Cos(turn)+ux*math.Sin(turn))
		g.spr.line(dst, x2, y2, hx, hy, 4*s, c)
	}
}

// messageDoc is a message as last drawn, for the browser tests: its look
// (the kind's description, letter and tag), whether it is a redirect
// naming a leader (then an arrow points from its sender to that leader),
// and its glyph's centre and radius in CSS pixels.
type messageDoc struct {
	ID       uint64  `json:"id"`
	Kind     string  `json:"kind"`
	Label    string  `json:"label"`
	Tag      string  `json:"tag,omitempty"`
	Redirect bool    `json:"redirect"`
	X        float64 `json:"x"`
	Y        float64 `json:"y"`
	R        float64 `json:"r"`
}

// messageDocs describes the messages in flight where they are placed now
// (as the next frame draws them); s is the device pixels per CSS pixel.
func (g *Game) messageDocs(s float64) []messageDoc {
	out := []messageDoc{}
	for i := range g.cluster.spots {
		m := &g.cluster.spots[i]
		look := lookOf(&m.f)
		out = append(out, messageDoc{
			ID: m.f.ID, Kind: look.describe, Label: look.letter.String(), Tag: look.tag,
			Redirect: m.f.Kind == view.FlightReply && m.f.Reply.Redirect && m.f.Reply.Leader != view.None,
			X:        m.x / s, Y: m.y / s, R: g.glyphRadius(look) / s,
		})
	}
	return out
}
