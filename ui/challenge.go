package ui

import (
	"github.com/hajimehoshi/ebiten/v2"
	"github.com/raftlab/raftlab/playground/view"
)

// A challenge is a goal a teacher sets in a scenario (view.Challenge): the
// card in the cluster area's top-left corner shows the goal in the
// teacher's words and where it stands, judged by the simulation as the
// student plays: open (with the time left), passed (with the result code
// to report) or failed (with why, and Try again).

// challengeCard is the card's place and its lines, in the language shown.
type challengeCard struct {
	box   Rect
	lines []string
	// status is the line index where the verdict starts (drawn in its
	// colour).
	status int
	state  view.VerdictState
	retry  Button
}

// challengeVerdict is the session's verdict, if its scenario sets a
// challenge.
func (g *Game) challengeVerdict() (view.Verdict, bool) {
	if g.scenario.Challenge == nil || g.lesson != nil {
		return view.Verdict{}, false
	}
	return g.sess.Verdict()
}

// challengeCard lays the card out, or reports that there is none.
func (g *Game) challengeCard() (challengeCard, bool) {
	v, ok := g.challengeVerdict()
	if !ok || g.part != nil {
		return challengeCard{}, false
	}
	s, c, ch := g.scale, g.lay.Cluster, g.scenario.Challenge
	w := min(380*s, c.W*0.42)
	f := face(12*s, false)
	card := challengeCard{state: v.State}
	card.lines = append(card.lines, g.tr("challenge.title"))
	card.lines = append(card.lines, wrapPlain(ch.Goal, f, w-20*s)...)
	card.status = len(card.lines)
	var status string
	switch v.State {
	case view.Open:
		status = g.tr("challenge.open")
		if ch.WithinMs > 0 {
			status = g.tr("challenge.open.left", float64(max(ch.WithinMs-g.sess.Now(), 0))/1000)
		}
	case view.Passed:
		status = g.tr("challenge.passed", float64(v.AtMs)/1000, v.Code)
	case view.Failed:
		status = g.tr("challenge.failed", float64(v.AtMs)/1000, v.Why.In(g.lang))
	}
	card.lines = append(card.lines, wrapPlain(status, f, w-20*s)...)
	row := 18 * s
	h := 12*s + float64(len(card.lines))*row
	if v.State == view.Failed {
		h += 32 * s
	}
	card.box = Rect{c.X + 10*s, c.Y + 10*s, w, h}
	if v.State == view.Failed {
		label := g.tr("challenge.retry")
		card.retry = Button{Name: "challenge-retry", Label: label, Hint: g.tr("challenge.retry.hint"),
			Rect: Rect{card.box.X + 10*s, card.box.Y + h - 32*s, textWidth(label, f) + 24*s, 24 * s}}
	}
	return card, true
}

// challengeButtons are the card's controls (Try again, once failed).
func (g *Game) challengeButtons() []Button {
	if card, ok := g.challengeCard(); ok && card.retry.Name != "" {
		return []Button{card.retry}
	}
	return nil
}

// clickChallenge takes a press on the card: Try again starts the
// challenge afresh; a press elsewhere on the card does nothing (it is
// not the ground under it).
func (g *Game) clickChallenge(x, y float64) bool {
	card, ok := g.challengeCard()
	if !ok || !card.box.Contains(x, y) {
		return false
	}
	if card.retry.Rect.Contains(x, y) {
		if err := g.load(g.scenario); err != nil {
			g.say(err.Error())
		}
	}
	return true
}

// drawChallenge draws the card.
func (g *Game) drawChallenge(dst *ebiten.Image) {
	card, ok := g.challengeCard()
	if !ok {
		return
	}
	s := g.scale
	edge := colPanelEdge
	switch card.state {
	case view.Passed:
		edge = colOK
	case view.Failed:
		edge = colBad
	}
	g.spr.fillRect(dst, card.box, edge)
	g.spr.fillRect(dst, card.box.Inset(2*s), colPanel)
	f, bold := face(12*s, false), face(12*s, true)
	for i, ln := range card.lines {
		y := card.box.Y + 6*s + (float64(i)+0.5)*18*s
		switch {
		case i == 0:
			g.drawLabel(dst, ln, bold, card.box.X+10*s, y, colTextDim, alignStart)
		case i >= card.status:
			g.drawLabel(dst, ln, bold, card.box.X+10*s, y, edge, alignStart)
		default:
			g.drawLabel(dst, ln, f, card.box.X+10*s, y, colText, alignStart)
		}
	}
	if b := card.retry; b.Name != "" {
		g.spr.fillRect(dst, b.Rect, g.buttonColor(b))
		g.drawLabel(dst, b.Label, f, b.Rect.CenterX(), b.Rect.CenterY(), colText, alignCenter)
	}
}
