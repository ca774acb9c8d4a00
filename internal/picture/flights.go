package picture

import (
	"image/color"
	"math"

	"github.com/raftlab/raftlab/internal/palette"
	"github.com/raftlab/raftlab/playground/view"
)

// look is how a message is drawn, as the app draws it: a disc for a
// request, a hollow square for a response, with a letter naming its type
// (V vote, P pre-vote, A append, H heartbeat, S snapshot, T TimeoutNow,
// C client); a red rim for a rejection; heartbeats smaller.
type look struct {
	fill     color.RGBA
	letter   string
	response bool
	reject   bool
	size     float64
}

func lookOf(f *view.Flight, p *palette.Palette) look {
	switch f.Kind {
	case view.FlightRequest:
		return look{fill: p.Client, letter: "C", size: 1}
	case view.FlightReply:
		return look{fill: p.Client, letter: "C", size: 1, response: true, reject: f.Reply != nil && f.Reply.Refused != ""}
	}
	t := f.Msg.Type
	l := look{fill: p.Message(t), response: t.IsResponse(), reject: f.Msg.Reject, size: 1}
	switch t {
	case view.MsgRequestVote, view.MsgRequestVoteResponse:
		l.letter = "V"
	case view.MsgPreVote, view.MsgPreVoteResponse:
		l.letter = "P"
	case view.MsgAppendEntries, view.MsgAppendEntriesResponse:
		l.letter = "A"
	case view.MsgInstallSnapshot, view.MsgInstallSnapshotResponse:
		l.letter, l.size = "S", 1.2
	case view.MsgTimeoutNow:
		l.letter = "T"
	}
	if f.Msg.Heartbeat() {
		l.letter, l.size = "H", 0.8
	}
	return l
}

// endpoint is where a message leaves or arrives: a server, or the
// clients (None).
func (l *layout) endpoint(id view.ID) (x, y, r float64, ok bool) {
	if id == view.None {
		return l.clientX, l.clientY, 9 * l.s, true
	}
	sp, ok := l.spot(id)
	return sp.x, sp.y, sp.r, ok
}

// drawFlights draws the messages on the wire where they are at the
// frame's moment: along their link, each direction in a lane of its own,
// a lost one fading with a cross.
func drawFlights(cv *canvas, l *layout, f *moment, p *palette.Palette) {
	s := l.s
	now := float64(f.World.Now)
	for i := range f.Flights {
		fl := &f.Flights[i]
		x1, y1, r1, ok1 := l.endpoint(fl.From)
		x2, y2, r2, ok2 := l.endpoint(fl.To)
		if !ok1 || !ok2 {
			continue
		}
		progress := 1.0
		if span := float64(fl.DeliverAt - fl.SendAt); span > 0 {
			progress = min(1, max(0, (now-float64(fl.SendAt))/span))
		}
		glyph := 10 * s
		x1, y1, x2, y2 = rimToRim(x1, y1, r1+glyph, x2, y2, r2+glyph)
		dx, dy := x2-x1, y2-y1
		d := math.Hypot(dx, dy)
		x, y := x1+dx*progress, y1+dy*progress
		if d > 0 {
			x, y = x-dy/d*7*s, y+dx/d*7*s
		}
		lk := lookOf(fl, p)
		alpha := 1.0
		if fl.Lost {
			alpha = 1 - 0.6*progress
		}
		drawGlyph(cv, x, y, glyph*0.8*lk.size, lk, alpha, p)
		if fl.Lost && progress > 0.5 {
			e := 6 * s
			cv.line(x-e, y-e, x+e, y+e, 3*s, p.Cut)
			cv.line(x-e, y+e, x+e, y-e, 3*s, p.Cut)
		}
	}
}

// drawGlyph draws a message's glyph of radius r at x, y.
func drawGlyph(cv *canvas, x, y, r float64, lk look, alpha float64, p *palette.Palette) {
	c := withAlpha(lk.fill, alpha)
	letterCol := withAlpha(p.Background, alpha)
	if lk.response {
		cv.rect(x-r, y-r, 2*r, 2*r, withAlpha(p.Background, alpha))
		cv.frame(x-r, y-r, 2*r, 2*r, max(1.5, r*0.25), c)
		letterCol = c
	} else {
		cv.disc(x, y, r, c)
	}
	if lk.reject {
		cv.ring(x, y, r+2, 2, withAlpha(p.Bad, alpha))
	}
	cv.text(lk.letter, face(r*1.2, true), x, y, letterCol, alignCenter)
}

// rimToRim moves a link's ends from the centres of the two things it
// joins out by r1 and r2, so that a message in flight never covers a
// server; where they would cross, both ends meet between the rims.
func rimToRim(x1, y1, r1, x2, y2, r2 float64) (float64, float64, float64, float64) {
	dx, dy := x2-x1, y2-y1
	l := math.Hypot(dx, dy)
	if l == 0 {
		return x1, y1, x2, y2
	}
	t1, t2 := r1/l, 1-r2/l
	if t1 > t2 {
		t1 = r1 / (r1 + r2)
		t2 = t1
	}
	return x1 + dx*t1, y1 + dy*t1, x1 + dx*t2, y1 + dy*t2
}
