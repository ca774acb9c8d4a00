package ui

import (
	"time"

	"github.com/raftlab/raftlab/lessons/doc"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
)

// MaxShareLinkBytes is the longest link Share hands out. Browsers keep
// longer URLs, but chat apps, mail and course platforms cut or refuse
// them; a longer session is saved as a scenario file to send instead.
const MaxShareLinkBytes = 8 << 10

// shareLink is what the screen shows now as a share link: the scenario
// with every action taken, the moment, the lesson and step, the playback
// speed and the language. The scenario keeps its own end (the sandbox's
// is open), so that whoever opens the link can play on.
func (g *Game) shareLink() view.Link {
	sc := *g.scenario
	sc.Actions = g.sess.Actions()
	l := view.Link{Scenario: &sc, AtMs: g.sess.Now(), Speed: doc.Speeds[g.speed], Lang: g.lang}
	if p := g.lesson; p != nil && p.run != nil {
		l.Lesson, l.Step = p.run.Lesson().Number, p.run.Index()+1
	}
	return l
}

// share hands the front end a link to this moment (the browser puts it in
// the address bar and copies it; the desktop saves and prints it), or
// saves the session as a file when the link would be too long to send.
func (g *Game) share() {
	if g.opts.Share == nil {
		g.say(g.tr("status.share.unavailable"))
		return
	}
	g.sess.RunUntil(int64(g.clock)) // the moment the screen shows
	link, err := g.opts.Lab.EncodeLink(g.shareLink())
	if err != nil {
		g.say(g.tr("status.share.failed", i18n.ErrorIn(err, g.lang)))
		return
	}
	if len(link) > MaxShareLinkBytes {
		if g.save() {
			g.say(g.tr("status.share.too-long", (len(link)+1023)>>10, MaxShareLinkBytes>>10))
		}
		return
	}
	saved, err := g.opts.Share(link)
	switch {
	case err != nil:
		g.say(g.tr("status.share.failed", i18n.ErrorIn(err, g.lang)))
	case saved != "":
		g.say(g.tr("status.share.saved", saved))
	default:
		g.say(g.tr("status.share.address-bar"))
	}
}

// LinkCopied tells the game that the browser copied the link it was
// handed to the clipboard, which it learns only after Share returns. It
// is safe to call from another goroutine (a browser callback).
func (g *Game) LinkCopied() {
	g.incoming.Lock()
	g.incoming.copied = true
	g.incoming.Unlock()
}

// openLink shows what a share link holds: its scenario run to its moment,
// paused there, at its playback speed (a new run that plays on from its
// start, Play); or its lesson at its step (a lesson's step starts afresh
// from the step's own setup). A link whose scenario cannot start changes
// nothing.
func (g *Game) openLink(l *view.Link) error {
	if err := g.load(l.Scenario); err != nil {
		return err
	}
	return g.showLink(l)
}

// showLink shows a share link's moment, lesson and speed, its scenario
// started.
func (g *Game) showLink(l *view.Link) error {
	if l.Speed != 0 {
		g.speed = speedIndex(l.Speed)
	}
	if l.Lesson != 0 {
		if err := g.openLesson(l.Lesson, l.Step); err != nil {
			return err
		}
		if !g.reloading { // (a lesson another build runs: loading)
			g.say(g.tr("status.share.opened-step", l.Lesson, l.Step))
		}
		return nil
	}
	if l.Play && l.AtMs == 0 {
		return nil // a new run, from Apply in another build: it goes on as Apply does
	}
	g.paused, g.opening = true, l.AtMs
	g.openingStep()
	return nil
}

// openingBudget is the wall time an update spends running a link's
// scenario to its moment. A link is small, but it may ask for an hour of
// a busy cluster (a minute of work in a browser): run in slices, the page
// answers, the status line shows how far it is, and Esc stops it there.
const openingBudget = 25 * time.Millisecond

// openingStep runs a link's scenario on toward its moment for about
// openingBudget, in slices of virtual time sized to fit; at the moment it
// shows it there, paused. (The slices do not change the run: it is the
// same however it is cut.)
func (g *Game) openingStep() {
	start := time.Now()
	slice := int64(50)
	for g.sess.Now() < g.opening && time.Since(start) < openingBudget {
		t0 := time.Now()
		g.sess.RunUntil(min(g.sess.Now()+slice, g.opening))
		if time.Since(t0) < openingBudget/8 {
			slice *= 2
		}
	}
	g.clock = float64(g.sess.Now())
	if g.sess.Now() < g.opening {
		g.say(g.tr("status.share.opening", 100*g.sess.Now()/g.opening))
		return
	}
	g.seek(float64(g.opening))
	g.say(g.tr("status.share.opened", float64(g.opening)/1000))
	g.opening = 0
}

// stopOpening stops running a link's scenario on where it is (Esc).
func (g *Game) stopOpening() {
	g.opening = 0
	g.say(g.tr("status.share.stopped", g.clock/1000))
}

// LoadLink opens a share link's text (a URL or its fragment) at the next
// update: the browser's address bar changed to another link while the app
// runs. It is safe to call from another goroutine (a browser callback).
func (g *Game) LoadLink(text string) {
	g.incoming.Lock()
	g.incoming.link = text
	g.incoming.Unlock()
}

// loadLink opens a share link's text; a link that cannot be read or
// started is reported in the status line and changes nothing.
func (g *Game) loadLink(text string) {
	l, err := g.opts.Lab.DecodeLink(text)
	if err == nil {
		err = g.openLink(&l)
	}
	if err != nil {
		g.say(g.tr("status.share.cannot-open", i18n.ErrorIn(err, g.lang)))
	}
}
