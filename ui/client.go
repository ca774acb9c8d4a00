package ui

import (
	"fmt"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/raft"
)

// clientKeys are the keys the client panel works on.
var clientKeys = []string{"x", "y", "z"}

// clientPanel is the client's controls: which key, which server, and the
// four operations.
type clientPanel struct {
	key    int
	target raft.ID // None: whoever the client believes leads
}

// clientButtons lays out the client panel in the cluster area's bottom-left
// corner, beside the clients' dot.
func (g *Game) clientButtons() []Button {
	s := g.scale
	c := g.lay.Cluster
	x, y := c.X+90*s, c.Y+c.H-(clientStrip-6)*s
	target := "to: leader"
	if g.client.target != raft.None {
		target = "to: " + playground.S(g.client.target)
	}
	specs := []struct{ name, label, hint string }{
		{"client-key", "key " + clientKeys[g.client.key], "Which key the client works on (click to change)"},
		{"client-target", target, "Where the client sends its requests: the leader it believes in, or one server (click to change)"},
		{"client-put", "put", "Write the next value of the key"},
		{"client-get", "get", "Read the key, confirmed the way the settings' read mode says"},
		{"client-delete", "delete", "Delete the key"},
		{"client-cas", "cas", "Compare-and-swap: set the next value if the key still holds the value this client last saw"},
	}
	var out []Button
	bx := x
	for i, sp := range specs {
		w := 14*s + float64(len(sp.label))*7.2*s
		if i == 2 {
			bx, y = x, y+26*s
		}
		out = append(out, Button{Name: sp.name, Label: sp.label, Hint: sp.hint, Rect: Rect{bx, y, w, 22 * s}})
		bx += w + 6*s
	}
	return out
}

// clickClient handles a click on the client panel; it reports whether the
// click was there.
func (g *Game) clickClient(x, y float64) bool {
	b, ok := hitAny(g.clientButtons(), x, y)
	if !ok {
		return false
	}
	key := clientKeys[g.client.key]
	switch b.Name {
	case "client-key":
		g.client.key = (g.client.key + 1) % len(clientKeys)
	case "client-target":
		g.client.target = g.nextTarget()
	case "client-put":
		g.writes++
		g.act(playground.Step{Do: "put", Key: key, Value: fmt.Sprint(g.writes), Node: g.client.target})
	case "client-get":
		g.act(playground.Step{Do: "get", Key: key, Node: g.client.target})
	case "client-delete":
		g.act(playground.Step{Do: "delete", Key: key, Node: g.client.target})
	case "client-cas":
		g.writes++
		g.act(playground.Step{Do: "cas", Key: key, Old: g.lastSeen(key), New: fmt.Sprint(g.writes), Node: g.client.target})
	}
	return true
}

// nextTarget cycles the client's destination: the leader, then each server.
func (g *Game) nextTarget() raft.ID {
	ids := g.world().Nodes()
	if g.client.target == raft.None && len(ids) > 0 {
		return ids[0]
	}
	for i, id := range ids {
		if id == g.client.target && i+1 < len(ids) {
			return ids[i+1]
		}
	}
	return raft.None
}

// lastSeen is the value of key in the last answer any client got for it:
// what a cas expects to find.
func (g *Game) lastSeen(key string) string {
	h := g.world().History()
	for i := len(h) - 1; i >= 0; i-- {
		c := h[i]
		if c.Cmd.Key != key || !c.Done {
			continue
		}
		switch {
		case c.Cmd.Op == playground.OpGet:
			return c.Result.Value
		case c.Cmd.Op == playground.OpPut:
			return c.Cmd.Value
		case c.Cmd.Op == playground.OpCAS && c.Result.OK:
			return c.Cmd.Value
		case c.Cmd.Op == playground.OpCAS:
			return c.Result.Value
		case c.Cmd.Op == playground.OpDelete:
			return ""
		}
	}
	return ""
}

// drawClientPanel draws the client's buttons. They are cached (see
// panelCache) on a transparent image, redrawn when a label or the button
// under the pointer changes.
func (g *Game) drawClientPanel(dst *ebiten.Image) {
	bs := g.clientButtons()
	var box Rect
	for i, b := range bs {
		if i == 0 {
			box = b.Rect
			continue
		}
		x0, y0 := min(box.X, b.Rect.X), min(box.Y, b.Rect.Y)
		x1, y1 := max(box.X+box.W, b.Rect.X+b.Rect.W), max(box.Y+box.H, b.Rect.Y+b.Rect.H)
		box = Rect{x0, y0, x1 - x0, y1 - y0}
	}
	g.keyScratch = g.clientKey(g.keyScratch[:0], bs)
	g.clientCache.draw(dst, box, g.keyScratch, func(img *ebiten.Image, dx, dy float64) {
		g.renderClientPanel(img, dx, dy, bs)
	})
}

// clientKey appends to k what the client panel shows.
func (g *Game) clientKey(k keyBuf, bs []Button) keyBuf {
	k = k.float(g.scale)
	for _, b := range bs {
		k = k.str(b.Label).rect(b.Rect).bool(b.Rect.Contains(g.hover.x, g.hover.y))
	}
	return k
}

// renderClientPanel draws the buttons with every position shifted by
// (-dx, -dy).
func (g *Game) renderClientPanel(dst *ebiten.Image, dx, dy float64, bs []Button) {
	s := g.scale
	f := face(11.5*s, false)
	for _, b := range bs {
		bg := g.buttonColor(b)
		b.Rect = b.Rect.moved(dx, dy)
		g.spr.fillRect(dst, b.Rect, bg)
		c := colText
		if b.Name == "client-key" || b.Name == "client-target" {
			c = colClient
		}
		drawText(dst, b.Label, f, b.Rect.CenterX(), b.Rect.CenterY(), c, alignCenter)
	}
}
