package ui

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/raftlab/raftlab/lessons/doc"
	"github.com/raftlab/raftlab/playground/i18n"
)

// Speaker notes: a lesson step's ### Notes are what a teacher who projects
// the lesson says or asks the room; the learner's screen never shows
// them. The game hands the notes of the step on screen to its host
// (Options.Notes) whenever they change, as a NotesDoc, and the host shows
// them where only the teacher looks: a second browser tab (kept in step
// through a BroadcastChannel) or a second window on the desktop (a child
// process fed NotesDoc lines on its stdin, NotesWindow).

// NotesDoc is what the notes window shows, with its words in the app's
// language: the same JSON in the browser's channel and on the desktop's
// pipe, one document a line.
type NotesDoc struct {
	// Lang is the app's language (an i18n tag).
	Lang string `json:"lang"`
	// Lesson is the open lesson's number, 0 when none runs; Step is the
	// step on screen (from 1) of Of, titled Title; Next is the next
	// step's title ("" after the last).
	Lesson      int    `json:"lesson"`
	LessonTitle string `json:"lessonTitle,omitempty"`
	Step        int    `json:"step,omitempty"`
	Of          int    `json:"of,omitempty"`
	Title       string `json:"title,omitempty"`
	Next        string `json:"next,omitempty"`
	// Notes are the step's notes as plain text: paragraphs apart by a
	// blank line, a bullet's starting "• " (the page escapes them).
	Notes string `json:"notes"`
	// Head, NextLine and Empty are the window's own words: the lesson and
	// step, the next step ("Next: ..." or that this is the last), and
	// what shows when there are no notes (no lesson, or none written).
	Head     string `json:"head"`
	NextLine string `json:"nextLine,omitempty"`
	Empty    string `json:"empty,omitempty"`
}

// notesDoc is the notes of what the screen shows now.
func (g *Game) notesDoc() NotesDoc {
	d := NotesDoc{Lang: string(g.lang), Head: g.tr("notes.none.head"), Empty: g.tr("notes.none")}
	p := g.lesson
	if p == nil || p.run == nil {
		return d
	}
	l, st := p.run.Lesson(), p.run.Step()
	d.Lesson, d.LessonTitle = l.Number, l.Title
	d.Step, d.Of, d.Title = p.run.Index()+1, len(l.Steps), st.Title
	d.Head = g.tr("notes.head", l.Number, l.Title, d.Step, d.Of)
	d.Notes, d.Empty = notesText(st.Notes), ""
	if d.Notes == "" {
		d.Empty = g.tr("notes.empty")
	}
	d.NextLine = g.tr("notes.last")
	if d.Step < d.Of {
		d.Next = l.Steps[d.Step].Title
		d.NextLine = g.tr("notes.next", d.Next)
	}
	return d
}

// notesText is a step's notes as plain text.
func notesText(ps []doc.Paragraph) string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Text()
		if p.Bullet {
			out[i] = "• " + out[i]
		}
	}
	return strings.Join(out, "\n\n")
}

// sendNotes hands the host the notes on screen when they changed.
func (g *Game) sendNotes() {
	if g.opts.Notes == nil {
		return
	}
	d := g.notesDoc()
	if g.notesSent != nil && *g.notesSent == d {
		return
	}
	g.notesSent = &d
	g.opts.Notes(d)
}

// openNotes asks the host for the notes window (N in presenter mode).
func (g *Game) openNotes() {
	if g.opts.OpenNotes == nil {
		g.say(g.tr("notes.unavailable"))
		return
	}
	if err := g.opts.OpenNotes(); err != nil {
		g.say(g.tr("notes.failed", i18n.ErrorIn(err, g.lang)))
		return
	}
	g.say(g.tr("notes.opened"))
	g.notesSent = nil // a new window is sent the notes at once
}

// maxNotesLine bounds a line of the notes protocol: a step's notes are
// 60 words at most, so a longer line is not RaftLab's.
const maxNotesLine = 64 << 10

// WriteNotes writes d as a line of the notes protocol.
func WriteNotes(w io.Writer, d NotesDoc) error {
	data, err := json.Marshal(d)
	if err != nil {
		return err
	}
	_, err = w.Write(append(data, '\n'))
	return err
}

// ReadNotes reads the notes protocol from r until it ends, handing show
// every document and bad every line it cannot read (a one-line error that
// names the line), and goes on after it. It returns nil at the end of r,
// or the error that stopped the reading.
func ReadNotes(r io.Reader, show func(NotesDoc), bad func(error)) error {
	br := bufio.NewReaderSize(r, 4096)
	for n := 1; ; n++ {
		line, long, err := readLine(br)
		if len(line) > 0 || long {
			if d, perr := parseNotesLine(line, long); perr != nil {
				bad(fmt.Errorf("notes line %d: %w", n, perr))
			} else {
				show(d)
			}
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// readLine reads a line without its end, at most maxNotesLine bytes: long
// reports that it was longer (the rest is skipped).
func readLine(br *bufio.Reader) (line []byte, long bool, err error) {
	for {
		chunk, prefix, err := br.ReadLine()
		if len(line)+len(chunk) > maxNotesLine {
			long = true
		} else {
			line = append(line, chunk...)
		}
		if err != nil || !prefix {
			return line, long, err
		}
	}
}

// parseNotesLine is a line of the notes protocol as a document.
func parseNotesLine(line []byte, long bool) (NotesDoc, error) {
	var d NotesDoc
	if long {
		return d, fmt.Errorf("longer than %d KB", maxNotesLine>>10)
	}
	if err := json.Unmarshal(line, &d); err != nil {
		return d, fmt.Errorf("not a notes document: %v", err)
	}
	if d.Lesson < 0 || d.Step < 0 || d.Step > d.Of {
		return d, fmt.Errorf("step %d of %d in lesson %d does not exist", d.Step, d.Of, d.Lesson)
	}
	if _, err := i18n.Parse(d.Lang); err != nil {
		d.Lang = string(i18n.English)
	}
	return d, nil
}
