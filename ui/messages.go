package ui

import (
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/raft"
)

// flightProgress is how far along its link a message is at virtual time
// now: 0 when sent, 1 when it arrives.
func flightProgress(f *playground.Flight, now float64) float64 {
	span := float64(f.DeliverAt - f.SendAt)
	if span <= 0 {
		return 1
	}
	return math.Max(0, math.Min(1, (now-float64(f.SendAt))/span))
}

// flightPos places a message between two points at a progress, shifted
// sideways into its direction's lane so that a request and its response on
// the same link do not overlap.
func flightPos(x1, y1, x2, y2, progress, lane float64) (x, y float64) {
	dx, dy := x2-x1, y2-y1
	l := math.Hypot(dx, dy)
	if l == 0 {
		return x1, y1
	}
	nx, ny := -dy/l, dx/l
	return x1 + dx*progress + nx*lane, y1 + dy*progress + ny*lane
}

// messageLook is how a message is drawn: filled for requests, hollow for
// responses, red-rimmed for rejections, small and faint for heartbeats.
type messageLook struct {
	fill     color.RGBA
	hollow   bool
	reject   bool
	size     float64 // relative to the standard message size
	alpha    float64
	describe string
}

func lookOf(f *playground.Flight) messageLook {
	switch f.Kind {
	case playground.FlightRequest:
		return messageLook{fill: colClient, size: 1, alpha: 1, describe: "client request"}
	case playground.FlightReply:
		return messageLook{fill: colClient, hollow: true, reject: f.Reply.Redirect, size: 1, alpha: 1, describe: "client reply"}
	}
	m := f.Raft
	l := messageLook{fill: messageColor(m.Type), hollow: m.Type.IsResponse(), reject: m.Reject, size: 1, alpha: 1, describe: m.Type.String()}
	switch {
	case m.IsHeartbeat():
		l.size, l.alpha = 0.7, 0.55
	case m.Type == raft.MsgAppendEntriesResponse && !m.Reject:
		l.size = 0.85
	case m.Type == raft.MsgInstallSnapshot:
		l.size = 1.35
	}
	return l
}

// drawMessages draws every message on the wire where it is now. A lost
// message flies on and fades out at the point it is lost.
func (g *Game) drawMessages(dst *ebiten.Image, w *playground.World) {
	s := g.scale
	g.msgSpots = g.msgSpots[:0]
	cx, cy := g.clientPoint()
	for _, f := range w.InFlight() {
		x1, y1, ok1 := g.endpoint(f.From, cx, cy)
		x2, y2, ok2 := g.endpoint(f.To, cx, cy)
		if !ok1 || !ok2 {
			continue
		}
		p := flightProgress(f, g.clock)
		look := lookOf(f)
		alpha := look.alpha
		if f.Lost && p > 0.5 {
			alpha *= math.Max(0, 1-(p-0.5)*3)
			if alpha <= 0.02 {
				continue
			}
		}
		x, y := flightPos(x1, y1, x2, y2, p, 5*s)
		r := 6.5 * s * look.size
		c := withAlpha(look.fill, alpha)
		if look.hollow {
			drawCentered(dst, g.spr.ring(int(r), int(2.2*s)), x, y, c)
		} else {
			drawCentered(dst, g.spr.disc(int(r)), x, y, c)
		}
		if look.reject {
			drawCentered(dst, g.spr.ring(int(r+3*s), int(2*s)), x, y, withAlpha(colBad, alpha))
		}
		if f.Lost && p > 0.5 {
			g.drawCross(dst, x, y)
		}
		g.msgSpots = append(g.msgSpots, msgSpot{f: *f, x: x, y: y})
	}
}
