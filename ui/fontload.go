package ui

import (
	"sync"
	"sync/atomic"
)

// cjkWanted is set the first time text with Chinese characters is drawn
// while the Chinese fonts are not installed (a key typed in Chinese, a
// scenario file with Chinese names): the game then asks its host for the
// fonts (Options.CJKFont) so that the text shows properly.
var cjkWanted atomic.Bool

// wantCJK notes that s is drawn, asking for the Chinese fonts if it needs
// them. It is cheap for Latin text, which is most of what is drawn.
func wantCJK(s string) {
	if !cjkWanted.Load() && needsCJK(s) && !HasCJKFont() {
		cjkWanted.Store(true)
	}
}

// fontState is how the Chinese fonts are coming: the download (load),
// the font generation the panels were last drawn with (gen), and the last
// word on the fonts in the status line (said).
type fontState struct {
	load fontLoad
	gen  int
	said string
}

// fontLoad is how the download of the Chinese fonts is going, as the host
// reports it (from another goroutine in the browser).
type fontLoad struct {
	mu         sync.Mutex
	asked      bool
	got, total int64
	done       bool
	err        error
}

// requestCJKFont asks the host for the Chinese fonts, once, when they are
// wanted and not installed.
func (g *Game) requestCJKFont() {
	if g.opts.CJKFont == nil || !cjkWanted.Load() || HasCJKFont() {
		return
	}
	g.fonts.load.mu.Lock()
	asked := g.fonts.load.asked
	g.fonts.load.asked = true
	g.fonts.load.mu.Unlock()
	if !asked {
		g.opts.CJKFont()
	}
}

// FontProgress reports how much of the Chinese fonts has arrived (total 0:
// not known yet). It is safe to call from another goroutine.
func (g *Game) FontProgress(got, total int64) {
	g.fonts.load.mu.Lock()
	defer g.fonts.load.mu.Unlock()
	g.fonts.load.asked = true
	g.fonts.load.got, g.fonts.load.total = got, total
}

// FontLoaded reports the end of the download: nil when the fonts are
// installed, or why they are not. It is safe to call from another
// goroutine.
func (g *Game) FontLoaded(err error) {
	g.fonts.load.mu.Lock()
	defer g.fonts.load.mu.Unlock()
	g.fonts.load.done, g.fonts.load.err = true, err
}

// fontStatus is what to tell the user about the Chinese fonts: loading
// (with the fraction that has arrived, -1 when unknown), failed (with
// why), or nothing to say (ok false).
func (g *Game) fontStatus() (loading bool, frac float64, err error, ok bool) {
	g.fonts.load.mu.Lock()
	defer g.fonts.load.mu.Unlock()
	f := &g.fonts.load
	switch {
	case !f.asked:
		return false, 0, nil, false
	case f.done && f.err != nil:
		return false, 0, f.err, true
	case f.done || HasCJKFont(): // the desktop installs them without a word
		return false, 1, nil, false
	case f.total > 0:
		return true, min(1, float64(f.got)/float64(f.total)), nil, true
	}
	return true, -1, nil, true
}

// fontState is the Chinese fonts' state for the page's tests: "none" (not
// asked for), "loading", "ready" or "failed".
func (g *Game) fontState() string {
	if HasCJKFont() {
		return "ready"
	}
	loading, _, err, ok := g.fontStatus()
	switch {
	case err != nil:
		return "failed"
	case loading && ok:
		return "loading"
	}
	return "none"
}

// fontTick keeps the screen up to date with the Chinese fonts, once an
// update: the panels are drawn again when the fonts arrive (their keys do
// not know the fonts), and the status line says how the download goes,
// then why it failed, or nothing more once it is done.
func (g *Game) fontTick() {
	if gen := fontGeneration(); gen != g.fonts.gen {
		g.fonts.gen = gen
		g.redrawPanels()
	}
	var msg string
	switch loading, frac, err, ok := g.fontStatus(); {
	case !ok:
	case err != nil:
		msg = g.tr("host.font.failed", err)
	case loading && frac < 0:
		msg = g.tr("host.font.loading")
	case loading:
		msg = g.tr("host.font.loading.pct", int(frac*100))
	}
	if msg == g.fonts.said {
		return
	}
	if msg != "" {
		g.say(msg)
	} else if g.status.text == g.fonts.said {
		g.say("")
	}
	g.fonts.said = msg
}
