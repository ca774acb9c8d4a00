package ui

import (
	"fmt"
	"path"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/raft"
)

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
