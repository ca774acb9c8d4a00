package ui

import (
	"fmt"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/raftlab/raftlab/playground"
)

// feedFilter chooses which events the feed shows.
type feedFilter int

const (
	feedStory feedFilter = iota
	feedElections
	feedLog
	feedNetwork
	feedClients
	feedAll
)

var feedFilters = []struct {
	name, label string
}{
	{"feed-story", "Story"}, {"feed-elections", "Elections"}, {"feed-log", "Log"},
	{"feed-network", "Faults"}, {"feed-clients", "Clients"}, {"feed-all", "All"},
}

// shows reports whether the filter lets an event through. The story leaves
// out the steady traffic (sends, deliveries, fsyncs, and the losses of
// messages to crashed or cut-off nodes) that would drown it.
func (f feedFilter) shows(t playground.EventType) bool {
	switch f {
	case feedStory:
		switch t {
		case playground.EvSend, playground.EvDeliver, playground.EvFsync, playground.EvApply, playground.EvExpect,
			playground.EvDrop, playground.EvDuplicate:
			return false
		}
		return true
	case feedElections:
		switch t {
		case playground.EvTimeout, playground.EvRole, playground.EvTerm, playground.EvVote, playground.EvTransfer:
			return true
		}
	case feedLog:
		switch t {
		case playground.EvAppend, playground.EvTruncate, playground.EvCommit, playground.EvApply, playground.EvSnapshot, playground.EvMembership:
			return true
		}
	case feedNetwork:
		switch t {
		case playground.EvDrop, playground.EvDuplicate, playground.EvPartition, playground.EvHeal, playground.EvCut,
			playground.EvLink, playground.EvNetwork, playground.EvCrash, playground.EvRestart, playground.EvDisk, playground.EvViolation:
			return true
		}
	case feedClients:
		return t == playground.EvClientCall || t == playground.EvClientReturn
	case feedAll:
		return true
	}
	return false
}

// drawFeed lists the trace as sentences, newest first.
func (g *Game) drawFeed(dst *ebiten.Image) {
	s := g.scale
	area := g.lay.Feed
	g.spr.fillRect(dst, area, colPanel)
	g.spr.fillRect(dst, Rect{area.X, area.Y, area.W, 1 * s}, colPanelEdge)
	drawText(dst, "Events", face(13*s, true), area.X+12*s, area.Y+16*s, colText, alignStart)
	for i, b := range g.feedButtons() {
		bg := colButton
		if feedFilter(i) == g.filter {
			bg = colButtonHot
		}
		g.spr.fillRect(dst, b.Rect, bg)
		drawText(dst, b.Label, face(10*s, false), b.Rect.CenterX(), b.Rect.CenterY(), colText, alignCenter)
	}
	f := face(11.5*s, false)
	lineH := 19 * s
	y := area.Y + 62*s
	w := g.world()
	for i := w.TraceLen() - 1; i >= 0 && y < area.Y+area.H-8*s; i-- {
		e := w.EventAt(i)
		if !g.filter.shows(e.Type) {
			continue
		}
		c := colText
		if e.Type == playground.EvViolation {
			c = colBad
		}
		drawText(dst, fmt.Sprintf("%6.3fs", float64(e.AtMs)/1000), face(10*s, false), area.X+10*s, y, colTextDim, alignStart)
		drawText(dst, ellipsize(e.Text(), f, area.W-70*s), f, area.X+60*s, y, c, alignStart)
		y += lineH
	}
}

// feedButtons are the filter buttons above the feed.
func (g *Game) feedButtons() []Button {
	s := g.scale
	area := g.lay.Feed
	bw := (area.W - 24*s) / float64(len(feedFilters))
	out := make([]Button, len(feedFilters))
	for i, ff := range feedFilters {
		out[i] = Button{Name: ff.name, Label: ff.label, Rect: Rect{area.X + 12*s + float64(i)*bw, area.Y + 30*s, bw - 4*s, 20 * s}}
	}
	return out
}
