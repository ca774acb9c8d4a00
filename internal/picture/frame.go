package picture

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"math"

	"github.com/raftlab/raftlab/internal/palette"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
)

// moment is one moment to draw: the world, the messages on the wire, and
// how to draw them.
type moment struct {
	World   *view.World
	Flights []view.Flight
	// Title heads the picture (the scenario's name); the time follows it.
	Title string
	Style
}

// Style is how a picture is drawn: its language and theme.
type Style struct {
	Lang i18n.Lang
	// Light draws on white, with the app's light theme: for slides.
	Light bool
}

// palette is the style's palette, the app's own (internal/palette): a
// role, a term or a message has the same colour in a picture as on the
// screen.
func (s Style) palette() *palette.Palette {
	if s.Light {
		return &palette.Light
	}
	return &palette.Dark
}

// spot is where a server is drawn: its centre, its radius, and where its
// name goes (outside the ring, along the line from the ring's centre).
type spot struct {
	id             view.ID
	x, y, r        float64
	labelX, labelY float64
	// side is the cosine of the server's angle on the ring: a label on
	// the left or the right stands clear of it by half its width more.
	side float64
}

// layout is where a frame's parts go in a picture of a size: a title
// line, the ring of servers, the logs below.
type layout struct {
	s                          float64 // pixels per unit of the 800x500 design
	w                          float64
	ring                       []spot
	clientX, clientY           float64
	logsX, logsY, logsW, logsH float64
}

// place lays out ids in a picture of w x h pixels.
func place(ids []view.ID, w, h int) layout {
	fw, fh := float64(w), float64(h)
	s := min(fw/800, fh/500)
	l := layout{s: s, w: fw}
	top := 30 * s
	logRows := float64(max(len(ids), 1))
	l.logsH = min(fh*0.42, 34*s+logRows*22*s)
	l.logsX, l.logsW = 12*s, fw-24*s
	l.logsY = fh - l.logsH - 10*s
	areaY, areaH := top, l.logsY-top-6*s
	r := min(areaH*0.13, 30*s)
	if n := len(ids); n > 7 {
		r *= 7 / float64(n)
	}
	// A server's name and role are centred pad beyond the server, on the
	// line from the ring's centre, and take 16 units above and below that
	// point. The ring is as tall as the area leaves room for, given how
	// far up and down the unit circle its highest and lowest servers
	// stand (a five-server ring's lowest stand at 0.81).
	angle := func(i int) float64 { return -math.Pi/2 + 2*math.Pi*float64(i)/float64(len(ids)) }
	var up, down float64
	for i := range ids {
		up, down = max(up, -math.Sin(angle(i))), max(down, math.Sin(angle(i)))
	}
	pad := r + 22*s
	ry := max((areaH-32*s)/max(up+down, 1)-pad, r)
	rx := min(fw/2-r-60*s, ry*2.2)
	cx, cy := fw/2, areaY+16*s+up*(ry+pad)
	for i, id := range ids {
		a := angle(i)
		x, y := cx+rx*math.Cos(a), cy+ry*math.Sin(a)
		l.ring = append(l.ring, spot{id: id, x: x, y: y, r: r,
			labelX: x + pad*math.Cos(a), labelY: y + pad*math.Sin(a), side: math.Cos(a)})
	}
	l.clientX, l.clientY = 40*s, l.logsY-26*s
	return l
}

func (l *layout) spot(id view.ID) (spot, bool) {
	for _, p := range l.ring {
		if p.id == id {
			return p, true
		}
	}
	return spot{}, false
}

// drawMoment draws a moment over the whole of dst. Pictures are drawn one
// at a time (see drawing): the font faces keep scratch space.
func drawMoment(dst *image.RGBA, f *moment) {
	p := f.palette()
	cv := &canvas{dst: dst}
	draw.Draw(dst, dst.Bounds(), image.NewUniform(p.Background), image.Point{}, draw.Src)
	w := f.World
	b := dst.Bounds()
	l := place(w.IDs(), b.Dx(), b.Dy())
	s := l.s
	cv.text(f.Title, face(15*s, true), 12*s, 16*s, p.Text, alignLeft)
	cv.text(fmt.Sprintf("t = %.3f s", float64(w.Now)/1000), face(14*s, false), l.w-12*s, 16*s, p.TextDim, alignRight)
	drawPartitions(cv, &l, w, p)
	drawLinks(cv, &l, w, p)
	cv.disc(l.clientX, l.clientY, 9*s, withAlpha(p.Client, 0.3))
	cv.ring(l.clientX, l.clientY, 9*s, max(2, 2*s), p.Client)
	cv.text(f.Lang.T("cluster.clients"), face(11*s, false), l.clientX, l.clientY+18*s, p.TextDim, alignCenter)
	drawFlights(cv, &l, f, p)
	for _, sp := range l.ring {
		drawNode(cv, sp, w.Node(sp.id), f.Lang, p, s)
	}
	drawLogs(cv, &l, w, f.Lang, p)
}

// drawPartitions tints the ground under each group's servers in a colour
// of its own, when the network is partitioned.
func drawPartitions(cv *canvas, l *layout, w *view.World, p *palette.Palette) {
	if !w.Net.Partitioned() {
		return
	}
	for _, sp := range l.ring {
		c := p.Terms[w.Net.Group(sp.id)%len(p.Terms)]
		cv.disc(sp.x, sp.y, sp.r+10*l.s, withAlpha(c, 0.3))
	}
}

// drawLinks draws every link: grey when up, dashed red across a
// partition or where cut by hand.
func drawLinks(cv *canvas, l *layout, w *view.World, p *palette.Palette) {
	s := l.s
	net := &w.Net
	for i, a := range l.ring {
		for _, b := range l.ring[i+1:] {
			switch {
			case net.Group(a.id) != net.Group(b.id):
				cv.dashed(a.x, a.y, b.x, b.y, 1.5*s, 5*s, withAlpha(p.Cut, 0.45))
			case net.IsCut(a.id, b.id) || net.IsCut(b.id, a.id):
				cv.dashed(a.x, a.y, b.x, b.y, 2.5*s, 7*s, p.Cut)
			default:
				cv.line(a.x, a.y, b.x, b.y, 1.5*s, p.Link)
			}
		}
	}
}

// drawNode draws a server as the app does: its role by colour, its term
// inside, a ring round the leader, its election timer as an arc; a
// crashed server grey and cracked.
func drawNode(cv *canvas, sp spot, n *view.Node, lang i18n.Lang, p *palette.Palette, s float64) {
	if n == nil {
		return
	}
	r := sp.r
	name := sp.id.Name()
	if !n.Up {
		cv.disc(sp.x, sp.y, r, p.Down)
		crack := [][2]float64{{-0.05, -0.98}, {0.18, -0.45}, {-0.14, -0.05}, {0.16, 0.35}, {-0.04, 0.97}}
		for i := 1; i < len(crack); i++ {
			a, b := crack[i-1], crack[i]
			cv.line(sp.x+a[0]*r, sp.y+a[1]*r, sp.x+b[0]*r, sp.y+b[1]*r, 3.5*s, p.Background)
		}
		drawLabels(cv, sp, name, lang.T("help.role.crashed"), p.TextDim, p.TextDim, s)
		return
	}
	c := p.Role(n.Role)
	if n.Role == view.Leader {
		cv.ring(sp.x, sp.y, r+5*s, 4*s, c)
	} else if n.ElectionTimeout > 0 {
		left := 1 - float64(n.ElectionElapsed)/float64(n.ElectionTimeout)
		cv.ring(sp.x, sp.y, r+5*s, 3*s, p.PanelEdge)
		cv.arc(sp.x, sp.y, r+5*s, 3*s, left, c)
	}
	cv.disc(sp.x, sp.y, r, c)
	if !n.Members.IsVoter(sp.id) {
		cv.disc(sp.x, sp.y, r*0.8, withAlpha(p.Background, 0.55))
	}
	cv.text(fmt.Sprint(n.Term), face(r*0.75, true), sp.x, sp.y-r*0.12, p.Background, alignCenter)
	cv.text(lang.T("node.term"), face(max(9*s, r*0.22), false), sp.x, sp.y+r*0.5, withAlpha(p.Background, 0.8), alignCenter)
	for i, v := range n.Votes {
		a := -math.Pi/2 + (float64(i)-2)*0.32
		vc := p.OK
		if !v.Granted {
			vc = p.Bad
		}
		cv.disc(sp.x+(r+13*s)*math.Cos(a), sp.y+(r+13*s)*math.Sin(a), 4*s, vc)
	}
	drawLabels(cv, sp, name, lang.T(roleKey(n)), p.Text, c, s)
}

// roleKey is the catalogue key of what a live server's label says, as
// the app words it.
func roleKey(n *view.Node) string {
	switch m := n.Members; {
	case !m.Contains(n.ID):
		return "node.not-member"
	case m.IsLearner(n.ID):
		return "node.learner"
	}
	return [...]string{
		view.Follower:     "help.role.follower",
		view.PreCandidate: "help.role.pre-candidate",
		view.Candidate:    "help.role.candidate",
		view.Leader:       "help.role.leader",
	}[n.Role]
}

// drawLabels writes a server's name and role beside it, outside the ring.
func drawLabels(cv *canvas, sp spot, name, role string, nameCol, roleCol color.RGBA, s float64) {
	nameFace, roleFace := face(13*s, true), face(11.5*s, false)
	x := sp.labelX + sp.side*max(nameFace.width(name), roleFace.width(role))/2
	cv.text(name, nameFace, x, sp.labelY-8*s, nameCol, alignCenter)
	cv.text(role, roleFace, x, sp.labelY+8*s, roleCol, alignCenter)
}

// arc draws the part frac (0 to 1) of a ring, clockwise from the top.
func (cv *canvas) arc(x, y, r, width, frac float64, c color.RGBA) {
	frac = min(max(frac, 0), 1)
	if frac == 0 {
		return
	}
	n := max(8, int(r*frac))
	var outer, inner []point
	for i := 0; i <= n; i++ {
		a := -math.Pi/2 + 2*math.Pi*frac*float64(i)/float64(n)
		outer = append(outer, point{x + (r+width/2)*math.Cos(a), y + (r+width/2)*math.Sin(a)})
		inner = append(inner, point{x + (r-width/2)*math.Cos(a), y + (r-width/2)*math.Sin(a)})
	}
	for i := len(inner) - 1; i >= 0; i-- {
		outer = append(outer, inner[i])
	}
	cv.fill(c, outer)
}
