package ui

import (
	"fmt"
	"image/color"
	"math"
	"slices"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
)

// msgSpot is where a message is placed on screen now (placeMessages), for
// drawing, clicks and hovers. It keeps a copy of the flight: the world
// reuses its flights once they land, which may be before the click that
// looks for it.
type msgSpot struct {
	f    view.Flight
	x, y float64
	// alpha is how opaque the glyph is (a lost message fades out), and
	// progress how far along its link the message is.
	alpha, progress float64
}

// clientPoint is where client requests come from: the cluster area's
// bottom-left corner.
func (g *Game) clientPoint() (float64, float64) {
	c := g.lay.Cluster
	return c.X + 44*g.scale, c.Y + c.H - (clientStrip-18)*g.scale
}

// clientsMark is the colours of the clients' mark: a tinted disc, and a
// rim of the clients' colour so that the mark reads on the dark and the
// light ground alike (the tint alone was a faint beige on white).
func clientsMark() (fill, rim color.RGBA) {
	return withAlpha(colClient, 0.3), colClient
}

func (g *Game) drawCluster(dst *ebiten.Image) {
	w := g.view()
	s := g.scale
	// The screen is already filled with colBackground, the cluster's
	// ground: filling it again would only cost fill rate.
	g.drawPartitions(dst, w)
	g.drawLinks(dst, w)
	cx, cy := g.clientPoint()
	fill, rim := clientsMark()
	drawCentered(dst, g.spr.disc(int(9*s)), cx, cy, fill)
	drawCentered(dst, g.spr.ring(int(9*s), int(max(2, math.Round(2*s)))), cx, cy, rim)
	g.drawLabel(dst, g.tr("cluster.clients"), face(11*s, false), cx, cy+18*s, colTextDim, alignCenter)
	g.client.drawClientPanel(dst)
	g.drawMessages(dst)
	joint := jointConfig(w)
	for _, spot := range g.lay.Nodes {
		g.drawNode(dst, w, spot, sideOf(joint, spot.ID))
	}
	g.drawPartitionTool(dst)
	g.drawChallenge(dst)
	g.drawBreak(dst)
}

// drawPartitions tints the ground under each partition group's servers in
// the group's colour, as the partition editor coloured them: strong enough
// to tell from the background on a projector, and small enough (16 pixels
// beyond the server) that neighbours' tints do not mix.
func (g *Game) drawPartitions(dst *ebiten.Image, w *view.World) {
	net := &w.Net
	if !net.Partitioned() {
		return
	}
	for _, spot := range g.lay.Nodes {
		c := partitionColor(partitionRank(w, spot.ID))
		drawCentered(dst, g.spr.disc(int(spot.R+16*g.scale)), spot.X, spot.Y, withAlpha(c, 0.3))
	}
}

// drawLinks draws every link: grey when up, dashed red where cut (only the
// cut half, from the sending side, when one way is cut), faint dashed red
// across a partition.
func (g *Game) drawLinks(dst *ebiten.Image, w *view.World) {
	net := &w.Net
	s := g.scale
	for i, p := range g.lay.Nodes {
		for _, q := range g.lay.Nodes[i+1:] {
			pq, qp := net.IsCut(p.ID, q.ID), net.IsCut(q.ID, p.ID)
			mx, my := (p.X+q.X)/2, (p.Y+q.Y)/2
			switch {
			case net.Group(p.ID) != net.Group(q.ID):
				g.spr.dashed(dst, p.X, p.Y, q.X, q.Y, 1.5*s, 5*s, withAlpha(colCut, 0.45))
			case pq && qp:
				g.spr.dashed(dst, p.X, p.Y, q.X, q.Y, 2.5*s, 7*s, colCut)
				g.drawCross(dst, mx, my)
			case pq:
				g.spr.line(dst, q.X, q.Y, mx, my, 1.5*s, colLink)
				g.spr.dashed(dst, p.X, p.Y, mx, my, 2.5*s, 7*s, colCut)
				g.drawCross(dst, mx, my)
			case qp:
				g.spr.line(dst, p.X, p.Y, mx, my, 1.5*s, colLink)
				g.spr.dashed(dst, q.X, q.Y, mx, my, 2.5*s, 7*s, colCut)
				g.drawCross(dst, mx, my)
			default:
				g.spr.line(dst, p.X, p.Y, q.X, q.Y, 1.5*s, colLink)
			}
		}
	}
}

func (g *Game) drawCross(dst *ebiten.Image, x, y float64) {
	d := 6 * g.scale
	g.spr.line(dst, x-d, y-d, x+d, y+d, 3*g.scale, colCut)
	g.spr.line(dst, x-d, y+d, x+d, y-d, 3*g.scale, colCut)
}

// endpoint is where a message leaves or arrives, a node or the clients:
// its centre and radius.
func (g *Game) endpoint(id view.ID, cx, cy float64) (x, y, r float64, ok bool) {
	if id == view.None {
		return cx, cy, 9 * g.scale, true
	}
	spot, ok := g.lay.Node(id)
	return spot.X, spot.Y, spot.R, ok
}

// drawNode draws one server: its role by colour, its term inside, its
// election timer as a draining arc, its votes, its disk, and marks for
// leader, selection and violations; side is where it stands in a joint
// configuration.
func (g *Game) drawNode(dst *ebiten.Image, w *view.World, spot NodeSpot, side jointSide) {
	s := g.scale
	n := w.Node(spot.ID)
	if n == nil {
		return
	}
	r := spot.R
	name := spot.ID.Name()
	if g.isHighlighted(spot.ID) {
		drawCentered(dst, g.spr.ring(int(r+12*s), int(4*s)), spot.X, spot.Y, colBad)
	}
	if g.selected == spot.ID {
		drawCentered(dst, g.spr.ring(int(r+9*s), int(3*s)), spot.X, spot.Y, colHighlight)
	}
	if !n.Up {
		drawCentered(dst, g.spr.disc(int(r)), spot.X, spot.Y, colDown)
		// A crack runs through it.
		crack := [][2]float64{{-0.05, -0.98}, {0.18, -0.45}, {-0.14, -0.05}, {0.16, 0.35}, {-0.04, 0.97}}
		for i := 1; i < len(crack); i++ {
			a, b := crack[i-1], crack[i]
			g.spr.line(dst, spot.X+a[0]*r, spot.Y+a[1]*r, spot.X+b[0]*r, spot.Y+b[1]*r, 3.5*s, colBackground)
		}
		g.drawLabels(dst, spot, name, g.tr("help.role.crashed"), colTextDim, colTextDim)
		return
	}
	role := n.Role
	c := roleColor(role)
	// The election timer drains as the timeout approaches.
	if role != view.Leader && n.ElectionTimeout > 0 {
		left := 1 - float64(n.ElectionElapsed)/float64(n.ElectionTimeout)
		drawCentered(dst, g.spr.ring(int(r+5*s), int(3*s)), spot.X, spot.Y, withAlpha(colPanelEdge, 0.9))
		drawCentered(dst, g.spr.arc(int(r+5*s), int(3*s), left), spot.X, spot.Y, withAlpha(c, 0.9))
	}
	if role == view.Leader {
		drawCentered(dst, g.spr.ring(int(r+5*s), int(4*s)), spot.X, spot.Y, c)
	}
	drawCentered(dst, g.spr.disc(int(r)), spot.X, spot.Y, c)
	if !n.Members.IsVoter(spot.ID) && !slices.Contains(n.Members.Outgoing, spot.ID) { // a voter being left still votes
		drawCentered(dst, g.spr.disc(int(r*0.8)), spot.X, spot.Y, withAlpha(colBackground, 0.55))
	}
	g.drawLabel(dst, fmt.Sprint(n.Term), face(r*0.75, true), spot.X, spot.Y-r*0.06, colBackground, alignCenter)
	g.drawLabel(dst, g.tr("node.term"), face(math.Max(9*s, r*0.22), false), spot.X, spot.Y+r*0.5, withAlpha(colBackground, 0.8), alignCenter)
	// Votes received while campaigning, as dots around the top.
	for i, v := range n.Votes {
		a := -math.Pi/2 + (float64(i)-2)*0.32
		vc := colOK
		if !v.Granted {
			vc = colBad
		}
		drawCentered(dst, g.spr.disc(int(4*s)), spot.X+(r+13*s)*math.Cos(a), spot.Y+(r+13*s)*math.Sin(a), vc)
	}
	line, lineCol := g.roleLine(n, side)
	nameCol := colText
	if side != jointNone && spot.Compact { // the name alone: it takes the half's colour
		nameCol = lineCol
	}
	g.drawLabels(dst, spot, name, line, nameCol, lineCol)
	g.drawDisk(dst, n, spot)
}

// roleLine is what a live server's label says under its name, and in
// which colour: its role in the role's colour, or, in one half of a joint
// configuration only, that it is leaving or joining (its disc's colour
// still shows the role).
func (g *Game) roleLine(n *view.Node, side jointSide) (string, color.RGBA) {
	if side != jointNone {
		return g.tr(side.key()), side.color()
	}
	return g.tr(labelOf(n).key()), roleColor(n.Role)
}

// drawLabels writes a node's name and role outside the ring (the name alone
// on a crowded ring).
func (g *Game) drawLabels(dst *ebiten.Image, spot NodeSpot, name, role string, nameCol, roleCol color.Color) {
	s := g.scale
	if spot.Compact {
		g.drawLabel(dst, name, face(12*s, true), spot.LabelX, spot.LabelY, nameCol, alignCenter)
		return
	}
	g.drawLabel(dst, name, face(13*s, true), spot.LabelX, spot.LabelY-8*s, nameCol, alignCenter)
	g.drawLabel(dst, role, face(11.5*s, false), spot.LabelX, spot.LabelY+8*s, roleCol, alignCenter)
}

// drawDisk is a small gauge beside a node: how much of its log is durable,
// orange while an fsync is under way.
func (g *Game) drawDisk(dst *ebiten.Image, n *view.Node, spot NodeSpot) {
	s := g.scale
	box := g.diskBox(spot)
	g.spr.fillRect(dst, box, colPanelEdge)
	frac := 1.0
	if n.Disk.Bytes > 0 {
		frac = float64(n.Disk.SyncedBytes) / float64(n.Disk.Bytes)
	}
	fill := colOK
	if n.Disk.Syncing || frac < 1 {
		fill = colCandidate
	}
	h := (box.H - 2*s) * math.Max(frac, 0.15)
	g.spr.fillRect(dst, Rect{box.X + s, box.Y + box.H - s - h, box.W - 2*s, h}, fill)
}

// diskGaugeW and diskGaugeH are the disk gauge's size, in logical pixels.
const (
	diskGaugeW = 8.0
	diskGaugeH = 18.0
)

// diskBox is where a node's disk gauge goes: just outside its timer ring
// (which reaches r+7), at the first of a few directions around the node
// (lower right first) where it covers no label and no other node, and
// stays inside the cluster area. On a ring too crowded for any of them it
// takes the first direction: clear of its own node still.
func (g *Game) diskBox(spot NodeSpot) Rect {
	s := g.scale
	w, h := diskGaugeW*s, diskGaugeH*s
	clear := spot.R + 7*s
	var first Rect
	for i, deg := range []float64{45, 135, 0, 180, -45, -135, 90} {
		a := deg * math.Pi / 180
		cos, sin := math.Cos(a), math.Sin(a)
		// The box's half-extent along the direction keeps its nearest
		// point at least clear away from the node's centre.
		d := clear + math.Abs(cos)*w/2 + math.Abs(sin)*h/2
		box := Rect{spot.X + d*cos - w/2, spot.Y + d*sin - h/2, w, h}
		if i == 0 {
			first = box
		}
		if g.diskBoxFree(box, spot.ID) {
			return box
		}
	}
	return first
}

// diskBoxFree reports whether a gauge at box stays inside the cluster area
// and off every label and every other node's disc and timer ring.
func (g *Game) diskBoxFree(box Rect, id view.ID) bool {
	c := g.lay.Cluster
	if !c.Contains(box.X, box.Y) || !c.Contains(box.X+box.W, box.Y+box.H) {
		return false
	}
	for _, o := range g.lay.Nodes {
		if box.overlaps(o.labelBox(g.scale)) {
			return false
		}
		if o.ID != id && rectCircleDistance(box, o.X, o.Y) < o.R+7*g.scale {
			return false
		}
	}
	return true
}

// rectCircleDistance is the distance from (x, y) to the nearest point of r
// (0 inside it).
func rectCircleDistance(r Rect, x, y float64) float64 {
	dx := math.Max(math.Max(r.X-x, 0), x-(r.X+r.W))
	dy := math.Max(math.Max(r.Y-y, 0), y-(r.Y+r.H))
	return math.Hypot(dx, dy)
}

// serverLabel is what a live server's label says under its name: its
// role, or that it is a learner or no longer a member.
type serverLabel uint8

const (
	labelFollower serverLabel = iota
	labelPreCandidate
	labelCandidate
	labelLeader
	labelLearner
	labelNotMember
)

// labelOf is what the label of a live server says.
func labelOf(n *view.Node) serverLabel {
	switch m := n.Members; {
	case !m.Contains(n.ID):
		return labelNotMember
	case m.IsLearner(n.ID):
		return labelLearner
	}
	return roleLabel(n.Role)
}

// roleLabel is the label that names a role.
func roleLabel(r view.Role) serverLabel {
	switch r {
	case view.PreCandidate:
		return labelPreCandidate
	case view.Candidate:
		return labelCandidate
	case view.Leader:
		return labelLeader
	}
	return labelFollower
}

// key is the catalogue key of a label's words, the lessons' glossary's
// (pre-candidate, not raft's precandidate): the help overlay's legend
// names the roles the same.
func (l serverLabel) key() string {
	return [...]string{
		labelFollower:     "help.role.follower",
		labelPreCandidate: "help.role.pre-candidate",
		labelCandidate:    "help.role.candidate",
		labelLeader:       "help.role.leader",
		labelLearner:      "node.learner",
		labelNotMember:    "node.not-member",
	}[l]
}

// roleKey is the catalogue key that names a role on screen.
func roleKey(r view.Role) string { return roleLabel(r).key() }

func (g *Game) isHighlighted(id view.ID) bool {
	for _, h := range g.cluster.highlight {
		if h == id {
			return true
		}
	}
	return false
}

// clusterPanel is the cluster (drawCluster): its servers, the links
// between them and the messages on the wire, with the clients' mark, the
// client panel and, while it is open, the partition editor. A press goes
// to the editor, then the client panel (whose controls stay reachable
// under a server drawn over them), then a server, a message, a link; one
// on the empty ground deselects.
type clusterPanel struct {
	g *Game
	// spots are the messages on the wire where they are now
	// (placeMessages); highlight marks the servers involved in a violation
	// the user jumped to.
	spots     []msgSpot
	highlight []view.ID
}

func (p *clusterPanel) draw(dst *ebiten.Image) { p.g.drawCluster(dst) }

func (p *clusterPanel) press(x, y float64, long bool) bool {
	g := p.g
	switch {
	case g.clickChallenge(x, y), g.clickBreak(x, y), g.clickPartitionButtons(x, y), g.pressManual(x, y):
		return true
	case g.part != nil && g.lay.Cluster.Contains(x, y):
		g.partitionPress(x, y)
		return true
	case g.client.clickClient(x, y):
		return true
	}
	if id, ok := g.lay.hitNode(x, y); ok {
		g.selected = id
		g.openMenu(id.Name(), nodeMenu(g.sess, id), x, y)
		return true
	}
	if f, ok := g.hitMessage(x, y); ok {
		g.openMenu(messageTitle(g.lang, f), []menuItem{{"menu-drop", i18n.Msg("menu.drop"), view.Action{Do: "drop", Msg: f.ID}}}, x, y)
		return true
	}
	if a, b, ok := g.lay.hitLink(x, y); ok {
		g.openMenu(g.tr("menu.link.title", a.Name(), b.Name()), linkMenu(g.sess, a, b), x, y)
		return true
	}
	if g.lay.Cluster.Contains(x, y) {
		g.selected = 0
		return true
	}
	return false
}

// tip explains the client panel's controls, a message, or a server.
func (p *clusterPanel) tip(x, y float64) (tooltip, bool) {
	g := p.g
	if b, ok := hitAny(g.client.clientButtons(), x, y); ok {
		return tooltip{text: b.Hint}, true
	}
	if f, ok := g.hitMessage(x, y); ok {
		return tooltip{text: describeMessage(g.lang, f)}, true
	}
	if id, ok := g.lay.hitNode(x, y); ok {
		return tooltip{text: g.tr("tip.node", id.Name())}, true
	}
	return tooltip{}, false
}
