package ui

import (
	"fmt"
	"math"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
)

// logWindow is the range of indexes the logs panel shows: the newest that
// fit, so the panel follows the end of the longest log.
func logWindow(lastIndex uint64, cells int) (first, last uint64) {
	if cells < 1 {
		cells = 1
	}
	last = max(lastIndex, uint64(cells))
	first = last - uint64(cells) + 1
	return first, last
}

// rowLog is the log the logs panel shows for a server: its live log while
// it is up, what its disk holds while it is down (dim is then true); nil
// for a server that is not in the world.
func (p *logsPanel) rowLog(id view.ID) (row *view.Log, dim bool) {
	g := p.g
	n := g.view().Node(id)
	if n == nil {
		return nil, false
	}
	return &n.Log, !n.Up
}

// draw draws one row per node: entries as cells coloured by term with
// the term inside; committed entries solid, uncommitted ones hollow; the
// commit index as a bar and the applied index as a tick; the compacted
// prefix as one block; and, on followers' rows, the leader's nextIndex and
// matchIndex for them. A crashed server's row shows its log as its disk
// holds it, dimmed.
//
// The panel is cached (see panelCache): it changes when an entry is
// appended, committed or applied, not with every frame.
func (p *logsPanel) draw(dst *ebiten.Image) {
	g := p.g
	g.keyScratch = p.key(g.keyScratch[:0])
	p.cache.draw(dst, g.lay.Logs, g.keyScratch, p.render)
}

// geometry is the panel's cell size and the window of indexes shown.
func (p *logsPanel) geometry() (labelW, cell float64, first, last uint64) {
	g := p.g
	w := g.view()
	s := g.scale
	labelW = 44 * s
	cell = 24 * s
	cells := int((g.lay.Logs.W - labelW - 16*s) / cell)
	maxLast := uint64(0)
	for _, n := range w.Nodes {
		maxLast = max(maxLast, n.Log.Last)
	}
	first, last = logWindow(maxLast, cells)
	return labelW, cell, first, last
}

// key appends to k everything the logs panel shows: the panel's place,
// the window of indexes, and for each node whether it is up and, in the
// window, its entries' terms and kinds, its commit and applied indexes and
// the start of its log; then the leader's progress marks.
func (p *logsPanel) key(k keyBuf) keyBuf {
	g := p.g
	w := g.view()
	_, _, first, last := p.geometry()
	k = k.rect(g.lay.Logs).float(g.scale).uint(first).uint(last)
	leader, hasLeader := w.Leader()
	k = k.bool(hasLeader).uint(uint64(leader))
	for _, n := range w.Nodes {
		r := &n.Log
		k = k.uint(uint64(n.ID)).bool(!n.Up)
		k = k.uint(r.First).uint(r.Last).uint(r.Commit).uint(r.Applied)
		for i := max(first, r.First); i <= min(last, r.Last); i++ {
			e, _ := r.Entry(i)
			k = k.uint(e.Term).uint(uint64(e.Kind))
		}
		if hasLeader && n.ID != leader {
			if pr, ok := w.Node(leader).PeerProgress(n.ID); ok {
				k = k.bool(true).uint(pr.Match).uint(pr.Next)
				continue
			}
		}
		k = k.bool(false)
	}
	return k
}

// logsHead is the height of the logs panel's head (its title, legend and
// the entries' indexes), above the rows, in logical pixels.
const logsHead = 40

// rowH is the height of one node's row in the logs panel: the rows share
// what the head leaves, less a margin at the foot, up to 26 logical
// pixels each.
func (p *logsPanel) rowH() float64 {
	g := p.g
	s := g.scale
	return math.Min(26*s, (g.lay.Logs.H-(logsHead+2)*s)/float64(max(len(g.view().Nodes), 1)))
}

// rowY is the top of the row-th node's row in the logs panel.
func (p *logsPanel) rowY(row int) float64 {
	g := p.g
	return g.lay.Logs.Y + logsHead*g.scale + float64(row)*p.rowH()
}

// cellAt is the cell of index i on the row-th node's row (its entry, or
// where the entry would be), if the panel shows that index.
func (p *logsPanel) cellAt(row int, i uint64) (Rect, bool) {
	g := p.g
	labelW, cell, first, last := p.geometry()
	if i < first || i > last {
		return Rect{}, false
	}
	x0 := g.lay.Logs.X + labelW
	return Rect{x0 + float64(i-first)*cell, p.rowY(row), cell - 2*g.scale, p.rowH() - 4*g.scale}, true
}

// render draws the logs panel with every position shifted by (-dx,
// -dy).
func (p *logsPanel) render(dst *ebiten.Image, dx, dy float64) {
	g := p.g
	w := g.view()
	s := g.scale
	area := g.lay.Logs.moved(dx, dy)
	g.spr.fillRect(dst, area, colPanel)
	g.spr.fillRect(dst, Rect{area.X, area.Y, area.W, 1 * s}, colPanelEdge)
	title := face(13*s, true)
	small := face(10*s, false)
	drawText(dst, g.tr("logs.title"), title, area.X+12*s, area.Y+14*s, colText, alignStart)
	drawText(dst, logsLegend(g.lang, area.W-(60+8)*s, small), small, area.X+60*s, area.Y+14*s, colTextDim, alignStart)

	ids := w.IDs()
	labelW, cell, first, last := p.geometry()
	rowH := p.rowH()
	x0 := area.X + labelW
	// Index header.
	hdrY := area.Y + 30*s
	for i := first; i <= last; i++ {
		if i%5 == 0 || i == first {
			drawText(dst, fmt.Sprint(i), small, x0+float64(i-first)*cell+cell/2, hdrY, colTextDim, alignCenter)
		}
	}
	leader, hasLeader := w.Leader()
	for row, id := range ids {
		y := area.Y + p.rowY(row) - g.lay.Logs.Y
		r, dim := p.rowLog(id)
		nameCol := colText
		if dim {
			nameCol = colTextDim
		}
		drawText(dst, id.Name(), face(12*s, true), area.X+12*s, y+rowH/2, nameCol, alignStart)
		if r == nil {
			continue
		}
		p.drawRow(dst, r, dim, first, last, x0, y, cell, rowH-4*s)
		if dim {
			// Say why the row is dim, after its last entry and the
			// leader's n mark one past it.
			end := x0 + float64(min(max(r.Last, first-1), last)-first+2)*cell + 6*s
			if note := g.tr("logs.down"); end+textWidth(note, small)+8*s < area.X+area.W {
				drawText(dst, note, small, end, y+rowH/2-2*s, colTextDim, alignStart)
			}
		}
		if hasLeader && id != leader {
			if pr, ok := w.Node(leader).PeerProgress(id); ok {
				p.drawProgressMarks(dst, pr, first, last, x0, y, cell, rowH-4*s)
			}
		}
	}
}

// drawRow draws a server's log cells and its commit and applied marks;
// dim draws a crashed server's log, faint.
func (p *logsPanel) drawRow(dst *ebiten.Image, r *view.Log, dim bool, first, last uint64, x0, y, cell, h float64) {
	g := p.g
	s := g.scale
	a := 1.0
	if dim {
		a = 0.4
	}
	f := face(math.Min(12*s, h*0.6), true)
	commit, applied := r.Commit, r.Applied
	snap := r.First - 1
	if snap >= first {
		end := min(snap, last)
		box := Rect{x0, y, float64(end-first+1)*cell - 2*s, h}
		g.spr.fillRect(dst, box, colPanelEdge)
		label := g.tr("logs.snapshot", snap)
		drawText(dst, ellipsize(label, face(10*s, false), box.W-4*s), face(10*s, false), box.CenterX(), box.CenterY(), colText, alignCenter)
	}
	for i := max(first, snap+1); i <= min(last, r.Last); i++ {
		e, ok := r.Entry(i)
		if !ok {
			continue // older than the view's tail, left of any window
		}
		t := e.Term
		c := withAlpha(TermColor(t), a)
		box := Rect{x0 + float64(i-first)*cell, y, cell - 2*s, h}
		if i <= commit {
			g.spr.fillRect(dst, box, c)
			drawText(dst, fmt.Sprint(t), f, box.CenterX(), box.CenterY(), colBackground, alignCenter)
		} else {
			g.spr.fillRect(dst, box, withAlpha(c, 0.18))
			g.spr.strokeRect(dst, box, 1.5*s, c)
			drawText(dst, fmt.Sprint(t), f, box.CenterX(), box.CenterY(), c, alignCenter)
		}
		if e.Kind != view.EntryNormal {
			g.spr.fillRect(dst, Rect{box.X + 2*s, box.Y + 2*s, 4 * s, 4 * s}, withAlpha(colText, a))
		}
	}
	if commit >= first && commit <= last {
		x := x0 + float64(commit-first+1)*cell - 1.5*s
		g.spr.fillRect(dst, Rect{x - 1*s, y - 2*s, 2.5 * s, h + 4*s}, withAlpha(colText, a))
	}
	if applied >= first && applied <= last {
		x := x0 + float64(applied-first)*cell + cell/2 - s
		drawText(dst, "▲", face(10*s, false), x, y+h+1*s, colText, alignCenter)
	}
}

// drawProgressMarks shows, on a follower's row, where the leader believes
// its log matches (m) and what it will send next (n).
func (p *logsPanel) drawProgressMarks(dst *ebiten.Image, pr view.Progress, first, last uint64, x0, y, cell, h float64) {
	g := p.g
	s := g.scale
	f := face(9*s, true)
	mark := func(i uint64, label string, dy float64) {
		if i < first || i > last {
			return
		}
		x := x0 + float64(i-first)*cell + cell/2
		drawText(dst, label, f, x, y+dy, colAccent, alignCenter)
	}
	mark(pr.Match, g.tr("logs.mark.match"), h-3*s)
	mark(pr.Next, g.tr("logs.mark.next"), 4*s)
}

// logsLegendItems explain the logs panel's marks: the catalogue keys of
// each in a long and a short form.
var logsLegendItems = []struct{ long, short string }{
	{"logs.legend.committed", "logs.legend.committed"},
	{"logs.legend.uncommitted", "logs.legend.uncommitted.short"},
	{"logs.legend.commit", "logs.legend.commit"},
	{"logs.legend.applied", "logs.legend.applied"},
	{"logs.legend.progress", "logs.legend.progress.short"},
}

// logsLegend is the legend line that fits in room, in a language: the
// long forms, else the short ones, else as many short ones as fit, so that
// it never runs into the column at the right.
func logsLegend(lang i18n.Lang, room float64, f text.Face) string {
	const gap = "   "
	var long, short []string
	for _, it := range logsLegendItems {
		long, short = append(long, lang.T(it.long)), append(short, lang.T(it.short))
	}
	if line := strings.Join(long, gap); textWidth(line, f) <= room {
		return line
	}
	for n := len(short); n > 0; n-- {
		if line := strings.Join(short[:n], gap); textWidth(line, f) <= room {
			return line
		}
	}
	return ""
}

// logsPanel is the logs panel: one row per server's log.
type logsPanel struct {
	g     *Game
	cache panelCache
}

// press deselects the server a press beside the rows leaves.
func (p *logsPanel) press(x, y float64, long bool) bool {
	if !p.g.lay.Logs.Contains(x, y) {
		return false
	}
	p.g.selected = 0
	return true
}

func (p *logsPanel) tip(x, y float64) (tooltip, bool) { return tooltip{}, false }
