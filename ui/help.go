package ui

import "github.com/hajimehoshi/ebiten/v2"

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
