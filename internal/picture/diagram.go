package picture

import (
	"fmt"
	"html"
	"io"

	"github.com/raftlab/raftlab/playground/view"
)

// The space-time diagram's geometry, in SVG user units: time runs left to
// right, as on the app's timeline, and each server has a lane.
const (
	diagramWidth = 1200.0
	diagramLaneH = 48.0
	diagramTop   = 90.0
	// diagramLabelRoom is the horizontal room an arrow needs for its
	// label.
	diagramLabelRoom = 36.0
)

// DiagramSuffix ends the name of a file Export writes the space-time
// diagram into.
const DiagramSuffix = "-diagram.svg"

// Diagram writes the space-time diagram of the run from..to as SVG: it
// runs the session to `to` and draws what its trace says (see
// view.SpaceTime).
func Diagram(out io.Writer, r Run, from, to int64, st Style) error {
	if err := CheckRange(from, to); err != nil {
		return err
	}
	r.moveTo(to)
	return DiagramSVG(out, r.Session.SpaceTime(from, to), r.Title, st)
}

// DiagramSVG writes a space-time diagram as SVG. Every lane, arrow, cross
// and mark is an element of its own class (lane, arrow, lost, mark-*),
// with the message's flight ID on its arrow (data-flight), so that a
// reader, or a test, can find them.
func DiagramSVG(out io.Writer, sp view.SpaceTime, title string, st Style) error {
	d := &svgDoc{p: st.palette()}
	p, lang := d.p, st.Lang
	left, right := svgMargin+svgLabelW, diagramWidth-svgMargin
	span := max(sp.To-sp.From, 1)
	xOf := func(t int64) float64 { return left + (right-left)*float64(t-sp.From)/float64(span) }
	row := map[view.ID]float64{}
	for i, id := range sp.Lanes {
		row[id] = diagramTop + 20 + float64(i)*diagramLaneH
	}
	bottom := diagramTop + float64(len(sp.Lanes))*diagramLaneH
	height := bottom + 80
	fmt.Fprintf(d, `<svg xmlns="http://www.w3.org/2000/svg" width="%.0f" height="%.0f" viewBox="0 0 %.0f %.0f" font-family="Go, 'Helvetica Neue', Arial, 'Noto Sans SC', 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif">`+"\n",
		diagramWidth, height, diagramWidth, height)
	fmt.Fprintf(d, `<rect width="100%%" height="100%%" fill="%s"/>`+"\n", hex(p.Background))
	d.text(svgMargin, 36, 24, "bold", "start", p.Text, title)
	d.text(diagramWidth-svgMargin, 36, 18, "normal", "end", p.TextDim, lang.T("picture.svg.range", view.Seconds(sp.From), view.Seconds(sp.To)))
	d.text(svgMargin, 66, 18, "bold", "start", p.Text, lang.T("diagram.title"))
	fmt.Fprintf(d, `<defs><clipPath id="plot"><rect x="%.1f" y="%.1f" width="%.1f" height="%.1f"/></clipPath>`, left, diagramTop-10, right-left, bottom-diagramTop+20)
	for _, t := range view.MsgTypes {
		c := hex(p.Message(t))
		fmt.Fprintf(d, `<marker id="m%s" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="%s"/></marker>`, c[1:], c)
	}
	d.WriteString("</defs>\n")

	step := tickStep(span)
	for t := (sp.From + step - 1) / step * step; t <= sp.To; t += step {
		x := xOf(t)
		fmt.Fprintf(d, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-width="1"/>`+"\n", x, diagramTop, x, bottom, hex(p.PanelEdge))
		d.text(x, bottom+16, 12, "normal", "middle", p.TextDim, lang.T("diagram.seconds", view.Seconds(t)))
	}
	if sp.Known > sp.From {
		x := xOf(min(sp.Known, sp.To))
		fmt.Fprintf(d, `<rect class="unknown" x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s" opacity="0.6"/>`+"\n", left, diagramTop, x-left, bottom-diagramTop, hex(p.Panel))
		d.text(left+6, diagramTop+14, 12, "normal", "start", p.TextDim, lang.T("diagram.unknown", view.Seconds(sp.Known)))
	}
	for _, id := range sp.Lanes {
		y := row[id]
		d.text(svgMargin, y+5, 16, "bold", "start", p.Text, id.Name())
		fmt.Fprintf(d, `<line class="lane" data-id="%d" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-width="2"/>`+"\n", id, left, y, right, y, hex(p.Link))
	}

	d.WriteString(`<g clip-path="url(#plot)">` + "\n")
	for _, a := range sp.Arrows {
		y1, ok1 := row[a.From]
		y2, ok2 := row[a.To]
		if !ok1 || !ok2 {
			continue
		}
		c := hex(p.Message(a.Msg.Type))
		x1, x2 := xOf(a.SendAt), xOf(a.EndAt)
		if a.Lost && a.OnWire {
			y2 = (y1 + y2) / 2
		}
		attrs := fmt.Sprintf(`stroke="%s" stroke-width="1.6"`, c)
		if !a.Lost {
			attrs += fmt.Sprintf(` marker-end="url(#m%s)"`, c[1:])
		}
		if a.Msg.Heartbeat() {
			attrs += ` opacity="0.45"`
		}
		if a.Duplicate {
			attrs += ` stroke-dasharray="2 3"`
		}
		fmt.Fprintf(d, `<line class="arrow" data-flight="%d" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" %s><title>%s</title></line>`+"\n",
			a.Flight, x1, y1, x2, y2, attrs, html.EscapeString(a.Sentence(lang)))
		if a.Lost && !a.Open {
			fmt.Fprintf(d, `<path class="lost" d="M%.1f,%.1fl8,8m0,-8l-8,8" stroke="%s" stroke-width="2.5"/>`+"\n", x2-4, y2-4, hex(p.Cut))
		}
		if x2-x1 >= diagramLabelRoom {
			d.text((x1+x2)/2, (y1+y2)/2-4, 11, "normal", "middle", p.Message(a.Msg.Type), a.Label())
		}
	}
	for _, m := range sp.Marks {
		y, ok := row[m.Node]
		if !ok {
			continue
		}
		writeMark(d, m, xOf(m.At), y)
	}
	d.WriteString("</g>\n")
	writeDiagramLegend(d, left, bottom+44, st)
	d.WriteString("</svg>\n")
	_, err := io.WriteString(out, d.String())
	return err
}

// writeMark draws a mark on its lane: an election as a diamond (a
// candidate) or a disc (a leader) with its term, a commit as a tick, a
// crash as a cross, a restart as a triangle, a membership change as a
// square.
func writeMark(d *svgDoc, m view.Mark, x, y float64) {
	p := d.p
	switch m.Kind {
	case view.MarkCandidate:
		fmt.Fprintf(d, `<path class="mark-candidate" d="M%.1f,%.1fl6,6l-6,6l-6,-6z" fill="%s"/>`+"\n", x, y-6, hex(p.Candidate))
		d.text(x, y-10, 11, "bold", "middle", p.Candidate, fmt.Sprintf("T%d", m.Term))
	case view.MarkLeader:
		fmt.Fprintf(d, `<circle class="mark-leader" cx="%.1f" cy="%.1f" r="7" fill="%s"/>`+"\n", x, y, hex(p.Leader))
		d.text(x, y-10, 11, "bold", "middle", p.Leader, fmt.Sprintf("T%d", m.Term))
	case view.MarkCommit:
		op := 1.0
		if m.Echo {
			op = 0.5
		}
		fmt.Fprintf(d, `<line class="mark-commit" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-width="3" opacity="%.1f"/>`+"\n", x, y-7, x, y+7, hex(p.OK), op)
		if !m.Echo {
			d.text(x, y+19, 10, "normal", "middle", p.OK, fmt.Sprint(m.Index))
		}
	case view.MarkCrash:
		fmt.Fprintf(d, `<path class="mark-crash" d="M%.1f,%.1fl10,10m0,-10l-10,10" stroke="%s" stroke-width="3"/>`+"\n", x-5, y-5, hex(p.Bad))
	case view.MarkRestart:
		fmt.Fprintf(d, `<path class="mark-restart" d="M%.1f,%.1fl6,10h-12z" fill="%s"/>`+"\n", x, y-5, hex(p.OK))
	case view.MarkMembership:
		fmt.Fprintf(d, `<rect class="mark-membership" x="%.1f" y="%.1f" width="10" height="10" fill="%s"/>`+"\n", x-5, y-5, hex(p.Accent))
	}
}

// writeDiagramLegend names the message types' colours and the marks.
func writeDiagramLegend(d *svgDoc, x, y float64, st Style) {
	p := d.p
	for _, t := range []view.MsgType{view.MsgRequestVote, view.MsgPreVote, view.MsgAppendEntries, view.MsgInstallSnapshot, view.MsgTimeoutNow} {
		fmt.Fprintf(d, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-width="3"/>`+"\n", x, y-4, x+24, y-4, hex(p.Message(t)))
		d.text(x+30, y+1, 13, "normal", "start", p.TextDim, t.String())
		x += 40 + 8*float64(len(t.String()))
	}
	d.text(svgMargin, y+24, 13, "normal", "start", p.TextDim, st.Lang.T("diagram.legend"))
}
