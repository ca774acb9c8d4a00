package ui

import (
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"github.com/raftlab/raftlab/playground/view"
)

// marker is a moment the timeline points out, and what happened then.
type marker struct {
	at   int64
	kind markKind
}

// markKind is what a marker stands for; each kind has a colour and an
// entry in the legend under the track.
type markKind int

const (
	markLeader markKind = iota
	markCrash
	markNetwork
	markViolation
)

// markKinds are the kinds in the legend's order, each with the catalogue
// key of its entry.
var markKinds = []struct {
	kind markKind
	key  string
}{
	{markLeader, "timeline.legend.leader"},
	{markCrash, "timeline.legend.crash"},
	{markNetwork, "timeline.legend.network"},
	{markViolation, "timeline.legend.violation"},
}

// color is the kind's colour, read from the palette when drawn (the theme
// can change while the markers are kept).
func (k markKind) color() color.RGBA {
	switch k {
	case markLeader:
		return colLeader
	case markCrash:
		return colTextDim
	case markNetwork:
		return colCandidate
	}
	return colBad
}

// timelineMarkers keeps the markers of the whole history, not just of the
// present: after a seek back the later ones stay on the track. It scans
// only events it has not seen; the trace of an earlier moment is a prefix
// of the same history (replay is deterministic), so the count of events
// scanned is enough to resume. Acting in the past forks history: forget
// drops what came after.
type timelineMarkers struct {
	scanned int
	list    []marker
}

func (m *timelineMarkers) update(w view.Session) {
	for i := max(m.scanned, w.TraceStart()); i < w.TraceLen(); i++ {
		switch w.EventType(i) {
		case view.EvRole, view.EvCrash, view.EvRestart, view.EvPartition,
			view.EvCut, view.EvHeal, view.EvViolation:
		default:
			continue
		}
		e := w.Event(i)
		switch {
		case e.Type == view.EvRole && e.Role == view.Leader:
			m.list = append(m.list, marker{e.AtMs, markLeader})
		case e.Type == view.EvCrash || e.Type == view.EvRestart:
			m.list = append(m.list, marker{e.AtMs, markCrash})
		case e.Type == view.EvPartition || e.Type == view.EvCut || e.Type == view.EvHeal:
			m.list = append(m.list, marker{e.AtMs, markNetwork})
		case e.Type == view.EvViolation:
			m.list = append(m.list, marker{e.AtMs, markViolation})
		}
	}
	m.scanned = max(m.scanned, w.TraceLen())
}

// forget drops the markers of a discarded future: those after the present,
// whose trace has traceLen events.
func (m *timelineMarkers) forget(now int64, traceLen int) {
	kept := m.list[:0]
	for _, mk := range m.list {
		if mk.at <= now {
			kept = append(kept, mk)
		}
	}
	m.list = kept
	m.scanned = traceLen
}

// timelineSpan is the time the track covers: the scenario's length, or for
// open-ended play the furthest point reached plus some room.
func (p *timelinePanel) timelineSpan() int64 {
	g := p.g
	until := g.scenario.Until
	h := g.sess.Horizon()
	if until > 0 && until < 1<<30 {
		return max(until, h)
	}
	return max(10_000, h+h/5)
}

// draw draws the scrubber: the history so far, the present, and
// markers of what happened (see markKinds), with their legend below.
//
// The strip above the track, with the hint, is cached (see panelCache);
// the time shown changes with nearly every frame, so it is drawn live.
func (p *timelinePanel) draw(dst *ebiten.Image) {
	g := p.g
	s := g.scale
	area := g.lay.Timeline
	strip := p.timelineStrip()
	g.keyScratch = g.keyScratch[:0].rect(strip).rect(g.lay.Track).float(g.scale).str(p.longStatus())
	p.cache.draw(dst, strip, g.keyScratch, p.renderTimelineStrip)
	drawText(dst, p.timelineInfo(), face(12*s, false), g.lay.Track.X, area.Y+14*s, colText, alignStart)
	g.spr.fillRect(dst, Rect{area.X, strip.Y + strip.H, area.W, area.Y + area.H - (strip.Y + strip.H)}, colPanel)
	tr := g.lay.Track
	span := float64(p.timelineSpan())
	xAt := func(t float64) float64 { return tr.X + tr.W*t/span }
	g.spr.fillRect(dst, tr, colButton)
	g.spr.fillRect(dst, Rect{tr.X, tr.Y, xAt(float64(g.sess.Horizon())) - tr.X, tr.H}, colPanelEdge)
	g.spr.fillRect(dst, Rect{tr.X, tr.Y + tr.H/2 - 2*s, xAt(g.clock) - tr.X, 4 * s}, colAccent)
	for _, m := range p.markers.list { // kept by Update (see settle)
		head, stem := markRects(xAt(float64(m.at)), tr, s)
		g.spr.fillRect(dst, stem, m.kind.color())
		p.drawMarkHead(dst, m.kind, head)
	}
	x := xAt(g.clock)
	drawCentered(dst, g.spr.disc(int(7*s)), x, tr.CenterY(), colText)
	for _, e := range p.timelineLegend() {
		p.drawMarkHead(dst, e.kind, e.swatch)
		drawText(dst, e.label, legendFace(s), e.text.X, e.text.CenterY(), colTextDim, alignStart)
	}
}

// Marks must read from the back of a room on a projector: a stem
// markStem logical pixels wide through the track, under a head markHead
// across whose shape tells the kind (the legend shows the same heads).
const (
	markStem = 3.0
	markHead = 10.0
)

// markRects are a mark's head, above the track, and its stem, through it,
// at x.
func markRects(x float64, tr Rect, s float64) (head, stem Rect) {
	h := markHead * s
	head = Rect{x - h/2, tr.Y - h + 1*s, h, h}
	stem = Rect{x - markStem*s/2, head.CenterY(), markStem * s, tr.Y + tr.H + 3*s - head.CenterY()}
	return head, stem
}

// drawMarkHead draws a kind's head in r: a disc for a new leader, a
// square for a crash or restart, a ring for the network, a diamond for a
// safety violation. Shape and colour both tell the kind, for those who do
// not tell the colours apart.
func (p *timelinePanel) drawMarkHead(dst *ebiten.Image, k markKind, r Rect) {
	g := p.g
	c := k.color()
	d := min(r.W, r.H)
	cx, cy := r.CenterX(), r.CenterY()
	switch k {
	case markLeader:
		drawCentered(dst, g.spr.disc(int(d/2)), cx, cy, c)
	case markCrash:
		g.spr.fillRect(dst, Rect{cx - d*0.42, cy - d*0.42, d * 0.84, d * 0.84}, c)
	case markNetwork:
		drawCentered(dst, g.spr.ring(int(d/2), int(max(2, d/4))), cx, cy, c)
	default:
		a := d * 0.72 // a square of side a turned by 45°: d across
		o := a / 2 * math.Sqrt2 / 2
		g.spr.line(dst, cx-o, cy-o, cx+o, cy+o, a, c)
	}
}

// legendEntry is a kind of marker in the legend: its mark's head, and its
// label.
type legendEntry struct {
	kind         markKind
	label        string
	swatch, text Rect
}

// legendFace is the face of the legend's labels.
func legendFace(s float64) text.Face { return face(10.5*s, false) }

// timelineLegend lays out the legend in a row under the track, below the
// markers' ends, from the track's left end.
func (p *timelinePanel) timelineLegend() []legendEntry {
	g := p.g
	s := g.scale
	tr := g.lay.Track
	a := g.lay.Timeline
	top := tr.Y + tr.H + 5*s
	h := a.Y + a.H - top - 1*s
	f := legendFace(s)
	x := tr.X
	d := min(markHead*s, h)
	out := make([]legendEntry, 0, len(markKinds))
	for _, k := range markKinds {
		label := g.tr(k.key)
		w := textWidth(label, f)
		out = append(out, legendEntry{
			kind:   k.kind,
			label:  label,
			swatch: Rect{x, top + (h-d)/2, d, d},
			text:   Rect{x + d + 4*s, top, w, h},
		})
		x += d + 4*s + w + 14*s
	}
	return out
}

// timelineStrip is the top of the timeline panel, above the track and its
// markers: its edge and the text line.
func (p *timelinePanel) timelineStrip() Rect {
	g := p.g
	a := g.lay.Timeline
	return Rect{a.X, a.Y, a.W, math.Floor(g.lay.Track.Y - 4*g.scale - a.Y)}
}

// timelineInfo is the text line: the time, the play state and the speed.
func (p *timelinePanel) timelineInfo() string {
	g := p.g
	if g.paused {
		return g.tr("timeline.info.paused", g.clock/1000, g.speedLabel())
	}
	return g.tr("timeline.info.playing", g.clock/1000, g.speedLabel())
}

// renderTimelineStrip draws the strip (its edge and the hint) with every position shifted by
// (-dx, -dy).
func (p *timelinePanel) renderTimelineStrip(dst *ebiten.Image, dx, dy float64) {
	g := p.g
	s := g.scale
	area := g.lay.Timeline.moved(dx, dy)
	tr := g.lay.Track.moved(dx, dy)
	g.spr.fillRect(dst, p.timelineStrip().moved(dx, dy), colPanel)
	g.spr.fillRect(dst, Rect{area.X, area.Y, area.W, 1 * s}, colPanelEdge)
	if status := p.longStatus(); status != "" {
		f := face(12*s, false)
		drawText(dst, ellipsize(status, f, tr.W/2+40*s), f, tr.X+tr.W, area.Y+14*s, colHighlight, alignEnd)
		return
	}
	drawText(dst, g.tr("timeline.hint"), face(11*s, false), tr.X+tr.W, area.Y+14*s, colTextDim, alignEnd)
}

// longStatus is the status line when it is too long for the top bar: the
// strip shows it in the hint's place ("" when the top bar shows it, or
// none shows).
func (p *timelinePanel) longStatus() string {
	if p.g.top.statusFits() {
		return ""
	}
	return p.g.statusShown()
}

// timelinePanel is the timeline: the history so far, the
// present, and markers of what happened; a press travels in time, and a
// drag scrubs.
type timelinePanel struct {
	g     *Game
	cache panelCache
	// markers are kept by Update (see settle); scrubbing is set while the
	// pointer drags the present along the track.
	markers   timelineMarkers
	scrubbing bool
}

func (p *timelinePanel) press(x, y float64, long bool) bool {
	if !p.g.lay.Timeline.Contains(x, y) {
		return false
	}
	p.scrubbing = !long
	p.g.scrubTo(x)
	return true
}

func (p *timelinePanel) tip(x, y float64) (tooltip, bool) {
	if p.g.lay.Track.Contains(x, y) {
		return tooltip{text: p.g.tr("tip.timeline")}, true
	}
	return tooltip{}, false
}
