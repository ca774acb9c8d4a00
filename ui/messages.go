package ui

import (
	"image/color"
	"math"

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
