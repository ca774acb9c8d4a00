package ui

import (
	"fmt"
	"image/color"
	"path"
	"slices"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/raftlab/raftlab/lessons"
	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/raft"
)

// Draw implements ebiten.Game.
func (g *Game) Draw(screen *ebiten.Image) {
	screen.Fill(colBackground)
	g.frames++
	if g.opts.Empty {
		return
	}
	b := screen.Bounds()
	if g.spr == nil {
		g.spr = newSprites()
	}
	if b.Dx() != g.w || b.Dy() != g.h || !slices.Equal(g.layIDs, g.world().Nodes()) {
		g.relayout(b.Dx(), b.Dy())
		g.layIDs = g.world().Nodes()
	}
	if g.frames%60 == 0 {
		g.texts.sweep(g.frames)
	}
	g.drawCluster(screen)
	g.drawPointers(screen, false)
	g.drawLogs(screen)
	switch {
	case g.lesson != nil:
		// The lesson panel takes the right-hand column, above a short
		// feed and the safety strip.
		g.drawFeed(screen)
		g.drawSafetyStrip(screen)
	case g.inspecting():
		// The inspector shares the column with the feed.
		g.drawSafety(screen)
		g.drawInspector(screen)
		g.drawFeed(screen)
	default:
		g.drawSafety(screen)
		g.drawFeed(screen)
	}
	g.drawLesson(screen)
	g.drawCard(screen)
	g.drawTimeline(screen)
	g.drawTopBar(screen)
	g.drawMenu(screen)
	g.drawPointers(screen, true)
	if g.help {
		g.drawHelp(screen)
	}
	if g.settings != nil {
		g.drawSettings(screen)
	}
	// Over everything: the settings explain their rows too.
	g.drawTooltip(screen)
}

// drawTopBar draws the controls and, on the right, the scenario's name or
// the status line. It is cached (see panelCache): it changes with the
// pointer's button, play/pause and the status line.
func (g *Game) drawTopBar(dst *ebiten.Image) {
	g.keyScratch = g.topBarKey(g.keyScratch[:0])
	g.topBarCache.draw(dst, g.lay.TopBar, g.keyScratch, g.renderTopBar)
}

// statusShown is the status line while it shows, or "".
func (g *Game) statusShown() string {
	if g.status != "" && g.frames-g.statusAt < 360 {
		return g.status
	}
	return ""
}

// topBarKey appends to k what the top bar shows.
func (g *Game) topBarKey(k keyBuf) keyBuf {
	k = k.rect(g.lay.TopBar).float(g.scale).bool(g.paused).str(g.statusShown()).str(g.scenario.Name)
	for _, b := range g.lay.Buttons {
		k = k.str(b.Label).rect(b.Rect).bool(b.Rect.Contains(g.hover.x, g.hover.y))
	}
	return k
}

// renderTopBar draws the top bar with every position shifted by (-dx,
// -dy).
func (g *Game) renderTopBar(dst *ebiten.Image, dx, dy float64) {
	s := g.scale
	bar := g.lay.TopBar.moved(dx, dy)
	g.spr.fillRect(dst, bar, colPanel)
	f := face(13*s, false)
	for _, b := range g.lay.Buttons {
		bg := g.buttonColor(b)
		r := b.Rect.moved(dx, dy)
		g.spr.fillRect(dst, r, bg)
		label := b.Label
		if b.Name == "play" && g.paused {
			label = "Play"
		}
		drawText(dst, label, f, r.CenterX(), r.CenterY(), colText, alignCenter)
	}
	title := "RaftLab · " + g.scenario.Name
	right := g.lay.TopBar.W - 14*s - dx
	last := g.lay.Buttons[len(g.lay.Buttons)-1].Rect.moved(dx, dy)
	room := right - (last.X + last.W) - 16*s
	if status := g.statusShown(); status != "" {
		drawText(dst, ellipsize(status, f, room), f, right, bar.CenterY(), colHighlight, alignEnd)
		return
	}
	drawText(dst, ellipsize(title, face(14*s, true), room), face(14*s, true), right, bar.CenterY(), colText, alignEnd)
}

func (g *Game) drawMenu(dst *ebiten.Image) {
	m := g.menu
	if m == nil {
		return
	}
	s := g.scale
	g.spr.fillRect(dst, m.rect, colPanelEdge)
	g.spr.fillRect(dst, m.rect.Inset(1*s), colPanel)
	drawText(dst, m.title, face(13*s, true), m.rect.X+12*s, m.rect.Y+14*s, colTextDim, alignStart)
	f := face(14*s, false)
	for _, it := range m.items {
		if it.Rect.Contains(g.hover.x, g.hover.y) {
			g.spr.fillRect(dst, it.Rect, colButtonHot)
		}
		drawText(dst, it.Label, f, it.Rect.X+10*s, it.Rect.CenterY(), colText, alignStart)
	}
}

// drawTooltip explains the control or message under the pointer.
func (g *Game) drawTooltip(dst *ebiten.Image) {
	if g.menu != nil || g.help || g.card {
		return
	}
	var tip string
	if g.settings != nil {
		tip = g.settingsHint(g.hover.x, g.hover.y)
	} else if b, ok := g.lay.hitButton(g.hover.x, g.hover.y); ok {
		tip = b.Hint
	} else if b, ok := hitAny(g.clientButtons(), g.hover.x, g.hover.y); ok {
		tip = b.Hint
	} else if b, ok := hitAny(g.lessonButtons(), g.hover.x, g.hover.y); ok {
		tip = b.Hint
	} else if h := g.safetyHint(g.hover.x, g.hover.y); h != "" {
		tip = h
	} else if e, ok := g.hoveredTerm(); ok {
		g.drawTermTip(dst, e)
		return
	} else if g.lesson != nil && g.lessonArea().Contains(g.hover.x, g.hover.y) {
		// Nothing else to explain on the lesson panel's text.
	} else if b, ok := hitAny(g.feedButtons(), g.hover.x, g.hover.y); ok {
		tip = "Show " + b.Label + " events"
	} else if t := g.feedTip(g.hover.x, g.hover.y); t != "" {
		tip = t
	} else if f, ok := g.hitMessage(g.hover.x, g.hover.y); ok {
		tip = describeMessage(f)
	} else if id, ok := g.lay.hitNode(g.hover.x, g.hover.y); ok {
		tip = "Click " + playground.S(id) + " for its menu; its state shows on the right"
	} else if g.lay.Track.Contains(g.hover.x, g.hover.y) {
		tip = "Click or drag to travel in time"
	}
	if tip == "" {
		return
	}
	s := g.scale
	box, lines := g.tooltipLaidOut(tip)
	g.spr.fillRect(dst, box, colPanelEdge)
	for i, ln := range lines {
		drawText(dst, ln, face(12*s, false), box.X+8*s, box.Y+3*s+(float64(i)+0.5)*tooltipLineH*s, colText, alignStart)
	}
}

// tooltipLineH is the height of a line of a tooltip, in logical pixels.
const tooltipLineH = 16.0

// tooltipLaidOut is the box of a tooltip beside the pointer and its lines:
// a long tip wraps, so that it stays on screen.
func (g *Game) tooltipLaidOut(tip string) (Rect, []string) {
	s := g.scale
	f := face(12*s, false)
	var lines []string
	w := 0.0
	for _, ln := range wrapSpans([]lessons.Span{{Text: tip}}, 360*s, 12*s, false) {
		lines = append(lines, strings.TrimRight(ln[0].text, " "))
		w = max(w, textWidth(lines[len(lines)-1], f)+16*s)
	}
	h := float64(len(lines))*tooltipLineH*s + 6*s
	x := max(4*s, min(g.hover.x+14*s, float64(g.w)-w-4*s))
	y := min(g.hover.y+20*s, float64(g.h)-h-4*s)
	return Rect{x, y, w, h}, lines
}

// drawTermTip explains a key term of a lesson's narration beside the
// pointer: the term in bold, then its meaning, wrapped.
func (g *Game) drawTermTip(dst *ebiten.Image, e lessons.Entry) {
	s := g.scale
	width := 320 * s
	size := 12 * s
	lh := 16 * s
	lines := wrapSpans([]lessons.Span{{Text: e.Term + ": ", Style: lessons.Bold}, {Text: e.Meaning}}, width, size, false)
	box := Rect{0, 0, width + 16*s, float64(len(lines))*lh + 10*s}
	// Left of the pointer: the panel is at the screen's right edge.
	box.X = max(4*s, g.hover.x-box.W-10*s)
	box.Y = min(g.hover.y+18*s, float64(g.h)-box.H-4*s)
	g.spr.fillRect(dst, box, colPanelEdge)
	g.spr.strokeRect(dst, box, 1*s, colAccent)
	for i, ln := range lines {
		for _, r := range ln {
			drawText(dst, r.text, spanFace(r.style, size, false), box.X+8*s+r.x, box.Y+5*s+float64(i)*lh+lh/2, colText, alignStart)
		}
	}
}

// hitAny returns the control of bs under (x, y).
func hitAny(bs []Button, x, y float64) (Button, bool) {
	for _, b := range bs {
		if b.Rect.Contains(x, y) {
			return b, true
		}
	}
	return Button{}, false
}

// buttonColor is a control's fill: lighter under the pointer.
func (g *Game) buttonColor(b Button) color.RGBA {
	if b.Rect.Contains(g.hover.x, g.hover.y) {
		return colButtonHot
	}
	return colButton
}

// describeMessage names a message and its fields in one line.
func describeMessage(f *playground.Flight) string {
	ev := playground.Event{Type: playground.EvSend, Flight: f}
	text := ev.Text()
	if f.Lost {
		text += " — will be lost: " + f.LostWhy()
	}
	return text + " (click to drop it)"
}

// helpLines list every shortcut.
var helpLines = []string{
	"Space  play / pause",
	"Right arrow  run to the next event",
	"+ / -  faster / slower (1/1000x to 1x)",
	"C  a client writes x through the leader",
	"R  crash the leader (or restart a crashed node)",
	"S  save the session as a scenario file",
	"P  Raft's five safety properties",
	"?  this help      Esc  close the topmost menu, panel or lesson",
	"",
	"Click a node: crash, restart, time out, transfer leadership, snapshot, isolate, remove",
	"Click a link: cut it one way or both, or restore it",
	"Click a message: drop it",
	"Click or drag the timeline: travel in time; acting in the past forks history",
	"Click a red safety light: jump to the violation or stale read",
	"Drop a scenario file on the window to load it",
	"Touch: tap = click, long-press = node menu",
}

func (g *Game) drawHelp(dst *ebiten.Image) {
	s := g.scale
	w, h := 640*s, float64(len(helpLines)+3)*24*s
	box := Rect{(float64(g.w) - w) / 2, (float64(g.h) - h) / 2, w, h}
	g.spr.fillRect(dst, g.lay.Screen, withAlpha(colBackground, 0.7))
	g.spr.fillRect(dst, box, colPanelEdge)
	g.spr.fillRect(dst, box.Inset(1*s), colPanel)
	drawText(dst, "Shortcuts", face(16*s, true), box.X+20*s, box.Y+24*s, colText, alignStart)
	for i, l := range helpLines {
		drawText(dst, l, face(13*s, false), box.X+20*s, box.Y+56*s+float64(i)*24*s, colText, alignStart)
	}
}

// inspecting reports whether the inspector shows: a node is selected
// outside a lesson (the lesson panel takes the column then).
func (g *Game) inspecting() bool {
	return g.lesson == nil && g.selected != 0 && g.world().Node(g.selected) != nil
}

// inspectorArea is where the inspector is: the top of the feed's column,
// above a feed that keeps a few lines.
func (g *Game) inspectorArea() Rect {
	inspector, _ := splitFeed(g.lay.Feed, g.scale)
	return inspector
}

// drawInspector shows everything about the selected node. It is cached
// (see panelCache), keyed on its text.
func (g *Game) drawInspector(dst *ebiten.Image) {
	w := g.world()
	lines := inspectorLines(w, w.Node(g.selected))
	area := g.inspectorArea()
	g.keyScratch = inspectorKey(g.keyScratch[:0], area, g.scale, g.selected, lines)
	g.inspectorCache.draw(dst, area, g.keyScratch, func(img *ebiten.Image, dx, dy float64) {
		g.renderInspector(img, dx, dy, lines)
	})
}

// inspectorKey is what the inspector shows: its place, the node and its
// lines.
func inspectorKey(k keyBuf, area Rect, scale float64, id raft.ID, lines []string) keyBuf {
	k = k.rect(area).float(scale).uint(uint64(id)).uint(uint64(len(lines)))
	for _, l := range lines {
		k = k.str(l)
	}
	return k
}

// renderInspector draws the inspector with every position shifted by
// (-dx, -dy).
func (g *Game) renderInspector(dst *ebiten.Image, dx, dy float64, lines []string) {
	s := g.scale
	area := g.inspectorArea().moved(dx, dy)
	g.spr.fillRect(dst, area, colPanel)
	g.spr.fillRect(dst, Rect{area.X, area.Y, area.W, 1 * s}, colPanelEdge)
	n := g.world().Node(g.selected)
	drawText(dst, "Inspector: "+playground.S(n.ID)+"  (Esc to close)", face(13*s, true), area.X+12*s, area.Y+16*s, colText, alignStart)
	f := face(11.5*s, false)
	y := area.Y + 40*s
	for _, l := range lines {
		if y > area.Y+area.H-10*s {
			break
		}
		drawText(dst, ellipsize(l, f, area.W-24*s), f, area.X+12*s, y, colText, alignStart)
		y += 18 * s
	}
}

// inspectorLines describes a node's whole state as text lines.
func inspectorLines(w *playground.World, n *playground.Node) []string {
	var out []string
	add := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	if !n.Up {
		add("crashed; on its disk, as etcd lays out a member:")
		return append(out, diskFileLines(n.Disk)...)
	}
	r := n.Raft
	hs := r.HardState()
	add("%s in term %d, voted for %s, leader %s", r.Role(), hs.Term, playground.S(hs.Vote), playground.S(r.Leader()))
	add("commit %d, applied %d, last index %d", r.CommitIndex(), r.AppliedIndex(), r.LastIndex())
	snapTerm, _ := r.TermAt(r.FirstIndex() - 1)
	add("snapshot up to %d (term %d); log from %d", r.FirstIndex()-1, snapTerm, r.FirstIndex())
	add("members: %s", r.Membership())
	add("election timer %d of %d ms", r.ElectionElapsed()+int(w.TicksBehind(n)), r.ElectionTimeout())
	sync := "idle"
	if n.Syncing() {
		sync = "fsync under way"
	}
	add("disk: %s; fsync takes %d ms; as etcd lays out a member:", sync, n.Disk.FsyncMs)
	out = append(out, diskFileLines(n.Disk)...)
	if r.Role().String() == "leader" {
		add("replication (the leader's view):")
		for _, id := range r.Membership().Members() {
			if pr, ok := r.PeerProgress(id); ok {
				add("  %s  match %d  next %d  %s", playground.S(id), pr.Match, pr.Next, pr.State)
			}
		}
	}
	keys := n.KV.Keys()
	add("state machine: %d keys, revision %d", len(keys), n.KV.Revision)
	for _, k := range keys {
		v, _ := n.KV.Get(k)
		add("  %s = %q  (mod_revision %d, version %d)", k, v.Value, v.ModRevision, v.Version)
	}
	return append(out, strings.Split(strings.TrimSpace(walTail(n)), "\n")...)
}

// diskFileLines lists the files on a node's disk under etcd's names, each
// with what it holds: its directory, its name and its facts on lines of
// their own, so that they fit the side panel of a 1024-pixel screen.
func diskFileLines(d *playground.Disk) []string {
	var out []string
	for _, f := range d.Files() {
		dir, name := path.Split(f.Path)
		out = append(out, "  "+dir, "    "+name)
		if f.Snapshot {
			out = append(out, fmt.Sprintf("      snapshot up to index %d (term %d)", f.Index, f.Term),
				fmt.Sprintf("      %d bytes", f.Bytes))
			continue
		}
		out = append(out, fmt.Sprintf("      written: %d records, %d bytes", f.Records, f.Bytes),
			fmt.Sprintf("      synced: %d records, %d bytes", f.SyncedRecords, f.SyncedBytes))
	}
	return out
}

// walTail lists the last records of a node's WAL, marking the fsync point.
func walTail(n *playground.Node) string {
	recs, durable := n.Disk.WAL.Tail(8)
	var b strings.Builder
	b.WriteString("write-ahead log, last records:\n")
	for i, r := range recs {
		if i == durable {
			b.WriteString("  ---- fsync point: below is not yet durable ----\n")
		}
		b.WriteString("  " + r.String() + "\n")
	}
	return b.String()
}
