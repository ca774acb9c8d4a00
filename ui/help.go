package ui

import (
	"image/color"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/raftlab/raftlab/lessons/doc"
)

// helpLines are the catalogue keys of every shortcut and click the help
// lists, a line each; "" leaves a gap.
var helpLines = []string{
	"help.key.space",
	"help.key.right",
	"help.key.speed",
	"help.key.write",
	"help.key.crash",
	"help.key.save",
	"help.key.share",
	"help.key.safety",
	"help.key.diagram",
	"help.key.help",
	"help.key.present",
	"",
	"help.click.node",
	"help.click.link",
	"help.click.message",
	"help.click.chip",
	"help.click.timeline",
	"help.click.safety",
	"help.drop",
	"help.touch",
}

// helpRole is a role the legend shows: its name for the browser tests
// (legend "role <name>"), its catalogue key and its colour.
type helpRole struct {
	name, key string
	c         color.RGBA
}

// helpRoles are the roles the legend shows, with their colours (crashed is
// not a Raft role: a server that is down).
func helpRoles() []helpRole {
	return []helpRole{
		{"follower", "help.role.follower", colFollower}, {"pre-candidate", "help.role.pre-candidate", colPreCandidate},
		{"candidate", "help.role.candidate", colCandidate}, {"leader", "help.role.leader", colLeader},
		{"crashed", "help.role.crashed", colDown},
	}
}

// helpMessageKey is the catalogue key of a message kind's name in the
// legend: "vote granted" is help.message.vote-granted.
func helpMessageKey(name string) string {
	return "help.message." + strings.ReplaceAll(strings.ToLower(name), " ", "-")
}

// helpKind is what a laid-out piece of the help overlay draws.
type helpKind int

const (
	helpText  helpKind = iota
	helpDisc           // a server's disc, with text as its term if any
	helpTimer          // a timer ring, part drained
	helpDisk           // a disk gauge, part written
	helpCell           // a log cell; hollow when not committed
	helpGlyph          // a message glyph
)

// helpItem is one piece of the help overlay: a line of text, or a swatch
// of the legend at r (a disc or ring centred in it). legend names the
// legend entry a swatch or its text stands for, for the browser tests.
type helpItem struct {
	kind   helpKind
	text   string
	r      Rect
	size   float64
	bold   bool
	col    color.RGBA
	hollow bool
	look   messageLook
	legend string
}

// helpView is the help overlay laid out: its box, the control that opens
// the course, and its pieces.
type helpView struct {
	box     Rect
	lessons Button
	items   []helpItem
}

// helpLaidOut lays out the help overlay in two columns, shortcuts on the
// left and the legend of colours and shapes on the right, centred on the
// screen (it fits at 800x600).
func (p *helpPanel) helpLaidOut() helpView {
	g := p.g
	s := g.scale
	pad, gap := 18*s, 22*s
	boxW := min(float64(g.w)-24*s, 920*s)
	colW := (boxW - 2*pad - gap) / 2
	var v helpView
	label := g.tr("help.lessons")
	lessonsW := controlWidthIn(g.lang, Button{Label: label}, s)
	v.lessons = Button{Name: "help-lessons", Label: label, Hint: g.tr("help.lessons.hint")}
	v.lessons.Rect = Rect{boxW - pad - lessonsW, pad - 4*s, lessonsW, 28 * s}
	v.items = append(v.items,
		helpItem{kind: helpText, text: g.tr("help.title"), r: Rect{pad, pad + 10*s, 0, 0}, size: 16 * s, bold: true, col: colText},
		helpItem{kind: helpText, text: g.tr("help.close"), r: Rect{pad + 56*s, pad + 10*s, 0, 0}, size: 12 * s, col: colTextDim})
	top := pad + 44*s
	left := p.helpShortcuts(&v, pad, top, colW)
	right := p.helpLegend(&v, pad+colW+gap, top, colW)
	h := max(left, right) + pad
	v.box = Rect{(float64(g.w) - boxW) / 2, max(4*s, (float64(g.h)-h)/2), boxW, h}
	v.lessons.Rect = v.lessons.Rect.moved(-v.box.X, -v.box.Y)
	for i := range v.items {
		v.items[i].r = v.items[i].r.moved(-v.box.X, -v.box.Y)
	}
	return v
}

// helpLineH is the height of a line of the help's text, in logical
// pixels, at helpSize.
const (
	helpLineH = 17.0
	helpSize  = 12.5
)

// helpShortcuts lays out the shortcuts column from y, wrapped to width w,
// and returns where it ends.
func (p *helpPanel) helpShortcuts(v *helpView, x, y, w float64) float64 {
	g := p.g
	s := g.scale
	v.items = append(v.items, helpItem{kind: helpText, text: g.tr("help.keys"), r: Rect{x, y, 0, 0}, size: 14 * s, bold: true, col: colText})
	y += 26 * s
	for _, key := range helpLines {
		if key == "" {
			y += 8 * s
			continue
		}
		for _, ln := range wrapSpans([]doc.Span{{Text: g.tr(key)}}, w, helpSize*s, false) {
			for _, r := range ln {
				v.items = append(v.items, helpItem{kind: helpText, text: r.text, r: Rect{x + r.x, y, 0, 0}, size: helpSize * s, col: colText})
			}
			y += helpLineH * s
		}
	}
	return y
}

// helpLegend lays out the legend column from y, width w, and returns where
// it ends: the roles' colours, the election timer, the term, the disk
// gauge, log cells and every kind of message.
func (p *helpPanel) helpLegend(v *helpView, x, y, w float64) float64 {
	g := p.g
	s := g.scale
	v.items = append(v.items, helpItem{kind: helpText, text: g.tr("help.legend"), r: Rect{x, y, 0, 0}, size: 14 * s, bold: true, col: colText})
	y += 26 * s
	// The roles flow as chips: a disc and its name.
	cx := x
	for _, role := range helpRoles() {
		name := g.tr(role.key)
		tw := textWidth(name, face(helpSize*s, false))
		if cx > x && cx+18*s+tw > x+w {
			cx, y = x, y+22*s
		}
		v.items = append(v.items,
			helpItem{kind: helpDisc, r: Rect{cx, y - 7*s, 14 * s, 14 * s}, col: role.c, legend: "role " + role.name},
			helpItem{kind: helpText, text: name, r: Rect{cx + 18*s, y, 0, 0}, size: helpSize * s, col: colText})
		cx += 18*s + tw + 14*s
	}
	y += 26 * s
	// A row: a swatch in a 28-pixel column, then its explanation wrapped.
	row := func(sw helpItem, text string) {
		sw.r.X, sw.r.Y = x+(28*s-sw.r.W)/2, y-sw.r.H/2
		if sw.r.H > helpLineH*s {
			sw.r.Y = y - helpLineH*s/2
		}
		v.items = append(v.items, sw)
		lines := wrapSpans([]doc.Span{{Text: text}}, w-36*s, helpSize*s, false)
		for _, ln := range lines {
			for _, r := range ln {
				v.items = append(v.items, helpItem{kind: helpText, text: r.text, r: Rect{x + 36*s + r.x, y, 0, 0}, size: helpSize * s, col: colText})
			}
			y += helpLineH * s
		}
		y += max(0, sw.r.H-float64(len(lines))*helpLineH*s) + 6*s
	}
	row(helpItem{kind: helpTimer, r: Rect{0, 0, 24 * s, 24 * s}, col: colFollower, legend: "election timer"},
		g.tr("help.timer"))
	row(helpItem{kind: helpDisc, text: "2", r: Rect{0, 0, 22 * s, 22 * s}, col: colFollower, legend: "term"},
		g.tr("help.term"))
	row(helpItem{kind: helpDisk, r: Rect{0, 0, diskGaugeW * s, diskGaugeH * s}, legend: "disk"},
		g.tr("help.disk"))
	row(helpItem{kind: helpCell, text: "2", r: Rect{0, 0, 20 * s, 18 * s}, col: TermColor(2), legend: "committed entry"},
		g.tr("help.committed"))
	row(helpItem{kind: helpCell, text: "3", r: Rect{0, 0, 20 * s, 18 * s}, col: TermColor(3), hollow: true, legend: "uncommitted entry"},
		g.tr("help.uncommitted"))
	for _, ln := range wrapSpans([]doc.Span{{Text: g.tr("help.messages")}}, w, helpSize*s, false) {
		for _, r := range ln {
			v.items = append(v.items, helpItem{kind: helpText, text: r.text, r: Rect{x + r.x, y, 0, 0}, size: helpSize * s, col: colText})
		}
		y += helpLineH * s
	}
	// The message kinds in two columns; a redirect's tag (the leader it
	// names) comes before its name, and the names shrink to fit a narrow
	// column.
	legend := messageLegend()
	half := (len(legend) + 1) / 2
	nameSize := 12 * s
	names := make([]string, len(legend))
	for i, m := range legend {
		names[i] = g.tr(helpMessageKey(m.Name))
		room := w/2 - 40*s - textWidth(m.Look.tag, face(13*s, true))
		if tw := textWidth(names[i], face(nameSize, false)); tw > room {
			nameSize = max(10*s, nameSize*room/tw)
		}
	}
	for i, m := range legend {
		col, line := i/half, i%half
		gx, gy := x+float64(col)*w/2, y+float64(line)*26*s+6*s
		tx := gx + 34*s
		if m.Look.tag != "" {
			tx += textWidth(m.Look.tag, face(13*s, true)) + 4*s
		}
		v.items = append(v.items,
			helpItem{kind: helpGlyph, r: Rect{gx + 2*s, gy - 11*s, 22 * s, 22 * s}, look: m.Look, legend: "message " + m.Name},
			helpItem{kind: helpText, text: names[i], r: Rect{tx, gy, 0, 0}, size: nameSize, col: colText})
	}
	return y + float64(half)*26*s
}

// draw draws the help overlay over a dimmed screen.
func (p *helpPanel) draw(dst *ebiten.Image) {
	g := p.g
	s := g.scale
	v := p.helpLaidOut()
	g.spr.fillRect(dst, g.lay.Screen, withAlpha(colBackground, 0.7))
	g.spr.fillRect(dst, v.box, colPanelEdge)
	g.spr.fillRect(dst, v.box.Inset(1*s), colPanel)
	b := v.lessons
	g.spr.fillRect(dst, b.Rect, colAccent)
	drawText(dst, b.Label, controlFace(s), b.Rect.CenterX(), b.Rect.CenterY(), colBackground, alignCenter)
	for _, it := range v.items {
		r := it.r
		switch it.kind {
		case helpText:
			drawText(dst, it.text, face(it.size, it.bold), r.X, r.Y, it.col, alignStart)
		case helpDisc:
			drawCentered(dst, g.spr.disc(int(r.W/2)), r.CenterX(), r.CenterY(), it.col)
			if it.text != "" {
				drawText(dst, it.text, face(r.W*0.55, true), r.CenterX(), r.CenterY(), colBackground, alignCenter)
			}
		case helpTimer:
			drawCentered(dst, g.spr.ring(int(r.W/2), int(3*s)), r.CenterX(), r.CenterY(), withAlpha(colPanelEdge, 0.9))
			drawCentered(dst, g.spr.arc(int(r.W/2), int(3*s), 0.6), r.CenterX(), r.CenterY(), it.col)
		case helpDisk:
			g.spr.fillRect(dst, r, colPanelEdge)
			h := (r.H - 2*s) * 0.6
			g.spr.fillRect(dst, Rect{r.X + s, r.Y + r.H - s - h, r.W - 2*s, h}, colCandidate)
		case helpCell:
			if it.hollow {
				g.spr.fillRect(dst, r, withAlpha(it.col, 0.18))
				g.spr.strokeRect(dst, r, 1.5*s, it.col)
				drawText(dst, it.text, face(12*s, true), r.CenterX(), r.CenterY(), it.col, alignCenter)
			} else {
				g.spr.fillRect(dst, r, it.col)
				drawText(dst, it.text, face(12*s, true), r.CenterX(), r.CenterY(), colBackground, alignCenter)
			}
		case helpGlyph:
			g.drawMessageGlyph(dst, r.CenterX(), r.CenterY(), it.look)
		}
	}
}

// clickHelp answers a click while the help shows: its Lessons control
// opens the course; any other click closes the help.
func (p *helpPanel) clickHelp(x, y float64) {
	g := p.g
	p.open = false
	if p.helpLaidOut().lessons.Rect.Contains(x, y) {
		g.openCourse()
	}
}
