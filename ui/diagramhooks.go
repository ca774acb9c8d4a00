package ui

import "github.com/raftlab/raftlab/playground/view"

// diagramStateDoc is what state() says of the space-time diagram: whether
// it is open, the flight selected (0: none), the stretch it shows and how
// many arrows it draws.
type diagramStateDoc struct {
	Open     bool   `json:"open"`
	Selected uint64 `json:"selected"`
	FromMs   int64  `json:"fromMs"`
	ToMs     int64  `json:"toMs"`
	Arrows   int    `json:"arrows"`
}

// diagramLayoutDoc is where layout() says the diagram is: its control,
// its panel (null while closed), its lanes and the arrows on screen.
type diagramLayoutDoc struct {
	Control box               `json:"control"`
	Panel   *box              `json:"panel"`
	Lanes   []box             `json:"lanes"`
	Arrows  []diagramArrowDoc `json:"arrows"`
}

// diagramArrowDoc is an arrow on screen: its flight, its ends, and a
// point on it to click (its middle).
type diagramArrowDoc struct {
	Flight uint64  `json:"flight"`
	Type   string  `json:"type"`
	From   view.ID `json:"from"`
	To     view.ID `json:"to"`
	Lost   bool    `json:"lost"`
	SendAt int64   `json:"sendAt"`
	EndAt  int64   `json:"endAt"`
	X1     float64 `json:"x1"`
	Y1     float64 `json:"y1"`
	X2     float64 `json:"x2"`
	Y2     float64 `json:"y2"`
	X      float64 `json:"x"`
	Y      float64 `json:"y"`
}

func (g *Game) diagramState() diagramStateDoc {
	d := &g.diagram
	from, to := d.window()
	return diagramStateDoc{Open: d.open, Selected: d.selected, FromMs: from, ToMs: to, Arrows: len(d.hits())}
}

func (g *Game) diagramLayout(cb func(string, Rect) box) diagramLayoutDoc {
	d := &g.diagram
	s := g.cssScale()
	out := diagramLayoutDoc{Control: cb("diagram", d.button()), Lanes: []box{}, Arrows: []diagramArrowDoc{}}
	if !d.open {
		return out
	}
	a := cb("", d.area())
	out.Panel = &a
	plot, pitch := d.plot()
	for i, id := range d.strip.st.Lanes {
		out.Lanes = append(out.Lanes, cb(id.Name(), Rect{plot.X, plot.Y + float64(i)*pitch, plot.W, pitch}))
	}
	for _, h := range d.hits() {
		out.Arrows = append(out.Arrows, diagramArrowDoc{
			Flight: h.arrow.Flight, Type: h.arrow.Msg.Type.String(), From: h.arrow.From, To: h.arrow.To, Lost: h.arrow.Lost,
			SendAt: h.arrow.SendAt, EndAt: h.arrow.EndAt,
			X1: h.x1 / s, Y1: h.y1 / s, X2: h.x2 / s, Y2: h.y2 / s, X: (h.x1 + h.x2) / 2 / s, Y: (h.y1 + h.y2) / 2 / s,
		})
	}
	return out
}
