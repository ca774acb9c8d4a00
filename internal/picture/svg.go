package picture

import (
	"fmt"
	"html"
	"image/color"
	"io"
	"strings"

	"github.com/raftlab/raftlab/internal/palette"
	"github.com/raftlab/raftlab/playground/view"
)

// The slide's geometry, in SVG user units (pixels at 100%): a width that
// fills a 16:9 slide, rows tall enough to read from the back of a room.
const (
	svgWidth  = 1200.0
	svgMargin = 24.0
	svgLabelW = 64.0
	svgRowH   = 30.0
	svgLaneH  = 44.0
	// svgCells is the most log entries a row shows: the newest.
	svgCells = 40
)

// svgDoc builds an SVG document, escaping every text it writes.
type svgDoc struct {
	strings.Builder
	p *palette.Palette
}

func hex(c color.RGBA) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

func (d *svgDoc) text(x, y float64, size float64, weight, anchor string, c color.RGBA, s string) {
	fmt.Fprintf(d, `<text x="%.1f" y="%.1f" font-size="%.0f" font-weight="%s" text-anchor="%s" fill="%s">%s</text>`+"\n",
		x, y, size, weight, anchor, hex(c), html.EscapeString(s))
}

func (d *svgDoc) rect(x, y, w, h float64, fill, stroke string) {
	fmt.Fprintf(d, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" rx="3" fill="%s" stroke="%s" stroke-width="2"/>`+"\n", x, y, w, h, fill, stroke)
}

// arrow is one message of the space-time diagram.
type arrow struct {
	from, to          view.ID
	sendAt, deliverAt int64
	lost              bool
	msg               view.Message
}

// SVG writes a slide of the run from..to: each server's log at to (index,
// term, committed or not), and the messages the servers exchanged in the
// range as a space-time diagram, one line per server, an arrow per
// message (heartbeats faint, lost messages dashed and crossed).
func SVG(out io.Writer, r Run, from, to int64, st Style) error {
	if err := CheckRange(from, to); err != nil {
		return err
	}
	drawing.Lock()
	defer drawing.Unlock()
	r.moveTo(from)
	start := r.Session.TraceLen()
	roles := map[view.ID][]roleSpan{}
	w := r.Session.View()
	for _, n := range w.Nodes {
		roles[n.ID] = []roleSpan{{from, n.Role, n.Up}}
	}
	r.moveTo(to)
	var arrows []arrow
	keep := heartbeatFilter{all: to-from <= heartbeatsShownMs, appended: map[[2]view.ID]bool{}}
	for i := max(start, r.Session.TraceStart()); i < r.Session.TraceLen(); i++ {
		switch r.Session.EventType(i) {
		case view.EvDeliver, view.EvDrop, view.EvRole, view.EvCrash, view.EvRestart:
		default:
			continue
		}
		e := r.Session.Event(i)
		switch e.Type {
		case view.EvDeliver, view.EvDrop:
			if f := e.Flight; f != nil && f.Kind == view.FlightRaft && !f.Duplicate && keep.message(f, e.Type == view.EvDeliver) {
				arrows = append(arrows, arrow{f.From, f.To, f.SendAt, f.DeliverAt, e.Type == view.EvDrop, f.Msg})
			}
		case view.EvRole:
			roles[e.Node] = append(roles[e.Node], roleSpan{e.AtMs, e.Role, true})
		case view.EvCrash:
			roles[e.Node] = append(roles[e.Node], roleSpan{e.AtMs, view.Follower, false})
		case view.EvRestart:
			roles[e.Node] = append(roles[e.Node], roleSpan{e.AtMs, view.Follower, true})
		}
	}
	w = r.Session.View()
	d := &svgDoc{p: st.palette()}
	writeSVG(d, r.Title, w, arrows, roles, from, to, st, keep.all)
	_, err := io.WriteString(out, d.String())
	return err
}

// heartbeatsShownMs is the longest range whose diagram shows heartbeats:
// a leader sends one to each follower every few tens of milliseconds,
// which over seconds hides every other message.
const heartbeatsShownMs = 2000

// heartbeatFilter chooses the messages a diagram shows: all of them, or
// all but heartbeats and the answers to them. An answer to an
// AppendEntries does not say whether it carried entries; the one the
// follower sends after such an AppendEntries arrived is its answer.
type heartbeatFilter struct {
	all bool
	// appended holds the {leader, follower} pairs whose last
	// AppendEntries with entries has arrived and is not answered yet.
	appended map[[2]view.ID]bool
}

// message reports whether to show a message, delivered or lost.
func (h heartbeatFilter) message(f *view.Flight, delivered bool) bool {
	switch m := f.Msg; {
	case h.all:
		return true
	case m.Type == view.MsgAppendEntries && m.Entries > 0:
		if delivered {
			h.appended[[2]view.ID{f.From, f.To}] = true
		}
		return true
	case m.Heartbeat():
		return false
	case m.Type == view.MsgAppendEntriesResponse:
		pair := [2]view.ID{f.To, f.From}
		answer := h.appended[pair] || m.Reject
		delete(h.appended, pair)
		return answer
	}
	return true
}

// roleSpan is a server's role (and whether it is up) from a moment on.
type roleSpan struct {
	at   int64
	role view.Role
	up   bool
}

func writeSVG(d *svgDoc, title string, w *view.World, arrows []arrow, roles map[view.ID][]roleSpan, from, to int64, st Style, heartbeats bool) {
	p := d.p
	lang := st.Lang
	ids := w.IDs()
	logsY := 70.0
	logsH := 40 + float64(len(ids))*svgRowH
	diagY := logsY + logsH + 50
	diagH := 30 + float64(len(ids))*svgLaneH + 30
	height := diagY + diagH + 40
	// The slide embeds no font: its text is set in the reader's, a Latin
	// face first, then the Chinese faces of the common systems.
	fmt.Fprintf(d, `<svg xmlns="http://www.w3.org/2000/svg" width="%.0f" height="%.0f" viewBox="0 0 %.0f %.0f" font-family="Go, 'Helvetica Neue', Arial, 'Noto Sans SC', 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif">`+"\n",
		svgWidth, height, svgWidth, height)
	fmt.Fprintf(d, `<rect width="100%%" height="100%%" fill="%s"/>`+"\n", hex(p.Background))
	d.text(svgMargin, 36, 24, "bold", "start", p.Text, title)
	d.text(svgWidth-svgMargin, 36, 18, "normal", "end", p.TextDim, lang.T("picture.svg.range", seconds(from), seconds(to)))

	// The log table at the end of the range.
	d.text(svgMargin, logsY+4, 18, "bold", "start", p.Text, lang.T("picture.svg.logs", seconds(to)))
	var lastIndex uint64
	for _, n := range w.Nodes {
		lastIndex = max(lastIndex, n.Log.Last)
	}
	last := max(lastIndex, 1)
	first := uint64(1)
	if last > svgCells {
		first = last - svgCells + 1
	}
	cell := min(40, (svgWidth-2*svgMargin-svgLabelW)/float64(last-first+1))
	x0 := svgMargin + svgLabelW
	for i := first; i <= last; i++ {
		if i == first || i%5 == 0 || cell >= 30 {
			d.text(x0+float64(i-first)*cell+cell/2, logsY+30, 12, "normal", "middle", p.TextDim, fmt.Sprint(i))
		}
	}
	for row, n := range w.Nodes {
		y := logsY + 40 + float64(row)*svgRowH
		name := n.ID.Name()
		if !n.Up {
			name += " ✕"
		}
		d.text(svgMargin, y+svgRowH/2+5, 16, "bold", "start", p.Text, name)
		for i := max(first, n.Log.First); i <= min(last, n.Log.Last); i++ {
			e, ok := n.Log.Entry(i)
			if !ok {
				continue
			}
			x, c := x0+float64(i-first)*cell, hex(p.Term(e.Term))
			tc := p.Background
			if i <= n.Log.Commit {
				d.rect(x+1, y+2, cell-4, svgRowH-6, c, c)
			} else {
				d.rect(x+2, y+3, cell-6, svgRowH-8, hex(p.Background), c)
				tc = p.Term(e.Term)
			}
			d.text(x+cell/2-1, y+svgRowH/2+4, 13, "bold", "middle", tc, fmt.Sprint(e.Term))
		}
	}
	lx := svgWidth - svgMargin - 320
	d.rect(lx, logsY-10, 18, 18, hex(p.Term(1)), hex(p.Term(1)))
	d.text(lx+24, logsY+4, 14, "normal", "start", p.TextDim, lang.T("picture.svg.committed"))
	d.rect(lx+150, logsY-9, 16, 16, hex(p.Background), hex(p.Term(1)))
	d.text(lx+174, logsY+4, 14, "normal", "start", p.TextDim, lang.T("picture.svg.uncommitted"))

	writeDiagram(d, ids, arrows, roles, from, to, diagY, lang.T("picture.svg.messages", seconds(from), seconds(to)))
	if !heartbeats {
		d.text(svgMargin, height-14, 13, "normal", "start", p.TextDim, lang.T("picture.svg.no-heartbeats", seconds(heartbeatsShownMs)))
	}
	d.WriteString("</svg>\n")
}

// writeDiagram writes the space-time diagram: time runs left to right,
// each server's line is coloured by its role (dashed while it is down).
func writeDiagram(d *svgDoc, ids []view.ID, arrows []arrow, roles map[view.ID][]roleSpan, from, to int64, y0 float64, heading string) {
	p := d.p
	d.text(svgMargin, y0, 18, "bold", "start", p.Text, heading)
	left, right := svgMargin+svgLabelW, svgWidth-svgMargin
	xOf := func(t int64) float64 {
		t = min(max(t, from), to)
		return left + (right-left)*float64(t-from)/float64(to-from)
	}
	row := map[view.ID]float64{}
	for i, id := range ids {
		row[id] = y0 + 40 + float64(i)*svgLaneH
	}
	bottom := y0 + 40 + float64(len(ids)-1)*svgLaneH + 20
	step := tickStep(to - from)
	for t := (from + step - 1) / step * step; t <= to; t += step {
		x := xOf(t)
		fmt.Fprintf(d, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-width="1"/>`+"\n", x, y0+20, x, bottom, hex(p.PanelEdge))
		d.text(x, bottom+16, 12, "normal", "middle", p.TextDim, seconds(t)+" s")
	}
	for _, id := range ids {
		y := row[id]
		d.text(svgMargin, y+5, 16, "bold", "start", p.Text, id.Name())
		spans := roles[id]
		for i, sp := range spans {
			end := to
			if i+1 < len(spans) {
				end = spans[i+1].at
			}
			c, width, dash := p.Role(sp.role), 3.0, ""
			if sp.role == view.Leader {
				width = 6
			}
			if !sp.up {
				c, dash = p.Down, ` stroke-dasharray="6 4"`
			}
			fmt.Fprintf(d, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-width="%.0f"%s/>`+"\n", xOf(sp.at), y, xOf(end), y, hex(c), width, dash)
		}
	}
	d.WriteString("<defs>")
	for _, c := range []color.RGBA{p.Vote, p.PreVote, p.AppendEntries, p.Snapshot, p.TimeoutNow, p.Text} {
		fmt.Fprintf(d, `<marker id="m%s" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="%s"/></marker>`, hex(c)[1:], hex(c))
	}
	d.WriteString("</defs>\n")
	for _, a := range arrows {
		y1, ok1 := row[a.from]
		y2, ok2 := row[a.to]
		if !ok1 || !ok2 {
			continue
		}
		c := hex(p.Message(a.msg.Type))
		attrs := fmt.Sprintf(`stroke="%s" stroke-width="1.6" marker-end="url(#m%s)"`, c, c[1:])
		if a.msg.Heartbeat() {
			attrs += ` opacity="0.35"`
		}
		if a.lost {
			attrs = fmt.Sprintf(`stroke="%s" stroke-width="1.6" stroke-dasharray="4 3" opacity="0.7"`, c)
		}
		x1, x2 := xOf(a.sendAt), xOf(a.deliverAt)
		fmt.Fprintf(d, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" %s><title>%s</title></line>`+"\n", x1, y1, x2, y2, attrs, html.EscapeString(a.msg.Type.String()))
		if a.lost {
			mx, my := (x1+x2)/2, (y1+y2)/2
			fmt.Fprintf(d, `<path d="M%.1f,%.1fl8,8m0,-8l-8,8" stroke="%s" stroke-width="2.5"/>`+"\n", mx-4, my-4, hex(p.Cut))
		}
	}
	// The legend: each type's colour, by the names the Raft paper uses.
	x := left
	for _, t := range []view.MsgType{view.MsgRequestVote, view.MsgPreVote, view.MsgAppendEntries, view.MsgInstallSnapshot, view.MsgTimeoutNow} {
		c := p.Message(t)
		fmt.Fprintf(d, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-width="3"/>`+"\n", x, bottom+36, x+24, bottom+36, hex(c))
		d.text(x+30, bottom+41, 13, "normal", "start", p.TextDim, t.String())
		x += 40 + 8*float64(len(t.String()))
	}
}

// tickStep is the time between two ticks of a range: about ten ticks.
func tickStep(span int64) int64 {
	for _, s := range []int64{10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000} {
		if span/s <= 12 {
			return s
		}
	}
	return 10_000
}

// seconds writes ms as seconds, with as many decimals as it needs.
func seconds(ms int64) string {
	s := fmt.Sprintf("%.3f", float64(ms)/1000)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}
