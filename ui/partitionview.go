package ui

import (
	"math"
	"strings"

	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
)

// partitionView is where the partition editor puts things: it covers the
// cluster area, and each group is a region of its own, A on the left and
// B on the right, holding its servers, so a server's group shows by where
// it stands as well as by its colour.
type partitionView struct {
	// panel is the editor; title and hint are its rows above the groups.
	panel, title, hint Rect
	// regions are the two groups' regions, headers the rows their
	// captions ("Group A: S1 S2") go in.
	regions, headers [2]Rect
	captions         [2]string
	// divider is the gap between the regions: the cut.
	divider Rect
	// tokens are the servers, in node order, each in its group's region.
	tokens []partitionToken
}

// partitionToken is a server in the editor: group 0 is A, 1 is B.
type partitionToken struct {
	id    view.ID
	group int
	x, y  float64
	r     float64
}

// partitionView lays out the open editor for the cluster area.
func (g *Game) partitionView() partitionView {
	s := g.scale
	c := g.lay.Cluster
	var v partitionView
	v.panel = Rect{c.X + 6*s, c.Y + 4*s, c.W - 12*s, c.H - 8*s}
	p := v.panel
	v.title = Rect{p.X + 12*s, p.Y, p.W - 24*s, 36 * s}
	v.hint = Rect{p.X + 12*s, p.Y + 36*s, p.W - 24*s, 22 * s}
	top := v.hint.Y + v.hint.H + 6*s
	bottom := p.Y + p.H - 10*s
	gap := 28 * s
	half := (p.W - 20*s - gap) / 2
	v.regions[0] = Rect{p.X + 10*s, top, half, bottom - top}
	v.regions[1] = Rect{p.X + 10*s + half + gap, top, half, bottom - top}
	v.divider = Rect{v.regions[0].X + half, top, gap, bottom - top}

	left, right := g.partitionGroups()
	groups := [2][]view.ID{left, right}
	var areas [2]Rect
	r := 30 * s
	for i, r0 := range v.regions {
		v.headers[i] = Rect{r0.X + 10*s, r0.Y + 4*s, r0.W - 20*s, 24 * s}
		areas[i] = Rect{r0.X + 8*s, v.headers[i].Y + v.headers[i].H + 2*s, r0.W - 16*s, r0.Y + r0.H - v.headers[i].Y - v.headers[i].H - 10*s}
		v.captions[i] = groupCaption(i, groups[i], g.lang)
		r = math.Min(r, tokenRadius(areas[i], len(groups[i]), s))
	}
	for i, ids := range groups {
		v.tokens = append(v.tokens, placeTokens(areas[i], ids, i, r)...)
	}
	// In node order, as the cluster lists them.
	var ordered []partitionToken
	for _, id := range g.view().IDs() {
		for _, t := range v.tokens {
			if t.id == id {
				ordered = append(ordered, t)
			}
		}
	}
	v.tokens = ordered
	return v
}

// groupCaption names a group of the editor and its servers, in a
// language.
func groupCaption(group int, ids []view.ID, lang i18n.Lang) string {
	letter := string(rune('A' + group))
	if len(ids) == 0 {
		return lang.T("partition.group.empty", letter)
	}
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = id.Name()
	}
	return lang.T("partition.group", letter, strings.Join(names, " "))
}

// tokenRadius is the largest radius (up to 30 logical pixels) at which n
// servers fit in a grid in area, each cell keeping a margin around its
// server.
func tokenRadius(area Rect, n int, s float64) float64 {
	best := 30 * s
	if n == 0 {
		return best
	}
	fit := 0.0
	for cols := 1; cols <= n; cols++ {
		rows := (n + cols - 1) / cols
		fit = math.Max(fit, math.Min(area.W/float64(cols), area.H/float64(rows))/2-6*s)
	}
	return math.Max(math.Min(best, fit), 8*s)
}

// placeTokens puts servers of radius r in a grid in area: as many columns
// as keep each cell at least 2r+12 wide and tall, the rows centred up and
// down, each server centred in its cell.
func placeTokens(area Rect, ids []view.ID, group int, r float64) []partitionToken {
	n := len(ids)
	if n == 0 {
		return nil
	}
	cell := 2*r + 12
	cols := max(1, min(n, int(area.W/cell)))
	rows := (n + cols - 1) / cols
	for rows > 1 && float64(rows)*cell > area.H && cols < n {
		cols++
		rows = (n + cols - 1) / cols
	}
	cw, ch := area.W/float64(cols), math.Min(area.H/float64(rows), cell*1.6)
	top := area.Y + (area.H-ch*float64(rows))/2
	out := make([]partitionToken, n)
	for i, id := range ids {
		col, row := i%cols, i/cols
		out[i] = partitionToken{id: id, group: group, x: area.X + cw*(float64(col)+0.5), y: top + ch*(float64(row)+0.5), r: r}
	}
	return out
}

// partitionLayoutDoc is the open partition editor, for the browser tests:
// its panel, hint row and divider, and each group's region, caption and
// servers.
type partitionLayoutDoc struct {
	Panel   box                 `json:"panel"`
	Hint    box                 `json:"hint"`
	Divider box                 `json:"divider"`
	Groups  []partitionGroupDoc `json:"groups"`
}

type partitionGroupDoc struct {
	Name    string    `json:"name"`
	Region  box       `json:"region"`
	Caption textBox   `json:"caption"`
	Nodes   []nodeDoc `json:"nodes"`
}

// partitionLayout describes the open editor in CSS pixels (cb converts a
// rectangle), or is nil while it is closed.
func (g *Game) partitionLayout(cb func(string, Rect) box) *partitionLayoutDoc {
	if g.part == nil {
		return nil
	}
	v := g.partitionView()
	s := g.scale
	d := &partitionLayoutDoc{Panel: cb("", v.panel), Hint: cb("", v.hint), Divider: cb("", v.divider)}
	for i := range v.regions {
		gd := partitionGroupDoc{Name: string(rune('A' + i)), Region: cb("", v.regions[i]), Nodes: []nodeDoc{}}
		f := face(13*s, true)
		h := v.headers[i]
		gd.Caption = textBox{v.captions[i], cb("", Rect{h.X, h.Y, math.Min(textWidth(v.captions[i], f), h.W), h.H})}
		for _, t := range v.tokens {
			if t.group == i {
				gd.Nodes = append(gd.Nodes, nodeDoc{t.id, t.x / s, t.y / s, t.r / s})
			}
		}
		d.Groups = append(d.Groups, gd)
	}
	return d
}
