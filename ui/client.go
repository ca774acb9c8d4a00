package ui

import (
	"fmt"
	"image/color"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/raftlab/raftlab/playground/view"
)

// clientKeys are the preset keys, a click away on the client panel.
var clientKeys = []string{"x", "y", "z"}

// clientPanel is the client's controls: which key (a preset, or typed),
// which value, which server, the four operations, and a steady load of
// writes (clientload.go).
type clientPanel struct {
	g *Game
	// writes counts the writes of "Write x": each writes the next number.
	writes int
	// cache is the panel as last drawn (drawClientPanel).
	cache  panelCache
	key    int     // the preset in use while keyText is empty
	target view.ID // None: whoever the client believes leads
	// keyText and value are what the learner typed; an empty value means
	// the next number, as the c key writes.
	keyText, value string
	// focus is the field that has the keyboard; runes is reused to read
	// what was typed.
	focus clientField
	runes []rune
	// loadSteps counts the presses of the load's rate control (see
	// clientPanel.loadPreset).
	loadSteps int
	// reqs are the request lines shown, computed at trace length reqsAt.
	reqs    []requestLine
	reqsAt  int
	reqsNow int64
}

// clientKeyName is the key the client panel works on.
func (p *clientPanel) clientKeyName() string {
	if p.keyText != "" {
		return p.keyText
	}
	return clientKeys[p.key]
}

// clientValue is the value the next put or cas writes: the typed value, or
// else the next number.
func (p *clientPanel) clientValue() string {
	g := p.g
	if p.value != "" {
		return p.value
	}
	return fmt.Sprint(g.client.writes + 1)
}

// clientControl is one of the client panel's controls.
type clientControl uint8

const (
	ctlKeyField clientControl = iota
	ctlValueField
	ctlNextKey
	ctlTarget
	ctlPut
	ctlGet
	ctlDelete
	ctlCAS
	ctlLoadRate
	ctlLoad
	clientControls // how many there are
)

// clientControlNames are the controls' names, by which the tests and the
// browser's automation find them.
var clientControlNames = [clientControls]string{
	"client-key-field", "client-value-field", "client-key", "client-target",
	"client-put", "client-get", "client-delete", "client-cas",
	"client-load-rate", "client-load",
}

// clientView is the client panel laid out: its controls (controls[c] is
// control c) and the lines of the newest requests.
type clientView struct {
	controls []Button
	requests []requestButton
}

// requestButton is a request's line on the client panel, and its state.
type requestButton struct {
	Button
	state requestState
}

// buttons are every control and line of the panel.
func (v clientView) buttons() []Button {
	out := append([]Button(nil), v.controls...)
	for _, r := range v.requests {
		out = append(out, r.Button)
	}
	return out
}

// clientButtons are the client panel's controls and request lines.
func (p *clientPanel) clientButtons() []Button {
	return p.clientLaidOut().buttons()
}

// clientLaidOut lays out the client panel in the cluster area's
// bottom-left corner, beside the clients' dot: the key and value fields,
// the preset keys and the target on the first row, the operations on the
// second, and the newest requests to their right.
func (p *clientPanel) clientLaidOut() clientView {
	g := p.g
	s := g.scale
	c := g.lay.Cluster
	x, y := c.X+90*s, c.Y+c.H-(clientStrip-6)*s
	target := g.tr("client.to.leader")
	if p.target != view.None {
		target = g.tr("client.to", p.target.Name())
	}
	keyLabel, valueLabel := g.tr("client.key", p.clientKeyName()), g.tr("client.value", p.clientValue())
	switch p.focus {
	case fieldKey:
		keyLabel = g.tr("client.key", p.keyText+"|")
	case fieldValue:
		valueLabel = g.tr("client.value", p.value+"|")
	}
	next := clientKeys[0]
	if p.keyText == "" {
		next = clientKeys[(p.key+1)%len(clientKeys)]
	}
	load, loadHint := g.tr("client.load.start"), g.tr("client.load.start.hint", loadClients)
	if runningLoad(g.sess) > 0 {
		load, loadHint = g.tr("client.load.stop"), g.tr("client.load.stop.hint")
	}
	specs := [clientControls]struct{ label, hint string }{
		ctlKeyField:   {keyLabel, g.tr("client.key.hint")},
		ctlValueField: {valueLabel, g.tr("client.value.hint")},
		ctlNextKey:    {g.tr("client.use", next), g.tr("client.use.hint")},
		ctlTarget:     {target, g.tr("client.to.hint")},
		ctlPut:        {g.tr("client.put"), g.tr("client.put.hint")},
		ctlGet:        {g.tr("client.get"), g.tr("client.get.hint")},
		ctlDelete:     {g.tr("client.delete"), g.tr("client.delete.hint")},
		ctlCAS:        {g.tr("client.cas"), g.tr("client.cas.hint")},
		ctlLoadRate:   {g.tr("client.load.rate", p.loadRate()), g.tr("client.load.rate.hint")},
		ctlLoad:       {load, loadHint},
	}
	f := face(11.5*s, false)
	var v clientView
	bx, right := x, x
	for i, sp := range specs {
		w := 14*s + textWidth(sp.label, f)
		if clientControl(i) == ctlPut { // the operations' row
			bx, y = x, y+26*s
		}
		v.controls = append(v.controls, Button{Name: clientControlNames[i], Label: sp.label, Hint: sp.hint, Rect: Rect{bx, y, w, 22 * s}})
		bx += w + 6*s
		right = max(right, bx)
	}
	v.requests = p.requestButtons(right + 10*s)
	return v
}

// requestButtons lists the newest requests from x to the cluster area's
// right edge, one short line each; hovering one tells its story. Their
// names carry their state (client-request-waiting...) for tests.
func (p *clientPanel) requestButtons(x float64) []requestButton {
	g := p.g
	s := g.scale
	c := g.lay.Cluster
	w := c.X + c.W - 8*s - x
	if w < 60*s {
		return nil
	}
	y := c.Y + c.H - (clientStrip-4)*s
	f := face(10.5*s, false)
	var out []requestButton
	for _, r := range p.requestLines() {
		b := Button{Name: "client-request-" + r.state.String(), Label: ellipsize(r.text, f, w), Hint: r.why, Rect: Rect{x, y, w, 13 * s}}
		out = append(out, requestButton{b, r.state})
		y += 13.5 * s
	}
	return out
}

// clickClient handles a click on the client panel; it reports whether the
// click was there (a press anywhere takes the keyboard from its fields; see
// Game.click).
func (p *clientPanel) clickClient(x, y float64) bool {
	v := p.clientLaidOut()
	for i, b := range v.controls {
		if b.Rect.Contains(x, y) {
			p.pressClient(clientControl(i))
			return true
		}
	}
	_, ok := hitAny(v.buttons(), x, y) // a request's line
	return ok
}

// pressClient carries out a control of the client panel.
func (p *clientPanel) pressClient(c clientControl) {
	g := p.g
	key := p.clientKeyName()
	switch c {
	case ctlKeyField:
		p.focus = fieldKey
	case ctlValueField:
		p.focus = fieldValue
	case ctlNextKey:
		p.key = (p.key + 1) % len(clientKeys)
		if p.keyText != "" {
			p.key = 0
		}
		p.keyText = ""
	case ctlTarget:
		p.target = p.nextTarget()
	case ctlPut:
		p.clientPut()
	case ctlGet:
		g.act(view.Action{Do: "get", Key: key, Node: p.target})
	case ctlDelete:
		g.act(view.Action{Do: "delete", Key: key, Node: p.target})
	case ctlCAS:
		v := p.clientValue()
		g.client.writes++
		g.act(view.Action{Do: "cas", Key: key, Old: p.lastSeen(key), New: v, Node: p.target})
	case ctlLoadRate:
		p.nextLoadRate()
	case ctlLoad:
		p.toggleLoad()
	}
}

// clientPut writes the panel's value to its key, where the panel says.
func (p *clientPanel) clientPut() {
	g := p.g
	v := p.clientValue()
	g.client.writes++
	g.act(view.Action{Do: "put", Key: p.clientKeyName(), Value: v, Node: p.target})
}

// nextTarget cycles the client's destination: the leader, then each server.
func (p *clientPanel) nextTarget() view.ID {
	g := p.g
	ids := g.view().IDs()
	if p.target == view.None && len(ids) > 0 {
		return ids[0]
	}
	for i, id := range ids {
		if id == p.target && i+1 < len(ids) {
			return ids[i+1]
		}
	}
	return view.None
}

// lastSeen is the value of key in the last answer any client got for it:
// what a cas expects to find.
func (p *clientPanel) lastSeen(key string) string {
	g := p.g
	for i := g.sess.HistoryLen() - 1; i >= 0; i-- {
		c := g.sess.Call(i)
		if c.Cmd.Key != key || !c.Done {
			continue
		}
		switch {
		case c.Cmd.Op == view.OpGet:
			return c.Result.Value
		case c.Cmd.Op == view.OpPut:
			return c.Cmd.Value
		case c.Cmd.Op == view.OpCAS && c.Result.OK:
			return c.Cmd.Value
		case c.Cmd.Op == view.OpCAS:
			return c.Result.Value
		case c.Cmd.Op == view.OpDelete:
			return ""
		}
	}
	return ""
}

// drawClientPanel draws the client's buttons. They are cached (see
// panelCache) on a transparent image, redrawn when a label or the button
// under the pointer changes.
func (p *clientPanel) drawClientPanel(dst *ebiten.Image) {
	g := p.g
	v := p.clientLaidOut()
	bs := v.buttons()
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
	g.keyScratch = p.clientKey(g.keyScratch[:0], bs)
	p.cache.draw(dst, box, g.keyScratch, func(img *ebiten.Image, dx, dy float64) {
		p.renderClientPanel(img, dx, dy, v)
	})
}

// clientKey appends to k what the client panel shows (a request line's
// text tells its state).
func (p *clientPanel) clientKey(k keyBuf, bs []Button) keyBuf {
	g := p.g
	k = k.float(g.scale)
	for _, b := range bs {
		k = k.str(b.Label).rect(b.Rect).bool(b.Rect.Contains(g.hover.x, g.hover.y))
	}
	return k
}

// renderClientPanel draws the laid-out panel with every position shifted
// by (-dx, -dy): the field with the keyboard outlined, the key and the
// target in the clients' colour, each request line tinted by its state.
func (p *clientPanel) renderClientPanel(dst *ebiten.Image, dx, dy float64, v clientView) {
	g := p.g
	s := g.scale
	f := face(11.5*s, false)
	for i, b := range v.controls {
		bg := g.buttonColor(b)
		b.Rect = b.Rect.moved(dx, dy)
		g.spr.fillRect(dst, b.Rect, bg)
		c := colText
		switch ctl := clientControl(i); {
		case ctl == ctlKeyField && p.focus == fieldKey, ctl == ctlValueField && p.focus == fieldValue:
			g.spr.strokeRect(dst, b.Rect, 1.5*s, colClient)
		case ctl == ctlNextKey || ctl == ctlTarget || ctl == ctlLoadRate:
			c = colClient
		}
		drawText(dst, b.Label, f, b.Rect.CenterX(), b.Rect.CenterY(), c, alignCenter)
	}
	fr := face(10.5*s, false)
	for _, r := range v.requests {
		rect := r.Rect.moved(dx, dy)
		drawText(dst, r.Label, fr, rect.X, rect.CenterY(), requestColor(r.state), alignStart)
	}
}

// requestColor tints a request line by its state: settled answers plain,
// trouble (a timeout, giving up) in the warning colour.
func requestColor(state requestState) color.RGBA {
	switch state {
	case requestAnswered:
		return colText
	case requestTimedOut, requestGaveUp:
		return colBad
	}
	return colClient
}
