package picture

import (
	"fmt"

	"github.com/raftlab/raftlab/internal/palette"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
)

// drawLogs draws the logs panel as the app does: one row per server, its
// entries as cells coloured by term with the term inside, committed ones
// solid and the others hollow, the commit index as a bar; a crashed
// server's row as its disk holds it, dimmed. The panel shows the newest
// indexes that fit.
func drawLogs(cv *canvas, l *layout, w *view.World, lang i18n.Lang, p *palette.Palette) {
	s := l.s
	cv.rect(l.logsX, l.logsY, l.logsW, l.logsH, p.Panel)
	cv.frame(l.logsX, l.logsY, l.logsW, l.logsH, max(1, s), p.PanelEdge)
	cv.text(lang.T("logs.title"), face(13*s, true), l.logsX+10*s, l.logsY+14*s, p.Text, alignLeft)
	labelW, cell := 44*s, 24*s
	cells := max(1, int((l.logsW-labelW-16*s)/cell))
	var lastIndex uint64
	for _, n := range w.Nodes {
		lastIndex = max(lastIndex, n.Log.Last)
	}
	last := max(lastIndex, uint64(cells))
	first := last - uint64(cells) + 1
	rowH := min(22*s, (l.logsH-34*s)/float64(max(len(w.Nodes), 1)))
	x0 := l.logsX + labelW
	for i := first; i <= last; i++ {
		if i%5 == 0 || i == first {
			cv.text(fmt.Sprint(i), face(9*s, false), x0+float64(i-first)*cell+cell/2-s, l.logsY+26*s, p.TextDim, alignCenter)
		}
	}
	for row := range w.Nodes {
		n := &w.Nodes[row]
		y := l.logsY + 34*s + float64(row)*rowH
		alpha := 1.0
		if !n.Up {
			alpha = 0.45
		}
		cv.text(n.ID.Name(), face(12*s, true), l.logsX+10*s, y+rowH/2-s, withAlpha(p.Text, alpha), alignLeft)
		lg := &n.Log
		if lg.First > first && lg.First > 1 {
			// The compacted prefix, as one block up to the first entry kept.
			end := min(lg.First-1, last)
			cv.rect(x0, y, float64(end-first+1)*cell-2*s, rowH-4*s, withAlpha(p.PanelEdge, alpha))
		}
		for i := max(first, lg.First); i <= min(last, lg.Last); i++ {
			e, ok := lg.Entry(i)
			if !ok {
				continue
			}
			x := x0 + float64(i-first)*cell
			c := withAlpha(p.Term(e.Term), alpha)
			tc := withAlpha(p.Background, alpha)
			if i <= lg.Commit {
				cv.rect(x, y, cell-2*s, rowH-4*s, c)
			} else {
				cv.frame(x, y, cell-2*s, rowH-4*s, max(1.5, 2*s), c)
				tc = c
			}
			cv.text(fmt.Sprint(e.Term), face(min(11*s, rowH*0.55), true), x+cell/2-s, y+rowH/2-2*s, tc, alignCenter)
		}
		if lg.Commit >= first && lg.Commit <= last {
			x := x0 + float64(lg.Commit-first+1)*cell - s
			cv.rect(x-1.5*s, y-2*s, 3*s, rowH, withAlpha(p.Text, alpha))
		}
	}
}
