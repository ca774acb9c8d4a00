package ui

import (
	"fmt"
	"math"
	"path"
	"slices"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
)

// inspecting reports whether the inspector shows: a node is selected
// outside a lesson (the lesson panel takes the column then), and
// presenter mode does not hide it.
func (p *inspectorPanel) inspecting() bool {
	g := p.g
	return g.lesson == nil && g.selected != 0 && g.view().Node(g.selected) != nil && !g.present.hidesPanels()
}

// inspectorArea is where the inspector is: the top of the feed's column,
// above a feed that keeps a few lines.
func (p *inspectorPanel) inspectorArea() Rect {
	g := p.g
	inspector, _ := splitFeed(g.lay.Feed, g.scale)
	return inspector
}

// draw shows everything about the selected node. It is cached
// (see panelCache), keyed on its text and how far it is scrolled; it is
// laid out (wrapped) only when that changes.
func (p *inspectorPanel) draw(dst *ebiten.Image) {
	g := p.g
	lines := inspectorText(g.lang, g.view().Node(g.selected))
	area := p.inspectorArea()
	g.keyScratch = inspectorKey(g.keyScratch[:0], area, g.scale, g.selected, lines).float(p.inspectorScrolled())
	p.cache.draw(dst, area, g.keyScratch, func(img *ebiten.Image, dx, dy float64) {
		p.renderInspector(img, dx, dy, p.layoutInspector(lines))
	})
}

// inspectorKey is what the inspector shows: its place, the node and its
// lines.
func inspectorKey(k keyBuf, area Rect, scale float64, id view.ID, lines []infoLine) keyBuf {
	k = k.rect(area).float(scale).uint(uint64(id)).uint(uint64(len(lines)))
	for _, l := range lines {
		k = k.uint(uint64(l.depth)).str(l.text)
	}
	return k
}

// infoLine is a line of the inspector's text: how deep it is indented,
// which says what it belongs to (a file under its directory, a fact under
// its file), and its text; data marks text that is not the catalogue's
// words but etcd's directory and file names, which no language
// translates.
type infoLine struct {
	depth int
	text  string
	data  bool
}

// indent is the room a line's depth takes before its text.
func (l infoLine) indent() string { return strings.Repeat("  ", l.depth) }

// Sizes of the inspector's text, in logical pixels.
const (
	inspectorTextSize = 11.5
	inspectorLineH    = 18.0
	// inspectorTop is where the first line starts below the panel's top
	// (the heading is above it) and inspectorFoot the room under the
	// last line shown.
	inspectorTop  = 31.0
	inspectorFoot = 6.0
)

// inspectorView is the inspector laid out: the lines shown (each a whole
// line, none cut short), the scroll bar when the text is longer than the
// panel, and the scroll (clamped to the text).
type inspectorView struct {
	lines  []inspectorLine
	bar    scrollBar
	scroll float64
	// end is the scroll that shows the last line.
	end float64
}

// inspectorLine is a line of text at y (its vertical centre).
type inspectorLine struct {
	s string
	y float64
}

// inspectorScroll is how far the inspector is scrolled, in pixels, and for
// which node (another node starts at the top).
type inspectorScroll struct {
	node view.ID
	by   float64
}

// inspectorScrolled is how far the inspector of the selected node is
// scrolled.
func (p *inspectorPanel) inspectorScrolled() float64 {
	g := p.g
	if sc := p.scroll; sc.node == g.selected {
		return sc.by
	}
	return 0
}

// setInspectorScroll scrolls the inspector to by (not above its top).
func (p *inspectorPanel) setInspectorScroll(by float64) {
	g := p.g
	p.scroll = inspectorScroll{g.selected, max(0, by)}
}

// inspectorLaidOut is the selected node's inspector laid out.
func (p *inspectorPanel) inspectorLaidOut() inspectorView {
	g := p.g
	return p.layoutInspector(inspectorText(g.lang, g.view().Node(g.selected)))
}

// layoutInspector lays out the selected node's lines: wrapped to the
// panel, those in the band below the heading shown, scrolled.
func (p *inspectorPanel) layoutInspector(lines []infoLine) inspectorView {
	g := p.g
	s := g.scale
	area := p.inspectorArea()
	f := face(inspectorTextSize*s, false)
	var all []string
	for _, l := range lines {
		all = append(all, wrapIndented(l, f, area.W-24*s-scrollBarHit*s)...)
	}
	top, bottom := area.Y+inspectorTop*s, area.Y+area.H-inspectorFoot*s
	lh := inspectorLineH * s
	content := float64(len(all)) * lh
	// The scroll is a whole number of lines, so that the first line shown
	// is at the top; scrolled to the end, the last line shows.
	end := math.Ceil(max(0, content-(bottom-top))/lh) * lh
	scroll := min(math.Round(p.inspectorScrolled()/lh)*lh, end)
	v := inspectorView{scroll: scroll, end: end, bar: newScrollBar(area.X+area.W, top, bottom, content, scroll, s)}
	for i, l := range all {
		y := top + float64(i)*lh - scroll
		if y >= top-0.5 && y+lh <= bottom+0.5 {
			v.lines = append(v.lines, inspectorLine{l, y + lh/2})
		}
	}
	return v
}

// wrapIndented wraps a line of the inspector to width, keeping its indent
// (which says what the line belongs to) and indenting its continuation
// lines a little further.
func wrapIndented(l infoLine, f text.Face, width float64) []string {
	indent := l.indent()
	lines := wrapPlain(l.text, f, width-textWidth(indent+"  ", f))
	for i := range lines {
		if i == 0 {
			lines[i] = indent + lines[i]
		} else {
			lines[i] = indent + "  " + lines[i]
		}
	}
	return lines
}

// scrollInspector scrolls the inspector by a mouse wheel's dy over it.
func (p *inspectorPanel) scrollInspector(x, y, dy float64) {
	g := p.g
	if dy != 0 && p.inspecting() && p.inspectorArea().Contains(x, y) {
		// The scroll kept is not rounded to lines: a touchpad's small
		// steps add up.
		by := p.inspectorScrolled() - wheelPixels(dy)*g.scale
		p.setInspectorScroll(min(by, p.inspectorLaidOut().end))
	}
}

// clickInspector pages the inspector's text by a click on its scroll bar,
// for those without a wheel. It reports whether the click was there.
func (p *inspectorPanel) clickInspector(x, y float64) bool {
	g := p.g
	if !p.inspecting() {
		return false
	}
	v := p.inspectorLaidOut()
	dir := v.bar.page(x, y, g.scale)
	if dir != 0 {
		p.setInspectorScroll(v.scroll + float64(dir)*0.8*v.bar.track.H)
	}
	return dir != 0
}

// renderInspector draws the laid-out inspector with every position
// shifted by (-dx, -dy).
func (p *inspectorPanel) renderInspector(dst *ebiten.Image, dx, dy float64, v inspectorView) {
	g := p.g
	s := g.scale
	area := p.inspectorArea().moved(dx, dy)
	g.spr.fillRect(dst, area, colPanel)
	g.spr.fillRect(dst, Rect{area.X, area.Y, area.W, 1 * s}, colPanelEdge)
	drawText(dst, g.tr("inspector.title", g.selected.Name()), face(13*s, true), area.X+12*s, area.Y+16*s, colText, alignStart)
	f := face(inspectorTextSize*s, false)
	for _, l := range v.lines {
		drawText(dst, l.s, f, area.X+12*s, l.y-dy, colText, alignStart)
	}
	if v.bar.shown() {
		g.spr.fillRect(dst, v.bar.track.moved(dx, dy), colPanelEdge)
		g.spr.fillRect(dst, v.bar.thumb.moved(dx, dy), colTextDim)
	}
}

// inspectorText describes a node's whole state as lines, in a language.
// The words around the values come from the catalogue; raft's names for
// its values (roles, progress states, WAL records) are put in the
// language through keys, and etcd's names (file names, mod_revision) stay
// as etcd writes them.
func inspectorText(lang i18n.Lang, n *view.Node) []infoLine {
	var out []infoLine
	add := func(depth int, key string, args ...any) {
		out = append(out, infoLine{depth: depth, text: lang.T(key, args...)})
	}
	if !n.Up {
		add(0, "inspector.crashed")
		return append(out, diskFileLines(lang, n.Disk)...)
	}
	l := &n.Log
	add(0, "inspector.role", lang.T(roleKey(n.Role)), n.Term, nameIn(lang, n.Vote), nameIn(lang, n.Leader))
	add(0, "inspector.indexes", l.Commit, l.Applied, l.Last)
	add(0, "inspector.snapshot", l.First-1, l.SnapTerm, l.First)
	add(0, "inspector.members", membershipText(lang, n.Members))
	if m := n.Members; len(m.Outgoing) > 0 {
		add(1, "inspector.joint", nameSet(m.Outgoing), nameSet(m.Voters))
	}
	add(0, "inspector.election-timer", n.ElectionElapsed, n.ElectionTimeout)
	if n.Disk.Syncing {
		add(0, "inspector.disk.syncing", n.Disk.FsyncMs)
	} else {
		add(0, "inspector.disk.idle", n.Disk.FsyncMs)
	}
	add(0, "inspector.files")
	out = append(out, diskFileLines(lang, n.Disk)...)
	if n.Role == view.Leader {
		add(0, "inspector.replication")
		for _, id := range progressIDs(n.Members) {
			pr, ok := n.PeerProgress(id)
			switch {
			case !ok:
			case pr.Window > 0: // with the flow-control window: its AppendEntries in flight
				add(1, "inspector.progress.inflight", id.Name(), pr.Match, pr.Next, progressText(lang, pr.State), len(pr.Inflight), pr.Window)
			default:
				add(1, "inspector.progress", id.Name(), pr.Match, pr.Next, progressText(lang, pr.State))
			}
		}
	}
	add(0, "inspector.state-machine", len(n.KV), n.Revision)
	for _, kv := range n.KV {
		add(1, "inspector.key", kv.Key, kv.Value, kv.ModRevision, kv.Version)
	}
	return append(out, walTail(lang, &n.Disk)...)
}

// progressIDs are the servers a leader replicates to in configuration m:
// its members and, in a joint configuration, the voters being left, who
// still count.
func progressIDs(m view.Membership) []view.ID {
	ids := m.Members()
	for _, id := range m.Outgoing {
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	return ids
}

// nameIn names a node in a language: S1, or nobody.
func nameIn(lang i18n.Lang, id view.ID) string {
	if id == view.None {
		return lang.T("feed.nobody")
	}
	return id.Name()
}

// membershipText is a configuration as raft's Membership.String writes
// it (voters {1,2,3} learners {4}), in a language.
func membershipText(lang i18n.Lang, m view.Membership) string {
	if len(m.Learners) == 0 {
		return lang.T("inspector.voters", idSet(m.Voters))
	}
	return lang.T("inspector.voters-learners", idSet(m.Voters), idSet(m.Learners))
}

// idSet writes ids as raft's Membership.String does: {1,2,3}.
func idSet(ids []view.ID) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = fmt.Sprint(uint64(id))
	}
	return "{" + strings.Join(parts, ",") + "}"
}

// progressText names a leader's replication state of a follower; Chinese
// keeps etcd's English name beside its own, as etcd engineers know them.
func progressText(lang i18n.Lang, s view.ProgressState) string {
	switch s {
	case view.StateReplicate:
		return lang.T("inspector.state.replicate")
	case view.StateSnapshot:
		return lang.T("inspector.state.snapshot")
	}
	return lang.T("inspector.state.probe")
}

// diskFileLines lists the files on a node's disk under etcd's names, each
// with what it holds: its directory, its name and its facts on lines of
// their own, so that they fit the side panel of a 1024-pixel screen.
func diskFileLines(lang i18n.Lang, d view.Disk) []infoLine {
	var out []infoLine
	for _, f := range d.Files {
		dir, name := path.Split(f.Path)
		out = append(out, infoLine{depth: 1, text: dir, data: true}, infoLine{depth: 2, text: name, data: true})
		fact := func(key string, args ...any) infoLine { return infoLine{depth: 3, text: lang.T(key, args...)} }
		if f.Snapshot {
			out = append(out, fact("inspector.file.snapshot", f.Index, f.Term), fact("inspector.file.bytes", f.Bytes))
			continue
		}
		out = append(out, fact("inspector.file.written", f.Records, f.Bytes), fact("inspector.file.synced", f.SyncedRecords, f.SyncedBytes))
	}
	return out
}

// walTail lists the last records of a node's WAL, marking the fsync point.
func walTail(lang i18n.Lang, d *view.Disk) []infoLine {
	out := []infoLine{{text: lang.T("inspector.wal")}}
	for i, r := range d.WALTail {
		if i == d.Durable {
			out = append(out, infoLine{depth: 1, text: lang.T("inspector.wal.fsync-point")})
		}
		out = append(out, infoLine{depth: 1, text: recordText(lang, r)})
	}
	return out
}

// recordText is a WAL record as raft's Record.String writes it, in a
// language.
func recordText(lang i18n.Lang, r view.Record) string {
	switch r.Type {
	case view.RecordHardState:
		return lang.T("inspector.wal.hardstate", r.Term, uint64(r.Vote), r.Commit)
	case view.RecordEntry:
		return lang.T("inspector.wal.entry", r.Index, r.Term, entryKindText(lang, r.Kind))
	case view.RecordTruncate:
		return lang.T("inspector.wal.truncate", r.Index)
	}
	return lang.T("inspector.wal.snapshot", r.Index, r.Term, membershipText(lang, r.Members))
}

// entryKindText names a kind of log entry as raft's EntryKind.String
// does, in a language.
func entryKindText(lang i18n.Lang, k view.EntryKind) string {
	switch k {
	case view.EntryNoop:
		return lang.T("inspector.entry.noop")
	case view.EntryConfig:
		return lang.T("inspector.entry.config")
	}
	return lang.T("inspector.entry.normal")
}

// inspectorPanel is the inspector: everything about the
// selected server, at the top of the right-hand column.
type inspectorPanel struct {
	g      *Game
	cache  panelCache
	scroll inspectorScroll
}

func (p *inspectorPanel) press(x, y float64, long bool) bool { return p.clickInspector(x, y) }
func (p *inspectorPanel) tip(x, y float64) (tooltip, bool)   { return tooltip{}, false }
