package ui

import (
	"image"
	"strings"
	"sync"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/raftlab/raftlab/internal/palette"
	"github.com/raftlab/raftlab/playground/i18n"
)

// NotesWindow is the desktop's speaker notes window (raftlab --notes): it
// shows the NotesDoc last handed to Show, large, dark on white, as the
// browser's notes tab does, until Close. Show, Problem and Close may be
// called from another goroutine (the one reading the pipe).
type NotesWindow struct {
	mu      sync.Mutex
	doc     NotesDoc
	problem string
	closed  bool
	// lang is the language of the window's own words until a document
	// says which; cjk installs the Chinese fonts when they are needed.
	lang i18n.Lang
	cjk  func()
	w, h int
	s    float64
}

// NewNotesWindow is a notes window that waits for its first document,
// saying so in lang; cjk, when set, installs the Chinese fonts the first
// time Chinese is to be drawn.
func NewNotesWindow(lang i18n.Lang, cjk func()) *NotesWindow {
	return &NotesWindow{lang: lang, cjk: cjk, s: 1}
}

// Show makes d what the window shows.
func (n *NotesWindow) Show(d NotesDoc) {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.doc, n.problem, n.lang = d, "", i18n.Lang(d.Lang)
}

// Problem shows a one-line problem (a line that could not be read) under
// the notes, until the next document.
func (n *NotesWindow) Problem(err error) {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.problem = err.Error()
}

// Close ends the window at its next update.
func (n *NotesWindow) Close() {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.closed = true
}

// Update implements ebiten.Game.
func (n *NotesWindow) Update() error {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.closed {
		return ebiten.Termination
	}
	if n.cjk != nil && !HasCJKFont() && (n.lang == i18n.Chinese || needsCJK(n.doc.Notes+n.doc.Title)) {
		n.cjk()
		n.cjk = nil
	}
	return nil
}

// Layout implements ebiten.Game, in physical pixels as the game does.
func (n *NotesWindow) Layout(w, h int) (int, int) {
	s := ebiten.Monitor().DeviceScaleFactor()
	if s <= 0 {
		s = 1
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	n.w, n.h, n.s = int(float64(w)*s), int(float64(h)*s), s
	return n.w, n.h
}

// notesLine is a line of the window's text: its words, size and colour;
// a rule is the line across above the next step, as the browser's tab
// draws it.
type notesLine struct {
	text string
	size float64
	bold bool
	dim  bool
	rule bool
}

// notesLines lays the document out for a window w physical pixels wide at
// scale s: the head, the step's title, the notes and the next step. The
// notes' type shrinks, down to half its size, until they fit h.
func notesLines(d NotesDoc, lang i18n.Lang, problem string, w, h, s float64) []notesLine {
	head := d.Head
	if head == "" {
		head = lang.T("notes.waiting")
	}
	pad := 32 * s
	width := w - 2*pad
	var out []notesLine
	add := func(text string, size float64, bold, dim bool) {
		for _, para := range strings.Split(text, "\n\n") {
			for _, ln := range wrapPlain(para, face(size, bold), width) {
				out = append(out, notesLine{text: ln, size: size, bold: bold, dim: dim})
			}
			out = append(out, notesLine{size: size * 0.5})
		}
	}
	body := d.Notes
	if body == "" {
		body = d.Empty
	}
	for size := 34 * s; ; size *= 0.9 {
		out = out[:0]
		add(head, 22*s, false, true)
		if d.Title != "" {
			add(d.Title, 38*s, true, false)
		}
		add(body, size, false, d.Notes == "")
		if d.NextLine != "" {
			out = append(out, notesLine{size: 12 * s, rule: true})
			add(d.NextLine, 24*s, false, true)
		}
		if problem != "" {
			add(problem, 18*s, false, true)
		}
		if notesHeight(out) <= h-2*pad || size < 17*s {
			return out
		}
	}
}

// notesHeight is the height the lines take.
func notesHeight(lines []notesLine) float64 {
	y := 0.0
	for _, l := range lines {
		y += l.size * 1.35
	}
	return y
}

// Draw implements ebiten.Game.
func (n *NotesWindow) Draw(dst *ebiten.Image) {
	n.mu.Lock()
	d, lang, problem, w, h, s := n.doc, n.lang, n.problem, float64(n.w), float64(n.h), n.s
	n.mu.Unlock()
	p := &palette.Presenter
	dst.Fill(p.Background)
	y := 32 * s
	for _, l := range notesLines(d, lang, problem, w, h, s) {
		c := p.Text
		if l.dim {
			c = p.TextDim
		}
		lh := l.size * 1.35
		if l.rule {
			dst.SubImage(image.Rect(int(32*s), int(y), int(w-32*s), int(y+2*s))).(*ebiten.Image).Fill(p.PanelEdge)
		} else {
			drawText(dst, l.text, face(l.size, l.bold), 32*s, y+lh/2, c, alignStart)
		}
		y += lh
	}
}
