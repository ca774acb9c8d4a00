package ui

import (
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
// paused there, at its playback speed; or its lesson at its step (a
// lesson's step starts afresh from the step's own setup). A link whose
// scenario cannot start changes nothing.
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
		g.say(g.tr("status.share.opened-step", l.Lesson, l.Step))
		return nil
	}
	g.sess.RunUntil(l.AtMs)
	g.seek(float64(l.AtMs))
	g.paused = true
	g.say(g.tr("status.share.opened", float64(l.AtMs)/1000))
	return nil
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
