package ui

import (
	"fmt"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
)

// Manual network mode (playground/manual.go) on screen: a switch beside
// the Partition button, a frame and a banner round the cluster while it is
// on, and the messages that wait on each link drawn as chips beside it,
// the oldest nearest its receiver. A click on a chip opens a menu that
// delivers, drops or duplicates the message; a server's menu fires its
// timers (the playground's action table offers those). Time stands still
// while it is on: the clock moves only with what the user does.

// chip is a waiting message drawn beside its link: the message, its kind,
// its position among the link's messages of that kind (from 1), and, when
// the link has too many to draw one by one, how many of its kind wait
// (the chip then stands for the oldest of them).
type chip struct {
	f     view.Flight
	kind  string
	nth   int
	count int
	x, y  float64
}

// maxChips is the most waiting messages a link draws one by one (a short
// link draws fewer); beyond that it draws a chip per kind, with its
// count.
const maxChips = 4

// manualOn reports whether the network is in manual mode now.
func (g *Game) manualOn() bool { return g.view().Net.Manual }

// manualClock keeps the clock at the present while the network is in
// manual mode, where time stands still until the user chooses, unless the
// history holds actions ahead (a script's, or the user's own after a seek
// back), which play on at their times; it reports whether it did.
func (g *Game) manualClock() bool {
	acts, now := g.sess.Actions(), g.sess.Now()
	if !g.manualOn() || g.sess.Horizon() > now || len(acts) > 0 && acts[len(acts)-1].At > now {
		return false
	}
	g.clock = float64(g.sess.Now())
	return true
}

// manualSwitch is the switch's button, below the Partition button; an
// embedded frame, which keeps to the cluster and the play control, has
// none (an empty rectangle).
func (g *Game) manualSwitch() Button {
	if g.opts.Embed {
		return Button{Name: "manual"}
	}
	s := g.scale
	c := g.lay.Cluster
	key := "manual.switch.off"
	if g.manualOn() {
		key = "manual.switch.on"
	}
	label := g.tr(key)
	w := textWidth(label, face(12*s, false)) + 20*s
	return Button{Name: "manual", Label: label, Hint: g.tr("manual.switch.tip"), Rect: Rect{c.X + c.W - 10*s - w, c.Y + 40*s, w, 24 * s}}
}

// manualBanner is the box of the line under the switch that says time
// stands still, or an empty one where it would cover a server or its
// label (a small screen: the frame and the switch say it is on).
func (g *Game) manualBanner() Rect {
	s := g.scale
	c := g.lay.Cluster
	w := textWidth(g.tr("manual.indicator"), face(12*s, true))
	r := Rect{c.X + c.W - 10*s - w, c.Y + 68*s, w, 16 * s}
	for _, n := range g.lay.Nodes {
		if rectCircleDistance(r, n.X, n.Y) < n.R || r.overlaps(n.labelBox(s)) {
			return Rect{}
		}
	}
	return r
}

// placeChips places the waiting messages of every link beside it.
func (g *Game) placeChips() {
	s := g.scale
	g.chips = g.chips[:0]
	queues := map[[2]view.ID][]view.Flight{}
	var links [][2]view.ID // in the order of their oldest message
	for _, f := range g.sess.InFlight() {
		if !f.Held {
			continue
		}
		k := [2]view.ID{f.From, f.To}
		if queues[k] == nil {
			links = append(links, k)
		}
		queues[k] = append(queues[k], f)
	}
	for _, k := range links {
		a, ok1 := g.lay.Node(k[0])
		b, ok2 := g.lay.Node(k[1])
		if !ok1 || !ok2 {
			continue
		}
		gr := msgRadius * s
		x1, y1, x2, y2 := rimToRim(a.X, a.Y, a.R+gr, b.X, b.Y, b.R+gr)
		// The chips stand a chip's width apart, the oldest three quarters
		// of the way to the receiver, or nearer where the others need the
		// room: a short link has room for fewer.
		l, gap := max(math.Hypot(x2-x1, y2-y1), 1), 2*g.chipRadius()+3*s
		chips := chipsOf(queues[k], min(maxChips, 1+int(l/gap)))
		first := min(l, max(0.75*l, float64(len(chips)-1)*gap))
		for i, c := range chips {
			c.x, c.y = flightPos(x1, y1, x2, y2, math.Max(0, first-float64(i)*gap)/l, msgLane*s)
			g.chips = append(g.chips, c)
		}
	}
}

// chipsOf are the chips of one link's queue, oldest first: one a message,
// or, when there are more than room, one a kind.
func chipsOf(q []view.Flight, room int) []chip {
	var out []chip
	seen := map[string]int{} // kind -> its chip in out, when grouped
	nth := map[string]int{}
	for _, f := range q {
		kind := f.Msg.Type.String()
		nth[kind]++
		if len(q) <= room {
			out = append(out, chip{f: f, kind: kind, nth: nth[kind], count: 1})
			continue
		}
		if i, ok := seen[kind]; ok {
			out[i].count++
			continue
		}
		seen[kind] = len(out)
		out = append(out, chip{f: f, kind: kind, nth: 1, count: 1})
	}
	return out
}

// chipRadius is a chip's radius: a little smaller than a message in
// flight, since it stands still beside its link.
func (g *Game) chipRadius() float64 { return 0.8 * msgRadius * g.scale }

// hitChip is the chip under (x, y), if any.
func (g *Game) hitChip(x, y float64) (*chip, bool) {
	best := g.chipRadius() + 3*g.scale
	var hit *chip
	for i := range g.chips {
		c := &g.chips[i]
		if d := math.Hypot(x-c.x, y-c.y); d < best {
			best, hit = d, c
		}
	}
	return hit, hit != nil
}

// pressManual handles a press on the switch or on a chip.
func (g *Game) pressManual(x, y float64) bool {
	if g.manualSwitch().Rect.Contains(x, y) {
		g.act(view.Action{Do: "manual", On: !g.manualOn()})
		return true
	}
	c, ok := g.hitChip(x, y)
	if !ok {
		return false
	}
	a := view.Action{From: c.f.From, To: c.f.To, Kind: c.kind, Nth: c.nth}
	var items []menuItem
	for _, it := range []struct{ do, key string }{{"deliver", "menu.manual.deliver"}, {"drop", "menu.manual.drop"}, {"duplicate", "menu.manual.duplicate"}} {
		a.Do = it.do
		items = append(items, menuItem{"menu-" + it.do, i18n.Msg(it.key), a})
	}
	title := g.tr("menu.manual.title", c.f.Text.In(g.lang), c.nth, g.waiting(c))
	g.openMenu(title, items, x, y)
	return true
}

// waiting counts the messages of c's kind that wait on its link.
func (g *Game) waiting(c *chip) int {
	n := 0
	for _, f := range g.sess.InFlight() {
		if f.Held && f.From == c.f.From && f.To == c.f.To && f.Msg.Type == c.f.Msg.Type {
			n++
		}
	}
	return n
}

// drawManual draws the switch and, while the network is in manual mode,
// the frame, the banner and the chips.
func (g *Game) drawManual(dst *ebiten.Image) {
	s := g.scale
	on := g.manualOn()
	if b := g.manualSwitch(); b.Rect.W > 0 {
		bg, fg := g.buttonColor(b), colText
		if on {
			bg, fg = colHighlight, colBackground
		}
		g.spr.fillRect(dst, b.Rect, bg)
		g.drawLabel(dst, b.Label, face(12*s, false), b.Rect.CenterX(), b.Rect.CenterY(), fg, alignCenter)
	}
	if !on {
		return
	}
	c := g.lay.Cluster
	edge := 3 * s
	for _, r := range []Rect{{c.X, c.Y, c.W, edge}, {c.X, c.Y + c.H - edge, c.W, edge}, {c.X, c.Y, edge, c.H}, {c.X + c.W - edge, c.Y, edge, c.H}} {
		g.spr.fillRect(dst, r, colHighlight)
	}
	if b := g.manualBanner(); b.W > 0 {
		g.drawLabel(dst, g.tr("manual.indicator"), face(12*s, true), b.X, b.CenterY(), colHighlight, alignStart)
	}
	r := g.chipRadius()
	for i := range g.chips {
		ch := &g.chips[i]
		look := lookOf(&ch.f)
		look.size = 0.8
		drawCentered(dst, g.spr.ring(int(math.Round(r+2*s)), int(max(1, math.Round(1.5*s)))), ch.x, ch.y, colHighlight)
		g.drawMessageGlyph(dst, ch.x, ch.y, look)
		if ch.count > 1 {
			g.drawLabel(dst, fmt.Sprintf("×%d", ch.count), face(11*s, true), ch.x+r+4*s, ch.y, colHighlight, alignStart)
		}
	}
}

// manualDoc is manual mode in the state the browser tests read: whether
// it is on, and the messages waiting on each link, oldest first.
type manualDoc struct {
	On     bool             `json:"on"`
	Queues []manualQueueDoc `json:"queues"`
}

type manualQueueDoc struct {
	From  view.ID  `json:"from"`
	To    view.ID  `json:"to"`
	IDs   []uint64 `json:"ids"`
	Kinds []string `json:"kinds"`
}

func (g *Game) manualState() manualDoc {
	d := manualDoc{On: g.manualOn(), Queues: []manualQueueDoc{}}
	for _, f := range g.sess.InFlight() {
		if !f.Held {
			continue
		}
		i := len(d.Queues) - 1
		for i >= 0 && (d.Queues[i].From != f.From || d.Queues[i].To != f.To) {
			i--
		}
		if i < 0 {
			d.Queues = append(d.Queues, manualQueueDoc{From: f.From, To: f.To})
			i = len(d.Queues) - 1
		}
		d.Queues[i].IDs = append(d.Queues[i].IDs, f.ID)
		d.Queues[i].Kinds = append(d.Queues[i].Kinds, f.Msg.Type.String())
	}
	return d
}

// chipDoc is a chip as drawn, in CSS pixels: its box is named
// "chip FROM-TO KIND NTH" ("chip 1-2 RequestVote 1").
type chipDoc struct {
	box
	ID    uint64 `json:"id"`
	Count int    `json:"count"`
}

// chipDocs are the chips as placed now (cb converts a rectangle).
func (g *Game) chipDocs(cb func(string, Rect) box) []chipDoc {
	out := []chipDoc{}
	r := g.chipRadius()
	for _, c := range g.chips {
		name := fmt.Sprintf("chip %d-%d %s %d", c.f.From, c.f.To, c.kind, c.nth)
		out = append(out, chipDoc{cb(name, Rect{c.x - r, c.y - r, 2 * r, 2 * r}), c.f.ID, c.count})
	}
	return out
}
