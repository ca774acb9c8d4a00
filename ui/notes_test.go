package ui

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/raftlab/raftlab/lessons/doc"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestNotesProtocol: documents written with WriteNotes are read back by
// ReadNotes, one a line; a line that is not a document, names a step that
// cannot be, or is too long is a one-line error naming the line, and the
// reading goes on; an unknown language is English; the end of the input
// ends the reading without an error.
func TestNotesProtocol(t *testing.T) {
	var in bytes.Buffer
	a := NotesDoc{Lang: "zh-CN", Lesson: 3, LessonTitle: "Log replication", Step: 2, Of: 8, Title: "Watch", Notes: "Ask: who is the leader?\n\n• Point at S1", Head: "h", NextLine: "Next: x"}
	require.NoError(t, WriteNotes(&in, a))
	in.WriteString("hello\n")
	in.WriteString(`{"lang":"en","lesson":1,"step":9,"of":3}` + "\n")
	in.WriteString(`{"lang":"fr","notes":"x"` + strings.Repeat(" ", maxNotesLine) + "}\n")
	in.WriteString("\n")
	require.NoError(t, WriteNotes(&in, NotesDoc{Lang: "fr", Head: "none"}))
	in.WriteString(`{"lang":"en","head":"no end of line"}`)
	var got []NotesDoc
	var bad []string
	err := ReadNotes(&in, func(d NotesDoc) { got = append(got, d) }, func(err error) { bad = append(bad, err.Error()) })
	require.NoError(t, err)
	require.Len(t, got, 3)
	assert.Equal(t, a, got[0])
	assert.Equal(t, "en", got[1].Lang, "an unknown language is English")
	assert.Equal(t, "no end of line", got[2].Head)
	require.Len(t, bad, 3)
	assert.Contains(t, bad[0], "notes line 2: not a notes document")
	assert.Contains(t, bad[1], "notes line 3: step 9 of 3 in lesson 1 does not exist")
	assert.Contains(t, bad[2], "notes line 4: longer than 64 KB")
	for _, b := range bad {
		assert.NotContains(t, b, "\n")
	}
}

// failingReader fails after its data.
type failingReader struct{ data *strings.Reader }

func (r failingReader) Read(p []byte) (int, error) {
	if r.data.Len() == 0 {
		return 0, errors.New("pipe broke")
	}
	return r.data.Read(p)
}

func TestNotesProtocolReadError(t *testing.T) {
	var n int
	err := ReadNotes(failingReader{strings.NewReader(`{"lang":"en"}` + "\n")}, func(NotesDoc) { n++ }, func(error) {})
	assert.EqualError(t, err, "pipe broke")
	assert.Equal(t, 1, n)
}

// TestNotesDoc: the notes follow the lesson and step on screen, in the
// app's language, and say when there are none; the host is told only of
// changes.
func TestNotesDoc(t *testing.T) {
	var sent []NotesDoc
	g := testGameWith(t, Options{Notes: func(d NotesDoc) { sent = append(sent, d) }})
	g.sendNotes()
	require.Len(t, sent, 1)
	assert.Zero(t, sent[0].Lesson)
	assert.Equal(t, "No lesson is open. Open a lesson in RaftLab, and the notes of its step show here.", sent[0].Empty)
	g.sendNotes()
	assert.Len(t, sent, 1, "no change, nothing sent")

	require.NoError(t, g.OpenLesson(3, 2))
	g.sendNotes()
	require.Len(t, sent, 2)
	d := sent[1]
	assert.Equal(t, [4]int{3, 2, len(g.lesson.run.Lesson().Steps), 0}, [4]int{d.Lesson, d.Step, d.Of, 0})
	assert.Equal(t, g.lesson.run.Step().Title, d.Title)
	assert.Equal(t, "Next: "+g.lesson.run.Lesson().Steps[2].Title, d.NextLine)
	assert.Contains(t, d.Head, "Lesson 3: ")
	if d.Notes == "" {
		assert.Equal(t, "This step has no speaker notes.", d.Empty)
	}

	g.SetLang(i18n.Chinese)
	g.sendNotes()
	require.Len(t, sent, 3)
	assert.Equal(t, "zh-CN", sent[2].Lang)
	assert.Contains(t, sent[2].Head, "第 3 课")

	assert.Equal(t, "First.\n\n• A bullet, not styled", notesText([]doc.Paragraph{
		{Spans: []doc.Span{{Text: "First."}}},
		{Bullet: true, Spans: []doc.Span{{Text: "A bullet, "}, {Text: "not", Style: doc.Bold}, {Text: " styled"}}},
	}))
}

// TestNotesWindowFits: the notes window's text fits its width, and long
// notes shrink to fit its height.
func TestNotesWindowFits(t *testing.T) {
	long := strings.Repeat("Ask the room who votes for whom, and why the term matters here. ", 12)
	d := NotesDoc{Lang: "en", Head: "Lesson 3: Log replication · step 2 of 8", Title: "A follower falls behind", Notes: long, NextLine: "Next: catch up"}
	for _, size := range [][2]float64{{800, 600}, {1280, 720}} {
		lines := notesLines(d, i18n.English, "", size[0], size[1], 1)
		for _, l := range lines {
			assert.LessOrEqual(t, textWidth(l.text, face(l.size, l.bold)), size[0]-64, "%q fits", l.text)
		}
		assert.LessOrEqual(t, notesHeight(lines), size[1]-64, "%v: the notes fit", size)
	}
	lines := notesLines(NotesDoc{}, i18n.Chinese, "", 800, 600, 1)
	assert.Equal(t, "正在等待 RaftLab…", lines[0].text)
}
